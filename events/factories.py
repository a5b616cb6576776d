"""Factories for events, shared by the tests and the demo content."""

import datetime
import zoneinfo

import factory
import wagtail_factories

from .models import EventIndexPage, EventPage, EventParticipant
from .times import now


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"
    title_en = factory.SelfAttribute("title")
    slug = "events"


def _default_start(obj):
    zone = zoneinfo.ZoneInfo(obj.timezone)
    day = (now() + datetime.timedelta(days=30)).astimezone(zone).date()
    return datetime.datetime(day.year, day.month, day.day, 10, 0, tzinfo=zone)


class EventPageFactory(wagtail_factories.PageFactory):
    """An upcoming event in New York, one month from now, from 10:00 to 11:30 local time."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Side event {n}")
    title_en = factory.SelfAttribute("title")
    slug = factory.Sequence(lambda n: f"event-{n}")
    timezone = "America/New_York"
    start = factory.LazyAttribute(_default_start)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(minutes=90))
    format = EventPage.IN_PERSON
    venue_en = "UN Headquarters"
    address = "405 East 42nd Street, New York, NY 10017, United States"
    summary = factory.LazyAttribute(lambda o: f"About {o.title}.")
    summary_en = factory.SelfAttribute("summary")


class EventParticipantFactory(factory.django.DjangoModelFactory):
    """A participant of an event; a speaker by default."""

    class Meta:
        model = EventParticipant

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    page = factory.SubFactory(EventPageFactory)
    role = EventParticipant.SPEAKER
    name = ""
    position = ""
    organization = None
    organization_name = ""


class EventPersonFactory(EventParticipantFactory):
    """A speaker, or a moderator with `is_moderator=True`."""

    class Params:
        is_moderator = False

    role = factory.LazyAttribute(lambda o: EventParticipant.MODERATOR if o.is_moderator else EventParticipant.SPEAKER)
    name = factory.Sequence(lambda n: f"Speaker {n}")


class EventCoSponsorFactory(EventParticipantFactory):
    """A co-sponsor, typed by name unless an organization is given."""

    role = EventParticipant.CO_SPONSOR
    organization_name_en = factory.Sequence(lambda n: f"Co-sponsor {n}")
