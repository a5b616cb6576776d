import datetime

import pytest

from django.utils import timezone

from wagtail.models import Page

from campaigns.factories import (
    AdvocacyCalendarPageFactory,
    AdvocacyDayFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    logo_image,
)
from events.factories import EventIndexPageFactory, EventPageFactory
from statements.factories import MediaAlertFactory, PledgePageFactory, StatementIndexPageFactory, StatementPageFactory
from tests import snapshots
from tests.helpers import count_queries, soup, translated_home
from wimn_site.factories import ContentPageFactory, FormPageFactory
from wimn_site.models import HomePage, HomePageFeaturedStatement

pytestmark = pytest.mark.django_db


def section(page, name):
    return page.select_one(f".home-section--{name}")


def titles(node, selector="h3 a"):
    return [a.get_text(strip=True) for a in node.select(selector)] if node else []


def build_sections():
    """tests/conftest.py's home page and the section pages of a full site, so the home page has somewhere to
    link: their ids."""
    home = translated_home()
    sections = {
        "statements": StatementIndexPageFactory(parent=home),
        "events": EventIndexPageFactory(parent=home),
        "campaigns": CampaignIndexPageFactory(parent=home),
        "calendar": AdvocacyCalendarPageFactory(parent=home),
        "join": FormPageFactory(parent=home, slug="join", title_es="Suscríbase", intro_es="Noticias."),
    }
    return {"home": home.pk} | {name: page.pk for name, page in sections.items()}


@pytest.fixture(scope="module")
def built_sections(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_sections)


@pytest.fixture
def site_pages(db, built_sections):
    """`build_sections`' pages, built once for the module and put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_sections
    snapshots.restore(snapshot)
    return {name: Page.objects.get(pk=pk).specific for name, pk in ids.items()}


@pytest.fixture
def home(site_pages):
    """The home page of tests/conftest.py's `home`, from this module's snapshot (the sections are under it)."""
    return site_pages["home"]


@pytest.fixture
def sections(site_pages):
    """The section pages under the home page."""
    return {name: page for name, page in site_pages.items() if name != "home"}


@pytest.fixture
def bare_home(db):
    """tests/conftest.py's `home`: the home page alone, without sections."""
    return translated_home()


def statement(index, title, date, factory=StatementPageFactory, **kwargs):
    return factory(parent=index, title=title, date=date, **kwargs)


class TestAutomaticChoice:
    def test_latest_statements_newest_first_and_media_alerts_apart(self, client, sections):
        index = sections["statements"]
        for day in range(1, 7):
            statement(index, f"Statement {day}", datetime.date(2024, 1, day))
        statement(index, "Pledge at the IMRF", datetime.date(2024, 2, 1), factory=PledgePageFactory)
        for day in range(1, 5):
            statement(index, f"Alert {day}", datetime.date(2024, 3, day), factory=MediaAlertFactory)
        page = soup(client.get("/en/"))
        assert titles(section(page, "statements")) == [
            "Pledge at the IMRF",
            "Statement 6",
            "Statement 5",
            "Statement 4",
        ]
        assert titles(section(page, "alerts")) == ["Alert 4", "Alert 3", "Alert 2"]

    def test_drafts_and_private_statements_stay_off(self, client, sections):
        from wagtail.models import PageViewRestriction

        index = sections["statements"]
        statement(index, "Draft statement", datetime.date(2025, 1, 1), live=False)
        private = statement(index, "Private statement", datetime.date(2025, 1, 2))
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        statement(index, "Public statement", datetime.date(2020, 1, 1))
        assert titles(section(soup(client.get("/en/")), "statements")) == ["Public statement"]

    def test_featured_campaign_is_the_current_one(self, client, sections):
        CampaignPageFactory(parent=sections["campaigns"], title="Past campaign", is_current=False)
        CampaignPageFactory(parent=sections["campaigns"], title="Road to the IMRF", is_current=True)
        assert titles(section(soup(client.get("/en/")), "campaign")) == ["Road to the IMRF"]

    def test_upcoming_events_soonest_first_without_past_ones(self, client, sections):
        soon = timezone.now() + datetime.timedelta(days=2)
        EventPageFactory(parent=sections["events"], title="Past caucus", start=soon - datetime.timedelta(days=30))
        for offset, name in [(5, "Third"), (1, "First"), (3, "Second"), (9, "Fourth")]:
            EventPageFactory(parent=sections["events"], title=name, start=soon + datetime.timedelta(days=offset))
        assert titles(section(soup(client.get("/en/")), "events")) == ["First", "Second", "Third"]

    def test_coming_up_shows_the_next_advocacy_days_linked_to_the_calendar(self, client, sections):
        today = timezone.localdate()
        later = today + datetime.timedelta(days=10)
        AdvocacyDayFactory(name="Migrants Day", slug="migrants-day", month=later.month, day=later.day)
        page = soup(client.get("/en/"))
        coming = page.select_one(".coming-up")
        assert "Migrants Day" in coming.get_text()
        assert coming.select_one("a")["href"] == "/en/calendar/#day-migrants-day"

    def test_call_to_action_leads_to_the_mailing_list(self, client, sections):
        page = soup(client.get("/es/"))
        cta = page.select_one(".home-cta")
        assert cta.select_one("a.button")["href"] == "/es/join/"
        assert cta.select_one("a.button").get_text(strip=True) == "Suscríbase"
        assert cta.h2.get_text(strip=True) == "Infórmese y actúe"

    def test_sections_link_to_their_listings(self, client, sections):
        statement(sections["statements"], "A statement", datetime.date(2024, 1, 1))
        EventPageFactory(parent=sections["events"], title="An event")
        page = soup(client.get("/en/"))
        assert section(page, "statements").select_one(".home-section__more a")["href"] == "/en/statements/"
        assert section(page, "events").select_one(".home-section__more a")["href"] == "/en/events/"


