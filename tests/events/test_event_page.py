import datetime
import json
import zoneinfo

import pytest
from bs4 import BeautifulSoup

from django.core.files.base import ContentFile

from campaigns.models import Organization
from events.factories import EventCoSponsorFactory, EventPersonFactory
from tests.helpers import assert_page_queries, count_queries, soup
from wimn_site.factories import DocumentFactory, TopicFactory, minimal_pdf

pytestmark = pytest.mark.django_db

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def json_ld(page):
    """The page's schema.org Event (base.html writes it with the page's other structured data)."""
    blocks = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
    events = [block for block in blocks if block.get("@type") == "Event"]
    assert len(events) == 1, blocks
    return events[0]


@pytest.fixture
def caucus(make_event):
    """The Women's Caucus of 17 July 2016, 4 to 6:30 pm in New York, translated into French."""
    return make_event(
        title="Women's Caucus",
        title_fr="Caucus des femmes",
        summary="A caucus before the Summit.",
        summary_fr="Un caucus avant le Sommet.",
        slug="womens-caucus",
        start=datetime.datetime(2016, 7, 17, 16, 0),
        hours=2.5,
        format="hybrid",
        venue_en="Church Center for the United Nations",
        address="777 United Nations Plaza\nNew York",
        online_url="https://webtv.un.org/",
    )


def test_times_are_shown_in_the_event_zone_with_time_elements(client, caucus):
    """4 pm EDT in New York is shown as such, with machine-readable datetimes carrying the offset."""
    page = soup(client.get("/en/events/womens-caucus/"))
    when = page.select_one(".event-facts .event-when")
    times = when.find_all("time")
    assert [t["datetime"] for t in times] == ["2016-07-17T16:00:00-04:00", "2016-07-17T18:30:00-04:00"]
    text = " ".join(when.get_text().split())
    assert text == "Sunday 17 July 2016, 4 p.m. – 6:30 p.m. EDT (New York time, UTC−4)"


def test_times_in_french(client, caucus):
    when = soup(client.get("/fr/events/womens-caucus/")).select_one(".event-facts .event-when")
    assert " ".join(when.get_text().split()) == "Dimanche 17 juillet 2016, 16:00 – 18:30 EDT (heure de New York, UTC−4)"


@pytest.mark.parametrize(
    ("language", "zone"),
    [
        ("es", "(hora de Nueva York, UTC−4)"),
        ("pt", "(horário de Nova York, UTC−4)"),
        ("fr", "(heure de New York, UTC−4)"),
    ],
)
def test_the_zones_city_is_named_in_the_visitors_language(client, caucus, language, zone):
    when = soup(client.get(f"/{language}/events/womens-caucus/")).select_one(".event-facts .event-when")
    assert " ".join(when.get_text().split()).endswith(zone)


def test_a_zone_without_a_translated_city_keeps_its_own_name():
    from django.utils import translation

    from events.times import zone_city

    with translation.override("es"):
        assert (zone_city("America/Mexico_City"), zone_city("America/Guatemala")) == ("Ciudad de México", "Guatemala")
        assert zone_city("UTC") == "UTC"


@pytest.mark.parametrize(
    "day,abbreviation,offset,utc",
    [
        (datetime.date(2025, 3, 7), "EST", "-05:00", datetime.datetime(2025, 3, 7, 21, 0, tzinfo=datetime.UTC)),
        (datetime.date(2025, 3, 10), "EDT", "-04:00", datetime.datetime(2025, 3, 10, 20, 0, tzinfo=datetime.UTC)),
    ],
)
def test_4pm_in_new_york_either_side_of_the_march_switch(client, make_event, day, abbreviation, offset, utc):
    """4 pm in New York is EST (21:00 UTC) before the March clock change and EDT (20:00 UTC) after it."""
    event = make_event(start=datetime.datetime(day.year, day.month, day.day, 16, 0), slug="webinar")
    assert event.start == utc
    page = soup(client.get("/en/events/webinar/"))
    time = page.select_one(".event-facts time")
    assert time["datetime"] == f"{day.isoformat()}T16:00:00{offset}"
    assert "4 p.m." in time.get_text()
    assert abbreviation in page.select_one(".event-facts .event-when").get_text()
    assert json_ld(page)["startDate"] == f"{day.isoformat()}T16:00:00{offset}"


