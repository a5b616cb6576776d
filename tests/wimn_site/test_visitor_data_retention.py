"""Visitors' data is kept no longer than needed: `purge_visitor_data`, run once a day by `run_scheduler`.

Time is moved by patching django.utils.timezone.now, so nothing sleeps.
"""

import datetime
import io
from unittest import mock

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wimn_site import ratelimit
from wimn_site.factories import ContentPageFactory, FormPageFactory
from wimn_site.management.commands.run_scheduler import Command as Scheduler
from wimn_site.models import FormPage, FormSubmission, RateCounter

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def submission(page, email, age, purpose=FormPage.NEWSLETTER, confirmed=True):
    row = FormSubmission.objects.create(page=page, purpose=purpose, email=email, language="en")
    submitted = timezone.now() - age
    FormSubmission.objects.filter(pk=row.pk).update(
        submitted_at=submitted, confirmed_at=submitted + datetime.timedelta(hours=1) if confirmed else None
    )
    return row


def purge():
    out = io.StringIO()
    call_command("purge_visitor_data", stdout=out)
    return out.getvalue()


@pytest.fixture
def forms(home):
    return (
        FormPageFactory(parent=home, slug="join"),
        FormPageFactory(parent=home, slug="write", purpose=FormPage.CONTACT),
    )


def test_old_submissions_and_stale_sign_ups_go_recent_ones_stay(forms):
    join, write = forms
    for email, page, age, purpose, confirmed in [
        ("old-message@example.org", write, 366 * DAY, FormPage.CONTACT, False),
        ("old-subscriber@example.org", join, 366 * DAY, FormPage.NEWSLETTER, True),
        ("stale@example.org", join, 8 * DAY, FormPage.NEWSLETTER, False),
        ("message@example.org", write, 364 * DAY, FormPage.CONTACT, False),
        ("subscriber@example.org", join, 364 * DAY, FormPage.NEWSLETTER, True),
        ("pending@example.org", join, 6 * DAY, FormPage.NEWSLETTER, False),
    ]:
        submission(page, email, age, purpose, confirmed)
    output = purge()
    assert set(FormSubmission.objects.values_list("email", flat=True)) == {
        "message@example.org",
        "subscriber@example.org",
        "pending@example.org",
    }
    assert "Deleted 2: form submissions older than 365 days." in output
    assert "Deleted 1: sign-ups unconfirmed after 7 days." in output


def test_signing_up_again_does_not_keep_a_pending_sign_up_alive(client, forms):
    """Otherwise anyone could keep an address they do not own on the list, mailed a link every day."""
    submission(forms[0], "carol@example.org", 6 * DAY, confirmed=False)
    assert client.post("/en/join/", {"email": "carol@example.org", "consent": "on"}).status_code == 303
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + 2 * DAY):
        purge()
    assert not FormSubmission.objects.filter(email="carol@example.org").exists()


def test_the_retention_period_is_a_setting(forms, settings):
    join, write = forms
    settings.WIMN_FORM_RETENTION_DAYS = 30
    submission(write, "a@example.org", 31 * DAY, FormPage.CONTACT, False)
    submission(write, "b@example.org", 29 * DAY, FormPage.CONTACT, False)
    assert "Deleted 1: form submissions older than 30 days." in purge()
    assert list(FormSubmission.objects.values_list("email", flat=True)) == ["b@example.org"]


@pytest.mark.parametrize("days", [0, -5])
def test_a_retention_period_under_one_day_is_refused_and_nothing_is_deleted(forms, settings, days):
    settings.WIMN_FORM_RETENTION_DAYS = days
    submission(forms[0], "new@example.org", datetime.timedelta(minutes=5))
    with pytest.raises(CommandError, match="at least 1"):
        purge()
    assert FormSubmission.objects.count() == 1


