import datetime

import pytest

from events import times
from events.factories import EventPageFactory
from events.models import EventIndexPage
from tests import snapshots
from tests.events.builders import NEW_YORK, event_maker, events_section
from tests.helpers import assert_page_queries, count_queries, in_bulk, soup, translated_home
from wimn_site.factories import TopicFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def section_titles(response, section):
    """Titles of the cards in the "upcoming" or "past" section of the listing."""
    heading = soup(response).find("h2", id=f"{section}-heading")
    if heading is None:
        return []
    return [a.get_text(strip=True) for a in heading.find_parent("section").select(".event-card h3 a")]


def days_from_now(days, hour=10):
    day = (times.now() + datetime.timedelta(days=days)).astimezone(NEW_YORK).date()
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=NEW_YORK)


def build_calendar():
    """The home page and events section of tests/events/conftest.py, with two upcoming and two past events,
    created out of order: the section's id."""
    events_index = events_section(translated_home())
    make_event = event_maker(events_index)
    make_event(title="Far future", start=days_from_now(60))
    make_event(title="Old caucus", start=datetime.datetime(2016, 7, 17, 16, 0), format="in-person")
    make_event(title="Soon", start=days_from_now(3), format="online")
    make_event(title="IMRF side event", start=datetime.datetime(2022, 5, 17, 13, 15), format="hybrid")
    return {"events_index": events_index.pk}


@pytest.fixture(scope="module")
def built_calendar(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_calendar)


@pytest.fixture
def calendar_of_events(db, built_calendar):
    """`build_calendar`'s events, built once for the module and put back for each test (tests/snapshots.py);
    returns a `make_event` that adds an event to that section."""
    ids, snapshot = built_calendar
    snapshots.restore(snapshot)
    return event_maker(EventIndexPage.objects.get(pk=ids["events_index"]))


def test_upcoming_soonest_first_then_past_newest_first(client, calendar_of_events):
    response = client.get("/en/events/")
    assert response.status_code == 200
    assert section_titles(response, "upcoming") == ["Soon", "Far future"]
    assert section_titles(response, "past") == ["IMRF side event", "Old caucus"]
    assert len(soup(response).find_all("h1")) == 1


def test_when_upcoming_and_when_past(client, calendar_of_events):
    upcoming = client.get("/en/events/?when=upcoming")
    assert section_titles(upcoming, "upcoming") == ["Soon", "Far future"]
    assert section_titles(upcoming, "past") == []
    past = client.get("/en/events/?when=past")
    assert section_titles(past, "past") == ["IMRF side event", "Old caucus"]
    assert section_titles(past, "upcoming") == []
    current = soup(past).select_one('.event-switch a[aria-current="page"]')
    assert current["href"] == "?when=past"


def test_event_moves_to_past_when_it_ends_without_an_edit(client, make_event, monkeypatch):
    """An event is upcoming until its end; once the clock passes the end it is listed as past and says so."""
    event = make_event(title="Webinar", start=days_from_now(2), hours=2)
    assert section_titles(client.get("/en/events/"), "upcoming") == ["Webinar"]
    assert "This event is over" not in client.get(event.url).content.decode()
    monkeypatch.setattr(times, "now", lambda: event.end + datetime.timedelta(minutes=1))
    response = client.get("/en/events/")
    assert section_titles(response, "upcoming") == []
    assert section_titles(response, "past") == ["Webinar"]
    assert "This event is over" in client.get(event.url).content.decode()


def test_an_event_under_way_is_still_upcoming(client, make_event, monkeypatch):
    event = make_event(title="Caucus", start=days_from_now(2), hours=2)
    monkeypatch.setattr(times, "now", lambda: event.start + datetime.timedelta(minutes=30))
    listing = client.get("/en/events/")
    assert section_titles(listing, "upcoming") == ["Caucus"]
    assert soup(listing).select_one(".event-card .badge--live").get_text() == "Happening now"
    assert "happening now" in client.get(event.url).content.decode()


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_event_under_way_says_so_on_the_home_page_too(client, make_event, monkeypatch, language):
    """The home page's cards know the time as the listing's do: under way, not over, "happening now"."""
    caucus = make_event(title="Caucus", start=days_from_now(2), hours=2)
    make_event(title="Webinar", start=days_from_now(5), hours=2)
    monkeypatch.setattr(times, "now", lambda: caucus.start + datetime.timedelta(minutes=30))
    cards = soup(client.get(f"/{language}/")).select(".home-section--events .event-card")
    assert [card.select_one("h3").get_text(strip=True) for card in cards] == ["Caucus", "Webinar"]
    assert [card.select_one(".badge--live") is not None for card in cards] == [True, False]
    assert not any("event-card--past" in card["class"] for card in cards)


