"""Staff find pages and documents with the admin's search (Wagtail's database search backend).

The test settings stop the index from updating on every save (it cost a fifth of a page's creation time),
so these tests turn the production setting back on: pages of every app and a document are indexed as they
are saved and published, and found by their new title after an edit.
"""

import pytest

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.search.models import IndexEntry

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from statements.factories import StatementIndexPageFactory, StatementPageFactory
from tests.helpers import admin_index_handlers, soup
from wimn_site.factories import ContentPageFactory, DocumentFactory

pytestmark = pytest.mark.django_db

PRODUCTION_SEARCH = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": True}}


@pytest.fixture
def indexed(settings):
    settings.WAGTAILSEARCH_BACKENDS = PRODUCTION_SEARCH
    admin_index_handlers(connected=True)
    yield
    admin_index_handlers(connected=False)


def found_titles(staff, url, query):
    response = staff.get(url, {"q": query})
    assert response.status_code == 200
    return soup(response).get_text(" ", strip=True)


def test_the_test_settings_leave_the_index_alone_unless_asked(home):
    assert not is_indexed(ContentPageFactory(parent=home, slug="about", title="Quarantined caucus notes"))


def is_indexed(instance):
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    return IndexEntry.objects.filter(content_type=content_type, object_id=str(instance.pk)).exists()


def test_pages_of_every_app_are_found_in_the_admin(indexed, staff, home):
    pages = [
        ContentPageFactory(parent=home, slug="about", title="Quarantined caucus notes"),
        StatementPageFactory(parent=StatementIndexPageFactory(parent=home), title="Zanzibar declaration"),
        EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Xylophone side event"),
        CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home), title="Yellowfin campaign"),
    ]
    assert all(is_indexed(page) for page in pages)
    for word in ("Quarantined", "Zanzibar", "Xylophone", "Yellowfin"):
        assert word in found_titles(staff, "/admin/pages/search/", word)
    assert "Zanzibar" not in found_titles(staff, "/admin/pages/search/", "Xylophone")


def test_an_edited_title_is_found_once_published(indexed, staff, home):
    page = StatementPageFactory(parent=StatementIndexPageFactory(parent=home), title="Zanzibar declaration")
    page.title = page.title_en = "Kilimanjaro declaration"
    page.save_revision().publish()
    assert "Kilimanjaro" in found_titles(staff, "/admin/pages/search/", "Kilimanjaro")


def test_documents_are_found_in_the_admin(indexed, staff):
    assert is_indexed(DocumentFactory(title="Quetzal annual report"))
    assert "Quetzal annual report" in found_titles(staff, "/admin/documents/", "Quetzal")
