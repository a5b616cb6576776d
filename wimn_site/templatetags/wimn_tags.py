from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Page

from ..frame import Link, site_frame
from ..i18n import language_versions
from ..site_urls import absolute_url as site_absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    page = context.get("page")
    return language_versions(request, page)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    if request is None:
        return url
    return site_absolute_url(request, url)


@register.simple_tag(takes_context=True)
def frame(context):
    """The site's frame in the active language (wimn_site.frame): menu, footer, settings; one cache lookup."""
    request = context.get("request")
    return site_frame(request) if request is not None else None


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the current site, as the frame's link (title and URL in the active language)."""
    found = frame(context)
    return found.root if found is not None else None


@register.simple_tag
def select_field(field):
    """A listing filter's select as `components/filter_select.html` writes it: Django's own markup (the value
    selected, aria-invalid for a value the listing does not offer, `lang` on language options), built here
    because Django's widget templates cost a template render per option."""
    value = field.value()
    current = "" if value is None else str(value)
    options, chosen = [], False
    for key, label in field.field.choices:
        key = "" if key is None else str(key)
        selected = not chosen and key == current
        chosen = chosen or selected
        options.append((key, label, selected))
    return {
        "id": field.id_for_label,
        "name": field.html_name,
        "label": field.label,
        "invalid": bool(field.errors),
        "option_lang": getattr(field.field.widget, "option_lang", False),
        "options": options,
    }


@register.simple_tag
def current_language():
    return translation.get_language()


@register.simple_tag
def language_name(code):
    return settings.LANGUAGE_NATIVE_NAMES.get(code, code)


def _cached_ancestors(page):
    """The page's ancestors below the home page as the route left them on it (`_cached_parent_obj`), else None."""
    if not page.path or not page.depth:
        return None
    chain = []
    node = page
    while node.depth > 3:
        node = getattr(node, "_cached_parent_obj", None)
        if not isinstance(node, Page) or not page.path.startswith(node.path):
            return None
        chain.append(node)
    return chain[::-1]


@register.simple_tag(takes_context=True)
def ancestors_for_breadcrumbs(context, page):
    """The page's ancestors below the site root (for breadcrumbs and their JSON-LD), as links, kept on the request
    so the visible trail and the structured data share them.

    The home page comes from the frame; the pages between it and this one from the route that found this page
    (each section's route leaves the parent on its child), else from one query.
    """
    if not isinstance(page, Page):
        return []
    request = context.get("request")
    cache = getattr(request, "_wimn_crumbs", None) if request is not None else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    root = site_root(context)
    between = _cached_ancestors(page) if root is not None and page.path.startswith(root.path) else None
    if between is None:
        crumbs = [Link.of(ancestor, request) for ancestor in page.get_ancestors().filter(depth__gt=1)]
    else:
        crumbs = [root, *(Link.of(ancestor, request) for ancestor in between)]
    if request is not None:
        if cache is None:
            cache = request._wimn_crumbs = {}
        cache[page.pk] = crumbs
    return crumbs
