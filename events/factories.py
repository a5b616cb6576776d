"""Factories for events, shared by the tests and the demo content."""

import datetime
import zoneinfo

import factory
import wagtail_factories

from .models import EventCoSponsor, EventIndexPage, EventPage, EventPerson
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


class EventPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventPerson

    page = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    role_en = ""
    organization = None
    organization_name = ""
    is_moderator = False


class EventCoSponsorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventCoSponsor

    page = factory.SubFactory(EventPageFactory)
    organization = None
    organization_name_en = factory.Sequence(lambda n: f"Co-sponsor {n}")
