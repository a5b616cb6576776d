"""Two-step sign-in for staff (wimn_site/two_factor.py): required for superusers and the Administrators and
Editors groups, enrolment from the admin, recovery codes, the lockout on wrong codes, idle sessions."""

import base64
import datetime
import time

import pytest
from bs4 import BeautifulSoup
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required(settings):
    """As in production (test settings leave it off for the other tests' force_login)."""
    settings.WIMN_2FA_REQUIRED = True


PASSWORD = "a-long-password-1"


def code_for(device, windows_ahead=1):
    """The code the phone shows `windows_ahead` 30-second steps from now (a used code is never accepted twice)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + windows_ahead * device.step
    return f"{totp.token():06d}"


def shown_key(page):
    """The key the setup page shows (what staff type into the app), as bytes."""
    secret = BeautifulSoup(page.content, "html.parser").select_one("[data-wimn-2fa-secret]").get_text().replace(" ", "")
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def code_from_key(key, windows_ahead=0):
    totp = TOTP(key)
    totp.time = time.time() + windows_ahead * 30
    return f"{totp.token():06d}"


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return response


def enrol(client, password=PASSWORD):
    """Open the setup page, read the device it made, confirm it with a code; returns (device, recovery codes)."""
    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 200
    assert BeautifulSoup(page.content, "html.parser").select_one(".wimn-2fa-qr svg")
    assert not TOTPDevice.objects.filter(user=page.wsgi_request.user).exists()  # nothing stored before confirming
    key = shown_key(page)
    response = client.post("/admin/2fa/setup/", {"code": code_from_key(key), "password": password, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/recovery-codes/")
    codes = [
        c.get_text()
        for c in BeautifulSoup(client.get(response["Location"]).content, "html.parser").select(".wimn-2fa-codes code")
    ]
    device = TOTPDevice.objects.get(user__username=response.wsgi_request.user.get_username())
    assert device.bin_key == key and device.confirmed
    return device, codes


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD)
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    user.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    return user


@pytest.fixture
def translator(django_user_model):
    user = django_user_model.objects.create_user("translator", "t@example.org", PASSWORD)
    user.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    return user


class TestEnrolment:
    def test_superuser_must_enrol_before_reaching_anything(self, client, superuser, home):
        sign_in(client, "admin")
        for url in ("/admin/", "/admin/pages/", "/admin/documents/", "/en/"):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith("/admin/2fa/setup/?next=")

    def test_enrolment_turns_it_on_and_shows_ten_recovery_codes_once(self, client, superuser):
        sign_in(client, "admin")
        device, codes = enrol(client)
        assert device.confirmed
        assert len(codes) == 10 and len(set(codes)) == 10
        assert client.get("/admin/").status_code == 200
        again = BeautifulSoup(client.get("/admin/2fa/recovery-codes/").content, "html.parser")
        assert not again.select(".wimn-2fa-codes code")

    def test_wrong_code_or_wrong_password_keeps_it_off(self, client, superuser):
        sign_in(client, "admin")
        key = shown_key(client.get("/admin/2fa/setup/"))
        wrong_code = client.post("/admin/2fa/setup/", {"code": "000000", "password": PASSWORD})
        assert wrong_code.status_code == 200 and "not right" in wrong_code.content.decode()
        wrong_password = client.post("/admin/2fa/setup/", {"code": code_from_key(key), "password": "guess"})
        assert wrong_password.status_code == 200 and "not your password" in wrong_password.content.decode()
        assert not TOTPDevice.objects.exists()
        assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")

    def test_a_key_seen_with_a_stolen_password_is_never_enrolled(self, client, superuser):
        """Someone with the password opens the setup page and copies its key; the staff member, enrolling
        in their own session, gets another key, and codes from the copied one open nothing."""
        attacker = client.__class__()
        sign_in(attacker, "admin")
        stolen = shown_key(attacker.get("/admin/2fa/setup/"))
        sign_in(client, "admin")
        device, _codes = enrol(client)
        assert device.bin_key != stolen
        attacker.post("/admin/2fa/verify/", {"code": code_from_key(stolen, 1)})
        assert attacker.get("/admin/").status_code == 302

    def test_editors_must_enrol_and_other_staff_may(self, client, editor, translator):
        sign_in(client, "editor")
        assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")
        client.logout()
        sign_in(client, "translator")
        assert client.get("/admin/").status_code == 200
        assert "Set up two-step sign-in" in client.get("/admin/2fa/").content.decode()
        enrol(client)
        client.post("/admin/2fa/turn-off/")
        assert not TOTPDevice.objects.filter(user=translator).exists()

    def test_required_staff_cannot_turn_it_off(self, client, superuser):
        sign_in(client, "admin")
        enrol(client)
        refused = client.post("/admin/2fa/turn-off/", follow=True)
        assert "do not have permission" in refused.content.decode()  # the admin's answer to PermissionDenied
        assert TOTPDevice.objects.filter(user=superuser).exists()

    def test_the_requirement_is_a_setting(self, client, superuser, settings):
        settings.WIMN_2FA_REQUIRED = False
        sign_in(client, "admin")
        assert client.get("/admin/").status_code == 200


class TestSigningIn:
    @pytest.fixture
    def enrolled(self, client, superuser):
        sign_in(client, "admin")
        device, codes = enrol(client)
        client.logout()
        return device, codes

    def test_password_then_code(self, client, enrolled):
        device, _codes = enrolled
        sign_in(client, "admin")
        response = client.get("/admin/pages/")
        assert response["Location"] == "/admin/2fa/verify/?next=%2Fadmin%2Fpages%2F"
        done = client.post("/admin/2fa/verify/", {"code": code_for(device, 1), "next": "/admin/pages/"})
        assert done["Location"] == "/admin/pages/"
        assert client.get("/admin/pages/").status_code == 200

    def test_a_used_code_is_refused(self, client, enrolled):
        device, _codes = enrolled
        sign_in(client, "admin")
        code = code_for(device, 1)
        client.post("/admin/2fa/verify/", {"code": code})
        client.logout()
        sign_in(client, "admin")
        assert client.post("/admin/2fa/verify/", {"code": code}).status_code == 200
        assert client.get("/admin/").status_code == 302

    def test_recovery_code_works_once(self, client, enrolled):
        _device, codes = enrolled
        sign_in(client, "admin")
        response = client.post("/admin/2fa/verify/", {"code": codes[0].upper(), "next": "/admin/"})
        assert response["Location"] == "/admin/"
        assert StaticToken.objects.count() == 9
        client.logout()
        sign_in(client, "admin")
        assert client.post("/admin/2fa/verify/", {"code": codes[0]}).status_code == 200

    def test_a_wrong_code_makes_the_next_try_wait(self, client, enrolled):
        """django-otp's throttle: 1 s after one wrong code, 2 s after two, ..."""
        device, _codes = enrolled
        sign_in(client, "admin")
        client.post("/admin/2fa/verify/", {"code": "123456"})
        response = client.post("/admin/2fa/verify/", {"code": code_for(device, 1)})
        assert "Wait a few seconds" in response.content.decode()
        assert client.get("/admin/").status_code == 302

    def test_wrong_codes_lock_the_second_step_like_a_password(self, client, enrolled, settings):
        settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no waiting between tries: the lockout alone is tested
        device, _codes = enrolled
        sign_in(client, "admin")
        for _ in range(4):
            assert client.post("/admin/2fa/verify/", {"code": "123456"}).status_code == 200
        assert client.post("/admin/2fa/verify/", {"code": "654321"}).status_code == 429
        device.throttling_failure_count = 0
        device.save()
        assert client.post("/admin/2fa/verify/", {"code": code_for(device, 1)}).status_code == 429

    def test_next_never_leaves_the_site(self, client, enrolled):
        device, _codes = enrolled
        sign_in(client, "admin")
        response = client.post("/admin/2fa/verify/", {"code": code_for(device, 1), "next": "https://evil.example/"})
        assert response["Location"] == "/admin/"

    def test_new_recovery_codes_replace_the_old(self, client, enrolled):
        device, codes = enrolled
        sign_in(client, "admin")
        client.post("/admin/2fa/verify/", {"code": code_for(device, 1)})
        response = client.post("/admin/2fa/new-recovery-codes/")
        fresh = [
            c.get_text()
            for c in BeautifulSoup(client.get(response["Location"]).content, "html.parser").select(
                ".wimn-2fa-codes code"
            )
        ]
        assert len(fresh) == 10 and not set(fresh) & set(codes)
        assert set(StaticToken.objects.values_list("token", flat=True)) == set(fresh)


