"""Time zones for events: which zones an editor may choose, and wall-clock times read in an event's zone.

An event is stored as aware datetimes (UTC in the database) plus the IANA name of the zone it takes
place in, so "4 pm in New York" stays 4 pm EDT in summer and 4 pm EST in winter whatever the zone of
the server or of the editor.
"""

import functools
import zoneinfo
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

REGIONS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")


@functools.cache
def timezone_names():
    """The IANA zones an editor may pick: geographic ones plus UTC (no legacy aliases such as US/Eastern).
    Read once per process: `available_timezones()` walks the zone files on disk (about 15 ms)."""
    names = {name for name in zoneinfo.available_timezones() if name.split("/", 1)[0] in REGIONS}
    return ("UTC", *sorted(names))


def timezone_choices():
    """Grouped choices for a select: UTC, then each region with its cities ("America" → "New York")."""
    groups = {}
    for name in timezone_names()[1:]:
        region, city = name.split("/", 1)
        groups.setdefault(region, []).append((name, city.replace("_", " ").replace("/", " / ")))
    return [("UTC", "UTC"), *groups.items()]


def validate_timezone(value):
    if value not in timezone_names():
        raise ValidationError(_("Choose a time zone from the list."), code="invalid_timezone")


# The cities of zones the network's events are likely in whose names differ by language ("hora de Nueva York");
# any other zone is named by its IANA city, as written in the zone's name.
ZONE_CITIES = {
    "America/New_York": pgettext_lazy("time zone city", "New York"),
    "America/Los_Angeles": pgettext_lazy("time zone city", "Los Angeles"),
    "America/Mexico_City": pgettext_lazy("time zone city", "Mexico City"),
    "America/Bogota": pgettext_lazy("time zone city", "Bogota"),
    "America/Sao_Paulo": pgettext_lazy("time zone city", "Sao Paulo"),
    "America/Panama": pgettext_lazy("time zone city", "Panama"),
    "America/Havana": pgettext_lazy("time zone city", "Havana"),
    "America/Asuncion": pgettext_lazy("time zone city", "Asuncion"),
    "America/Montreal": pgettext_lazy("time zone city", "Montreal"),
    "Europe/London": pgettext_lazy("time zone city", "London"),
    "Europe/Brussels": pgettext_lazy("time zone city", "Brussels"),
    "Europe/Lisbon": pgettext_lazy("time zone city", "Lisbon"),
    "Europe/Berlin": pgettext_lazy("time zone city", "Berlin"),
    "Europe/Rome": pgettext_lazy("time zone city", "Rome"),
    "Europe/Zurich": pgettext_lazy("time zone city", "Zurich"),
    "Europe/Istanbul": pgettext_lazy("time zone city", "Istanbul"),
    "Africa/Cairo": pgettext_lazy("time zone city", "Cairo"),
    "Africa/Johannesburg": pgettext_lazy("time zone city", "Johannesburg"),
    "Asia/Beirut": pgettext_lazy("time zone city", "Beirut"),
    "Asia/Kolkata": pgettext_lazy("time zone city", "Kolkata"),
    "Asia/Kathmandu": pgettext_lazy("time zone city", "Kathmandu"),
    "Asia/Dhaka": pgettext_lazy("time zone city", "Dhaka"),
    "Asia/Manila": pgettext_lazy("time zone city", "Manila"),
    "Asia/Jakarta": pgettext_lazy("time zone city", "Jakarta"),
    "Asia/Singapore": pgettext_lazy("time zone city", "Singapore"),
    "Asia/Tokyo": pgettext_lazy("time zone city", "Tokyo"),
}


def zone_city(name):
    """ "America/New_York" → "New York" ("Nueva York" in Spanish); "UTC" stays "UTC"."""
    if name in ZONE_CITIES:
        return str(ZONE_CITIES[name])
    return name.rsplit("/", 1)[-1].replace("_", " ")


def zone_of(name):
    """The zone named `name` (an event's `timezone`), UTC for a name this system does not know."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def wall_clock_to_aware(naive, zone_name):
    """Read `naive` as the wall-clock time in `zone_name`.

    A time that does not exist there (skipped when clocks go forward) is refused; an ambiguous one
    (repeated when clocks go back) is read as its first occurrence.
    """
    zone = zoneinfo.ZoneInfo(zone_name)
    aware = naive.replace(tzinfo=zone, fold=0)
    round_trip = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive.replace(tzinfo=None):
        raise ValidationError(
            _("%(time)s does not exist in %(zone)s: the clocks change that night. Choose another time.")
            % {"time": naive.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
            code="nonexistent_time",
        )
    return aware


def utc_offset_label(moment):
    """ "UTC−4", "UTC+5:30", "UTC" for an aware datetime (the minus is a real minus sign)."""
    offset = moment.utcoffset()
    if offset is None or not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


# A weekday and a full date, as each language writes it ("Tuesday 17 May 2022", "martes 17 de mayo de 2022").
LONG_DATE = {
    "en": "{weekday} {day} {month} {year}",
    "es": "{weekday} {day} de {month} de {year}",
    "pt": "{weekday}, {day} de {month} de {year}",
    "fr": "{weekday} {day} {month} {year}",
}


def long_date(moment, language):
    """The weekday and date of `moment` (as read in its own zone) in `language`.

    Names are lower case except in English: installed apps disagree on the case of translated month
    and day names, so it is set here.
    """
    weekday, month = dateformat.format(moment, "l"), dateformat.format(moment, "F")
    if language != "en":
        weekday, month = weekday.lower(), month.lower()
    pattern = LONG_DATE.get(language, LONG_DATE["en"])
    return pattern.format(weekday=weekday, day=moment.day, month=month, year=moment.year)


def now():
    return datetime.now(UTC)
