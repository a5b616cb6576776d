"""Staff roles (wimn_site.roles): what each group can and cannot do in the admin, over HTTP, and the review
workflow from a press officer's submission to a moderator's approval and the scheduler's publishing."""

import datetime
from unittest import mock

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page, Workflow, WorkflowState

from campaigns.factories import CampaignIndexPageFactory
from events.factories import EventIndexPageFactory
from statements.factories import StatementIndexPageFactory, StatementPageFactory
from statements.models import StatementPage
from tests import snapshots
from tests.helpers import soup, translated_home
from tests.statements.admin_helpers import add_url, body, form_data
from wimn_site import roles

pytestmark = pytest.mark.django_db


def build_sections():
    """The home page (as tests/conftest.py's `home`), its statements, events and campaigns sections, the staff
    roles and a statement, built once for the module; plain ids."""
    home = translated_home()
    sections = {
        "statements": StatementIndexPageFactory(parent=home),
        "events": EventIndexPageFactory(parent=home),
        "campaigns": CampaignIndexPageFactory(parent=home),
    }
    roles.ensure_roles()
    statement = StatementPageFactory(parent=sections["statements"], slug="joint-statement", title="Joint statement")
    return {"sections": {name: page.pk for name, page in sections.items()}, "statement": statement.pk}


@pytest.fixture(scope="module")
def built_sections(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_sections)


@pytest.fixture
def roles_content(db, built_sections):
    """`build_sections`'s content, put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_sections
    snapshots.restore(snapshot)
    return ids


@pytest.fixture
def sections(roles_content):
    """The statements, events and campaigns sections, with the roles set up (and `statement` in the first)."""
    return {name: Page.objects.get(pk=pk).specific for name, pk in roles_content["sections"].items()}


@pytest.fixture
def staff(roles_content, staff):
    """tests/conftest.py's `staff`, signed in after the content is put back: a restore empties every table."""
    return staff


@pytest.fixture
def sign_in(client, django_user_model):
    """sign_in(role) -> a user of that group, signed in on the test client."""

    def sign_in_as(role, name=None):
        name = name or role.lower().replace(" ", "-")
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "a-long-password-1")
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return user

    return sign_in_as


@pytest.fixture
def statement(roles_content):
    return StatementPage.objects.get(pk=roles_content["statement"])


def test_setup_creates_five_roles_and_is_idempotent(sections):
    first = {g.name: (g.permissions.count(), g.page_permissions.count()) for g in Group.objects.all()}
    roles.ensure_roles()
    again = {g.name: (g.permissions.count(), g.page_permissions.count()) for g in Group.objects.all()}
    assert set(roles.ROLES) <= set(again) and first == again
    workflow = Workflow.objects.get(name=roles.REVIEW_WORKFLOW)
    assert {wp.page.specific_class for wp in workflow.workflow_pages.all()} == {
        type(sections[name]) for name in ("statements", "events", "campaigns")
    }
    assert sections["statements"].get_workflow() == workflow


def test_setup_site_creates_the_roles(home):
    call_command("setup_site", no_demo=True)
    assert set(roles.ROLES) <= set(Group.objects.values_list("name", flat=True))


def test_press_officer_writes_statements_but_cannot_publish(client, sign_in, sections, statement):
    sign_in(roles.PRESS_OFFICERS)
    assert client.get(add_url("statementpage", sections["statements"])).status_code == 200
    assert client.get(
        f"/admin/pages/add/wimn_site/contentpage/{sections['statements'].get_parent().pk}/"
    ).status_code in (
        302,
        403,
    )
    assert client.get(f"/admin/pages/add/events/eventpage/{sections['events'].pk}/").status_code in (302, 403)
    edit = f"/admin/pages/{statement.pk}/edit/"
    assert client.get(edit).status_code == 200
    data = form_data(client, edit, title_en="Joint statement, revised", **body(en="<p>Text.</p>"))
    data["action-publish"] = "action-publish"
    client.post(edit, data)
    statement.refresh_from_db()
    assert statement.title_en == "Joint statement"  # publishing was not theirs to do
    assert client.get(f"/admin/pages/{statement.pk}/delete/").status_code in (302, 403)
    assert StatementPage.objects.filter(pk=statement.pk).exists()


