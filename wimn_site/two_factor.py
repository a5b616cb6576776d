"""Two-step sign-in for staff: a time-based code from an authenticator app (TOTP), with recovery codes.

Built on django-otp (its TOTP and static-token devices, its throttling and session handling); these are
the admin screens around it:

* after the password, staff with a device enter a code (`verify`); until they do, the session can do
  nothing but that, sign out or enrol;
* staff for whom it is required (superusers and the groups in `WIMN_2FA_REQUIRED_GROUPS`) and who have
  no device yet are sent to enrol (`setup`): scan a QR code or type the key, confirm with a code and
  their password, then get ten recovery codes, shown once;
* `manage` (in the account menu) shows the state, makes new recovery codes, turns it off where it is
  not required; staff who may edit users reset a colleague's devices (a lost phone) from the users list.

Wrong codes count in the sign-in lockout (`wimn_site.lockout`) under the staff member's username.
"""

import base64
import time
from urllib.parse import urlencode

import segno
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from .lockout import is_locked_out, lockout_response, record_failure

RECOVERY_CODES = 10
RECOVERY_SESSION_KEY = "wimn_2fa_new_recovery_codes"
SETUP_KEY_SESSION_KEY = "wimn_2fa_setup_key"
# URL names an unverified session may still reach: signing in and out, this module's own screens, and the
# admin's static helpers those screens load.
OPEN_WHILE_UNVERIFIED = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wimn_2fa_verify",
}
OPEN_TO_ENROL = OPEN_WHILE_UNVERIFIED | {"wimn_2fa_setup", "wimn_2fa_recovery_codes"}


def is_required_for(user):
    """Superusers and members of the groups named in WIMN_2FA_REQUIRED_GROUPS, while WIMN_2FA_REQUIRED is on."""
    if not getattr(settings, "WIMN_2FA_REQUIRED", True) or not user.is_authenticated:
        return False
    groups = getattr(settings, "WIMN_2FA_REQUIRED_GROUPS", ())
    return user.is_superuser or user.groups.filter(name__in=groups).exists()


def _next_url(request, default=None):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default or reverse("wagtailadmin_home")


def _with_next(url_name, next_url):
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


