from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


@register.filter
def shown_in_english(page):
    """True when `page` has no translation in the active language and shows its English text."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE or not hasattr(page, "is_available_in"):
        return False
    return not page.is_available_in(language)
