"""The advocacy calendar as data: what comes next, and every occurrence in a period (for the events feed).

Use `occurrences_between(start_date, end_date)` to add the network's special days to an iCalendar feed:
each entry is an all-day span whose `end` is the last day included (iCalendar's DTEND is the day after).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from wimn_site.site_urls import absolute_url

from .models import AdvocacyDay


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an advocacy day: from `start` to `end`, both included."""

    day: AdvocacyDay
    start: datetime.date
    end: datetime.date
    ongoing: bool = False  # under way on the day it was looked up from

    def __iter__(self):  # unpacks as (day, start, end)
        return iter((self.day, self.start, self.end))

    @property
    def label(self):
        """The occurrence's dates in the active language."""
        return AdvocacyDay.describe(self.start, self.end)


def upcoming(limit=None, on=None, days=None):
    """The next occurrence of each advocacy day not over by `on` (today), soonest first; ongoing ones first."""
    on = on or timezone.localdate()
    days = AdvocacyDay.objects.all() if days is None else days
    found = []
    for day in days:
        nxt = day.next_occurrence(on)
        if nxt is not None:
            start, end = nxt
            found.append(Occurrence(day, start, end, ongoing=start <= on <= end))
    found.sort(key=lambda occ: (occ.start, occ.end, occ.day.name))
    return found[:limit] if limit else found


def occurrences_between(start_date, end_date, days=None):
    """Every occurrence of every advocacy day overlapping `start_date`..`end_date` (inclusive), by start date.

    Returns a list of `Occurrence` objects, which unpack as (day, start, end).
    """
    if end_date < start_date:
        return []
    days = AdvocacyDay.objects.all() if days is None else days
    found = [
        Occurrence(day, start, end) for day in days for start, end in day.occurrences_between(start_date, end_date)
    ]
    found.sort(key=lambda occ: (occ.start, occ.end, occ.day.name))
    return found


def ical_components(start_date, end_date, request=None, stamp=None):
    """The advocacy days between two dates as iCalendar VEVENTs (all-day), in the active language.

    Ready for `events.calendar.build_calendar(..., extra_components=...)`. Each occurrence has a stable
    UID (the day's id and the occurrence's start), so a subscribed calendar updates rather than duplicates.
    """
    import icalendar

    from django.conf import settings

    from .models import AdvocacyCalendarPage

    domain = getattr(settings, "WIMN_CALENDAR_UID_DOMAIN", "womeninmigration.org")
    calendar_url = ""
    page = AdvocacyCalendarPage.objects.live().first()
    if page is not None:
        calendar_url = page.get_url(request) or ""
        if request is not None and calendar_url:
            calendar_url = absolute_url(request, calendar_url)
    stamp = stamp or timezone.now()
    components = []
    for day, start, end in occurrences_between(start_date, end_date):
        component = icalendar.Event()
        component.add("uid", f"advocacy-{day.pk}-{start.isoformat()}@{domain}")
        component.add("dtstamp", stamp)
        component.add("dtstart", start)
        component.add("dtend", end + datetime.timedelta(days=1))  # DTEND of an all-day event is exclusive
        component.add("summary", day.name)
        description = "\n\n".join(part for part in (day.description.strip(), day.rule_label) if part)
        if description:
            component.add("description", description)
        if day.venue:
            component.add("location", day.venue)
        url = day.link or (f"{calendar_url}#day-{day.slug}" if calendar_url else "")
        if url:
            component.add("url", url)
        component.add("transp", "TRANSPARENT")  # a day to mark, not a busy slot
        component.add("categories", ["WIMN advocacy calendar"])
        components.append(component)
    return components
