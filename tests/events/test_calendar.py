import datetime
import zoneinfo

import icalendar
import pytest

from wagtail.models import PageViewRestriction

from events import times
from events.calendar import build_calendar
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
UTC = datetime.UTC


def days_from_now(days, hour=10, zone=NEW_YORK):
    day = (times.now() + datetime.timedelta(days=days)).astimezone(zone).date()
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=zone)


def parse(response):
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def caucus(make_event):
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
        venue_fr="Church Center des Nations Unies",
        address="777 United Nations Plaza, New York",
        online_url="https://webtv.un.org/",
        registration_url="https://example.org/register",
    )


def test_event_ics_is_a_calendar_download(client, caucus):
    response = client.get("/en/events/womens-caucus/event.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="womens-caucus.ics"'


def test_event_ics_parsed_back_field_by_field(client, caucus):
    """The .ics holds one VEVENT whose fields match the event, times in its own zone with a VTIMEZONE."""
    calendar = parse(client.get("/en/events/womens-caucus/event.ics"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert calendar["METHOD"] == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"event-{caucus.pk}@womeninmigration.org"
    assert event["DTSTAMP"].dt.tzinfo is not None and event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    start, end = event["DTSTART"], event["DTEND"]
    assert start.params["TZID"] == "America/New_York" and end.params["TZID"] == "America/New_York"
    assert start.dt == datetime.datetime(2016, 7, 17, 16, 0, tzinfo=NEW_YORK)
    assert start.dt.astimezone(UTC) == datetime.datetime(2016, 7, 17, 20, 0, tzinfo=UTC)
    assert end.dt.astimezone(UTC) == datetime.datetime(2016, 7, 17, 22, 30, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "Women's Caucus"
    assert str(event["LOCATION"]) == "Church Center for the United Nations, 777 United Nations Plaza, New York"
    assert str(event["URL"]) == "http://testserver/en/events/womens-caucus/"
    description = str(event["DESCRIPTION"])
    assert description.startswith("A caucus before the Summit.")
    assert "Online: https://webtv.un.org/" in description
    assert "Registration: https://example.org/register" in description
    assert "http://testserver/en/events/womens-caucus/" in description
    assert str(event["STATUS"]) == "CONFIRMED"
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/New_York"


def test_event_ics_in_french(client, caucus):
    (event,) = parse(client.get("/fr/events/womens-caucus/event.ics")).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Caucus des femmes"
    assert str(event["URL"]) == "http://testserver/fr/events/womens-caucus/"
    assert str(event["LOCATION"]).startswith("Church Center des Nations Unies")
    assert "En ligne : https://webtv.un.org/" in str(event["DESCRIPTION"])


def test_uid_is_stable_across_languages_and_edits(client, caucus):
    first = parse(client.get("/en/events/womens-caucus/event.ics")).walk("VEVENT")[0]["UID"]
    caucus.title = "Women's Caucus (updated)"
    caucus.save()
    again = parse(client.get("/fr/events/womens-caucus/event.ics")).walk("VEVENT")[0]["UID"]
    assert first == again


@pytest.mark.parametrize(
    "day,offset",
    [
        (datetime.date(2025, 3, 7), datetime.timedelta(hours=-5)),
        (datetime.date(2025, 3, 10), -datetime.timedelta(hours=4)),
    ],
)
def test_ics_times_across_the_march_clock_change(client, make_event, day, offset):
    """4 pm New York time is exported as 16:00 with TZID, and resolves to the right UTC either side of the switch."""
    make_event(slug="webinar", start=datetime.datetime(day.year, day.month, day.day, 16, 0))
    calendar = parse(client.get("/en/events/webinar/event.ics"))
    start = calendar.walk("VEVENT")[0]["DTSTART"]
    assert start.to_ical() == f"{day:%Y%m%d}T160000".encode()
    assert start.dt.utcoffset() == offset
    # A client that knows only the file's VTIMEZONE places it the same way.
    (zone,) = calendar.walk("VTIMEZONE")
    local = datetime.datetime(day.year, day.month, day.day, 16, 0, tzinfo=zone.to_tz())
    assert local.utcoffset() == offset


def test_cancelled_event_is_exported_as_cancelled(client, make_event):
    make_event(slug="cancelled", status="cancelled")
    (event,) = parse(client.get("/en/events/cancelled/event.ics")).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"


def test_online_event_location(client, make_event):
    make_event(slug="webinar", format="online", online_url="https://example.org/meet")
    (event,) = parse(client.get("/es/events/webinar/event.ics")).walk("VEVENT")
    assert str(event["LOCATION"]) == "En línea"


def test_calendar_feed_per_language(client, make_event, caucus):
    """The subscribable feed holds upcoming and recent events translated into the language, not old ones."""
    soon = make_event(title="Webinar", title_fr="Webinaire", summary_fr="Résumé.", start=days_from_now(3))
    make_event(title="English only", start=days_from_now(4))
    recent = make_event(title="Last month", title_fr="Le mois dernier", summary_fr="R.", start=days_from_now(-30))
    response = client.get("/fr/events/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline")
    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "Réseau Femmes en migration : événements"
    events = {str(e["UID"]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert events == {
        f"event-{recent.pk}@womeninmigration.org": "Le mois dernier",
        f"event-{soon.pk}@womeninmigration.org": "Webinaire",
    }
    english = {str(e["SUMMARY"]) for e in parse(client.get("/en/events/calendar.ics")).walk("VEVENT")}
    assert english == {"Webinar", "English only", "Last month"}


def test_calendar_feed_has_a_vtimezone_per_zone_used(client, make_event):
    manila = zoneinfo.ZoneInfo("Asia/Manila")
    make_event(start=days_from_now(3))
    make_event(start=days_from_now(5, zone=manila), timezone="Asia/Manila")
    calendar = parse(client.get("/en/events/calendar.ics"))
    assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} == {"America/New_York", "Asia/Manila"}
    assert {e["DTSTART"].params["TZID"] for e in calendar.walk("VEVENT")} == {"America/New_York", "Asia/Manila"}


def test_build_calendar_accepts_extra_components(make_event):
    """Other dates (e.g. advocacy days) can be added to a calendar next to the events."""
    extra = icalendar.Event()
    extra.add("uid", "day-8-march@womeninmigration.org")
    extra.add("summary", "International Women's Day")
    extra.add("dtstart", datetime.date(2027, 3, 8))
    extra.add("dtstamp", times.now())
    calendar = build_calendar([make_event()], "en", None, name="Test", extra_components=[extra])
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")][-1] == "day-8-march@womeninmigration.org"
    assert icalendar.Calendar.from_ical(calendar.to_ical())


def test_calendar_feed_query_count_is_constant(client, events_index, make_event):
    for n in range(3):
        make_event(start=days_from_now(n + 1))
    client.get("/en/events/calendar.ics")
    _response, few = count_queries(client, "/en/events/calendar.ics")
    for n in range(60):
        make_event(start=days_from_now(n + 1))
    response, many = count_queries(client, "/en/events/calendar.ics")
    assert len(parse(response).walk("VEVENT")) == 63
    assert many == few <= 12


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/no-such-event/event.ics",
        "/en/events/womens-caucus/calendar.ics",
        "/en/events/womens-caucus/feed.xml",
        "/en/events/event.ics",
        "/en/events/womens-caucus/event.ics/",
        "/en/events/womens-caucus/event.ics/extra",
        "/en/events/womens-caucus/other.ics",
        "/en/events/womens-caucus/%00/event.ics",
        "/en/calendar.ics",
        "/en/about/calendar.ics",
        "/xx/events/womens-caucus/event.ics",
        "/events/womens-caucus/event.ics",
        "/en/" + "a/" * 600 + "event.ics",
    ],
)
def test_odd_calendar_urls_are_404(client, caucus, path):
    assert client.get(path).status_code == 404


def test_post_to_a_calendar_is_refused(client, caucus):
    assert client.post("/en/events/womens-caucus/event.ics").status_code == 405


def test_draft_event_has_no_calendar_file(client, make_event):
    make_event(slug="draft", live=False)
    assert client.get("/en/events/draft/event.ics").status_code == 404


def test_private_event_calendar_asks_for_login(client, caucus):
    PageViewRestriction.objects.create(page=caucus, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/events/womens-caucus/event.ics")
    assert response.status_code == 302 and "login" in response["Location"]
    assert "Women's Caucus" not in parse(client.get("/en/events/calendar.ics")).to_ical().decode()


def test_calendar_feed_includes_the_advocacy_days_of_the_coming_year(client, make_event):
    """The subscribable calendar carries the network's advocacy days as all-day events, in the feed's language."""
    from campaigns.factories import AdvocacyDayFactory

    make_event(title="Webinar", title_fr="Webinaire", summary_fr="Résumé.", start=days_from_now(3))
    next_week = (times.now() + datetime.timedelta(days=7)).date()
    AdvocacyDayFactory(
        slug="test-day", name="Test Day", name_fr="Journée test", month=next_week.month, day=next_week.day
    )
    calendar = parse(client.get("/fr/events/calendar.ics"))
    days = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("advocacy-")]
    assert [str(e["SUMMARY"]) for e in days] == ["Journée test"]
    assert days[0]["DTSTART"].dt == next_week  # an all-day date, not a time
    assert "Webinaire" in {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
