"""The advocacy calendar as iCalendar: the network's special days as all-day VEVENTs, for the events feed.

What comes next and every occurrence in a period are the model's (`campaigns.models.upcoming`,
`occurrences_between`); an occurrence's `end` is the last day included (iCalendar's DTEND is the day after).
"""

import datetime

import icalendar

from django.conf import settings
from django.utils import timezone

from wimn_site.site_urls import absolute_url
from wimn_site.visibility import public_pages

from .models import AdvocacyCalendarPage, occurrences_between


def ical_components(start_date, end_date, request=None, stamp=None):
    """The advocacy days between two dates as iCalendar VEVENTs (all-day), in the active language.

    Ready for `events.calendar.build_calendar(..., extra_components=...)`. Each occurrence has a stable
    UID (the day's id and the occurrence's start), so a subscribed calendar updates rather than duplicates.
    """
    domain = getattr(settings, "WIMN_CALENDAR_UID_DOMAIN", "womeninmigration.org")
    calendar_url = ""
    page = public_pages(AdvocacyCalendarPage.objects.all()).first()
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
