import datetime

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import format_html

from wimn_site.frame import Link
from wimn_site.visibility import public_pages

from .. import dates
from ..models import AdvocacyCalendarPage, upcoming

register = template.Library()


@register.inclusion_tag("campaigns/includes/coming_up.html", takes_context=True)
def advocacy_coming_up(context, limit=3):
    """The next few advocacy days (ongoing ones included), with a link to the calendar page. Two queries."""
    request = context.get("request")
    calendar_page = public_pages(AdvocacyCalendarPage.objects.all()).first() if request else None
    calendar_page = Link.of(calendar_page, request) if calendar_page is not None else None
    return {"occurrences": upcoming(limit=limit), "calendar_page": calendar_page, "request": request}


@register.simple_tag
def fallback_lang(obj, field):
    """` lang="en"` when `obj.field` has no text in the active language and shows the English fallback."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE or getattr(obj, f"{field}_{language}", None):
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.filter
def day_month(value):
    """ "10 December" in the active language."""
    return dates.day_month(value) if value else ""


@register.filter
def long_date(value):
    """ "25 November 2026" in the active language, for a date or an aware datetime (in the site's time zone)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return dates.full_date(value)
