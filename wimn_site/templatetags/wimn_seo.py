"""Discovery helpers for templates: JSON-LD structured data and the page's social image.

`{% structured_data %}` (in base.html) writes, as `<script type="application/ld+json">`:

* on the home page, the network as an `Organization` (with its social profiles as `sameAs`) and the
  `WebSite` with its per-language search;
* on every deeper page, a `BreadcrumbList` built from the same ancestors as the visible trail
  (a routable sub-view may add items with a `breadcrumbs_tail` context list of (name, url) pairs);
* whatever the page adds itself: a page type may define `get_structured_data(request)` returning a
  dict or a list of dicts (an event's `Event`, say), which is written as it is.
"""

import json
import logging

from django import template
from django.conf import settings
from django.template.defaultfilters import truncatewords
from django.templatetags.static import static
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Page

from ..frame import site_frame
from ..site_urls import absolute_url
from .wimn_tags import ancestors_for_breadcrumbs, site_root

register = template.Library()
logger = logging.getLogger(__name__)

SOCIAL_IMAGE_ATTRIBUTES = ("social_image", "og_image", "hero_image", "image", "feed_image")
OG_LOCALES = {"en": "en_US", "es": "es_ES", "pt": "pt_BR", "fr": "fr_FR"}


def json_ld(data):
    """A JSON-LD script element; <, > and & are escaped so text can never close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def _absolute(request, url):
    return absolute_url(request, url)


def _page_url(request, page, root):
    """The page's URL in the active language, from its url_path (no query, whatever its type)."""
    language = translation.get_language()
    relative = page.url_path[len(root.url_path) - 1 :] if root is not None else page.url
    return _absolute(request, f"/{language}{relative}")


def organization(request, home):
    """The network as schema.org data: name, logo, contact and its social profiles (`sameAs`)."""
    language = translation.get_language()
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": _absolute(request, "/#organization"),
        "name": _("Women in Migration Network"),
        "alternateName": "WIMN",
        "url": _absolute(request, f"/{language}/"),
        "logo": _absolute(request, static("img/logo.svg")),
    }
    if home is not None and getattr(home, "mission", ""):
        data["description"] = home.mission
    frame = site_frame(request) if request is not None else None
    if frame is not None:
        if frame.contact_email:
            data["email"] = frame.contact_email
        same_as = [url for _label, url in frame.social_links]
        if same_as:
            data["sameAs"] = same_as
    return data


def website(request):
    language = translation.get_language()
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": _("Women in Migration Network"),
        "url": _absolute(request, f"/{language}/"),
        "inLanguage": language,
        "publisher": {"@id": _absolute(request, "/#organization")},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": _absolute(request, f"/{language}/search/") + "?q={q}"},
            "query-input": "required name=q",
        },
    }


def breadcrumb_list(context, page, root):
    request = context.get("request")
    items = []
    for crumb in ancestors_for_breadcrumbs(context, page):
        name = _("Home") if crumb.depth == 2 else crumb.title
        items.append((name, _page_url(request, crumb, root)))
    items.append((page.title, _page_url(request, page, root)))
    for name, url in context.get("breadcrumbs_tail") or []:
        items.append((str(name), _absolute(request, url)))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(name), "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


@register.simple_tag(takes_context=True)
def structured_data(context):
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    request = context.get("request")
    root = site_root(context)
    blocks = []
    if page.depth <= 2:
        blocks += [organization(request, page), website(request)]
    else:
        blocks.append(breadcrumb_list(context, page, root))
    extra = page.get_structured_data(request) if hasattr(page, "get_structured_data") else None
    if isinstance(extra, dict):
        blocks.append(extra)
    elif extra:
        blocks.extend(extra)
    return mark_safe("\n".join(json_ld(block) for block in blocks))  # noqa: S308 - escaped in json_ld


@register.simple_tag(takes_context=True)
def social_image(context, page=None):
    """The page's share image as a 1200×630 JPEG rendition (absolute URL, alt), or None.

    Looks for the first image on the page among the usual field names, so every page type with a hero
    or feed image is shared with it; pages without one fall back to the site's default card.
    """
    page = page or context.get("page")
    request = context.get("request")
    for name in SOCIAL_IMAGE_ATTRIBUTES:
        image = getattr(page, name, None)
        if image is not None and hasattr(image, "get_rendition"):
            try:
                rendition = image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
            except Exception:  # a missing or broken file must not break the page
                logger.warning("No share rendition for image %s of page %s", image.pk, page.pk, exc_info=True)
                continue
            alt = getattr(page, f"{name.removesuffix('_image')}_alt", "") or getattr(page, f"{name}_alt", "")
            return {"url": _absolute(request, rendition.url), "width": 1200, "height": 630, "alt": alt}
    return {
        "url": _absolute(request, static("img/share-card.png")),
        "width": 1200,
        "height": 630,
        "alt": _("Women in Migration Network"),
    }


def _own_description(page):
    """(field, text) of the page's own short description: SEO description, else summary, intro or mission (any
    page type; a template asking for a field the page lacks costs a dir() of the page)."""
    for name in ("search_description", "summary", "intro", "mission"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return name, value.strip()
    return "", ""


@register.simple_tag
def page_description(page):
    """The page's own short description (`_own_description`), as the share cards use it."""
    return _own_description(page)[1]


@register.simple_tag
def meta_description(page):
    """The page's `<meta name="description">`: its own description, a summary or an intro cut to 40 words."""
    name, text = _own_description(page)
    return truncatewords(text, 40) if name in ("summary", "intro") else text


@register.simple_tag
def og_locale(code):
    return OG_LOCALES.get(code, code)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without query string; a page shown untranslated points to its English text."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.path
    if context.get("translation_missing"):
        language = translation.get_language()
        prefix = f"/{language}/"
        if path.startswith(prefix):
            path = f"/{settings.LANGUAGE_CODE}/" + path[len(prefix) :]
    return absolute_url(request, path)
