"""Per-language URLs of the current page, used by the switcher, hreflang and sitemaps."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def language_versions(request, page=None):
    """One entry per site language: its code, native name, URL of this page, and availability.

    With a page, availability is the page's own (required fields filled); elsewhere every language
    counts as available. The URL keeps the query string so a filtered listing stays filtered.
    """
    current = translation.get_language()
    full_path = request.get_full_path() if request is not None else "/"
    # The URL patterns are not translated, so for a path Django resolved under the current language's prefix
    # another language's URL is the same path under its prefix: what translate_url() would reverse, without
    # resolving and reversing it four times.
    prefix = f"/{current}/"
    swap = getattr(request, "resolver_match", None) is not None and full_path.startswith(prefix)
    versions = []
    for code, _name in settings.LANGUAGES:
        versions.append(
            {
                "code": code,
                "name": settings.LANGUAGE_NATIVE_NAMES.get(code, code),
                "url": f"/{code}/{full_path[len(prefix) :]}" if swap else translate_url(full_path, code),
                "available": page.is_available_in(code)
                if page is not None and hasattr(page, "is_available_in")
                else True,
                "current": code == current,
            }
        )
    return versions
