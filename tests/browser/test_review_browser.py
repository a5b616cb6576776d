"""Review before publishing, in Chromium: a press officer writes a media alert under embargo and submits it;
a moderator sees it waiting, approves it in the editor; it is scheduled, and the scheduler publishes it at
its minute. Then the translation desk as a translator sees it: the editor panel and the report."""

import datetime
import re
from unittest import mock

import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from wagtail.users.models import UserProfile

from statements.models import PledgePage, StatementIndexPage, StatementPage
from wimn_site import roles

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-password-1"


def member(django_user_model, username, role):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


def screenshot(page, name):
    """Kept under var/screenshots/ (git-ignored) for a person to look at what the test saw."""
    folder = settings.BASE_DIR / "var" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


def sign_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_press_officer_submits_an_embargoed_alert_a_moderator_approves_it_publishes_at_its_minute(
    page, live_server, demo_site, django_user_model, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # saved by hand: no background save racing the steps below
    roles.ensure_roles()
    member(django_user_model, "pia", roles.PRESS_OFFICERS)
    member(django_user_model, "moira", roles.MODERATORS)
    index = StatementIndexPage.objects.get()

    sign_in(page, live_server, "pia")
    page.goto(f"{live_server.url}/admin/pages/add/statements/statementpage/{index.pk}/")
    page.fill("#id_title_en", "Media alert: women's organizations at the review forum")
    page.select_option("#id_kind", "media_alert")
    page.fill("#id_date", "2022-05-16")
    page.fill("#id_summary_en", "Women's organizations speak at the forum's opening.")
    page.fill("#id_dateline_en", "NEW YORK, 16 May 2022")
    page.fill("#id_press_contact_email", "press@example.org")
    go_live = (timezone.localtime() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    page.locator('[data-side-panel-toggle="status"]').click()
    page.get_by_role("button", name="Set schedule").click()
    page.locator("#id_go_live_at").evaluate(
        "(input, value) => { input.value = value; input.dispatchEvent(new Event('change', {bubbles: true})); }",
        go_live.strftime("%Y-%m-%d %H:%M"),
    )
    page.get_by_role("button", name="Save schedule").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    assert page.locator('button[name="action-publish"]').count() == 0  # publishing is not theirs
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Review").click()
    page.wait_for_url(re.compile(rf".*/admin/pages/{index.pk}/.*"))
    alert = StatementPage.objects.get(slug="media-alert-womens-organizations-at-the-review-forum")
    assert not alert.live and alert.workflow_in_progress

    sign_in(page, live_server, "moira")
    waiting = page.locator("section", has=page.get_by_role("heading", name="Awaiting your review"))
    waiting.get_by_role("link", name=re.compile("Media alert: women's organizations")).first.click()
    page.wait_for_url(f"**/admin/pages/{alert.pk}/edit/")
    status = page.locator(".wimn-translation-status")
    assert "This draft changes: English." in " ".join(status.inner_text().split())
    screenshot(page, "review-moderator")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/.*"))
    alert.refresh_from_db()
    assert not alert.live and alert.get_latest_revision().approved_go_live_at == go_live
    public = f"{live_server.url}/en/statements/{alert.slug}/"
    assert page.goto(public).status == 404

    with mock.patch("django.utils.timezone.now", return_value=go_live - datetime.timedelta(seconds=1)):
        call_command("publish_scheduled")
    assert page.goto(public).status == 404
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(seconds=1)):
        call_command("publish_scheduled")
    assert page.goto(public).status == 200
    assert page.locator("h1").inner_text() == "Media alert: women's organizations at the review forum"


def test_translator_sees_the_desk_in_the_editor_and_the_report(page, live_server, demo_site, django_user_model):
    roles.ensure_roles()
    member(django_user_model, "tomasa", roles.TRANSLATORS)
    pledge = PledgePage.objects.get()
    sign_in(page, live_server, "tomasa")
    page.goto(f"{live_server.url}/admin/pages/{pledge.pk}/edit/")
    status = " ".join(page.locator(".wimn-translation-status").inner_text().split())
    assert "ES up to date" in status and "PT stale since 4 Jul 2023" in status and "FR up to date" in status
    screenshot(page, "desk-editor-panel")
    page.get_by_role("link", name="what changed in English").click()
    page.wait_for_url(re.compile(rf".*/admin/pages/{pledge.pk}/revisions/compare/.*"))
    assert "Commitments" in page.locator("main").inner_text() or "commitments" in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/admin/reports/translations/?state=missing&language=fr")
    rows = page.locator("table.listing tbody tr")
    assert any("The human cost of border deterrence" in row for row in rows.all_inner_texts())
    page.goto(f"{live_server.url}/admin/reports/translations/")
    first = page.locator("table.listing tbody tr").first.inner_text()
    assert "Pledge" in first or "pledge" in first.lower()
    screenshot(page, "desk-report")


def test_spanish_speaking_translator_and_portuguese_visitor(page, live_server, demo_site, django_user_model):
    """The desk in the admin in Spanish (the translator's own admin language), and the stale note a
    Portuguese reader of the pledge sees, with its link to the English."""
    roles.ensure_roles()
    translator = member(django_user_model, "lucia", roles.TRANSLATORS)
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "es"
    profile.save()
    pledge = PledgePage.objects.get()
    sign_in(page, live_server, "lucia")
    page.goto(f"{live_server.url}/admin/pages/{pledge.pk}/edit/")
    status = " ".join(page.locator(".wimn-translation-status").inner_text().split())
    assert "PT desactualizada desde el 4 Jul 2023" in status or "PT desactualizada desde el 4 jul 2023" in status
    assert "ES al día" in status
    screenshot(page, "desk-editor-panel-es")

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/pt/statements/imrf-pledge/")
    note = page.locator(".translation-note--stale")
    assert "A versão em inglês desta página foi atualizada em 4 de julho de 2023" in note.inner_text()
    screenshot(page, "visitor-stale-note-pt")
    note.get_by_role("link", name="Ler a versão em inglês").click()
    page.wait_for_url("**/en/statements/imrf-pledge/")
    assert page.locator(".translation-note--stale").count() == 0
