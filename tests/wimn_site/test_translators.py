"""Translators tied to languages and the side-by-side English (wimn_site.translators, translators_admin), over
HTTP against the real admin forms."""

import pytest
from bs4 import BeautifulSoup

from django import forms
from django.contrib.auth.models import Group

from wagtail.fields import RichTextField
from wagtail.models import Revision
from wagtail.test.utils.form_data import querydict_from_html

from campaigns.models import AdvocacyDay, Organization
from statements.factories import StatementIndexPageFactory, StatementPageFactory
from statements.models import StatementAttachment, StatementIndexPage, StatementPage
from tests import snapshots
from tests.helpers import soup, translated_home
from tests.statements.admin_helpers import body, form_data, inline
from wimn_site import roles
from wimn_site.factories import DocumentFactory, rich
from wimn_site.models import Topic, TranslatorProfile
from wimn_site.translators import TranslatedModelForm, block_key, display_value

pytestmark = pytest.mark.django_db

ENGLISH_BODY = "<p>The network calls on <b>States</b> to act.</p>"


def build_statement():
    """The home page (as tests/conftest.py's `home`), its statements section, the staff roles and a published
    statement, built once for the module; plain ids."""
    index = StatementIndexPageFactory(parent=translated_home())
    roles.ensure_roles()
    page = StatementPageFactory(
        parent=index,
        slug="joint-statement",
        title="Joint statement",
        title_fr="Déclaration commune",
        summary_en="What the network asks.",
        body_en=rich(ENGLISH_BODY),
    )
    page.save_revision().publish()
    return {"statements": index.pk, "statement": page.pk}


@pytest.fixture(scope="module")
def built_statement(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_statement)


@pytest.fixture
def translators_content(db, built_statement):
    """`build_statement`'s content, put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_statement
    snapshots.restore(snapshot)
    return ids


@pytest.fixture
def statements(translators_content):
    """The statements section, with the roles set up (and `statement` in it)."""
    return StatementIndexPage.objects.get(pk=translators_content["statements"])


@pytest.fixture
def statement(translators_content):
    """A published statement with a French title and an English body."""
    return StatementPage.objects.get(pk=translators_content["statement"])


@pytest.fixture
def staff(translators_content, staff):
    """tests/conftest.py's `staff`, signed in after the content is put back: a restore empties every table."""
    return staff


@pytest.fixture
def sign_in(client, django_user_model):
    """sign_in(role, languages=None) -> a user of that group, tied to `languages` when given, signed in."""

    def sign_in_as(role, languages=None, name=None):
        name = name or role.lower().replace(" ", "-")
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "a-long-password-1")
        user.groups.add(Group.objects.get(name=role))
        if languages is not None:
            TranslatorProfile.objects.create(user=user, languages=languages)
        client.force_login(user)
        return user

    return sign_in_as


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def latest(page):
    return StatementPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def errors(response):
    page = soup(response)
    return [e.get_text(" ", strip=True) for e in page.select(".error-message, .help-critical, .messages .error")]


def test_spanish_translator_saves_spanish_title_and_body_as_a_draft(client, sign_in, statement):
    sign_in(roles.TRANSLATORS, languages=["es"])
    before = revisions(statement)
    data = form_data(
        client,
        edit_url(statement),
        title_es="Declaración conjunta",
        **body(en=ENGLISH_BODY, es="<p>La red pide a los Estados que actúen.</p>"),
    )
    response = client.post(edit_url(statement), data)
    assert response.status_code == 302, errors(response)
    assert revisions(statement) == before + 1
    draft = latest(statement)
    assert draft.title_es == "Declaración conjunta"
    assert "La red pide" in draft.body_es[0].value.source
    assert (draft.title_en, draft.title_fr) == ("Joint statement", "Déclaration commune")
    statement.refresh_from_db()
    assert statement.title_es != "Declaración conjunta"  # a draft: the live page is unchanged


@pytest.mark.parametrize("field", ["title_fr", "title_en"])
def test_spanish_translator_cannot_change_another_language(client, sign_in, statement, field):
    sign_in(roles.TRANSLATORS, languages=["es"])
    before = revisions(statement)
    data = form_data(
        client, edit_url(statement), title_es="Declaración conjunta", **{field: "Changed"}, **body(en=ENGLISH_BODY)
    )
    response = client.post(edit_url(statement), data)
    assert response.status_code == 200
    assert any("you translate into Spanish" in error for error in errors(response)), errors(response)
    assert revisions(statement) == before
    assert getattr(StatementPage.objects.get(pk=statement.pk), field) != "Changed"


