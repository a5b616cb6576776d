"""XLIFF exchange (wimn_site.xliff, wimn_site.xliff_admin): a page's English out as XLIFF 1.2, the translated file
back as a draft revision, through the real admin URLs; and every file that must be refused, refused unchanged."""

import copy
import xml.etree.ElementTree as ET

import pytest
from lxml import etree

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.models import Revision

from statements.factories import (
    PledgeCommitmentFactory,
    PledgePageFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
)
from statements.models import PledgePage, StatementIndexPage, StatementPage
from tests import snapshots
from tests.helpers import soup, translated_home
from wimn_site import roles
from wimn_site import translation_status as desk
from wimn_site.factories import DocumentFactory
from wimn_site.models.translations import TranslatorProfile

pytestmark = pytest.mark.django_db

NS = "urn:oasis:names:tc:xliff:document:1.2"
Q = f"{{{NS}}}"
RICH = (
    '<p data-block-key="a1">The network <b>calls</b> on <a href="https://www.un.org/en/">States</a> '
    "to act, <i>now</i>.</p>"
)


def page_url(page):
    return f"/admin/xliff/pages/{page.pk}/"


def download_url(page, language):
    return f"/admin/xliff/pages/{page.pk}/download/{language}/"


def upload(client, page, language, data, name="page.xlf"):
    file = SimpleUploadedFile(name, data, content_type="application/x-xliff+xml")
    return client.post(page_url(page), {"language": language, "file": file})