def test_expired_rate_counters_go_live_ones_stay_and_still_count():
    ratelimit.hit("form-post", "203.0.113.5", limit=1, window=3600)
    ratelimit.hit("form-post", "198.51.100.7", limit=1, window=3600)
    RateCounter.objects.filter(pk=ratelimit._key("form-post", "198.51.100.7")).update(expires_at=timezone.now() - DAY)
    assert "Deleted 1: expired rate-limit counters." in purge()
    assert RateCounter.objects.count() == 1
    assert not ratelimit.hit("form-post", "203.0.113.5", limit=1, window=3600).allowed


def test_old_sign_in_logs_and_finished_lockouts_go(client, django_user_model):
    """Sign-in logs older than the retention period go, and failed sign-ins whose lockout is over; a lockout
    still running stays in force."""
    django_user_model.objects.create_user("editor", "editor@example.org", "correct-horse-battery", is_staff=True)
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    old = AccessLog.objects.create(username="editor", ip_address="10.0.0.1", user_agent="", path_info="/admin/")
    recent = AccessLog.objects.create(username="editor", ip_address="10.0.0.2", user_agent="", path_info="/admin/")
    old_failure = AccessFailureLog.objects.create(username="x", ip_address="10.0.0.3", user_agent="", path_info="/")
    finished = AccessAttempt.objects.create(
        username="someone", ip_address="10.0.0.4", user_agent="", path_info="/admin/login/", failures_since_start=5
    )
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - 400 * DAY)
    AccessFailureLog.objects.filter(pk=old_failure.pk).update(attempt_time=timezone.now() - 400 * DAY)
    AccessAttempt.objects.filter(pk=finished.pk).update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    output = purge()
    assert list(AccessLog.objects.all()) == [recent]
    assert not AccessFailureLog.objects.exists()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["editor"]
    assert "Deleted 1: sign-in log entries older than 365 days." in output
    assert "Deleted 1: failed sign-ins past their lockout." in output
    locked = client.post("/admin/login/", {"username": "editor", "password": "correct-horse-battery"})
    assert locked.status_code == 429


class TestScheduler:
    """`run_scheduler` runs the purge once a day, remembers the last run across restarts, and a failing purge
    never keeps pages from being published."""

    def step_at(self, moment, scheduler=None):
        """One pass of the scheduler at `moment`; a new one (as after a restart) unless `scheduler` is given."""
        scheduler = scheduler or Scheduler(stdout=io.StringIO(), stderr=io.StringIO())
        with mock.patch("django.utils.timezone.now", return_value=moment):
            scheduler.step()
        return scheduler

    def test_purges_once_a_day_even_across_restarts(self, forms):
        start = timezone.now()
        submission(forms[0], "stale-1@example.org", 8 * DAY, confirmed=False)
        out = io.StringIO()
        first = self.step_at(start, Scheduler(stdout=out, stderr=io.StringIO()))
        assert not FormSubmission.objects.exists()
        assert "Deleted 1: sign-ups unconfirmed after 7 days." in out.getvalue()

        submission(forms[0], "stale-2@example.org", 8 * DAY, confirmed=False)
        self.step_at(start + datetime.timedelta(hours=1), first)
        self.step_at(start + 23 * DAY / 24)  # a restarted scheduler: a new process, the same day
        assert FormSubmission.objects.count() == 1

        self.step_at(start + DAY + datetime.timedelta(seconds=15))
        assert not FormSubmission.objects.exists()

    def test_a_failing_purge_does_not_stop_publishing(self, home, settings):
        settings.WIMN_FORM_RETENTION_DAYS = 0  # the purge refuses to run
        go_live = timezone.now() + datetime.timedelta(minutes=1)
        page = ContentPageFactory(parent=home, slug="embargoed", live=False)
        page.go_live_at = go_live
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
        errors = io.StringIO()
        self.step_at(go_live + datetime.timedelta(seconds=15), Scheduler(stdout=io.StringIO(), stderr=errors))
        page.refresh_from_db()
        assert page.live
        assert "purge_visitor_data failed: WIMN_FORM_RETENTION_DAYS must be at least 1" in errors.getvalue()