def test_spanish_translator_cannot_change_the_english_body_or_untranslated_fields(client, sign_in, statement):
    sign_in(roles.TRANSLATORS, languages=["es"])
    before = revisions(statement)
    for change in (
        body(en="<p>Rewritten English.</p>", es="<p>Texto.</p>"),
        {"slug": "another-slug", **body(en=ENGLISH_BODY)},
        {"kind": "media_alert", **body(en=ENGLISH_BODY)},
        {"date": "2020-01-01", **body(en=ENGLISH_BODY)},
        body(en=ENGLISH_BODY, fr="<p>Texte.</p>"),
    ):
        response = client.post(edit_url(statement), form_data(client, edit_url(statement), **change))
        assert response.status_code == 200, change
        assert any("Nothing was saved" in error for error in errors(response)), (change, errors(response))
    assert revisions(statement) == before


def test_translator_edits_only_their_languages_in_inline_rows(client, sign_in, statement):
    attachment = StatementAttachment.objects.create(page=statement, document=DocumentFactory(), label_en="Report")
    statement.save_revision()
    sign_in(roles.TRANSLATORS, languages=["es", "pt"])
    url = edit_url(statement)
    row = {"attachments-0-id": str(attachment.pk), "attachments-0-document": str(attachment.document_id)}

    data = form_data(client, url, **{"attachments-0-label_fr": "Rapport"}, **body(en=ENGLISH_BODY))
    response = client.post(url, data)
    assert response.status_code == 200 and any("row 1" in e for e in errors(response)), errors(response)

    data = form_data(client, url, **body(en=ENGLISH_BODY))
    data.update(inline("attachments", [{**row, "label_en": "Report", "label_es": "Informe"}]))
    data["attachments-INITIAL_FORMS"] = "1"
    data["attachments-0-ORDER"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, errors(response)
    draft = latest(statement)
    assert [a.label_es for a in draft.attachments.all()] == ["Informe"]

    data = form_data(client, url, **{"attachments-0-DELETE": "1"}, **body(en=ENGLISH_BODY))
    response = client.post(url, data)
    assert response.status_code == 200 and any("removed" in e for e in errors(response)), errors(response)


def test_translator_without_languages_edits_every_language(client, sign_in, statement):
    sign_in(roles.TRANSLATORS)
    data = form_data(
        client,
        edit_url(statement),
        title_es="Declaración conjunta",
        title_fr="Déclaration commune révisée",
        **body(en=ENGLISH_BODY, pt="<p>Texto.</p>"),
    )
    response = client.post(edit_url(statement), data)
    assert response.status_code == 302, errors(response)
    draft = latest(statement)
    assert (draft.title_es, draft.title_fr) == ("Declaración conjunta", "Déclaration commune révisée")


def test_an_empty_profile_does_not_limit(client, sign_in, statement):
    sign_in(roles.TRANSLATORS, languages=[])
    data = form_data(client, edit_url(statement), title_fr="Déclaration commune révisée", **body(en=ENGLISH_BODY))
    assert client.post(edit_url(statement), data).status_code == 302


def test_limited_translator_sees_other_fields_read_only(client, sign_in, statement):
    sign_in(roles.TRANSLATORS, languages=["es"])
    page = soup(client.get(edit_url(statement)))
    assert page.select_one("input[name=title_es]") is not None
    for name in ("title_en", "title_fr", "slug", "date"):
        assert page.select_one(f"[name={name}]") is None, name
        assert page.select_one(f"#id_{name}[data-wimn-readonly]") is not None, name
    assert "Déclaration commune" in page.select_one("#id_title_fr").get_text()
    assert page.select_one("#id_title_fr")["lang"] == "fr"


def test_side_by_side_english_is_rendered_beside_each_translation(staff, statement):
    """For anyone editing (here a superuser): plain text, and a StreamField with its structure and rich text."""
    page = soup(staff.get(edit_url(statement)))
    for language in ("es", "pt", "fr"):
        title = page.select_one(f"input[name=title_{language}]")
        wrapper = title.find_parent(attrs={"data-wimn-side-by-side": True})
        source = wrapper.select_one("[data-wimn-source]")
        assert source["lang"] == "en" and source.get_text() == "Joint statement"
        assert wrapper.select_one("summary").get_text(strip=True) == "English source"
        assert source["data-wimn-source-for"] == "id_title_en"
        assert source["id"] in title["aria-describedby"]
    stream = page.select_one("#body_es").find_parent(attrs={"data-wimn-side-by-side": True})
    source = stream.select_one("[data-wimn-source]")
    assert source["lang"] == "en"
    assert source.select_one(".wimn-block__label").get_text() == "Paragraph"
    assert source.select_one(".wimn-rich-text b").get_text() == "States"
    summary = page.select_one("[name=summary_es]").find_parent(attrs={"data-wimn-side-by-side": True})
    assert summary.select_one("[data-wimn-source]").get_text() == "What the network asks."
    assert page.select_one("input[name=title_en]").find_parent(attrs={"data-wimn-side-by-side": True}) is None


def test_rich_text_fields_are_rendered_read_only():
    """A RichTextField's English (none of the site's models has one yet) is shown as HTML, not markup."""
    html = str(
        display_value(forms.CharField(), RichTextField(), '<p>Our <a href="https://example.org">network</a>.</p>')
    )
    link = BeautifulSoup(html, "html.parser").select_one(".wimn-rich-text a")
    assert link["href"] == "https://example.org" and link.get_text() == "network"


def test_editor_assets_are_loaded(staff, statement):
    html = staff.get(edit_url(statement)).content.decode()
    assert "wimn_site/admin/side_by_side.js" in html and "wimn_site/admin/side_by_side.css" in html


def test_untouched_stream_compares_equal_to_its_initial_value(statement):
    """What the editor sends back for an untouched StreamField (new keys, new ids) is no change."""
    block = StatementPage._meta.get_field("body_en").stream_block
    sent = block.to_python([{"type": "paragraph", "value": f'<p data-block-key="x1">{ENGLISH_BODY[3:]}', "id": "a"}])
    assert block_key(block, statement.body_en) == block_key(block, sent)


# Snippets ---------------------------------------------------------------------------------------------------


def test_translated_snippets_get_the_translators_form():
    for model in (Topic, Organization, AdvocacyDay):
        assert model.base_form_class is TranslatedModelForm, model


def test_spanish_translator_edits_a_topic_in_spanish_only(client, sign_in, statements):
    topic = Topic.objects.create(name_en="Labour", slug="labour")
    sign_in(roles.TRANSLATORS, languages=["es"])
    url = f"/admin/snippets/wimn_site/topic/edit/{topic.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert soup(page).select_one("[name=name_es]").find_parent(attrs={"data-wimn-side-by-side": True})
    data = form_data_for(client, url, name_es="Trabajo")
    assert client.post(url, data).status_code == 302
    topic.refresh_from_db()
    assert topic.name_es == "Trabajo"
    response = client.post(url, form_data_for(client, url, name_en="Work"))
    assert response.status_code == 200 and any("Nothing was saved" in e for e in errors(response)), errors(response)
    topic.refresh_from_db()
    assert topic.name_en == "Labour"


def form_data_for(client, url, **fields):
    """A snippet's admin form as a dict, updated with `fields`."""
    response = client.get(url)
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    data = data.copy()
    for key, value in fields.items():
        data[key] = value
    return data


# The Translators admin ----------------------------------------------------------------------------------------


def test_administrators_tie_a_translator_to_languages(client, sign_in, statements, django_user_model):
    translator = django_user_model.objects.create_user("tomas", "tomas@example.org", "a-long-password-1")
    sign_in(roles.ADMINISTRATORS)
    assert client.get("/admin/translators/").status_code == 200
    response = client.get("/admin/translators/new/")
    assert response.status_code == 200
    boxes = soup(response).select("input[name=languages]")
    assert [box["value"] for box in boxes] == ["es", "pt", "fr"]  # English never

    response = client.post("/admin/translators/new/", {"user": translator.pk, "languages": ["fr", "es"]})
    assert response.status_code == 302, errors(response)
    profile = TranslatorProfile.objects.get(user=translator)
    assert profile.languages == ["es", "fr"]  # in the site's order
    assert "Spanish, French" in soup(client.get("/admin/translators/")).select_one("table").get_text()

    other = django_user_model.objects.create_user("ana", "ana@example.org", "a-long-password-1")
    url = f"/admin/translators/edit/{profile.pk}/"
    assert client.post(url, {"user": other.pk, "languages": ["pt"]}).status_code == 302
    profile.refresh_from_db()
    assert (profile.user, profile.languages) == (translator, ["pt"])  # the person stays; languages change


@pytest.mark.parametrize("languages", [[], ["en"], ["de"]])
def test_translator_form_refuses_no_or_unknown_languages(client, sign_in, statements, django_user_model, languages):
    translator = django_user_model.objects.create_user("tomas", "tomas@example.org", "a-long-password-1")
    sign_in(roles.ADMINISTRATORS)
    response = client.post("/admin/translators/new/", {"user": translator.pk, "languages": languages})
    assert response.status_code == 200
    assert not TranslatorProfile.objects.exists()


def test_translators_cannot_reach_the_translators_admin(client, sign_in, statements):
    sign_in(roles.TRANSLATORS, languages=["es"])
    for url in ("/admin/translators/", "/admin/translators/new/"):
        assert client.get(url).status_code in (302, 403), url
    profile = TranslatorProfile.objects.get()
    assert client.post(f"/admin/translators/edit/{profile.pk}/", {"languages": ["es", "pt", "fr"]}).status_code in (
        302,
        403,
    )
    assert TranslatorProfile.objects.get().languages == ["es"]
    for role in (roles.EDITORS, roles.MODERATORS, roles.PRESS_OFFICERS):
        sign_in(role)
        assert client.get("/admin/translators/").status_code in (302, 403), role


def test_limited_translator_cannot_revert_to_an_earlier_revision(client, sign_in, statement):
    """Reverting would bring back every language of the old revision at once."""
    first = statement.get_latest_revision()
    page = StatementPage.objects.get(pk=statement.pk)
    page.title_en = "Joint statement, revised"
    page.save_revision().publish()
    sign_in(roles.TRANSLATORS, languages=["es"])
    count = revisions(statement)
    url = f"/admin/pages/{statement.pk}/revisions/{first.pk}/revert/"
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"title_en": "Joint statement"})
    assert revisions(statement) == count
    assert latest(statement).title_en == "Joint statement, revised"


