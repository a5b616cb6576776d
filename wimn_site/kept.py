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
    one in place. A value is rebuilt at the latest TIMEOUT seconds after it was built, wherever it is held.
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
    if _current(found, version):
        _hold(key, found)
        return found[1]
    value = make()
    found = (version, value, time.time())
    cache.set(key, found, TIMEOUT)
    _hold(key, found)
    return value


def _current(found, version):
    """Whether `found` (version, value, when built) is the value for `version`, built less than TIMEOUT ago. No
    lower bound: a value built by another app server whose clock runs a little ahead is current too."""
    return isinstance(found, tuple) and len(found) == 3 and found[0] == version and time.time() - found[2] <= TIMEOUT


# This process's copies of kept values: {key: (version, value, when built)}. As fresh as the shared cache's (same
# version, same build time), without its lookup. Few keys: one per site and language, per allowed host, per option.
_process_copies = {}
PROCESS_COPIES_MAX = 256


def _held(key, version):
    found = _process_copies.get(key)
    return found if _current(found, version) else None


def _hold(key, found):
    if len(_process_copies) >= PROCESS_COPIES_MAX:
        _process_copies.clear()
    _process_copies[key] = found


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
