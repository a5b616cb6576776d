"""Withdrawing a published version of a pledge from its public history (statements.history_admin), and
restoring it: only staff who can publish the pledge, after a confirmation, logged, and purged from the caches."""

import datetime
from urllib.parse import urlsplit

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageLogEntry, Revision
from wagtail.users.models import UserProfile

from statements.factories import PledgeCommitmentFactory, PledgePageFactory, StatementIndexPageFactory
from statements.models import PledgePage, StatementIndexPage, WithdrawnVersion
from tests import snapshots
from tests.helpers import count_queries, soup, translated_home
from wimn_site import cache_invalidation, roles

pytestmark = pytest.mark.django_db

SECRET = "Names Maria at her shelter in Tapachula."
SECRET_ES = "Nombra a María en su albergue de Tapachula."
LATER = "Corrected: the person's name removed."


def _publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    return revision


def _pledge(index):
    """A pledge published three times; the middle version's note and commitment name a person at risk."""
    page = PledgePageFactory(
        parent=index, slug="pledge", title="WIMN's pledge", last_updated=datetime.date(2022, 5, 20)
    )
    PledgeCommitmentFactory(page=page, text="Center the voices of migrant women.")
    first = _publish(PledgePage.objects.get(pk=page.pk))
    page = PledgePage.objects.get(pk=page.pk)
    page.commitments = [*page.commitments.all(), PledgeCommitmentFactory.build(text=SECRET, text_en=SECRET)]
    second = _publish(page, last_updated=datetime.date(2023, 7, 4), update_note_en=SECRET, update_note_es=SECRET_ES)
    page = PledgePage.objects.get(pk=page.pk)
    page.commitments = [c for c in page.commitments.all() if c.text != SECRET]
    third = _publish(page, last_updated=datetime.date(2024, 1, 10), update_note_en=LATER, update_note_es=LATER)
    return PledgePage.objects.get(pk=page.pk), first, second, third


def _withdraw_url(page, revision, action="withdraw"):
    return f"/admin/pledges/{page.pk}/versions/{revision.pk}/{action}/"


def build_pledge():
    """The home page and statements section (as the `home` and `index` fixtures) and the pledge of `_pledge`,
    built once for the module; plain ids."""
    index = StatementIndexPageFactory(parent=translated_home())
    page, *revisions = _pledge(index)
    return {"index": index.pk, "page": page.pk, "revisions": [revision.pk for revision in revisions]}


@pytest.fixture(scope="module")
def built_pledge(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_pledge)