class TestResetByAnAdministrator:
    def test_administrator_resets_a_colleagues_lost_phone(self, client, superuser, editor):
        editor_client = client.__class__()
        sign_in(editor_client, "editor")
        enrol(editor_client)
        sign_in(client, "admin")
        enrol(client)
        response = client.post(f"/admin/2fa/reset/{editor.pk}/")
        assert response.status_code == 302
        assert not TOTPDevice.objects.filter(user=editor).exists()
        assert not StaticToken.objects.filter(device__user=editor).exists()

    def test_staff_without_user_rights_cannot_reset_anyone(self, client, superuser, translator):
        admin_client = client.__class__()
        sign_in(admin_client, "admin")
        enrol(admin_client)
        sign_in(client, "translator")
        refused = client.post(f"/admin/2fa/reset/{superuser.pk}/", follow=True)
        assert "do not have permission" in refused.content.decode()
        assert TOTPDevice.objects.filter(user=superuser).exists()


class TestSessions:
    def test_a_working_day_idle_ends_the_session(self, client, superuser, settings):
        settings.WIMN_2FA_REQUIRED = False
        sign_in(client, "admin")
        client.get("/admin/")
        session = Session.objects.get()
        assert session.expire_date - timezone.now() > datetime.timedelta(hours=7, minutes=59)
        assert session.expire_date - timezone.now() <= datetime.timedelta(hours=8)
        Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
        assert client.get("/admin/")["Location"].startswith("/admin/login/")

    def test_each_request_moves_the_end_forward(self, client, superuser, settings):
        settings.WIMN_2FA_REQUIRED = False
        sign_in(client, "admin")
        Session.objects.update(expire_date=timezone.now() + datetime.timedelta(hours=1))
        client.get("/admin/")
        assert Session.objects.get().expire_date - timezone.now() > datetime.timedelta(hours=7)