def test_a_limited_translator_cannot_reorder_swap_or_reach_other_pages_rows(client, sign_in, statement, statements):
    """Inline rows are posted with their ids and order: a translator tied to Spanish who swaps ids, reorders
    rows or names a row of another page changes nothing but Spanish text, or is refused."""
    report = StatementAttachment.objects.create(
        page=statement, document=DocumentFactory(), label_en="Report", sort_order=0
    )
    annex = StatementAttachment.objects.create(
        page=statement, document=DocumentFactory(), label_en="Annex", sort_order=1
    )
    other = StatementPageFactory(parent=statements, slug="other")
    theirs = StatementAttachment.objects.create(page=other, document=DocumentFactory(), label_en="Theirs")
    statement.save_revision()
    sign_in(roles.TRANSLATORS, languages=["es"])
    url = edit_url(statement)

    def row(attachment, **values):
        return {
            "id": str(attachment.pk),
            "document": str(attachment.document_id),
            "label_en": attachment.label_en,
            **values,
        }

    attempts = {
        "swapped order": [row(annex, ORDER="1"), row(report, ORDER="2")],
        "swapped ids": [
            {**row(report), "id": str(annex.pk), "ORDER": "1"},
            {**row(annex), "id": str(report.pk), "ORDER": "2"},
        ],
        "another page's row": [row(report, ORDER="1"), {**row(theirs, label_es="Suyo"), "ORDER": "2"}],
    }
    for attempt, rows in attempts.items():
        data = form_data(client, url, **body(en=ENGLISH_BODY))
        data.update(inline("attachments", rows))
        data["attachments-INITIAL_FORMS"] = "2"
        response = client.post(url, data)
        assert response.status_code in (200, 302), attempt  # refused with the form's errors, never a 500
        draft = latest(statement)
        kept = [(a.label_en, a.document_id) for a in draft.attachments.all()]
        assert kept == [("Report", report.document_id), ("Annex", annex.document_id)], (
            attempt,
            response.status_code,
            errors(response),
        )
        theirs.refresh_from_db()
        assert (theirs.page_id, theirs.label_en, theirs.label_es or "") == (other.pk, "Theirs", ""), attempt
