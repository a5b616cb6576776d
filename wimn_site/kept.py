"""Values derived from the site's content, kept under one version that every change replaces.

The site's frame (wimn_site.frame) and other small values every visitor sees alike (the Site per host, Wagtail's
site root paths, the restricted pages' paths, the listings' filter options) are kept in Django's cache with the
version they were built for. `forget()` starts a new version, so each is rebuilt on its next use: the site's one
set of invalidation rules (wimn_site.cache_invalidation) calls it for every change it sees. This module imports
nothing of the site, so models may use it.
"""

import contextlib
import contextvars
import time

from django.core.cache import cache

VERSION_KEY = "wimn:frame:version"
# A value is rebuilt when its version is replaced. The timeout bounds how long one is kept after a change no
# signal reports (a queryset.update() in a script, SQL by hand): ten minutes.
TIMEOUT = 600
# The version the current request works with (set by SiteMiddleware), for code that has no request at hand.
_request_version = contextvars.ContextVar("wimn_frame_version", default=None)


def kept(key, make, request=None):
    """The value kept under `key` for the current version, else `make()` kept for it.

    Also for other small, plain values every visitor sees alike that are derived from the site's content (the
    library's filter options): they are as fresh as the frame, since every change that can alter them forgets it.

    The version is read once per request (by SiteMiddleware, kept on `request` and, for code that has no request,
    in a context variable while the request is served); a value this process already holds for that version is
    used as it is, so a request usually costs one cache lookup in all, for the version. Outside a request, one
    lookup reads the version and the value. Values are shared between the requests of a process: never change
    one in place.
    """
    version = getattr(request, "_wimn_frame_version", None) or _request_version.get()
    if version is None:
        values = cache.get_many([VERSION_KEY, key])
        version = values.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, _new_version(), None)
            version = cache.get(VERSION_KEY)
        if request is not None:
            request._wimn_frame_version = version
        found = values.get(key)
    else:
        found = _held(key, version)
        if found is None:
            found = cache.get(key)
    if found is not None and found[0] == version:
        _hold(key, found)
        return found[1]
    value = make()
    cache.set(key, (version, value), TIMEOUT)
    _hold(key, (version, value))
    return value


# This process's copies of kept values: {key: (version, value, when)}. As fresh as the shared cache's (same
# version, same timeout), without its lookup. Few keys: one per site and language, per allowed host, per option.
_process_copies = {}
PROCESS_COPIES_MAX = 256


def _held(key, version):
    found = _process_copies.get(key)
    if found is None or found[0] != version or time.monotonic() - found[2] > TIMEOUT:
        return None
    return found[:2]


def _hold(key, found):
    if len(_process_copies) >= PROCESS_COPIES_MAX:
        _process_copies.clear()
    if key not in _process_copies or _process_copies[key][0] != found[0]:
        _process_copies[key] = (*found, time.monotonic())


def current_version(request):
    """The frame version this request works with, read once (one cache lookup)."""
    version = getattr(request, "_wimn_frame_version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, _new_version(), None)
            version = cache.get(VERSION_KEY)
        request._wimn_frame_version = version
    return version


@contextlib.contextmanager
def request_version(version):
    """Within this block, `kept()` without a request uses `version` (the request's, read once)."""
    token = _request_version.set(version)
    try:
        yield
    finally:
        _request_version.reset(token)


def forget():
    """Every kept value, the site's frames first, is stale from now on (rebuilt on its next use)."""
    cache.set(VERSION_KEY, _new_version(), None)


def _new_version():
    return time.time_ns()
