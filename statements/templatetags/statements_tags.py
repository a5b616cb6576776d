"""Template helpers for statement-like pages: share links, feed links, languages, dates."""

from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wimn_site.site_urls import absolute_url

from ..models.base import KIND_PLURALS

register = template.Library()


def _page_url(context):
    """The absolute URL of the page being shown, in the current language (no query string)."""
    request = context.get("request")
    return absolute_url(request, request.path) if request is not None else ""


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """(label, url) pairs of plain share links: nothing is loaded from these services until a visitor clicks."""
    url = _page_url(context)
    title = page.title
    return [
        (_("Email"), "mailto:?" + urlencode({"subject": title, "body": f"{title}\n{url}"}, quote_via=quote)),
        ("X / Twitter", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": f"{title} {url}"})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{title} {url}"})),
    ]


@register.simple_tag
def statement_feeds(kind=None):
    """The feeds to announce with rel=alternate: the whole section, and the kind's own feed when given."""
    language = translation.get_language()
    native = settings.LANGUAGE_NATIVE_NAMES.get(language, language)
    feeds = [
        {
            "url": reverse("statements_feed"),
            "title": _("Women in Migration Network: statements (%(language)s)") % {"language": native},
        }
    ]
    if kind:
        feeds.append(
            {
                "url": reverse("statements_kind_feed", kwargs={"kind": kind}),
                "title": _("Women in Migration Network: %(kind)s (%(language)s)")
                % {"kind": str(KIND_PLURALS[kind]).lower(), "language": native},
            }
        )
    return feeds


@register.simple_tag
def language_badges(page):
    """The languages `page` is available in, as native names with their codes."""
    return [(code, settings.LANGUAGE_NATIVE_NAMES.get(code, code)) for code in page.available_languages]


@register.simple_tag
def is_missing(obj, field):
    """True when `obj.field` has no value in the current language (so the English fallback is shown)."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return False
    value = getattr(obj, f"{field}_{language}", None)
    if value is None:
        return True
    if hasattr(value, "raw_data"):
        return len(value.raw_data) == 0
    return not str(value).strip()


@register.simple_tag
def time_tag(value):
    """<time datetime="YYYY-MM-DD">localized date</time>."""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), date_format(value, "DATE_FORMAT"))


@register.filter
def is_available(page, language):
    """Whether `page` is translated into `language` (its required fields filled)."""
    return page.is_available_in(language)