def test_event_in_another_zone_keeps_its_own_time(client, make_event):
    """An event at 9 am in Manila reads 09:00 there, not the server's New York time."""
    manila = zoneinfo.ZoneInfo("Asia/Manila")
    make_event(start=datetime.datetime(2024, 12, 18, 9, 0, tzinfo=manila), timezone="Asia/Manila", slug="manila")
    when = soup(client.get("/es/events/manila/")).select_one(".event-facts .event-when")
    assert when.time["datetime"] == "2024-12-18T09:00:00+08:00"
    assert "09:00" in when.get_text() and "Manila" in when.get_text() and "UTC+8" in when.get_text()


def test_local_time_placeholder_for_the_script(client, caucus):
    """The page carries the data a small script needs to add the visitor's own time; hidden without it."""
    local = soup(client.get("/en/events/womens-caucus/")).select_one("[data-event-local]")
    assert local.has_attr("hidden")
    assert local["data-start"] == "2016-07-17T16:00:00-04:00" and local["data-zone"] == "America/New_York"


def test_past_event_says_it_is_over_and_hides_registration(client, caucus):
    caucus.registration_url = "https://example.org/register"
    caucus.save()
    page = soup(client.get("/en/events/womens-caucus/"))
    assert "This event is over" in page.select_one(".event-notice").get_text()
    assert not page.find("a", string="Register")


def test_upcoming_event_offers_registration_and_online_link(client, make_event):
    make_event(
        slug="webinar", format="online", registration_url="https://example.org/r", online_url="https://webtv.un.org/"
    )
    page = soup(client.get("/en/events/webinar/"))
    assert page.find("a", string="Register")["href"] == "https://example.org/r"
    online = page.find("a", href="https://webtv.un.org/")
    assert online.get_text() == "Watch or join online"
    assert "webtv.un.org" in page.select_one(".event-host").get_text()
    assert not page.select(".event-notice")


def test_cancelled_event_says_so(client, make_event):
    make_event(slug="cancelled", status="cancelled")
    page = soup(client.get("/en/events/cancelled/"))
    assert "cancelled" in page.select_one(".event-notice--alert").get_text()
    assert json_ld(page)["eventStatus"] == "https://schema.org/EventCancelled"


def test_people_and_cosponsors(client, caucus):
    gaatw = Organization.objects.create(
        name="Global Alliance Against Traffic in Women",
        acronym="GAATW",
        slug="gaatw",
        sector="womens-rights",
        website="https://gaatw.org/",
    )
    EventPersonFactory(
        page=caucus,
        name="Carol Barton",
        position_en="Co-convenor",
        position_fr="Co-coordinatrice",
        organization_name="WIMN",
        is_moderator=True,
    )
    EventPersonFactory(page=caucus, name="Neha Misra", organization_name="Solidarity Center")
    EventCoSponsorFactory(page=caucus, organization=gaatw, organization_name_en="")
    EventCoSponsorFactory(
        page=caucus, organization_name_en="Government of Canada", organization_name_fr="Gouvernement du Canada"
    )
    page = soup(client.get("/fr/events/womens-caucus/"))
    moderators = page.find("h2", id="moderators-heading").find_next("ul")
    assert " ".join(moderators.get_text().split()) == "Carol Barton, Co-coordinatrice, WIMN"
    speakers = page.find("h2", id="speakers-heading").find_next("ul")
    assert " ".join(speakers.get_text().split()) == "Neha Misra, Solidarity Center"
    sponsors = page.find("h2", id="cosponsors-heading").find_next("ul").find_all("li")
    assert sponsors[0].a["href"] == "https://gaatw.org/"
    assert " ".join(sponsors[0].get_text().split()) == "Global Alliance Against Traffic in Women (GAATW)"
    assert sponsors[1].get_text(strip=True) == "Gouvernement du Canada"
    data = json_ld(page)
    assert [s["name"] for s in data["sponsor"]] == [
        "Global Alliance Against Traffic in Women",
        "Gouvernement du Canada",
    ]
    assert data["performer"][0] == {
        "@type": "Person",
        "name": "Carol Barton",
        "affiliation": {"@type": "Organization", "name": "WIMN"},
    }