class TwoFactorMiddleware:
    """A signed-in session that has not passed the second step reaches nothing but that step.

    Applies to every URL, not only the admin: a session is either verified or good for nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in OPEN_WHILE_UNVERIFIED:
            return self.get_response(request)
        if user_has_device(user, confirmed=True):
            return redirect(_with_next("wimn_2fa_verify", request.get_full_path()))
        if is_required_for(user) and url_name not in OPEN_TO_ENROL:
            return redirect(_with_next("wimn_2fa_setup", request.get_full_path()))
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6-digit code your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


class EnrolForm(CodeForm):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _("The 6-digit code the app shows after you have added the key.")


def _verify(user, code):
    """(device that accepts `code`, whether a device was throttled): six digits are an app's code, anything
    else a recovery code. Each device throttles its own failures (django-otp: 1 s, 2 s, 4 s, ... after
    each wrong code), so a code is only ever tried on one kind of device."""
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    throttled = False
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            if not device.verify_is_allowed()[0]:
                throttled = True
            elif device.verify_token(code):
                return device, False
    return None, throttled


def _new_recovery_codes(user):
    """Replace the user's recovery codes with ten new ones and return them (they are stored as given)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """The second step of signing in."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not user_has_device(user, confirmed=True):
        return redirect(_with_next("wimn_2fa_setup", _next_url(request)))
    credentials = {"username": user.get_username()}
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if is_locked_out(request, credentials):
            return lockout_response(request, credentials=credentials)
        if form.is_valid():
            device, throttled = _verify(user, form.cleaned_data["code"])
            if throttled:
                form.add_error("code", _("Too many wrong codes in a row. Wait a few seconds, then try again."))
            elif device is not None:
                otp_login(request, device)
                if isinstance(device, StaticDevice):
                    left = StaticToken.objects.filter(device=device).count()
                    messages.warning(
                        request,
                        gettext("You used a recovery code; %(left)s are left. Make new ones under Two-step sign-in.")
                        % {"left": left},
                    )
                return redirect(_next_url(request))
            else:
                record_failure(request, credentials)
                if getattr(request, "axes_locked_out", False):
                    return lockout_response(request, credentials=credentials)
                form.add_error(
                    "code", _("That code is not right. Check the time on your phone, or use a recovery code.")
                )
    return TemplateResponse(request, "wimn_site/two_factor/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@sensitive_post_parameters("code", "password")
def setup(request):
    """Enrol an authenticator app: show the key, confirm it with a code and the password.

    The key lives in this session until it is confirmed, and only then becomes a device: someone who opened
    this page with a stolen password learns a key nobody will ever enrol.
    """
    user = request.user
    if user_has_device(user, confirmed=True):
        return redirect("wimn_2fa_manage")
    key = request.session.get(SETUP_KEY_SESSION_KEY)
    if not key:
        key = request.session[SETUP_KEY_SESSION_KEY] = random_hex(20)
    device = TOTPDevice(user=user, name="authenticator", key=key, confirmed=True)  # saved once confirmed
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        password_ok = authenticate(request, username=user.get_username(), password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request)
        if password_ok is None or password_ok.pk != user.pk:
            form.add_error("password", _("That is not your password."))
        elif not _confirms(device, form.cleaned_data["code"]):
            form.add_error(
                "code", _("That code is not right. Check that the key was typed in full and the time on your phone.")
            )
        else:
            with transaction.atomic():
                device.save()
                request.session[RECOVERY_SESSION_KEY] = _new_recovery_codes(user)
            del request.session[SETUP_KEY_SESSION_KEY]
            otp_login(request, device)
            return redirect(_with_next("wimn_2fa_recovery_codes", _next_url(request)))
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        "qr_svg": mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")),  # noqa: S308 - generated SVG
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "required": is_required_for(user),
        "next": _next_url(request),
    }
    return TemplateResponse(request, "wimn_site/two_factor/setup.html", context)


def _confirms(device, code):
    """Whether `code` is the app's code for the (unsaved) device now; remembers it so it is not reused."""
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.verify(int(code), device.tolerance):
        device.last_t = totp.t()
        return True
    return False


@never_cache
def recovery_codes(request):
    """The new recovery codes, shown once."""
    codes = request.session.pop(RECOVERY_SESSION_KEY, None)
    return TemplateResponse(
        request, "wimn_site/two_factor/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
    )


@never_cache
def manage(request):
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    context = {
        "device": device,
        "recovery_left": StaticToken.objects.filter(device__user=user).count(),
        "required": is_required_for(user),
    }
    return TemplateResponse(request, "wimn_site/two_factor/manage.html", context)


@require_POST
def new_recovery_codes(request):
    if not request.user.is_verified():
        raise PermissionDenied
    request.session[RECOVERY_SESSION_KEY] = _new_recovery_codes(request.user)
    return redirect(_with_next("wimn_2fa_recovery_codes", reverse("wimn_2fa_manage")))


@require_POST
def turn_off(request):
    """Remove one's own devices, where two-step sign-in is not required."""
    user = request.user
    if is_required_for(user) or not user.is_verified():
        raise PermissionDenied
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    messages.success(request, gettext("Two-step sign-in is off for your account."))
    return redirect("wimn_2fa_manage")


def can_reset_others(user):
    return user.is_superuser or user.has_perm("auth.change_user")


@require_POST
def reset_user(request, user_id):
    """A colleague lost their phone: remove their devices, so they enrol again at their next sign-in."""
    if not can_reset_others(request.user) or not request.user.is_verified():
        raise PermissionDenied
    other = get_object_or_404(get_user_model(), pk=user_id)
    if other.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    TOTPDevice.objects.filter(user=other).delete()
    StaticDevice.objects.filter(user=other).delete()
    messages.success(
        request,
        gettext("Two-step sign-in was reset for %(name)s.") % {"name": other.get_full_name() or other.get_username()},
    )
    return redirect("wagtailusers_users:index")