def test_year_filter(client, calendar_of_events):
    response = client.get("/en/events/?year=2022")
    assert section_titles(response, "past") == ["IMRF side event"]
    assert section_titles(response, "upcoming") == []
    options = [o["value"] for o in soup(response).select("#filter-year option") if o["value"]]
    assert "2016" in options and "2022" in options
    assert soup(response).select_one("#filter-year option[selected]")["value"] == "2022"


def test_filter_options_follow_a_published_event(client, calendar_of_events, django_capture_on_commit_callbacks):
    """The options are kept with the site's frame: an event published later (the invalidation rules run on
    commit) brings its year and topic to the selects on the next request."""
    make_event = calendar_of_events  # adds to the calendar's own section
    client.get("/es/events/")
    with django_capture_on_commit_callbacks(execute=True):
        make_event(title="Archive", start=datetime.datetime(2012, 3, 8, 10, 0), topics=[TopicFactory(slug="care")])
    page = soup(client.get("/es/events/"))
    assert "2012" in [o["value"] for o in page.select("#filter-year option")]
    assert "care" in [o["value"] for o in page.select("#filter-topic option")]


def test_year_is_the_year_where_the_event_takes_place(client, make_event):
    """New Year's Eve at 10 pm in New York is 2023 in UTC but belongs to 2022."""
    make_event(title="New Year's Eve vigil", start=datetime.datetime(2022, 12, 31, 22, 0))
    assert section_titles(client.get("/en/events/?year=2022"), "past") == ["New Year's Eve vigil"]
    assert section_titles(client.get("/en/events/?year=2023"), "past") == []


def test_format_filter(client, calendar_of_events):
    response = client.get("/en/events/?format=online")
    assert section_titles(response, "upcoming") == ["Soon"]
    assert section_titles(response, "past") == []
    assert section_titles(client.get("/en/events/?format=hybrid&when=past"), "past") == ["IMRF side event"]


def test_topic_filter(client, make_event):
    climate = TopicFactory(slug="climate", name="Climate", name_fr="Climat")
    event = make_event(title="Climate migration")
    event.topics.set([climate])
    event.save()
    make_event(title="Other")
    response = client.get("/en/events/?topic=climate")
    assert section_titles(response, "upcoming") == ["Climate migration"]
    french = client.get("/fr/events/?topic=climate")
    assert soup(french).select_one("#filter-topic option[selected]").get_text() == "Climat"


def test_campaign_filter(client, home, make_event):
    from campaigns.models import CampaignIndexPage, CampaignPage

    campaigns = home.add_child(instance=CampaignIndexPage(title="Campaigns", title_en="Campaigns", slug="campaigns"))
    imrf = campaigns.add_child(
        instance=CampaignPage(title="Road to the IMRF", title_en="Road to the IMRF", slug="road-to-imrf", intro_en="x")
    )
    make_event(title="Side event", campaign=imrf, start=datetime.datetime(2022, 5, 17, 13, 15))
    make_event(title="Unrelated", start=datetime.datetime(2022, 5, 18, 13, 15))
    response = client.get("/en/events/?campaign=road-to-imrf")
    assert response.status_code == 200
    assert section_titles(response, "past") == ["Side event"]
    assert "Road to the IMRF" in soup(response).select_one("main").get_text()


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=1999",
        "year=2022%00",
        "format=bogus",
        "topic=no-such-topic",
        "campaign=nope",
        "when=tomorrow",
        "year=" + "9" * 300,
        "format=%27%20OR%201%3D1--",
    ],
)
def test_bad_filter_values_give_a_400_with_an_empty_result_and_a_notice(client, calendar_of_events, query):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 400
    page = soup(response)
    assert page.select(".event-card") == []
    assert page.select_one('.event-notice[role="status"]') is not None