def test_program_document_in_the_visitor_language(client, caucus):
    program = DocumentFactory(title="Programme", doc_type="program", language="en")
    DocumentFactory(
        title="Programme FR",
        doc_type="program",
        language="fr",
        original=program,
        file=ContentFile(minimal_pdf("Programme"), name="fr-programme.pdf"),
    )
    caucus.program = program
    caucus.save()
    english = soup(client.get("/en/events/womens-caucus/")).select_one(".download")
    assert english.a.get_text() == "Programme"
    french = soup(client.get("/fr/events/womens-caucus/")).select_one(".download")
    assert french.a.get_text() == "Programme FR" and french.a["hreflang"] == "fr"
    assert client.get(french.a["href"]).status_code == 200


def test_topics_and_campaign_link_back_to_the_filtered_listing(client, home, caucus):
    from campaigns.models import CampaignIndexPage, CampaignPage

    campaigns = home.add_child(instance=CampaignIndexPage(title="Campaigns", title_en="Campaigns", slug="campaigns"))
    imrf = campaigns.add_child(
        instance=CampaignPage(title="Road to the IMRF", title_en="Road to the IMRF", slug="road-to-imrf", intro_en="x")
    )
    caucus.topics.set([TopicFactory(slug="imrf", name="IMRF", name_fr="FEMI")])
    caucus.campaign = imrf
    caucus.save()
    footer = soup(client.get("/fr/events/womens-caucus/")).select_one(".event__footer")
    topic = footer.find("a", class_="badge")
    assert (topic.get_text(), topic["href"]) == ("FEMI", "/fr/events/?topic=imrf")
    assert footer.find("a", href="/fr/campaigns/road-to-imrf/")
    assert footer.find("a", href="/fr/events/?campaign=road-to-imrf")


def test_json_ld_event(client, caucus):
    data = json_ld(soup(client.get("/en/events/womens-caucus/")))
    assert data["@type"] == "Event"
    assert data["name"] == "Women's Caucus"
    assert data["startDate"] == "2016-07-17T16:00:00-04:00"
    assert data["endDate"] == "2016-07-17T18:30:00-04:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, virtual = data["location"]
    assert place == {
        "@type": "Place",
        "name": "Church Center for the United Nations",
        "address": "777 United Nations Plaza New York",
    }
    assert virtual == {"@type": "VirtualLocation", "url": "https://webtv.un.org/"}
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Women in Migration Network",
        "url": "http://testserver/en/",
    }
    assert data["url"] == "http://testserver/en/events/womens-caucus/"


def test_json_ld_online_event_has_only_a_virtual_location(client, make_event):
    make_event(slug="webinar", format="online", online_url="https://example.org/meet")
    data = json_ld(soup(client.get("/en/events/webinar/")))
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/meet"}


def test_json_ld_cannot_be_broken_out_of(client, make_event):
    make_event(slug="x", title="</script><script>alert(1)</script>")
    html = client.get("/en/events/x/").content.decode()
    blocks = [part.split("</script>", 1)[0] for part in html.split('<script type="application/ld+json">')[1:]]
    assert blocks and all("<" not in block for block in blocks)
    assert "</script><script>alert(1)</script>" in [json.loads(block).get("name") for block in blocks]


def test_open_graph_canonical_and_feed_link(client, caucus):
    page = soup(client.get("/fr/events/womens-caucus/"))
    assert page.find("link", rel="canonical")["href"] == "http://testserver/fr/events/womens-caucus/"
    assert page.find("meta", property="og:title")["content"] == "Caucus des femmes"
    assert page.find("meta", property="og:description")["content"] == "Un caucus avant le Sommet."
    assert page.find("meta", property="og:url")["content"] == "http://testserver/fr/events/womens-caucus/"
    feed = page.find("link", type="application/atom+xml")
    assert feed["rel"] == ["alternate"] and feed["href"] == "http://testserver/fr/events/feed.xml"


def test_untranslated_event_falls_back_to_english_with_noindex(client, caucus):
    page = soup(client.get("/pt/events/womens-caucus/"))
    assert page.select_one(".translation-note")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.h1.get_text() == "Women's Caucus"
    hreflangs = {link["hreflang"] for link in page.find_all("link", rel="alternate") if link.get("hreflang")}
    assert hreflangs == {"en", "fr", "x-default"}


def test_draft_event_is_a_404(client, make_event):
    make_event(slug="draft", live=False)
    assert client.get("/en/events/draft/").status_code == 404


def test_one_h1_and_add_to_calendar_link(client, caucus):
    page = soup(client.get("/en/events/womens-caucus/"))
    assert len(page.find_all("h1")) == 1
    link = page.find("a", string="Add to calendar (.ics)")
    assert link["href"] == "/en/events/womens-caucus/event.ics"


