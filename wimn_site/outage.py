"""While PostgreSQL is unreachable: a 503 page in the visitor's language instead of a 500, and `/healthz`.

Everything here works without the database: the visitor's language comes from the URL prefix or the
browser, the page is rendered without a request (so no context processor, Site lookup or settings
snippet runs), and the connection that broke is closed so the next request opens a fresh one. Together
with `CONN_HEALTH_CHECKS` (settings/base.py), the site answers again as soon as PostgreSQL is back,
without restarting the application.
"""

import logging
import sys

import psycopg

from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from .middleware import PUBLIC_CSP

logger = logging.getLogger(__name__)

# What a lost or refused connection raises: Django's wrappers, and psycopg's own where one escapes them.
OUTAGE_ERRORS = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError)
RETRY_AFTER_SECONDS = 30
MARK = "_wimn_database_outage"
# The last resort when even the 503 template cannot be rendered (a missing static manifest, say).
PLAIN_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title></head>'
    "<body><h1>Temporarily unavailable</h1><p>Please try again in a few minutes.</p></body></html>"
)


def is_outage(exception):
    """True for a database connection error, also when it caused (or was being handled by) the error raised."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, OUTAGE_ERRORS):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def close_broken_connections():
    """Drop connections that failed, so the next request connects afresh instead of reusing a dead socket.

    A connection inside a transaction is left to its `atomic()` block (and to the test runner's, in tests).
    """
    for conn in connections.all(initialized_only=True):
        if conn.connection is None or conn.in_atomic_block:
            continue
        try:
            conn.close()
        except DatabaseError:
            conn.connection = None


def visitor_language(request):
    """The URL's language prefix, else the browser's (cookie, Accept-Language); never the database."""
    language = translation.get_language_from_path(request.path_info)
    return language or translation.get_language_from_request(request, check_path=False)


def outage_response(request):
    """The 503 page, rendered without a request so nothing in it can query the database."""
    language = visitor_language(request)
    try:
        with translation.override(language):
            body = render_to_string("503.html", {"LANG": language, "retry_after": RETRY_AFTER_SECONDS})
    except Exception:  # the page that must not fail: fall back to plain HTML
        logger.exception("Could not render the 503 page")
        body, language = PLAIN_PAGE, "en"
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    response["Vary"] = "Accept-Language, Cookie"
    response["Content-Security-Policy"] = PUBLIC_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response


@receiver(got_request_exception, dispatch_uid="wimn-database-outage")
def _mark_outage(sender, request=None, **kwargs):
    """An error that another middleware (sessions, sign-in, the page cache) raised is turned into a 500 where
    it happened; the mark tells `DatabaseOutageMiddleware` to answer 503 instead."""
    if request is not None and is_outage(sys.exc_info()[1]):
        setattr(request, MARK, True)


class DatabaseOutageMiddleware:
    """Visitors and staff get the 503 page, with `Retry-After`, whenever the database cannot be reached.

    Placed right after SecurityMiddleware, so it sees what the view and every later middleware raise: the
    view's errors through `process_exception`, the other middlewares' through the mark set above.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except OUTAGE_ERRORS:  # only when Django's own error handling failed as well
            setattr(request, MARK, True)
        if getattr(request, MARK, False):
            return self.unavailable(request)
        return response

    def process_exception(self, request, exception):
        if is_outage(exception):
            return self.unavailable(request)
        return None

    def unavailable(self, request):
        logger.warning("Database unavailable: answered %s %s with 503", request.method, request.path)
        close_broken_connections()
        if request.path_info == reverse("healthz"):  # failed before its view (the page cache reads the database)
            return health_response(ok=False)
        return outage_response(request)


def health_response(ok):
    if ok:
        response = JsonResponse({"database": "ok"})
    else:
        response = JsonResponse({"database": "unavailable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def healthz(request):
    """For load balancers and monitors: 200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        close_broken_connections()
        return health_response(ok=False)
    return health_response(ok=True)