@pytest.fixture
def pledged(db, built_pledge):
    """`build_pledge`'s content, put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_pledge
    snapshots.restore(snapshot)
    return ids


@pytest.fixture
def index(pledged):
    """The statements section of tests/statements/conftest.py's `index`, from this module's snapshot."""
    return StatementIndexPage.objects.get(pk=pledged["index"])


@pytest.fixture
def pledge(pledged):
    """(page, first, second, third): the pledge of `_pledge` and its three published revisions."""
    return PledgePage.objects.get(pk=pledged["page"]), *(Revision.objects.get(pk=pk) for pk in pledged["revisions"])


@pytest.fixture
def publisher(pledge, client, django_user_model):
    """A superuser, signed in after the pledge is put back: a restore empties every table."""
    user = django_user_model.objects.create_superuser("publisher", "publisher@example.org", "a-long-password-1")
    client.force_login(user)
    return user


def test_get_asks_for_confirmation_and_changes_nothing(client, publisher, pledge):
    page, first, second, third = pledge
    logs = PageLogEntry.objects.count()
    response = client.get(_withdraw_url(page, second))
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert "Visitors will no longer see the version of" in text
    assert soup(response).select_one("form[method=post] input[name=csrfmiddlewaretoken]")
    assert not WithdrawnVersion.objects.exists()
    assert PageLogEntry.objects.count() == logs
    assert client.get(f"/en/statements/pledge/versions/{second.pk}/").status_code == 200


def test_publisher_withdraws_a_version_and_the_log_says_who(client, publisher, pledge):
    page, first, second, third = pledge
    response = client.post(_withdraw_url(page, second))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pledges/{page.pk}/versions/"
    withdrawn = WithdrawnVersion.objects.get()
    assert (withdrawn.revision_id, withdrawn.page_id, withdrawn.withdrawn_by) == (second.pk, page.pk, publisher)
    entry = PageLogEntry.objects.get(action="statements.version_withdrawn")
    assert (entry.page_id, entry.user, entry.revision_id) == (page.pk, publisher, second.pk)
    assert entry.timestamp is not None
    history = client.get(f"/admin/pages/{page.pk}/history/")
    assert "Withdrew the version of 2023-07-04 from the public history" in history.content.decode()
    listing = soup(client.get(f"/admin/pledges/{page.pk}/versions/")).get_text(" ", strip=True)
    assert "Withdrawn: not shown to visitors" in listing


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Page not found"), ("es", "Página no encontrada"), ("fr", "Page introuvable")]
)
def test_withdrawn_version_is_gone_for_visitors(client, django_user_model, pledge, language, title):
    page, first, second, third = pledge
    staff = django_user_model.objects.create_superuser("publisher", "publisher@example.org", "a-long-password-1")
    client.force_login(staff)
    client.post(_withdraw_url(page, second))
    client.logout()
    base = f"/{language}/statements/pledge/versions"
    for path in (
        f"{base}/{second.pk}/",
        f"{base}/{first.pk}/compare/{second.pk}/",
        f"{base}/{second.pk}/compare/{third.pk}/",
        f"{base}/{second.pk}/compare/{second.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        html = soup(response)
        assert html.html["lang"] == language
        assert html.h1.get_text(strip=True) == title
    for path in (f"/{language}/statements/pledge/", f"{base}/{first.pk}/", f"{base}/{first.pk}/compare/{third.pk}/"):
        response = client.get(path)
        assert response.status_code == 200, path
        html = soup(response)
        text = html.get_text(" ", strip=True)
        assert "Maria" not in text and "María" not in text, path
        items = html.select(".pledge-version")
        assert [i.time["datetime"] for i in items] == ["2024-01-10", "2022-05-20"], path
        links = [a["href"] for a in html.select(".pledge-versions a")]
        assert not [link for link in links if f"/{second.pk}/" in link], path
    # The version after it is compared with the one before it.
    links = [a["href"] for a in soup(client.get(f"/{language}/statements/pledge/")).select(".pledge-versions a")]
    assert f"{base}/{first.pk}/compare/{third.pk}/" in links


def test_restoring_shows_it_again_and_is_logged(client, publisher, pledge):
    page, first, second, third = pledge
    client.post(_withdraw_url(page, second))
    assert client.get(_withdraw_url(page, second, "restore")).status_code == 200
    assert WithdrawnVersion.objects.exists()  # the GET only asked
    response = client.post(_withdraw_url(page, second, "restore"))
    assert response.status_code == 302
    assert not WithdrawnVersion.objects.exists()
    assert PageLogEntry.objects.get(action="statements.version_restored").user == publisher
    assert client.get(f"/es/statements/pledge/versions/{second.pk}/").status_code == 200
    items = soup(client.get("/es/statements/pledge/")).select(".pledge-version")
    assert len(items) == 3


def test_the_current_version_cannot_be_withdrawn(client, publisher, pledge):
    page, first, second, third = pledge
    listing = soup(client.get(f"/admin/pledges/{page.pk}/versions/")).get_text(" ", strip=True)
    assert "Cannot be withdrawn (current)" in listing
    assert "The current version cannot be withdrawn here" in listing
    response = client.post(_withdraw_url(page, third), follow=True)
    assert "The current version cannot be withdrawn here" in response.content.decode()
    assert not WithdrawnVersion.objects.exists()
    assert client.get("/en/statements/pledge/").status_code == 200


@pytest.mark.parametrize("role", [roles.TRANSLATORS, roles.PRESS_OFFICERS, roles.MODERATORS])
def test_staff_who_cannot_publish_are_refused(client, django_user_model, pledge, role):
    page, first, second, third = pledge
    roles.ensure_roles()
    user = django_user_model.objects.create_user("someone", "someone@example.org", "a-long-password-1")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    assert not page.permissions_for_user(user).can_publish()
    for url in (f"/admin/pledges/{page.pk}/versions/", _withdraw_url(page, second)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/pledges/" not in response["Location"]
    response = client.post(_withdraw_url(page, second), follow=True)
    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    assert not WithdrawnVersion.objects.exists()
    # Once withdrawn by a publisher, they cannot restore it either.
    WithdrawnVersion.objects.create(revision_id=second.pk, page_id=page.pk)
    client.post(_withdraw_url(page, second, "restore"))
    assert WithdrawnVersion.objects.exists()


def test_the_editor_links_the_public_history_for_publishers_only(client, publisher, django_user_model, pledge):
    page, *_revisions = pledge
    link = f"/admin/pledges/{page.pk}/versions/"
    assert link in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    roles.ensure_roles()
    translator = django_user_model.objects.create_user("tr", "tr@example.org", "a-long-password-1")
    translator.groups.add(Group.objects.get(name=roles.TRANSLATORS))
    client.force_login(translator)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert link not in response.content.decode()


def test_bad_addresses_are_404(client, publisher, pledge, index):
    page, first, second, third = pledge
    for url in (
        f"/admin/pledges/{index.pk}/versions/",  # not a pledge
        "/admin/pledges/999999/versions/",
        f"/admin/pledges/{page.pk}/versions/999999/withdraw/",
        f"/admin/pledges/{page.pk}/versions/{second.pk + 1000}/restore/",
    ):
        assert client.post(url).status_code == 404, url


def test_withdrawal_purges_the_pledges_pages_in_every_language(
    client, publisher, pledge, monkeypatch, django_capture_on_commit_callbacks
):
    page, first, second, third = pledge
    purged = []
    monkeypatch.setattr(cache_invalidation, "purge_urls_from_cache", lambda urls: purged.extend(urls))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_withdraw_url(page, second))
    paths = {urlsplit(url).path for url in purged}
    for language in ("en", "es", "pt", "fr"):
        base = f"/{language}/statements/pledge/"
        assert {
            base,
            f"{base}versions/{first.pk}/",
            f"{base}versions/{second.pk}/",
            f"{base}versions/{first.pk}/compare/{second.pk}/",
            f"{base}versions/{second.pk}/compare/{third.pk}/",
            f"{base}versions/{first.pk}/compare/{third.pk}/",
        } <= paths, language
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_withdraw_url(page, second, "restore"))
    assert "/pt/statements/pledge/" in {urlsplit(url).path for url in purged}


def test_a_post_without_the_csrf_token_is_refused(publisher, pledge):
    page, first, second, third = pledge
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(publisher)
    assert strict.post(_withdraw_url(page, second)).status_code == 403
    assert not WithdrawnVersion.objects.exists()


def test_get_does_not_purge(client, publisher, pledge, monkeypatch, django_capture_on_commit_callbacks):
    page, first, second, third = pledge
    purged = []
    monkeypatch.setattr(cache_invalidation, "purge_urls_from_cache", lambda urls: purged.extend(urls))
    with django_capture_on_commit_callbacks(execute=True):
        client.get(_withdraw_url(page, second))
        client.get(_withdraw_url(page, second, "restore"))
    assert purged == []


def test_history_queries_stay_flat_with_a_withdrawn_version(client, django_user_model, pledge):
    page, first, second, third = pledge
    urls = [
        "/es/statements/pledge/",
        f"/es/statements/pledge/versions/{first.pk}/",
        f"/es/statements/pledge/versions/{first.pk}/compare/{third.pk}/",
    ]
    for url in urls:
        client.get(url)  # warm: the site's frame
    before = [count_queries(client, url)[1] for url in urls]
    WithdrawnVersion.objects.create(revision_id=second.pk, page_id=page.pk)
    for url in urls:
        client.get(url)
    responses = [count_queries(client, url) for url in urls]
    assert all(r.status_code == 200 for r, _n in responses)
    assert len(soup(responses[0][0]).select(".pledge-version")) == 2
    assert [n for _r, n in responses] == before


@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [
        ("es", "Historial público", "Retirar"),
        ("pt", "Histórico público", "Retirar"),
        ("fr", "Historique public", "Retirer"),
    ],
)
def test_the_admin_screens_speak_the_staff_members_language(client, publisher, pledge, language, heading, button):
    page, first, second, third = pledge
    profile = UserProfile.get_for_user(publisher)
    profile.preferred_language = language
    profile.save()
    listing = soup(client.get(f"/admin/pledges/{page.pk}/versions/"))
    assert heading in listing.get_text()
    assert button in [a.get_text(strip=True) for a in listing.select("td a.button")]
    confirm = soup(client.get(_withdraw_url(page, second))).get_text(" ", strip=True)
    assert {
        "es": "Los visitantes ya no verán",
        "pt": "Os visitantes não verão mais",
        "fr": "Les visiteurs ne verront plus",
    }[language] in confirm


def test_an_editor_who_can_publish_withdraws_too(client, django_user_model, pledge):
    page, first, second, third = pledge
    roles.ensure_roles()
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "a-long-password-1")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    assert client.post(_withdraw_url(page, first)).status_code == 302
    assert WithdrawnVersion.objects.get().withdrawn_by == editor
    assert client.get(f"/pt/statements/pledge/versions/{first.pk}/").status_code == 404
