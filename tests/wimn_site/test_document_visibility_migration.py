"""Migration 0006 (files follow the pages that use them) publishes nothing that was hidden before it: language
versions whose box was unticked move into a collection only signed-in staff can open."""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Collection, CollectionViewRestriction

from wimn_site.factories import ContentPageFactory, DocumentFactory

BEFORE = [("wimn_site", "0005_home_page_selections")]
AFTER = [("wimn_site", "0006_document_visibility_and_rate_counters")]


def migrate(targets):
    """Migrate to `targets`; return the models as they stood there (the current code may have more columns)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


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
        old = migrate(BEFORE).get_model("wimn_site", "WimnDocument")
        old.objects.filter(pk=draft.pk).update(in_library=False)
        old.objects.filter(pk=attached.pk).update(in_library=True)  # the old default
        new = migrate(AFTER).get_model("wimn_site", "WimnDocument")
        assert new.objects.get(pk=ready.pk).collection_id == root.pk
        assert new.objects.get(pk=original.pk).in_library  # published on its own: stays so
        assert not new.objects.get(pk=attached.pk).in_library  # public through its page instead
        migrate(latest())
        draft.refresh_from_db()
        assert draft.collection.get_parent() == root and draft.collection.name.startswith("Internal")
        assert CollectionViewRestriction.objects.get(collection=draft.collection).restriction_type == "login"
        assert client.get(ready.url).status_code == 200
        assert client.get(attached.url).status_code == 200
        assert client.get(draft.url).status_code == 302  # to the sign-in page
        Collection.get_first_root_node().add_child(name="Another")  # the tree is still sound
        assert Collection.objects.filter(depth=2).count() == 3
    finally:
        migrate(latest())