def test_translator_edits_but_cannot_add_publish_move_or_delete(client, sign_in, sections, statement):
    sign_in(roles.TRANSLATORS)
    edit = f"/admin/pages/{statement.pk}/edit/"
    assert client.get(edit).status_code == 200
    assert client.get(add_url("statementpage", sections["statements"])).status_code in (302, 403)
    assert client.get(f"/admin/pages/{statement.pk}/delete/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{statement.pk}/move/").status_code in (302, 403)
    client.post(f"/admin/pages/{statement.pk}/unpublish/")
    statement.refresh_from_db()
    assert statement.live
    data = form_data(client, edit, title_es="Declaración conjunta", **body(en="<p>Text.</p>"))
    data["action-publish"] = "action-publish"
    client.post(edit, data)
    statement.refresh_from_db()
    assert statement.title_es != "Declaración conjunta"  # saved as a draft at most, not published
    assert StatementPage.objects.get(pk=statement.pk).live
    # a snippet they may edit, not add or delete
    assert client.get("/admin/snippets/wimn_site/topic/add/").status_code in (302, 403)


def test_moderator_reviews_but_does_not_write_or_publish_directly(client, sign_in, sections, statement):
    sign_in(roles.MODERATORS)
    assert client.get(add_url("statementpage", sections["statements"])).status_code in (302, 403)
    assert client.get(f"/admin/pages/{statement.pk}/delete/").status_code in (302, 403)
    edit = f"/admin/pages/{statement.pk}/edit/"
    response = client.get(edit)
    assert response.status_code == 200
    assert 'name="action-publish"' not in response.content.decode()


def test_a_moderator_cannot_unlock_what_an_editor_locked(client, sign_in, sections, statement):
    """A moderator locks a page to review it and unlocks their own lock, but cannot lift an editor's lock (a
    moderator's account in the wrong hands must not undo an editor's hold on a page before a deadline)."""
    editor = sign_in(roles.EDITORS)
    assert client.post(f"/admin/pages/{statement.pk}/lock/").status_code == 302
    statement.refresh_from_db()
    assert statement.locked and statement.locked_by == editor
    moderator = sign_in(roles.MODERATORS)
    client.post(f"/admin/pages/{statement.pk}/unlock/")
    statement.refresh_from_db()
    assert statement.locked and statement.locked_by == editor
    assert not statement.permissions_for_user(moderator).can_unlock()

    statement.locked = False
    statement.save(update_fields=["locked"])
    assert client.post(f"/admin/pages/{statement.pk}/lock/").status_code == 302
    statement.refresh_from_db()
    assert statement.locked_by == moderator
    assert client.post(f"/admin/pages/{statement.pk}/unlock/").status_code == 302
    statement.refresh_from_db()
    assert not statement.locked


def test_editor_publishes_directly(client, sign_in, sections, statement):
    sign_in(roles.EDITORS)
    edit = f"/admin/pages/{statement.pk}/edit/"
    data = form_data(client, edit, title_en="Joint statement, revised", **body(en="<p>Text.</p>"))
    data["action-publish"] = "action-publish"
    assert client.post(edit, data).status_code == 302
    statement.refresh_from_db()
    assert statement.live and statement.title_en == "Joint statement, revised"


def test_nobody_in_a_role_manages_users_but_administrators(client, sign_in, sections):
    for role in (roles.EDITORS, roles.PRESS_OFFICERS, roles.TRANSLATORS, roles.MODERATORS):
        sign_in(role, name=f"{role}-users".replace(" ", "-").lower())
        assert client.get("/admin/users/").status_code in (302, 403), role
    sign_in(roles.ADMINISTRATORS)
    assert client.get("/admin/users/").status_code == 200


def test_embargoed_media_alert_submitted_approved_and_published_at_its_minute(
    client, sign_in, sections, django_user_model
):
    """A press officer writes a media alert with an embargo and submits it; moderators are told; a moderator
    approves; it is scheduled, not live; the scheduler publishes it once its minute has come."""
    moderator = sign_in(roles.MODERATORS, name="moira")
    sign_in(roles.PRESS_OFFICERS, name="pia")
    index = sections["statements"]
    go_live = (timezone.localtime() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)
    data = form_data(
        client,
        add_url("statementpage", index),
        title_en="Media alert: women at the IMRF",
        slug="media-alert-imrf",
        kind="media_alert",
        date="2022-05-16",
        summary_en="Women's organizations speak at the forum.",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        press_contact_email="press@example.org",
        **body(en="<p>Under embargo.</p>"),
    )
    data["action-submit"] = "action-submit"
    mail.outbox.clear()
    response = client.post(add_url("statementpage", index), data)
    assert response.status_code == 302, [e.get_text(" ", strip=True) for e in soup(response).select(".error-message")]
    alert = StatementPage.objects.get(slug="media-alert-imrf")
    assert not alert.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(alert.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert moderator.email in [address for message in mail.outbox for address in message.to]

    client.force_login(moderator)
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{alert.pk}/approve/{task_state.pk}/"
    assert client.post(url, {"comment": "Checked with the press office."}).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED, (response.status_code, response.content[:500])
    alert.refresh_from_db()
    assert not alert.live and alert.approved_schedule  # scheduled, not published
    assert client.get("/en/statements/media-alert-imrf/").status_code == 404

    with mock.patch("django.utils.timezone.now", return_value=go_live - datetime.timedelta(seconds=1)):
        call_command("publish_scheduled", verbosity=0)  # a second early: still closed
    assert not StatementPage.objects.get(pk=alert.pk).live
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(seconds=1)):
        call_command("publish_scheduled", verbosity=0)  # the clock moves to the embargo's minute
    alert.refresh_from_db()
    assert alert.live
    client.logout()
    assert client.get("/en/statements/media-alert-imrf/").status_code == 200


