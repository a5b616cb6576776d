"""Dates and date spans written out in the visitor's language ("25 de noviembre – 10 de diciembre de 2026").

Django's DATE_FORMAT differs in shape between languages ("Nov. 25, 2026" beside "25 novembre 2026") and
writes Portuguese month names with a capital; the network's pages write day-month-year in every language,
with the connecting words each language needs, so spans read naturally.
"""

import datetime

from django.utils import dateformat, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def month_name(value):
    """The month's name in the active language (lower case where the language writes it so)."""
    name = dateformat.format(value, "F")
    if (translation.get_language() or "en") in ("es", "pt", "fr"):
        name = name.lower()
    return name


def month_name_of(month):
    """The name of month number `month` (1-12) in the active language."""
    return month_name(datetime.date(2000, month, 1))


def day_label(value):
    """The day of the month as written before a month name ("1er" in French)."""
    if value.day == 1 and (translation.get_language() or "en") == "fr":
        return "1er"
    return str(value.day)


def day_month(value):
    """ "25 November" in the active language, without the year."""
    return _("%(day)s %(month)s") % {"day": day_label(value), "month": month_name(value)}


def full_date(value):
    """ "25 November 2026" in the active language."""
    return _("%(day)s %(month)s %(year)s") % {"day": day_label(value), "month": month_name(value), "year": value.year}


def month_year(value):
    """ "November 2026" in the active language."""
    return _("%(month)s %(year)s") % {"month": month_name(value), "year": value.year}


def span(start, end=None):
    """A date or a span of dates, sharing the month and year when they are the same."""
    if end is None or end == start:
        return full_date(start)
    if start.year == end.year and start.month == end.month:
        return pgettext("date range in one month", "%(start)s–%(end)s %(month)s %(year)s") % {
            "start": day_label(start),
            "end": end.day,
            "month": month_name(start),
            "year": start.year,
        }
    first = day_month(start) if start.year == end.year else full_date(start)
    return pgettext("date range", "%(start)s – %(end)s") % {"start": first, "end": full_date(end)}


def whole_month(start, end):
    """True when start..end covers exactly one calendar month."""
    following = (end + datetime.timedelta(days=1)).day == 1
    return start.day == 1 and following and start.year == end.year and start.month == end.month
