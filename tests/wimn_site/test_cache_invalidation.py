"""What a change makes stale (wimn_site.cache_invalidation): the same URLs for the proxy and the page cache."""

import pytest

from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    OrganizationDirectoryPageFactory,
    OrganizationFactory,
)
from events.factories import EventCoSponsorFactory, EventIndexPageFactory, EventPageFactory
from statements.factories import StatementIndexPageFactory, StatementPageFactory, StatementSignatoryFactory
from wimn_site import cache_invalidation

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    OrganizationDirectoryPageFactory(parent=home, slug="members")
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home, slug="campaigns"), slug="road-to-imrf")
    return {
        "campaign": campaign,
        "picum": OrganizationFactory(slug="picum"),
        "statements": StatementIndexPageFactory(parent=home, slug="statements"),
        "events": EventIndexPageFactory(parent=home, slug="events"),
    }


def urls(page):
    return {url for given in cache_invalidation.page_urls(page) for url in cache_invalidation.in_every_language(given)}


def test_a_statement_purges_itself_its_listing_home_feeds_campaign_and_signatories(site):
    statement = StatementPageFactory(parent=site["statements"], slug="joint", campaign=site["campaign"])
    StatementSignatoryFactory(page=statement, organization=site["picum"])
    found = urls(statement)
    for language in ("en", "es", "pt", "fr"):
        root = "http://localhost"
        assert {
            f"{root}/{language}/statements/joint/",
            f"{root}/{language}/statements/",
            f"{root}/{language}/",
            f"{root}/{language}/feeds/statements/",
            f"{root}/{language}/feeds/statements/media_alert/",
            f"{root}/{language}/campaigns/road-to-imrf/",
            f"{root}/{language}/members/picum/",
        } <= found, language
    assert "http://localhost/sitemap.xml" in found


def test_an_event_purges_its_ics_the_sections_calendar_and_feed_and_its_cosponsors(site):
    event = EventPageFactory(parent=site["events"], slug="caucus")
    EventCoSponsorFactory(page=event, organization=site["picum"])
    found = urls(event)
    assert {
        "http://localhost/fr/events/caucus/",
        "http://localhost/fr/events/caucus/event.ics",
        "http://localhost/fr/events/calendar.ics",
        "http://localhost/fr/events/feed.xml",
        "http://localhost/fr/members/picum/",
    } <= found


def test_a_url_without_a_language_prefix_stays_one():
    assert cache_invalidation.in_every_language("http://localhost/sitemap.xml") == ["http://localhost/sitemap.xml"]
    assert cache_invalidation.in_every_language("http://localhost/es/a/") == [
        "http://localhost/en/a/", "http://localhost/es/a/", "http://localhost/pt/a/", "http://localhost/fr/a/",
    ]  # fmt: skip
