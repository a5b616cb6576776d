"""One lockout for every way in: staff sign-in, the two-factor step, page and document passwords and
password-reset requests, all counted by django-axes in the database (shared by every worker).

Failures are counted per (client address, username), per client address and per username, the address
being the real visitor's behind the proxy (`wimn_site.client_ip`; an IPv6 visitor counts as their /64):

* 5 failures for one username from one address lock that pair (`AXES_FAILURE_LIMIT`): a staff member's
  own typos lock out nobody else, and no other address;
* 20 failures from one address, whatever the usernames, lock that address
  (`WIMN_LOCKOUT_FAILURES_PER_ADDRESS`);
* 50 failures for one username from all addresses together lock that username
  (`WIMN_LOCKOUT_FAILURES_PER_USERNAME`): guessing one account from many addresses has an end too. It
  takes a determined attacker to reach, and it locks out that one account only;
* all for `AXES_COOLOFF_TIME` (15 minutes) after the last failure.

Only requests that passed Django's CSRF check are counted, so another web site cannot make a staff
member's browser use up the allowance of their address.

The password forms of private pages and collections, and password-reset requests, have no username:
they are counted under a name of their own ("page-password:<restriction>", "password-reset:<email>"),
so they share the per-address allowance with the sign-in form.
"""

import re

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone, translation

# PostgreSQL cannot store a NUL in a text column, so a name holding one could not even be looked up.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def username_for_lockout(request, credentials=None):
    """The username as counted: trimmed and case-folded, so "Editor " and "editor" are one name.

    Control characters are dropped: the name is stored as typed, and the password-reset form counts the
    email address it was sent before Django has validated it.
    """
    source = credentials if credentials is not None else request.POST
    value = source.get("username") or ""
    return CONTROL_CHARACTERS.sub("", str(value)).strip().casefold()[:150]


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with larger allowances for an address and a username as a whole."""

    def get_failures(self, request, credentials=None):
        pair, address, username = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        # Axes compares one number with one limit: the address and username counts are put on the pair's
        # scale, so the result reaches AXES_FAILURE_LIMIT exactly when any allowance is used up.
        limit = settings.AXES_FAILURE_LIMIT
        return max(
            pair,
            address * limit // settings.WIMN_LOCKOUT_FAILURES_PER_ADDRESS,
            username * limit // settings.WIMN_LOCKOUT_FAILURES_PER_USERNAME,
        )

    def user_logged_in(self, sender, request, user, **kwargs):
        """A successful sign-in forgives that username's earlier typos from this address, nothing more."""
        super().user_logged_in(sender, request, user, **kwargs)
        AccessAttempt.objects.filter(
            username=username_for_lockout(request, {"username": user.get_username()}),
            ip_address=request.axes_ip_address,
        ).delete()


def lockout_response(request, original_response=None, credentials=None):
    """429 with a page in the visitor's language (the admin's language for staff sign-in)."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    retry_at = timezone.now() + settings.AXES_COOLOFF_TIME
    with translation.override(language):
        response = TemplateResponse(request, "429.html", {"retry_at": retry_at}, status=429)
        response.render()
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    response["Cache-Control"] = "private, no-store"
    return response


def is_locked_out(request, credentials):
    return not AxesProxyHandler.is_allowed(request, credentials)


def record_failure(request, credentials):
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)


def guarded_form_name(request, match):
    """The name a post to a password or reset form counts under, or None when it is not counted."""
    if match.url_name == "wagtailcore_authenticate_with_password":
        return f"page-password:{match.kwargs.get('page_view_restriction_id')}"
    if match.url_name == "wagtaildocs_authenticate_with_password":
        return f"document-password:{match.kwargs.get('restriction_id')}"
    if match.url_name == "wagtailadmin_password_reset":
        email = str(request.POST.get("email", ""))[:254]
        try:
            validate_email(email)
        except ValidationError:
            return None  # the form refuses it without sending anything
        return f"password-reset:{email}"
    return None


class GuardedFormsMiddleware:
    """Puts the password forms and password-reset requests through the same lockout as sign-in.

    It acts just before the view, after Django's CSRF check has let the post through. A locked-out address
    gets the 429 page before the form is even checked. A page or document password form counts a failure
    when it shows the form again (a wrong password; an unknown restriction is a 404 and counts nothing); a
    password-reset request for a well-formed address counts every time, before any email is sent, so nobody
    can use it to flood a staff member's inbox.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        name = guarded_form_name(request, request.resolver_match)
        if name is None:
            return None
        credentials = {"username": name}
        if is_locked_out(request, credentials):
            return lockout_response(request, credentials=credentials)
        if request.resolver_match.url_name == "wagtailadmin_password_reset":
            record_failure(request, credentials)
            if getattr(request, "axes_locked_out", False):
                return lockout_response(request, credentials=credentials)
            return None
        response = view_func(request, *view_args, **view_kwargs)
        if response.status_code == 200:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            record_failure(request, credentials)
            if getattr(request, "axes_locked_out", False):
                return lockout_response(request, credentials=credentials)
        return response
