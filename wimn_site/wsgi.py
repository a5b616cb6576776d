"""The WSGI application (gunicorn.conf.py serves it), loaded and settled before its first request."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.db import connections
from django.urls import get_resolver

from wagtail import hooks

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wimn_site.settings.production")
application = get_wsgi_application()


def settle():
    """Load what every request uses (the URLs with their views, Wagtail's hooks), then set everything loaded
    so far aside from the garbage collector (`gc.freeze`).

    Those objects (about 250,000) live as long as the process, yet each full collection walked them all: about
    100 ms, every few hundred requests, so the slowest requests waited for it. Frozen, they are never walked, and
    the workers gunicorn forks from this process (preload_app) share them: the collector never writes to them.
    """
    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every view module it names
    hooks.search_for_hooks()
    connections.close_all()  # gunicorn forks its workers after this (preload_app): no connection is shared
    gc.collect()
    gc.freeze()


settle()
