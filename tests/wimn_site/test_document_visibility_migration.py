"""Migration 0006 (files follow the pages that use them) publishes nothing that was hidden before it: language
versions whose box was unticked move into a collection only signed-in staff can open."""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Collection, CollectionViewRestriction

from wimn_site.factories import ContentPageFactory, DocumentFactory
from wimn_site.models import WimnDocument

BEFORE = [("wimn_site", "0005_home_page_selections")]
AFTER = [("wimn_site", "0006_document_visibility_and_rate_counters")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_unticked_language_versions_stay_closed(client, home):
    root = Collection.get_first_root_node()
    root.add_child(name="Reports")
    original = DocumentFactory(title="Report", in_library=True)
    ready = DocumentFactory(title="Informe", language="es", original=original, in_library=True)
    draft = DocumentFactory(title="Rapport (brouillon)", language="fr", original=original, in_library=False)
    attached = DocumentFactory(title="Statement")
    ContentPageFactory(parent=home, slug="statement", body_en=[("document", {"document": attached, "label": ""})])
    try:
        migrate(BEFORE)
        WimnDocument.objects.filter(pk=draft.pk).update(in_library=False)
        WimnDocument.objects.filter(pk=attached.pk).update(in_library=True)  # the old default
        migrate(AFTER)
        draft.refresh_from_db()
        ready.refresh_from_db()
        assert ready.collection == root
        assert draft.collection.get_parent() == root and draft.collection.name.startswith("Internal")
        assert CollectionViewRestriction.objects.get(collection=draft.collection).restriction_type == "login"
        assert WimnDocument.objects.get(pk=original.pk).in_library  # published on its own: stays so
        assert not WimnDocument.objects.get(pk=attached.pk).in_library  # public through its page instead
        assert client.get(ready.url).status_code == 200
        assert client.get(attached.url).status_code == 200
        assert client.get(draft.url).status_code == 302  # to the sign-in page
        Collection.get_first_root_node().add_child(name="Another")  # the tree is still sound
        assert Collection.objects.filter(depth=2).count() == 3
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
