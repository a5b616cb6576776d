from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Page, Site

from ..i18n import language_versions

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
    return request.build_absolute_uri(url)


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
    pages = list(root.get_children().live().public().in_menu().specific()) if root else []
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
    """The page's ancestors below the site root (for breadcrumbs), in one query."""
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors().filter(depth__gt=1).specific())