def test_bad_filter_notice_is_in_the_visitor_language(client, calendar_of_events):
    response = client.get("/es/events/?format=bogus")
    assert response.status_code == 400
    assert soup(response).html["lang"] == "es"
    notice = soup(response).select_one('.event-notice[role="status"]').get_text()
    assert "filtro" in notice


@pytest.mark.parametrize("page", ["999999", "abc", "0", "-1", "9" * 40])
def test_bad_page_numbers_are_a_404(client, calendar_of_events, page):
    response = client.get(f"/en/events/?page={page}")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "en"


def test_pagination_keeps_the_filters(client, make_event):
    for n in range(14):
        make_event(title=f"Webinar {n:02d}", start=days_from_now(n + 1), format="online")
    first = client.get("/en/events/?format=online")
    assert len(section_titles(first, "upcoming")) == 12
    next_link = soup(first).select_one('.pagination a[rel="next"]')["href"]
    assert next_link == "?format=online&page=2"
    second = client.get(f"/en/events/{next_link}")
    assert section_titles(second, "upcoming") == ["Webinar 12", "Webinar 13"]


def test_drafts_are_not_listed(client, make_event):
    make_event(title="Published")
    make_event(title="Draft", live=False)
    assert section_titles(client.get("/en/events/"), "upcoming") == ["Published"]


def test_listing_in_french_marks_untranslated_events_as_english(client, make_event):
    make_event(title="Caucus", title_fr="Caucus des femmes", summary_fr="Un caucus.", start=days_from_now(3))
    make_event(title="Webinar only in English", start=days_from_now(4))
    page = soup(client.get("/fr/events/"))
    assert page.html["lang"] == "fr"
    titles = page.select(".event-card h3")
    assert [t.get_text(strip=True) for t in titles] == ["Caucus des femmes", "Webinar only in English"]
    assert not titles[0].get("lang") and titles[1]["lang"] == "en"
    assert page.select_one("#upcoming-heading").get_text() == "Événements à venir"


def test_filters_work_as_a_plain_get_form(client, calendar_of_events):
    """The filter form is a GET form with labelled selects and a submit button (no JavaScript needed)."""
    form = soup(client.get("/en/events/")).select_one("form.filters")
    assert form["method"] == "get"
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]})
    assert form.find("button", type="submit")


def make_many(events_index, count):
    start = days_from_now(1)
    with in_bulk():
        for n in range(count):
            EventPageFactory(parent=events_index, title=f"E{n}", start=start + datetime.timedelta(days=n % 40 - 20))


def test_listing_query_count_is_the_same_for_3_and_300_events(client, events_index):
    """The listing runs the same number of queries (at most 12) for 3 events as for 300."""
    TopicFactory(slug="climate", name="Climate")
    make_many(events_index, 3)
    client.get("/en/events/")  # fills per-process caches (site root paths, settings row)
    _response, few = assert_page_queries(client, "/en/events/", 12)
    make_many(events_index, 297)
    response, many = count_queries(client, "/en/events/")
    assert response.status_code == 200
    assert many == few
    _response, filtered = assert_page_queries(client, "/en/events/?when=past&format=in-person&page=2", 12)


def test_listing_leaves_the_events_bodies_unread_in_every_language(client, events_index):
    """A card shows no body: the listing does not read an event's body in any language (nor later, one by one)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_many(events_index, 3)
    for language in ("en", "es"):
        client.get(f"/{language}/events/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/{language}/events/")
        assert len(soup(response).select(".event-card")) == 3
        sql = " ".join(query["sql"] for query in queries.captured_queries)
        assert "events_eventpage" in sql
        assert '"events_eventpage"."body' not in sql


@pytest.mark.parametrize(
    "query,noindex", [("", False), ("?when=past", True), ("?format=online", True), ("?year=abc", True)]
)
def test_filtered_views_are_kept_out_of_search_engines(client, calendar_of_events, query, noindex):
    robots = soup(client.get(f"/en/events/{query}")).find("meta", attrs={"name": "robots"})
    assert (robots is not None and robots["content"] == "noindex") is noindex
