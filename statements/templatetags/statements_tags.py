"""Template helpers for statement-like pages: structured data, share links, feed links, languages."""

import json
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wimn_site.site_urls import absolute_url

from ..models.base import KIND_PLURALS, MEDIA_ALERT, OP_ED, PLEDGE

register = template.Library()

ORGANIZATION_NAME = "Women in Migration Network"


def _absolute(request, url):
    return absolute_url(request, url)


@register.simple_tag(takes_context=True)
def page_absolute_url(context):
    """The canonical URL of the page being shown, in the current language (no query string)."""
    request = context.get("request")
    return _absolute(request, request.path) if request is not None else ""


@register.simple_tag(takes_context=True)
def statement_json_ld(context, page):
    """A schema.org NewsArticle (statements, media alerts) or Article (pledges, op-eds) as JSON-LD."""
    request = context.get("request")
    language = translation.get_language()
    url = page_absolute_url(context)
    publisher = {
        "@type": "Organization",
        "name": ORGANIZATION_NAME,
        "alternateName": "WIMN",
        "url": _absolute(request, f"/{language}/"),
        "logo": {"@type": "ImageObject", "url": _absolute(request, static("img/logo.svg"))},
    }
    data = {
        "@context": "https://schema.org",
        "@type": "Article" if page.kind in (PLEDGE, OP_ED) else "NewsArticle",
        "headline": page.title[:110],
        "name": page.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": page.date.isoformat(),
        "inLanguage": language if page.is_available_in(language) else settings.LANGUAGE_CODE,
        "articleSection": str(page.kind_label),
        "isAccessibleForFree": True,
        "publisher": publisher,
        "author": publisher,
    }
    modified = getattr(page, "last_updated", None) or (page.last_published_at and page.last_published_at.date())
    if modified:
        data["dateModified"] = modified.isoformat()
    if page.summary:
        data["description"] = page.summary
    topics = context.get("topics")
    if topics:
        data["keywords"] = ", ".join(t.name for t in topics)
    if page.kind == OP_ED:
        authors = context.get("authors") or []
        if authors:
            data["author"] = [_person(a) for a in authors]
        if getattr(page, "original_url", ""):
            data["isBasedOn"] = page.original_url
    if page.kind == MEDIA_ALERT and getattr(page, "dateline", ""):
        data["dateline"] = page.dateline
    text = json.dumps(data, ensure_ascii=False, indent=None)
    # Safe inside <script>: no "</script>", no HTML comment openers.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def _person(author):
    person = {"@type": "Person", "name": author.name}
    if author.role:
        person["jobTitle"] = author.role
    if author.organization_display:
        person["affiliation"] = {"@type": "Organization", "name": author.organization_display}
    return person


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """(label, url) pairs of plain share links: nothing is loaded from these services until a visitor clicks."""
    url = page_absolute_url(context)
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
