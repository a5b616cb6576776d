"""One lockout for every way in (wimn_site/lockout.py): staff sign-in, page and document passwords,
password resets, counted per real client address (wimn_site/client_ip.py) and per username."""

import datetime

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup

from django.core import mail
from django.test import Client
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from wimn_site.factories import ContentPageFactory, DocumentFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_user("colleague", "colleague@example.org", PASSWORD, is_staff=True)


def sign_in(client, password, username="editor", **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


class TestStaffSignIn:
    def test_fifth_wrong_password_locks_that_name_from_that_address(self, client, editor):
        """Four failures are answered normally; the fifth and every later try, the right password too, get 429."""
        for _ in range(4):
            assert sign_in(client, "wrong").status_code == 200
        locked = sign_in(client, "wrong")
        assert locked.status_code == 429
        assert "Too many attempts" in text(locked)
        assert locked["Retry-After"] == "900"
        assert sign_in(client, PASSWORD).status_code == 429

    def test_the_same_person_elsewhere_is_not_locked_out(self, client, editor):
        for _ in range(5):
            sign_in(client, "wrong", REMOTE_ADDR="203.0.113.5")
        assert sign_in(client, PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302

    def test_another_name_from_the_same_address_is_not_locked_out(self, client, editor, colleague):
        for _ in range(5):
            sign_in(client, "wrong")
        assert sign_in(client, PASSWORD, username="colleague").status_code == 302

    def test_twenty_failures_from_one_address_lock_it_for_every_name(self, client, editor, colleague):
        """Guessing across many usernames from one address is stopped at 20 failures."""
        for number in range(19):
            assert sign_in(client, "wrong", username=f"guess{number}").status_code == 200
        assert sign_in(client, "wrong", username="guess19").status_code == 429
        assert sign_in(client, PASSWORD, username="colleague").status_code == 429
        assert sign_in(client, PASSWORD, username="colleague", REMOTE_ADDR="198.51.100.7").status_code == 302

    def test_username_is_counted_whatever_its_case_and_spaces(self, client, editor):
        for variant in ("editor", "Editor", " EDITOR", "editor ", "eDitor"):
            sign_in(client, "wrong", username=variant)
        assert sign_in(client, PASSWORD).status_code == 429

    def test_a_success_forgives_only_that_names_own_typos(self, client, editor, colleague):
        for _ in range(4):
            sign_in(client, "wrong")
        for number in range(10):
            sign_in(client, "wrong", username=f"guess{number}")
        assert sign_in(client, PASSWORD).status_code == 302
        client.logout()
        for _ in range(4):
            assert sign_in(client, "wrong").status_code == 200
        # the ten guesses still count against the address: 10 + 4 + 5 = 19, and the 20th locks it
        for number in range(5):
            assert sign_in(client, "wrong", username=f"other{number}").status_code == 200
        assert sign_in(client, "wrong", username="one-more").status_code == 429

    def test_the_lock_lifts_after_the_cool_off(self, client, editor):
        for _ in range(5):
            sign_in(client, "wrong")
        assert sign_in(client, PASSWORD).status_code == 429
        AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
        assert sign_in(client, PASSWORD).status_code == 302

    def test_front_end_sign_in_sends_staff_to_the_admin_sign_in(self, client, editor):
        """Wagtail's own front-end sign-in form would skip the two-factor step: it is not served."""
        for language in ("en", "es"):
            response = client.get(f"/{language}/_util/login/?next=/{language}/members/")
            assert response.status_code == 302
            assert response["Location"] == f"/admin/login/?next=/{language}/members/"
            posted = client.post(f"/{language}/_util/login/", {"username": "editor", "password": PASSWORD})
            assert posted.status_code == 302 and "_auth_user_id" not in client.session

    def test_private_page_sends_visitors_to_the_admin_sign_in(self, client, home):
        members = ContentPageFactory(parent=home, slug="members", title_es="Miembros")
        PageViewRestriction.objects.create(page=members, restriction_type="login")
        response = client.get("/es/members/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=/es/members/")


class TestBehindAProxy:
    @pytest.fixture(autouse=True)
    def _one_proxy(self, settings):
        settings.WIMN_PROXY_HOPS = 1
        settings.WIMN_TRUSTED_PROXIES = ["127.0.0.1", "::1"]

    def test_visitors_behind_the_proxy_are_told_apart(self, client, editor):
        """Everyone reaches the app from the proxy's address; a guesser locks out only their own address."""
        for _ in range(5):
            sign_in(client, "wrong", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
        assert sign_in(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
        staff = sign_in(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
        assert staff.status_code == 302

    def test_a_forged_header_added_before_the_proxy_is_ignored(self, client, editor):
        """The proxy appends the real address: only the last entry counts, whatever the guesser writes first."""
        for number in range(5):
            forged = f"10.9.8.{number}, 203.0.113.5"
            sign_in(client, "wrong", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forged)
        real = sign_in(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
        assert real.status_code == 429

    def test_the_header_is_ignored_from_anyone_but_the_proxy(self, client, editor):
        """Straight to the app (not through the proxy), a made-up X-Forwarded-For changes nothing."""
        for number in range(5):
            sign_in(client, "wrong", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
        assert sign_in(client, PASSWORD, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="10.0.0.99").status_code == 429


class TestPasswordForms:
    @pytest.fixture
    def private_page(self, home):
        page = ContentPageFactory(parent=home, slug="briefing", title_es="Informe interno")
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="s3cret-words"
        )
        return page, restriction

    def post_page_password(self, client, private_page, password, language="en", **extra):
        page, restriction = private_page
        return client.post(
            f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
            {"password": password, "return_url": f"/{language}/briefing/"},
            **extra,
        )

    def test_page_password_locks_after_five_wrong_tries(self, client, private_page):
        for _ in range(4):
            assert self.post_page_password(client, private_page, "guess").status_code == 200
        assert self.post_page_password(client, private_page, "guess").status_code == 429
        assert self.post_page_password(client, private_page, "s3cret-words").status_code == 429
        other = Client()
        assert (
            self.post_page_password(other, private_page, "s3cret-words", REMOTE_ADDR="198.51.100.7").status_code == 302
        )

    def test_lockout_page_speaks_the_visitors_language(self, client, private_page):
        for _ in range(5):
            response = self.post_page_password(client, private_page, "adivina", language="es")
        assert response.status_code == 429
        assert "Demasiados intentos" in text(response)
        assert BeautifulSoup(response.content, "html.parser").html["lang"] == "es"

    def test_right_page_password_opens_the_page(self, client, private_page):
        assert self.post_page_password(client, private_page, "s3cret-words").status_code == 302
        assert client.get("/en/briefing/").status_code == 200

    def test_document_password_locks_after_five_wrong_tries(self, client):
        private = Collection.get_first_root_node().add_child(name="Partners")
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type="password", password="partners-only"
        )
        document = DocumentFactory(title="Partner briefing", collection=private)
        url = f"/documents/authenticate_with_password/{restriction.pk}/"
        back = document.url
        for _ in range(4):
            assert client.post(url, {"password": "guess", "return_url": back}).status_code == 200
        assert client.post(url, {"password": "guess", "return_url": back}).status_code == 429
        assert client.post(url, {"password": "partners-only", "return_url": back}).status_code == 429
        fresh = Client(REMOTE_ADDR="198.51.100.7")
        assert fresh.post(url, {"password": "partners-only", "return_url": back}).status_code == 302
        assert fresh.get(back).status_code == 200

    def test_password_reset_requests_are_limited(self, client, editor):
        """Nobody can flood a staff member's inbox with reset emails."""
        for _ in range(4):
            assert client.post("/admin/password_reset/", {"email": "editor@example.org"}).status_code == 302
        assert client.post("/admin/password_reset/", {"email": "editor@example.org"}).status_code == 429
        assert client.post("/admin/password_reset/", {"email": "editor@example.org"}).status_code == 429
        assert len(mail.outbox) == 4
        assert (
            Client(REMOTE_ADDR="198.51.100.7")
            .post("/admin/password_reset/", {"email": "editor@example.org"})
            .status_code
            == 302
        )

    def test_password_reset_with_control_characters_is_a_form_error_not_a_500(self, client, editor):
        """A NUL in the address (PostgreSQL cannot store one): the form refuses it, nothing is sent or counted."""
        response = client.post("/admin/password_reset/", {"email": "editor@example.org\x00"})
        assert response.status_code == 200
        assert response.context["form"].errors["email"]
        assert mail.outbox == []
        assert not AccessAttempt.objects.exists()

    def test_failed_attempts_share_the_addresss_allowance(self, client, editor, private_page):
        """Wrong page passwords and wrong sign-ins from one address add up to one allowance of 20."""
        for number in range(4):
            for form in range(4):
                sign_in(client, "wrong", username=f"name{number}-{form}")
        for _ in range(3):
            self.post_page_password(client, private_page, "guess")
        assert self.post_page_password(client, private_page, "guess").status_code == 429
        assert sign_in(client, PASSWORD).status_code == 429


class TestWhatAnAttackerTries:
    def test_posts_from_another_site_without_a_csrf_token_count_nothing(self, editor, home):
        """A web page a staff member opens cannot make their browser use up their address's allowance."""
        forged = Client(enforce_csrf_checks=True)
        page = ContentPageFactory(parent=home, slug="briefing")
        restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="s3cret")
        for number in range(25):
            forged.post("/admin/password_reset/", {"email": f"someone{number}@example.org"})
            forged.post(f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/", {"password": "x"})
        assert not AccessAttempt.objects.exists()
        assert sign_in(Client(), PASSWORD).status_code == 302

    def test_unknown_restrictions_count_nothing(self, client, editor):
        for number in range(25):
            assert (
                client.post(f"/en/_util/authenticate_with_password/{9000 + number}/1/", {"password": "x"}).status_code
                == 404
            )
        assert sign_in(client, PASSWORD).status_code == 302

    def test_one_ipv6_connection_counts_as_one_address(self, client, editor, settings):
        """Changing the last 64 bits of an IPv6 address (one home line holds them all) changes nothing."""
        settings.WIMN_PROXY_HOPS = 1
        for number in range(5):
            sign_in(client, "wrong", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"2001:db8:1:2::{number + 1:x}")
        assert (
            sign_in(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="2001:db8:1:2:ffff::9").status_code
            == 429
        )
        assert (
            sign_in(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="2001:db8:1:3::1").status_code
            == 302
        )

    def test_guessing_one_name_from_many_addresses_ends_too(self, client, editor, settings):
        """Four guesses from each of many addresses: at 50 in all, the username is locked, and only it."""
        settings.WIMN_PROXY_HOPS = 1
        sent = 0
        for network in range(13):
            for _ in range(4):
                if sent < 49:
                    response = sign_in(
                        client, "wrong", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.{network}.7"
                    )
                    assert response.status_code == 200
                    sent += 1
        last = sign_in(client, "wrong", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.99")
        assert last.status_code == 429
        assert sign_in(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 429
        assert (
            sign_in(
                client, PASSWORD, username="colleague", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1"
            ).status_code
            != 429
        )