def test_event_page_query_count_does_not_grow_with_people_and_cosponsors(client, caucus, make_event):
    """An event page stays within 12 queries, the same with 2 or 40 speakers and co-sponsors."""
    program = DocumentFactory(title="Programme", doc_type="program")
    DocumentFactory(title="Programme ES", language="es", original=program)
    small = make_event(slug="small", program=program)
    for page, count in ((small, 1), (caucus, 20)):
        page.topics.set([TopicFactory(slug=f"t{page.pk}-{n}") for n in range(count)])
        page.save()
        for _n in range(count):
            EventPersonFactory(page=page)
            EventCoSponsorFactory(page=page)
    client.get("/en/events/small/")  # fills per-process caches (site root paths, settings row)
    _response, few = assert_page_queries(client, "/en/events/small/", 12)
    caucus.program = program
    caucus.save()
    response, many = count_queries(client, "/en/events/womens-caucus/")
    assert response.status_code == 200
    assert many == few


def test_cosponsors_link_to_their_directory_entry(client, home, caucus):
    """Once the organizations directory exists, a co-sponsor from it links to its entry there."""
    from campaigns.models import OrganizationDirectoryPage

    home.add_child(instance=OrganizationDirectoryPage(title="Members", title_en="Members", slug="members"))
    picum = Organization.objects.create(
        name="PICUM", slug="picum", sector="migrant-rights", website="https://picum.org"
    )
    EventCoSponsorFactory(page=caucus, organization=picum, organization_name_en="")
    link = soup(client.get("/es/events/womens-caucus/")).select_one(".event-cosponsors a")
    assert (link.get_text(), link["href"]) == ("PICUM", "/es/members/picum/")


def test_cosponsor_translated_name_is_preferred_in_that_language(client, caucus):
    canada = Organization.objects.create(name="Government of Canada", slug="government-of-canada", sector="government")
    EventCoSponsorFactory(
        page=caucus, organization=canada, organization_name_en="", organization_name_fr="Gouvernement du Canada"
    )
    assert soup(client.get("/fr/events/womens-caucus/")).select_one(".event-cosponsors li").get_text() == (
        "Gouvernement du Canada"
    )
    assert soup(client.get("/en/events/womens-caucus/")).select_one(".event-cosponsors li").get_text() == (
        "Government of Canada"
    )


def test_event_in_utc_is_labelled_utc_once(client, make_event):
    utc_start = datetime.datetime(2026, 12, 3, 13, 0, tzinfo=datetime.UTC)
    make_event(slug="webinar", start=utc_start, timezone="UTC", format="online")
    when = soup(client.get("/en/events/webinar/")).select_one(".event-facts .event-when")
    assert " ".join(when.get_text().split()) == "Thursday 3 December 2026, 1 p.m. – 2:30 p.m. UTC"
    assert when.time["datetime"] == "2026-12-03T13:00:00+00:00"


def test_preview_in_french_shows_people_and_cosponsors(caucus, django_user_model):
    """The editor's French preview renders the event with its people and co-sponsors (not fetched by the route)."""
    from django.test import RequestFactory

    EventPersonFactory(page=caucus, name="Carol Barton", is_moderator=True)
    EventCoSponsorFactory(
        page=caucus, organization_name_en="Government of Canada", organization_name_fr="Gouvernement du Canada"
    )
    request = RequestFactory().get("/")
    request.user = django_user_model.objects.create_superuser("ed", "ed@example.org", "a-long-password-1")
    html = caucus.serve_preview(request, "fr").content.decode()
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == "fr" and page.h1.get_text() == "Caucus des femmes"
    assert "Carol Barton" in page.select_one(".event-people").get_text()
    assert page.select_one(".event-cosponsors li").get_text() == "Gouvernement du Canada"


def test_cosponsor_from_the_directory_shows_its_name_in_the_visitors_language(client, caucus):
    """A directory organization's translated name is used on the event page; English where it has none."""
    un_women = Organization.objects.create(name="UN Women", name_es="ONU Mujeres", slug="un-women", sector="government")
    EventCoSponsorFactory(page=caucus, organization=un_women, organization_name_en="")
    names = {
        lang: soup(client.get(f"/{lang}/events/womens-caucus/")).select_one(".event-cosponsors li")
        for lang in ("es", "pt")
    }
    assert names["es"].get_text(strip=True) == "ONU Mujeres"
    assert names["pt"].get_text(strip=True) == "UN Women"
