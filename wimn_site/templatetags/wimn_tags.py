from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Page, Site

from ..i18n import language_versions
from ..navigation import root_children
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
def site_root(context):
    """The home page of the current site, cached on the request (used by header, footer and breadcrumbs)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_wimn_root"):
        site = Site.find_for_request(request)
        request._wimn_root = site.root_page.specific if site else None
    return request._wimn_root


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Pages shown in the header: the home page's live children marked 'show in menus'."""
    request = context.get("request")
    if request is not None and hasattr(request, "_wimn_menu"):
        return request._wimn_menu
    root = site_root(context)
    # One query shared with the home page's links (wimn_site.navigation): titles and URLs live on the base
    # Page row (no .specific()), and the private-section check is a subquery, not Wagtail's extra query.
    pages = [page for page in root_children(request, root) if page.show_in_menus]
    if request is not None:
        request._wimn_menu = pages
    return pages


@register.simple_tag
def current_language():
    return translation.get_language()


@register.simple_tag
def language_name(code):
    return settings.LANGUAGE_NATIVE_NAMES.get(code, code)


@register.simple_tag(takes_context=True)
def ancestors_for_breadcrumbs(context, page):
    """The page's ancestors below the site root (for breadcrumbs and their JSON-LD), in at most one query.

    Base Page rows suffice (titles and URLs live there); a child of the home page reuses the site root, and
    the result is kept on the request so the visible trail and the structured data share it.
    """
    if not isinstance(page, Page):
        return []
    request = context.get("request")
    cache = getattr(request, "_wimn_crumbs", None) if request is not None else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    root = site_root(context)
    if page.depth == 3 and root is not None and page.path.startswith(root.path):
        crumbs = [root]
    else:
        crumbs = list(page.get_ancestors().filter(depth__gt=1))
    if request is not None:
        if cache is None:
            cache = request._wimn_crumbs = {}
        cache[page.pk] = crumbs
    return crumbs
