"""Login throttling for the admin: after too many failed logins from one address for one username
(or from one address overall) further attempts are refused for a while, with a clear message.

Counts live in the Django cache (the database cache in production, so every worker shares them).
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.translation import gettext as _

LOGIN_PATHS = ("/admin/login/",)


def _limits():
    return (
        getattr(settings, "WIMN_LOGIN_MAX_FAILURES", 5),
        getattr(settings, "WIMN_LOGIN_MAX_FAILURES_PER_IP", 20),
        getattr(settings, "WIMN_LOGIN_LOCKOUT_SECONDS", 15 * 60),
    )


def client_ip(request):
    # REMOTE_ADDR is set by gunicorn from the proxy (forwarded_allow_ips); never trust a raw header here.
    return request.META.get("REMOTE_ADDR", "unknown")


def _keys(request, username):
    ip = client_ip(request)
    return f"login-fail:{ip}:{(username or '').lower()[:150]}", f"login-fail-ip:{ip}"


def _bump(key, timeout):
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout)
        return 1


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    _max_user, _max_ip, lockout = _limits()
    user_key, ip_key = _keys(request, credentials.get("username"))
    _bump(user_key, lockout)
    _bump(ip_key, lockout)


@receiver(user_logged_in)
def reset_failures(sender, request=None, user=None, **kwargs):
    if request is not None and user is not None:
        cache.delete(_keys(request, user.get_username())[0])


def is_locked(request, username):
    max_user, max_ip, _lockout = _limits()
    user_key, ip_key = _keys(request, username)
    return (cache.get(user_key) or 0) >= max_user or (cache.get(ip_key) or 0) >= max_ip


class LoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info in LOGIN_PATHS:
            if is_locked(request, request.POST.get("username", "")):
                return HttpResponse(
                    _("Too many failed login attempts. Please wait 15 minutes and try again."),
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
