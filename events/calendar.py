"""iCalendar (RFC 5545) export of events, built with the `icalendar` library.

`build_calendar()` is the one entry point: the per-event download and the subscribable feed both use
it, and other kinds of dates (e.g. the campaigns app's advocacy days) can join a feed by passing their
own VEVENT components as `extra_components`.
"""

import datetime

import icalendar

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from wimn_site.site_urls import absolute_url as site_absolute_url

from . import times

PRODID = "-//Women in Migration Network//WIMN events//EN"
UID_DOMAIN = getattr(settings, "WIMN_CALENDAR_UID_DOMAIN", "womeninmigration.org")
STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def event_uid(event):
    """A UID that never changes for an event (its page id), whatever its title, slug or language."""
    return f"event-{event.pk}@{UID_DOMAIN}"


def absolute_url(request, page):
    url = page.get_url(request)
    return site_absolute_url(request, url)


def event_description(event, url):
    lines = [event.summary.strip()]
    if event.status == event.CANCELLED:
        lines.insert(0, _("This event is cancelled."))
    elif event.status == event.POSTPONED:
        lines.insert(0, _("This event is postponed; the date will change."))
    if event.is_online and event.online_url:
        lines.append(_("Online: %(url)s") % {"url": event.online_url})
    if event.registration_url:
        lines.append(_("Registration: %(url)s") % {"url": event.registration_url})
    if url:
        lines.append(_("Details: %(url)s") % {"url": url})
    return "\n\n".join(line for line in lines if line)


def event_component(event, request=None, stamp=None):
    """One VEVENT for `event`, with its times in its own zone (TZID) and its text in the active language."""
    url = absolute_url(request, event)
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp or times.now())
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    component.add("summary", event.title)
    component.add("description", event_description(event, url))
    location = event.location_text
    if location:
        component.add("location", location)
    if url:
        component.add("url", url)
    component.add("status", STATUS.get(event.status, "CONFIRMED"))
    if event.first_published_at:
        component.add("created", event.first_published_at.astimezone(datetime.UTC))
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    return component


def build_calendar(events, language, request=None, name=None, extra_components=()):
    """An icalendar.Calendar of `events` (EventPage instances) in `language`.

    Each time zone used gets a VTIMEZONE covering the events' dates, so clients that do not know the
    zone by name still place the times right. `extra_components` are added as they are.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    stamp = times.now().replace(microsecond=0)
    with translation.override(language):
        if name:
            calendar.add("name", name)
            calendar.add("x-wr-calname", name)
        events = list(events)
        for event in events:
            calendar.add_component(event_component(event, request, stamp))
    for component in extra_components:
        calendar.add_component(component)
    if events:
        first = min(event.local_start for event in events).date() - datetime.timedelta(days=366)
        last = max(event.local_end for event in events).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    else:
        calendar.add_missing_timezones()
    return calendar