class TestEditorOverrides:
    def test_pinned_statements_come_first_in_their_order(self, client, home, sections):
        index = sections["statements"]
        old = statement(index, "Old but important", datetime.date(2019, 1, 1))
        alert = statement(index, "Pinned alert", datetime.date(2018, 1, 1), factory=MediaAlertFactory)
        for day in range(1, 6):
            statement(index, f"Recent {day}", datetime.date(2024, 1, day))
        HomePageFeaturedStatement.objects.create(page=home, statement=alert, sort_order=0)
        HomePageFeaturedStatement.objects.create(page=home, statement=old, sort_order=1)
        assert titles(section(soup(client.get("/en/")), "statements")) == [
            "Pinned alert",
            "Old but important",
            "Recent 5",
            "Recent 4",
        ]

    def test_chosen_campaign_is_featured(self, client, home, sections):
        chosen = CampaignPageFactory(parent=sections["campaigns"], title="Climate and migration", is_current=False)
        CampaignPageFactory(parent=sections["campaigns"], title="Road to the IMRF", is_current=True)
        home.featured_campaign = chosen
        home.save()
        assert titles(section(soup(client.get("/en/")), "campaign")) == ["Climate and migration"]

    def test_unpublished_chosen_campaign_falls_back_to_the_automatic_one(self, client, home, sections):
        chosen = CampaignPageFactory(parent=sections["campaigns"], title="Withdrawn", live=False)
        CampaignPageFactory(parent=sections["campaigns"], title="Road to the IMRF", is_current=True)
        home.featured_campaign = chosen
        home.save()
        assert titles(section(soup(client.get("/en/")), "campaign")) == ["Road to the IMRF"]

    def test_chosen_call_to_action_page_and_text(self, client, home, sections):
        contact = ContentPageFactory(parent=home, slug="contact", title="Write to us")
        home.cta_page = contact
        home.cta_heading_en = "Work with us"
        home.cta_text_en = "Member organizations, write to the coordinators."
        home.save()
        cta = soup(client.get("/en/")).select_one(".home-cta")
        assert cta.h2.get_text(strip=True) == "Work with us"
        assert "write to the coordinators" in cta.get_text()
        assert cta.select_one("a.button")["href"] == "/en/contact/"

    def test_call_to_action_page_deeper_in_the_tree(self, client, home, sections):
        contact = ContentPageFactory(parent=home, slug="contact", title="Contact")
        write = FormPageFactory(parent=contact, slug="write", title="Write to us", purpose="contact")
        home.cta_page = write
        home.save()
        assert soup(client.get("/en/")).select_one(".home-cta a.button")["href"] == "/en/contact/write/"

    def test_editor_adds_a_pinned_statement_in_the_admin(
        self, client, home, sections, django_user_model, django_capture_on_commit_callbacks
    ):
        """The home page editor posts the real Wagtail form with a pinned statement and a featured campaign; the
        home page (kept with the frame for routing, its pins with it) shows them on the next request."""
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

        pinned = statement(sections["statements"], "Statement on the Progress Declaration", datetime.date(2022, 5, 20))
        campaign = CampaignPageFactory(parent=sections["campaigns"], title="Road to the IMRF")
        admin = django_user_model.objects.create_superuser("editor", "ed@example.org", "a-long-password-1")
        client.force_login(admin)
        data = {"title_en": home.title_en, "slug": home.slug, "mission_en": "Rights for women in migration."}
        for code in ("es", "pt", "fr"):
            data[f"title_{code}"] = getattr(home, f"title_{code}")
            data[f"mission_{code}"] = getattr(home, f"mission_{code}")
        for code in ("en", "es", "pt", "fr"):
            data[f"body_{code}"] = streamfield([])
        data["featured_statements"] = inline_formset([{"statement": pinned.pk}])
        data["featured_campaign"] = campaign.pk
        statement(sections["statements"], "A newer statement", datetime.date(2024, 1, 1))
        assert titles(section(soup(client.get("/en/")), "statements"))[0] == "A newer statement"
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/admin/pages/{home.pk}/edit/", nested_form_data(data) | {"action-publish": "publish"}
            )
        assert response.status_code == 302, response.content.decode()[:3000]
        page = soup(client.get("/en/"))
        assert titles(section(page, "statements"))[:2] == ["Statement on the Progress Declaration", "A newer statement"]
        home = HomePage.objects.get(pk=home.pk)
        assert [f.statement_id for f in home.featured_statements.all()] == [pinned.pk]
        assert home.featured_campaign_id == campaign.pk


