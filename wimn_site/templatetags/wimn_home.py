from django import template

from .. import home

register = template.Library()


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
