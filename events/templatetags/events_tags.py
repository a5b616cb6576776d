"""Event times in the event's own zone, in the visitor's language."""

from django import template
from django.conf import settings
from django.utils import dateformat, translation
from django.utils.formats import get_format

from ..times import long_date, utc_offset_label, zone_city

register = template.Library()


@register.simple_tag
def event_when(event):
    """The parts of an event's date and time, read in its own zone, for `events/includes/event_when.html`."""
    language = translation.get_language()
    start, end = event.local_start, event.local_end
    time_format = get_format("TIME_FORMAT")
    abbreviation = start.tzname() or ""
    return {
        "start_iso": start.isoformat(),
        "end_iso": end.isoformat(),
        "start_day": long_date(start, language),
        "start_time": dateformat.time_format(start, time_format),
        "end_day": long_date(end, language),
        "end_time": dateformat.time_format(end, time_format),
        "same_day": start.date() == end.date(),
        "zone_name": event.timezone,
        "zone_abbr": abbreviation if abbreviation.isalpha() and abbreviation != "UTC" else "",
        "zone_city": zone_city(event.timezone),
        "utc_offset": utc_offset_label(start),
    }


@register.simple_tag
def text_language(item):
    """ "en" when `item` is shown in its English fallback in the current language, else ""."""
    language = translation.get_language()
    if hasattr(item, "is_available_in") and not item.is_available_in(language):
        return settings.LANGUAGE_CODE
    return ""
