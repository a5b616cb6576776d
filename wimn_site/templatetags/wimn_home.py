from django import template
from django.conf import settings
from django.utils import translation

from .. import home

register = template.Library()


@register.filter
def shown_in_english(page):
    """True when `page` has no translation in the active language and shows its English text."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE or not hasattr(page, "is_available_in"):
        return False
    return not page.is_available_in(language)


@register.simple_tag(takes_context=True)
def home_context(context):
    """The home page's blocks, section links and call to action (wimn_site.home), once per request."""
    request = context.get("request")
    cached = getattr(request, "_wimn_home", None)
    if cached is None:
        cached = home.home_context(context["page"], request)
        if request is not None:
            request._wimn_home = cached
    return cached