class TestLanguages:
    def test_untranslated_items_are_marked_as_english(self, client, sections):
        index = sections["statements"]
        statement(index, "English only", datetime.date(2024, 1, 2))
        statement(
            index,
            "Translated",
            datetime.date(2024, 1, 1),
            title_es="Traducida",
            summary_es="Resumen.",
        )
        items = soup(client.get("/es/")).select(".home-section--statements article")
        assert items[0]["lang"] == "en" and "En inglés" in items[0].get_text()
        assert not items[1].has_attr("lang") and items[1].h3.get_text(strip=True) == "Traducida"

    def test_home_in_each_language_has_translated_headings(self, client, sections):
        statement(sections["statements"], "A statement", datetime.date(2024, 1, 1))
        assert soup(client.get("/fr/")).select_one("#home-statements").get_text() == "Dernières déclarations"
        assert soup(client.get("/pt/")).select_one("#home-statements").get_text() == "Últimas declarações"


class TestEmptySite:
    def test_home_page_without_sections_renders(self, client, bare_home):
        response = client.get("/en/")
        assert response.status_code == 200
        page = soup(response)
        assert not page.select(".home-section") and not page.select(".home-cta")
        assert len(page.find_all("h1")) == 1


def full_site(sections, count):
    """`count` statements, media alerts, campaigns, events and advocacy days, a campaign with a hero image."""
    image = logo_image("Hero", "IMRF", size=(800, 450))
    today = timezone.localdate()
    for number in range(count):
        statement(sections["statements"], f"Statement {number}", datetime.date(2024, 1, 1) + datetime.timedelta(number))
        statement(sections["statements"], f"Alert {number}", datetime.date(2024, 1, 1), factory=MediaAlertFactory)
        CampaignPageFactory(
            parent=sections["campaigns"],
            title=f"Campaign {number}",
            hero_image=image,
            hero_alt_en="Delegates at the UN",
        )
        EventPageFactory(parent=sections["events"], title=f"Event {number}")
        day = today + datetime.timedelta(days=number + 1)
        AdvocacyDayFactory(name=f"Day {number}", slug=f"day-{number}", month=day.month, day=day.day)


@pytest.mark.parametrize("language", ["en", "es"])
def test_query_count_is_small_and_does_not_grow(client, home, sections, language):
    """At most 12 queries for the full home page, the same for 3 items of each kind as for 30."""
    full_site(sections, 3)
    client.get(f"/{language}/")  # renditions are made on the first visit
    _response, few = count_queries(client, f"/{language}/")
    image = logo_image("Hero 2", "GCM", size=(800, 450))
    for number in range(3, 30):
        statement(sections["statements"], f"More {number}", datetime.date(2023, 1, 1))
        CampaignPageFactory(
            parent=sections["campaigns"],
            title=f"More campaign {number}",
            hero_image=image,
            hero_alt_en="Delegates at the UN",
        )
        EventPageFactory(parent=sections["events"], title=f"More event {number}")
    client.get(f"/{language}/")
    response, many = count_queries(client, f"/{language}/")
    page = soup(response)
    assert page.select(".home-section--campaign img")
    assert len(page.select(".home-section--statements article")) == 4
    assert few == many <= 12


def test_home_page_weight(client, home, sections):
    """HTML, CSS, JS and images of a first visit stay under 200 KB."""
    full_site(sections, 5)
    response = client.get("/en/")
    page = soup(response)
    total = len(response.content)
    assets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assets += [script["src"] for script in page.find_all("script", src=True)]
    assets += [img["src"] for img in page.find_all("img")]
    for picture_source in page.find_all("source"):
        assets += [candidate.split()[0] for candidate in picture_source["srcset"].split(",")[:1]]
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200, url
        total += len(b"".join(asset.streaming_content) if asset.streaming else asset.content)
    assert total <= 200 * 1024, total


def test_no_third_party_requests(client, home, sections):
    full_site(sections, 3)
    page = soup(client.get("/en/"))
    for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("source", "srcset")):
        for node in page.find_all(tag):
            value = node.get(attribute) or ""
            if tag == "link" and node.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not value.startswith(("http://", "https://", "//")), value
