"""The generic demo loader (wimn_site.demo_data) on the events' data: dates, examples and clear errors."""

import datetime
import zoneinfo

import pytest
import yaml

from django.core.management import call_command

from events import demo
from events.models import EventPage
from wimn_site import demo_data
from wimn_site.demo_data import DemoDataError, Node
from wimn_site.factories import HomePageFactory

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def events_data():
    return demo_data.read("events/demo.yaml")


def test_dates_absolute_and_relative():
    node = Node({"starts": "2022-05-17 13:15"}, "events/demo.yaml")["starts"]
    assert node.datetime(NEW_YORK) == datetime.datetime(2022, 5, 17, 13, 15, tzinfo=NEW_YORK)
    relative = Node("+12 days 15:00", "x.yaml", "events[4].starts")
    assert relative.datetime(NEW_YORK, today=datetime.date(2026, 12, 25)) == datetime.datetime(
        2027, 1, 6, 15, 0, tzinfo=NEW_YORK
    )


@pytest.mark.parametrize("value", ["next tuesday", "2022-13-01 10:00", "+12 days", 20220517, None])
def test_a_bad_date_names_the_file_and_the_key(value):
    data = Node({"events": [{}, {}, {}, {"starts": value}]}, "events/demo.yaml")
    with pytest.raises(DemoDataError) as error:
        data["events"][3]["starts"].datetime(NEW_YORK)
    assert str(error.value) == f"events/demo.yaml: events[3].starts: {value!r} is not a date " + (
        '("2022-05-17 13:15", or "+12 days 15:00" from today)'
    )


def test_missing_keys_languages_and_bad_types_name_the_key():
    data = Node({"events": [{"title": {"es": "Eventos"}, "format": "hybrid", "topics": "imrf"}]}, "e.yaml")
    event = data["events"][0]
    with pytest.raises(DemoDataError, match=r"^e\.yaml: events\[0\]\.title\.en: missing$"):
        event["title"].translated()
    with pytest.raises(DemoDataError, match=r"^e\.yaml: events\[0\]\.slug: missing$"):
        event["slug"]
    with pytest.raises(DemoDataError, match=r"^e\.yaml: events\[0\]\.topics: 'imrf' is not a list$"):
        event["topics"].items()
    with pytest.raises(DemoDataError, match=r"not de\)$"):
        Node({"en": "a", "de": "b"}, "e.yaml", "title").translated()
    with pytest.raises(DemoDataError, match=r"^e\.yaml: events\[0\]\.timezone: 'Mars/Olympus' is not a time zone"):
        Node("Mars/Olympus", "e.yaml", "events[0].timezone").zone()


def test_unreadable_yaml_names_the_file(tmp_path):
    (tmp_path / "demo.yaml").write_text("events: [unclosed\n")
    with pytest.raises(DemoDataError, match=r"^demo\.yaml: not readable YAML"):
        demo_data.read("demo.yaml", base=tmp_path)


@pytest.mark.django_db
def test_the_builder_reports_a_bad_value_of_the_events_file():
    raw = yaml.safe_load(open(demo_data.read("events/demo.yaml").file, encoding="utf-8"))
    for event in raw["events"]:
        event.pop("campaign", None)  # no campaigns app content under this bare home page
    raw["events"][3]["starts"] = "next tuesday"
    with pytest.raises(DemoDataError) as error:
        demo.build(HomePageFactory(), Node(raw, "events/demo.yaml"))
    assert str(error.value).startswith("events/demo.yaml: events[3].starts: 'next tuesday' is not a date")


def test_the_events_file_marks_what_the_seeds_lack():
    events = events_data()["events"].items()
    examples = [event["slug"].value for event in events if event.is_example()]
    # the three upcoming events are the demo's own; the four past ones are the network's record
    assert len(examples) == 3
    assert all(event["starts"].value.startswith("+") for event in events if event.is_example())
    assert [event for event in events if not event.is_example()] and len(events) == 7


@pytest.mark.django_db
def test_load_demo_without_examples_loads_no_example(demo_without_examples):
    events = EventPage.objects.all()
    assert {event.slug for event in events} == {
        "womens-caucus-new-york-2016",
        "sustainable-reintegration-migrant-trafficked-women",
        "womens-caucus-imrf-2022",
        "from-pledges-to-practices-gender-responsiveness",
    }
    assert not EventPage.objects.filter(is_example=True).exists()
    marked = 0
    for spec in events_data()["events"].items():
        if spec.is_example():
            continue
        event = events.get(slug=spec["slug"].value)
        for key in spec.example_fields():
            marked += 1
            fallback = spec["without_examples"].value.get(key) if "without_examples" in spec else None
            if key in ("starts", "ends"):
                moment = event.local_start if key == "starts" else event.local_end
                assert moment != spec[key].datetime(NEW_YORK), (spec.path, key)
                # the stated day, 00:00 to 23:59: no invented time of day
                assert moment.strftime("%Y-%m-%d %H:%M") == fallback, (spec.path, key)
            else:
                values = [getattr(event, f"{key}_{code}", None) for code in ("en", "es", "pt", "fr")]
                values = [value for value in values if value is not None] or [getattr(event, key)]
                assert not any(values), (spec.path, key, values)
    # the 2022 events' times, rooms, addresses and links, and one invented body
    assert marked >= 15
    caucus_2016 = events.get(slug="womens-caucus-new-york-2016")  # the seed gives its time and city: data
    assert (caucus_2016.local_start.hour, caucus_2016.local_end.hour, caucus_2016.venue) == (16, 18, "New York")


def test_the_events_file_marks_times_and_places_the_seeds_do_not_give():
    """Each 2022 event in the seeds has a day but no time or room: its times and venue are listed as examples,
    with a fallback on the stated day; the 2016 caucus's stated time and city are not."""
    events = {event["slug"].value: event for event in events_data()["events"].items()}
    for slug, day in (
        ("sustainable-reintegration-migrant-trafficked-women", "2022-05-17"),
        ("womens-caucus-imrf-2022", "2022-05-18"),
        ("from-pledges-to-practices-gender-responsiveness", "2022-05-19"),
    ):
        event = events[slug]
        assert {"starts", "ends", "venue", "address"} <= event.example_fields()
        assert event.field("starts", examples=False).value == f"{day} 00:00"
        assert event.field("ends", examples=False).value == f"{day} 23:59"
        assert event.field("venue", examples=False).value is None
    assert events["womens-caucus-new-york-2016"].example_fields() == set()


@pytest.mark.django_db
def test_setup_site_without_demo_loads_nothing():
    call_command("setup_site", "--no-demo")
    assert not EventPage.objects.exists()


def test_examples_are_labelled_in_the_admin(demo, staff):
    example = EventPage.objects.get(slug="womens-caucus-csw")
    assert example.is_example
    listing = staff.get(f"/admin/pages/{example.get_parent().id}/").content.decode()
    assert f"{example.title} (Example)" in listing
    record = EventPage.objects.get(slug="womens-caucus-imrf-2022")
    assert not record.is_example and f"{record.title} (Example)" not in listing
