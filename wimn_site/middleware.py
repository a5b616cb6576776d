import re

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .views import method_not_allowed


class PrefixOnlyLocaleMiddleware(LocaleMiddleware):
    """LocaleMiddleware without its 404 → redirect: an unknown prefix like `/xx/` is a 404, not a guess.

    `/` itself is redirected by `wimn_site.views.language_redirect`.
    """

    def process_response(self, request, response):
        language = translation.get_language()
        if not translation.get_language_from_path(request.path_info):
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", language)
        return response


# Public pages load nothing from another host.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


# The admin loads nothing from another host either, posts forms only to itself and may be framed only by
# itself (its preview panel). Wagtail 7.4 still writes a few inline scripts (the date and time pickers'
# set-up, wagtail-modeltranslation's editor settings) and inline styles, so those are allowed here and
# nowhere else. Checked in Chromium: edit, preview, upload (tests/browser/test_admin_security.py).
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "style-src 'self' 'unsafe-inline'",
        "script-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            # Wagtail renders an admin preview by passing a made-up request for the page's public URL through
            # the middleware; the admin request around it sets the headers (a public page's CSP here would
            # forbid the preview panel to frame it).
            return response
        admin = request.path_info.startswith("/admin/")
        response.headers.setdefault("Content-Security-Policy", ADMIN_CSP if admin else PUBLIC_CSP)
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if getattr(settings, "WIMN_EXTRA_HEADERS", None):
            for key, value in settings.WIMN_EXTRA_HEADERS.items():
                response.headers.setdefault(key, value)
        return response


LEADING_SLASHES = re.compile(r"^[/\\]{2,}")


class OneLeadingSlashMiddleware:
    """`//example.org/en/` is a path on this site, but every URL built from it (the language switcher,
    canonical and hreflang links, redirects) would read as another host. Such paths are sent to the
    same path with one leading slash."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if LEADING_SLASHES.match(request.path_info):
            location = LEADING_SLASHES.sub("/", request.path_info)
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{location}?{query}" if query else location)
        return self.get_response(request)


class MethodNotAllowedPageMiddleware:
    """Django's `require_safe` and class-based views refuse a method with an empty 405; the visitor gets
    the 405 page in their language instead, with the same `Allow` header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            allowed = [method.strip() for method in response.get("Allow", "").split(",") if method.strip()]
            return method_not_allowed(request, allowed)
        return response
