"""A short-lived cache of public pages for anonymous visitors.

On the day of a media alert many people open the same few pages at once. Rendering a page costs a
Wagtail route, about ten queries and the templates (40 ms of CPU); a cached copy costs one cache
lookup. The cache only ever holds what any anonymous visitor would get:

- only GET and HEAD requests without a query string (filtered listings and search are not cached,
  so nobody can fill the cache with made-up URLs), outside the admin;
- never for a request carrying a session or messages cookie (a logged-in editor, a visitor who has
  entered a private page's password, a message waiting to be shown): those are served fresh;
- only responses with status 200 that set no cookie, used no CSRF token (pages with a form) and
  are not marked private or no-store, and are not streamed (documents).

What a change makes stale is decided once, for this cache and the caching proxy alike, by
`wimn_site.cache_invalidation`: a page's own addresses are forgotten (`forget_urls`), or, for a change
that shows on many pages, a new generation starts and older entries are ignored (`forget_everything`).
Entries also expire after `WIMN_PAGE_CACHE_SECONDS` (60 in production), which bounds how long
time-dependent parts (upcoming/past events, the coming-up advocacy days) can lag. 0 turns the cache off
(development and tests, where the cache is per process). The cache must be shared by all processes (the
production settings use the database cache, or Redis).

The same decision marks the response for a proxy: what this cache would keep is sent with
`Cache-Control: public, max-age=0, s-maxage=WIMN_PROXY_CACHE_SECONDS` (Varnish keeps it, browsers
revalidate); everything else with `private` unless the view said otherwise.
"""

import hashlib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from .site_urls import canonical_site, host_and_port

GENERATION_KEY = "wimn:page-cache:generation"


def timeout():
    return int(getattr(settings, "WIMN_PAGE_CACHE_SECONDS", 0) or 0)


# Writes that change no public page: sessions, the admin's editing sessions (pinged every few seconds
# while a page is open), draft revisions and their log, form submissions. Publishing saves the page.
QUIET_MODELS = {
    "sessions.session",
    "wagtailadmin.editingsession",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.comment",
    "wimn_site.formsubmission",
    "wimn_site.ratecounter",
    "wimn_site.scheduledtaskrun",
    # sign-in bookkeeping: failed attempts must not let anyone empty the cache by guessing passwords
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accessfailurelog",
    "axes.accesslog",
    "auth.user",  # last_login on every sign-in
    "otp_totp.totpdevice",  # two-step sign-in: every code checked updates its device
    "otp_static.staticdevice",
    "otp_static.statictoken",
}
# The columns a draft save (and autosave) updates on the page row.
DRAFT_COLUMNS = ("wagtail_admin_comments", "latest_revision", "draft_title", "has_unpublished_changes")


def changes_public_pages(sender, update_fields):
    if getattr(getattr(sender, "_meta", None), "label_lower", "") in QUIET_MODELS:
        return False
    return not update_fields or not all(field.startswith(DRAFT_COLUMNS) for field in update_fields)


def forget_everything():
    """Every cached page is stale from now on."""
    if timeout():
        cache.set(GENERATION_KEY, time.time_ns(), None)


def forget_urls(urls):
    """The entries of these absolute URLs are stale."""
    if timeout():
        cache.delete_many([url_key(url) for url in urls])


def _cookie_names():
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not request.path_info.startswith(("/admin/", "/django-admin/"))
        and not (_cookie_names() & set(request.COOKIES))
    )


def cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "").lower()
    vary = response.get("Vary", "").lower()
    user = getattr(request, "user", None)
    return (
        request.method == "GET"  # a HEAD response may come without its body; HEAD is answered from GET's copy
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token (a form)
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "cookie" not in vary  # content that differs by visitor or by browser language
        and "accept-language" not in vary
        and not (user is not None and user.is_authenticated)
        and canonical_site(request) is not None  # its absolute URLs are the Site's, whatever the Host said
    )


def _key(scheme, hostname, port, path):
    url = f"{scheme}://{hostname.lower().rstrip('.')}:{port}{path}"
    return "wimn:page-cache:" + hashlib.sha256(url.encode()).hexdigest()


def page_key(request):
    """The Site's address and the path: case, a trailing dot or a spelled-out port in the Host header make
    no new entry (and only requests made to the Site's own address fill one, see `cacheable_response`)."""
    hostname, port = host_and_port(request)
    return _key(request.scheme, hostname, port, request.path)


def url_key(url):
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return _key(parts.scheme, parts.hostname or "", port, parts.path or "/")


def proxy_seconds():
    return int(getattr(settings, "WIMN_PROXY_CACHE_SECONDS", 0) or 0)


def mark_for_proxies(request, response, cacheable):
    """Tell a caching proxy what it may keep: only what this cache would keep, and nothing else."""
    if cacheable and proxy_seconds():
        response["Cache-Control"] = f"public, max-age=0, s-maxage={proxy_seconds()}"
    elif not response.has_header("Cache-Control"):
        response["Cache-Control"] = "private, no-cache"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            mark_for_proxies(request, response, cacheable=False)
            return response
        seconds = timeout()
        if not seconds:
            response = self.get_response(request)
            mark_for_proxies(request, response, cacheable_response(request, response))
            return response
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, key])  # one round trip to a database cache
        generation, entry = found.get(GENERATION_KEY), found.get(key)
        if generation is None:
            generation = time.time_ns()
            cache.add(GENERATION_KEY, generation, None)
            generation = cache.get(GENERATION_KEY, generation)
        if entry and entry[0] == generation:
            _generation, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        cacheable = cacheable_response(request, response)
        mark_for_proxies(request, response, cacheable)
        if cacheable:
            headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
            cache.set(key, (generation, response.status_code, headers, response.content), seconds)
            response["X-Page-Cache"] = "miss"
        return response