def test_moderator_requests_changes_and_the_press_officer_is_told(client, sign_in, sections, statement):
    """Rejecting sends the page back to its writer with the moderator's comment; nothing is published."""
    press = sign_in(roles.PRESS_OFFICERS, name="pia")
    edit = f"/admin/pages/{statement.pk}/edit/"
    data = form_data(client, edit, title_en="Joint statement, revised", **body(en="<p>Text.</p>"))
    data["action-submit"] = "action-submit"
    assert client.post(edit, data).status_code == 302
    state = WorkflowState.objects.get(object_id=str(statement.pk), status=WorkflowState.STATUS_IN_PROGRESS)

    moderator = sign_in(roles.MODERATORS, name="moira")
    client.force_login(moderator)
    mail.outbox.clear()
    url = f"/admin/pages/workflow/action/{statement.pk}/reject/{state.current_task_state.pk}/"
    assert client.post(url, {"comment": "Please add the signatories."}).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert StatementPage.objects.get(pk=statement.pk).title_en == "Joint statement"
    told = [message for message in mail.outbox if press.email in message.to]
    assert told and "Please add the signatories." in told[0].body + "".join(
        str(alt[0]) for alt in getattr(told[0], "alternatives", [])
    )


@pytest.mark.parametrize("role", [roles.TRANSLATORS, roles.MODERATORS, roles.PRESS_OFFICERS])
def test_who_cannot_publish_cannot_delete_a_draft_or_scheduled_page(client, sign_in, sections, role):
    """Wagtail lets editors of a page delete it while it is not live: not here (an embargoed alert is not
    live until its minute)."""
    draft = StatementPageFactory(parent=sections["statements"], slug="draft-alert", live=False)
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    draft.save_revision().publish()  # scheduled
    sign_in(role)
    client.post(f"/admin/pages/{draft.pk}/delete/")
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}")
    assert StatementPage.objects.filter(pk=draft.pk).exists(), role


def test_editors_and_superusers_delete_drafts(client, sign_in, sections, staff):
    draft = StatementPageFactory(parent=sections["statements"], slug="old-draft", live=False)
    draft.save_revision()
    assert staff.post(f"/admin/pages/{draft.pk}/delete/").status_code == 302  # the superuser `staff` client
    assert not StatementPage.objects.filter(pk=draft.pk).exists()
    another = StatementPageFactory(parent=sections["statements"], slug="another-draft", live=False)
    sign_in(roles.EDITORS)
    assert client.post(f"/admin/pages/{another.pk}/delete/").status_code == 302
    assert not StatementPage.objects.filter(pk=another.pk).exists()


def test_approval_publishes_the_reviewed_revision_not_a_later_draft(client, sign_in, sections, statement):
    sign_in(roles.PRESS_OFFICERS, name="pia")
    edit = f"/admin/pages/{statement.pk}/edit/"
    data = form_data(client, edit, title_en="Reviewed text", **body(en="<p>Text.</p>"))
    data["action-submit"] = "action-submit"
    assert client.post(edit, data).status_code == 302
    state = WorkflowState.objects.get(object_id=str(statement.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    reviewed = state.current_task_state.revision
    page = StatementPage.objects.get(pk=statement.pk)
    page.title_en = "Unreviewed title"
    page.save_revision()  # someone saves a draft while the review is under way
    moderator = sign_in(roles.MODERATORS, name="moira")
    client.force_login(moderator)
    url = f"/admin/pages/workflow/action/{statement.pk}/approve/{state.current_task_state.pk}/"
    assert client.post(url, {"comment": ""}).status_code == 302
    page = StatementPage.objects.get(pk=statement.pk)
    assert page.title_en == "Reviewed text" and page.live_revision_id == reviewed.pk