def translate(data, language, text=None):
    """What a translator's tool sends back: each target a copy of its source, codes kept, texts translated."""
    text = text or (lambda s: f"[{language}]{s}")
    root = etree.fromstring(data)
    for unit in root.iter(f"{Q}trans-unit"):
        source, old = unit.find(f"{Q}source"), unit.find(f"{Q}target")
        target = copy.deepcopy(source)
        target.tag, target.tail = f"{Q}target", old.tail
        target.set("state", "translated")
        for element in target.iter():
            if element.text and element.text.strip():
                element.text = text(element.text)
            if element is not target and element.tail and element.tail.strip():
                element.tail = text(element.tail)
        unit.replace(old, target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def set_target(data, unit_id, inner_xml):
    """The file with one unit's target replaced by `inner_xml` (XLIFF inline markup)."""
    root = etree.fromstring(data)
    unit = next(u for u in root.iter(f"{Q}trans-unit") if u.get("id") == unit_id)
    old = unit.find(f"{Q}target")
    new = etree.fromstring(f'<target xmlns="{NS}" state="translated">{inner_xml}</target>')
    new.tail = old.tail
    unit.replace(old, new)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def draft(page):
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


def errors(response):
    assert response.status_code == 200
    return response.context["form"].errors.as_text()


def build_pages():
    """The home page (as tests/conftest.py's `home`), its statements section, a document, and the published
    pledge and statement below, built once for the module; plain ids."""
    statements = StatementIndexPageFactory(parent=translated_home())
    document = DocumentFactory(title="Full pledge")
    # A published pledge: a StreamField of five block types, rich text with a link and bold, two commitments.
    pledge = PledgePageFactory(
        parent=statements,
        title="Our pledge",
        slug="our-pledge",
        summary="What we pledge.",
        title_es="Nuestro compromiso",
        body_en=[
            {"type": "heading", "value": {"text": "Our demands", "level": "h2"}},
            {"type": "paragraph", "value": RICH},
            {"type": "quote", "value": {"text": "No one left behind.", "attribution": ""}},
            {
                "type": "call_to_action",
                "value": {"text": "Read the report", "page": None, "url": "https://x.org/r"},
            },
            {"type": "document", "value": {"document": document.pk, "label": "The pledge in full"}},
        ],
    )
    PledgeCommitmentFactory(page=pledge, text="Hold a yearly review.", sort_order=0)
    PledgeCommitmentFactory(page=pledge, text="Publish the data.", note_en="Since 2023.", sort_order=1)
    pledge.save_revision().publish()
    statement = StatementPageFactory(parent=statements, title="On the compact", slug="on-the-compact")
    statement.body_en = [{"type": "paragraph", "value": RICH}]
    statement.save_revision().publish()
    return {"statements": statements.pk, "document": document.pk, "pledge": pledge.pk, "statement": statement.pk}


@pytest.fixture(scope="module")
def built_pages(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_pages)


@pytest.fixture
def pages(db, built_pages):
    """`build_pages`'s content, put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_pages
    snapshots.restore(snapshot)
    return ids


@pytest.fixture
def statements(pages):
    return StatementIndexPage.objects.get(pk=pages["statements"])


@pytest.fixture
def document(pages):
    return get_document_model().objects.get(pk=pages["document"])


@pytest.fixture
def pledge(pages):
    """A published pledge: a StreamField of five block types, rich text with a link and bold, two commitments."""
    return PledgePage.objects.get(pk=pages["pledge"])


@pytest.fixture
def statement(pages):
    """A published statement whose body is one paragraph of rich text with a link."""
    return StatementPage.objects.get(pk=pages["statement"])


@pytest.fixture
def staff(pages, staff):
    """tests/conftest.py's `staff`, signed in after the pages are put back: a restore empties every table."""
    return staff


def test_the_download_is_an_xliff_12_file_of_the_pages_english(staff, pledge):
    """Python's own parser reads it: xliff/file/header/body/trans-unit/source/target, the page's metadata."""
    response = staff.get(download_url(pledge, "pt"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-xliff+xml")
    assert "attachment" in response["Content-Disposition"] and response["Content-Disposition"].endswith('-pt.xlf"')
    root = ET.fromstring(response.content)  # noqa: S314 - our own download, read as any tool would
    assert root.tag == f"{Q}xliff" and root.get("version") == "1.2"
    (file,) = root.findall(f"{Q}file")
    assert (file.get("source-language"), file.get("target-language")) == ("en", "pt")
    assert file.get("original") and file.get("datatype")
    assert file.get("{urn:wimn:xliff}page-id") == str(pledge.pk)
    assert file.get("{urn:wimn:xliff}content-type") == "statements.pledgepage"
    assert file.get("{urn:wimn:xliff}source-fingerprint") == desk.fingerprint(pledge.get_latest_revision_as_object())
    assert [child.tag for child in file] == [f"{Q}header", f"{Q}body"]
    units = {u.get("id"): u for u in file.find(f"{Q}body").findall(f"{Q}trans-unit")}
    assert set(units) == {
        "title",
        "summary",
        "body.0.value.text",
        "body.1.value",
        "body.2.value.text",
        "body.3.value.text",
        "body.4.value.label",
        "commitments.0.text",
        "commitments.1.text",
        "commitments.1.note",
    }  # no empty English (the quote's attribution), no address, no choice
    for unit in units.values():
        assert [child.tag for child in unit][:2] == [f"{Q}source", f"{Q}target"]
        assert unit.find(f"{Q}target").get("state") == "needs-translation"
    assert units["title"].find(f"{Q}source").text == "Our pledge"
    paragraph = units["body.1.value"].find(f"{Q}source")
    assert [(g.tag, g.get("ctype")) for g in paragraph.iter() if g is not paragraph] == [
        (f"{Q}g", "x-html-p"),
        (f"{Q}g", "bold"),
        (f"{Q}g", "link"),
        (f"{Q}g", "italic"),
    ]
    assert "".join(paragraph.itertext()) == "The network calls on States to act, now."
    assert "https://www.un.org" not in ET.tostring(paragraph, encoding="unicode")  # addresses stay home


def test_existing_translations_are_the_targets(staff, pledge):
    """A language's current text is each unit's target, rich text with the English codes."""
    pledge.summary_es = "Lo que nos comprometemos a hacer."
    pledge.body_es = [
        {"type": "heading", "value": {"text": "Nuestras demandas", "level": "h2"}},
        {"type": "paragraph", "value": '<p data-block-key="zz9">La red <b>llama</b> a actuar.</p>'},
    ]
    pledge.save_revision()
    root = ET.fromstring(staff.get(download_url(pledge, "es")).content)  # noqa: S314 - our own download
    targets = {u.get("id"): u.find(f"{Q}target") for u in root.iter(f"{Q}trans-unit")}
    assert (targets["title"].text, targets["title"].get("state")) == ("Nuestro compromiso", "translated")
    assert targets["summary"].text == "Lo que nos comprometemos a hacer."
    assert targets["body.0.value.text"].text == "Nuestras demandas"
    paragraph = targets["body.1.value"]
    assert paragraph.get("state") == "translated"
    assert [(g.get("id"), "".join(g.itertext())) for g in paragraph.iter(f"{Q}g")] == [
        ("1", "La red llama a actuar."),
        ("2", "llama"),
    ]
    assert targets["body.2.value.text"].get("state") == "needs-translation"


def test_a_translation_whose_markup_differs_from_the_english_is_offered_as_a_suggestion(staff, statement):
    """Its links cannot be written as the English codes: the target is empty, its text an <alt-trans>."""
    statement.body_es = [{"type": "paragraph", "value": '<p>Ver <a href="https://www.un.org/es/">la ONU</a>.</p>'}]
    statement.save_revision()
    root = ET.fromstring(staff.get(download_url(statement, "es")).content)  # noqa: S314 - our own download
    unit = next(u for u in root.iter(f"{Q}trans-unit") if u.get("id") == "body.0.value")
    assert unit.find(f"{Q}target").get("state") == "needs-translation" and not list(unit.find(f"{Q}target"))
    assert unit.find(f"{Q}alt-trans/{Q}target").text == "Ver la ONU."
    notes = [note.text for note in unit.findall(f"{Q}note")]
    assert "Links (code = where it leads): 3 = https://www.un.org/en/" in notes


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
def test_round_trip_fills_the_language_as_a_draft(staff, pledge, document, language):
    """Download, translate, upload: the language's fields in a new draft; live page and English unchanged."""
    before = {name: getattr(pledge, name) for name in ("title_en", "summary_en", "title_es", "summary_pt")}
    english_body = list(pledge.body_en.raw_data)
    data = translate(staff.get(download_url(pledge, language)).content, language)
    response = upload(staff, pledge, language, data)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{pledge.pk}/edit/"

    pledge.refresh_from_db()
    assert pledge.has_unpublished_changes and pledge.live
    live = PledgePage.objects.get(pk=pledge.pk)
    assert {name: getattr(live, name) for name in before} == before  # published content untouched
    assert [getattr(c, f"text_{language}") or "" for c in live.commitments.all()] == ["", ""]

    page = draft(pledge)
    t = f"[{language}]"
    assert getattr(page, f"title_{language}") == f"{t}Our pledge"
    assert getattr(page, f"summary_{language}") == f"{t}What we pledge."
    assert (page.title_en, page.summary_en) == ("Our pledge", "What we pledge.")
    assert list(page.body_en.raw_data) == english_body
    body = [(block["type"], block["value"]) for block in getattr(page, f"body_{language}").raw_data]
    assert body == [
        ("heading", {"text": f"{t}Our demands", "level": "h2"}),
        (
            "paragraph",
            f'<p data-block-key="a1">{t}The network <b>{t}calls</b>{t} on <a href="https://www.un.org/en/">{t}States</a>'
            f"{t} to act, <i>{t}now</i>{t}.</p>",
        ),
        ("quote", {"text": f"{t}No one left behind.", "attribution": ""}),
        ("call_to_action", {"text": f"{t}Read the report", "page": None, "url": "https://x.org/r"}),
        ("document", {"document": document.pk, "label": f"{t}The pledge in full"}),
    ]
    commitments = list(page.commitments.all())
    assert [getattr(c, f"text_{language}") for c in commitments] == [
        f"{t}Hold a yearly review.",
        f"{t}Publish the data.",
    ]
    assert [getattr(c, f"note_{language}") or "" for c in commitments] == ["", f"{t}Since 2023."]
    assert [c.text_en for c in commitments] == ["Hold a yearly review.", "Publish the data."]
    for other in {"es", "pt", "fr"} - {language}:
        assert not getattr(page, f"summary_{other}")
    revision = page.latest_revision
    assert revision.user.username == "staff"
    assert desk.changed_languages(pledge) == [language]


def test_a_translator_may_move_and_drop_codes_but_links_and_formatting_come_from_the_english(staff, statement):
    """Rich text: codes in another order, text escaped; the English tags and addresses come back exactly."""
    data = staff.get(download_url(statement, "es")).content
    data = set_target(
        data,
        "body.0.value",
        '<g id="1">Los <g id="3">Estados</g>: la red <g id="2">hace un llamamiento</g> a actuar '
        '<mrk mtype="seg">ya</mrk> &lt;script&gt;.</g>',
    )
    data = set_target(data, "title", "Sobre el pacto")
    data = set_target(data, "summary", "Resumen &amp; más.")
    assert upload(staff, statement, "es", data).status_code == 302
    page = draft(statement)
    assert page.body_es.raw_data[0]["value"] == (
        '<p data-block-key="a1">Los <a href="https://www.un.org/en/">Estados</a>: la red <b>hace un llamamiento</b> '
        "a actuar ya &lt;script&gt;.</p>"
    )
    assert (page.title_es, page.summary_es) == ("Sobre el pacto", "Resumen & más.")
    assert not StatementPage.objects.get(pk=statement.pk).title_es


def test_fields_not_translated_in_full_stay_as_they_were(staff, pledge):
    """A StreamField with one untranslated unit is left alone (and named); the rest is saved."""
    data = translate(staff.get(download_url(pledge, "fr")).content, "fr")
    data = set_target(data, "body.2.value.text", "")
    response = upload(staff, pledge, "fr", data)
    assert response.status_code == 302
    page = draft(pledge)
    assert page.title_fr == "[fr]Our pledge" and list(page.body_fr) == []
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Introduction" in m and "not translated in full" in m for m in messages)


def refused(client, page, language, data):
    revisions = Revision.objects.count()
    response = upload(client, page, language, data)
    assert Revision.objects.count() == revisions, "a refused file changed nothing"
    page.refresh_from_db()
    assert not page.has_unpublished_changes
    return errors(response)


def test_a_file_for_another_page_is_refused(staff, pledge, statements):
    other = PledgePageFactory(parent=statements, title="Another pledge", slug="another")
    other.save_revision().publish()
    data = translate(staff.get(download_url(pledge, "es")).content, "es")
    assert "for another page" in refused(staff, other, "es", data)


def test_a_file_for_another_language_is_refused(staff, pledge):
    data = translate(staff.get(download_url(pledge, "fr")).content, "fr")
    assert "a translation into French, not Spanish" in refused(staff, pledge, "es", data)


def test_a_file_whose_english_changed_since_the_export_is_refused(staff, pledge):
    data = translate(staff.get(download_url(pledge, "es")).content, "es")
    pledge.summary_en = "What we pledge, and why."
    pledge.save_revision().publish()
    pledge.refresh_from_db()
    assert "English of this page changed" in refused(staff, pledge, "es", data)


def test_a_file_with_units_that_are_not_the_pages_is_refused(staff, pledge):
    data = translate(staff.get(download_url(pledge, "es")).content, "es")
    data = data.replace(b'id="commitments.1.note"', b'id="commitments.7.note"')
    assert "do not belong to this page" in refused(staff, pledge, "es", data)


def test_markup_that_is_not_in_the_english_is_refused(staff, statement):
    data = staff.get(download_url(statement, "es")).content
    assert "not in the English" in refused(
        staff, statement, "es", set_target(data, "body.0.value", '<g id="9">Hola</g>')
    )
    script = set_target(data, "body.0.value", '<g id="1">Hola <script xmlns="http://www.w3.org/1999/xhtml"/></g>')
    assert "not allowed" in refused(staff, statement, "es", script)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<xliff><file><body><trans-unit", "not well-formed XML"),
        (b"", "empty"),
        (b"Hello", "not well-formed XML"),
        (b"<html><body>Hello</body></html>", "not an XLIFF 1.2 file"),
    ],
)
def test_malformed_files_are_refused(staff, pledge, data, message):
    assert message in refused(staff, pledge, "es", data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en"
 target-language="es" datatype="plaintext"><body><trans-unit id="title"><source>&lol9;</source>
<target>&lol9;</target></trans-unit></body></file></xliff>"""


def test_entity_bombs_and_external_entities_are_refused_unexpanded(staff, pledge):
    """Billion laughs and XXE: the DTD is refused before any parser could expand an entity."""
    assert "DTD" in refused(staff, pledge, "es", BILLION_LAUGHS)
    data = translate(staff.get(download_url(pledge, "es")).content, "es")
    xxe = data.replace(b"?>\n", b'?>\n<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n', 1).replace(
        b"[es]Our pledge", b"&secret;"
    )
    assert b"<!DOCTYPE" in xxe
    assert "DTD" in refused(staff, pledge, "es", xxe)


def test_an_oversized_file_is_refused(staff, pledge, settings):
    data = translate(staff.get(download_url(pledge, "es")).content, "es")
    settings.WIMN_XLIFF_MAX_BYTES = len(data) - 1
    assert "larger than" in refused(staff, pledge, "es", data)


def test_a_file_with_nothing_translated_is_refused(staff, pledge):
    data = staff.get(download_url(pledge, "pt")).content
    assert "no translated units" in refused(staff, pledge, "pt", data)


@pytest.fixture
def sign_in(client, django_user_model, statements):
    roles.ensure_roles()

    def sign_in_as(name, group=None):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "a-long-password-1")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        if group:
            user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return user

    return sign_in_as


def test_without_edit_permission_neither_download_nor_upload(client, sign_in, pledge):
    sign_in("visitor-in-admin")
    assert client.get(download_url(pledge, "es")).status_code in (302, 403)
    assert client.get(page_url(pledge)).status_code in (302, 403)
    revisions = Revision.objects.count()
    response = upload(client, pledge, "es", b"<xliff/>")
    assert response.status_code in (302, 403) and Revision.objects.count() == revisions


def test_a_translator_downloads_and_uploads_a_draft_but_does_not_publish(client, sign_in, pledge):
    sign_in("tomasa", roles.TRANSLATORS)
    data = translate(client.get(download_url(pledge, "es")).content, "es")
    assert upload(client, pledge, "es", data).status_code == 302
    pledge.refresh_from_db()
    assert pledge.has_unpublished_changes and pledge.title_es == "Nuestro compromiso"
    assert draft(pledge).title_es == "[es]Our pledge"


def test_a_translator_tied_to_languages_exchanges_files_in_those_only(client, sign_in, pledge):
    """As in the editor: a translator whose profile names Spanish brings no French file."""
    user = sign_in("tomasa", roles.TRANSLATORS)
    TranslatorProfile.objects.create(user=user, languages=["es"])
    assert client.get(download_url(pledge, "fr")).status_code in (302, 403)  # Wagtail redirects to the dashboard
    screen = client.get(page_url(pledge)).content.decode()
    assert download_url(pledge, "es") in screen and download_url(pledge, "fr") not in screen
    data = translate(client.get(download_url(pledge, "es")).content, "fr")
    response = upload(client, pledge, "fr", data.replace(b'target-language="es"', b'target-language="fr"'))
    assert "language" in response.context["form"].errors and not draft(pledge).title_fr


def test_the_upload_needs_the_csrf_token(django_user_model, pledge):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-password-1"))
    data = translate(client.get(download_url(pledge, "es")).content, "es")
    assert upload(client, pledge, "es", data).status_code == 403


def test_the_page_editor_and_listing_lead_to_the_translation_file(staff, pledge, statements):
    """A header button on the page's editor and an entry in its listing's "more" menu."""
    assert page_url(pledge) in staff.get(f"/admin/pages/{pledge.pk}/edit/").content.decode()
    assert page_url(pledge) in staff.get(f"/admin/pages/{statements.pk}/").content.decode()
    screen = staff.get(page_url(pledge))
    assert screen.status_code == 200
    assert soup(screen).select_one("h1").get_text(" ", strip=True) == "Translation file (XLIFF) Our pledge"
    for language in ("es", "pt", "fr"):
        assert download_url(pledge, language) in screen.content.decode()
    assert staff.get(download_url(pledge, "en")).status_code == 404


def test_a_page_locked_by_someone_else_takes_no_upload(staff, pledge, django_user_model):
    pledge.locked, pledge.locked_by = True, django_user_model.objects.create_user("other-editor")
    pledge.save()
    data = translate(staff.get(download_url(pledge, "es")).content, "es")
    assert "locked" in refused(staff, pledge, "es", data)
