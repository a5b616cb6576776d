"""Footnotes in statements' rich text (wagtail-footnotes): numbered per page, translated, at the end and in print."""

import uuid
from pathlib import Path

import pytest
from wagtail_footnotes.models import Footnote

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from statements.factories import PledgePageFactory, StatementPageFactory
from statements.models import PledgePage, StatementPage
from tests.helpers import count_queries, soup
from tests.statements.admin_helpers import add_url, form_data, inline
from wimn_site.factories import rich

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def ref(key):
    return f'<footnote id="{key}">[{str(key)[:6]}]</footnote>'


def _statement(index, slug="s", notes=2):
    """A statement whose second note is referenced first, the first twice, and a third note never referenced."""
    keys = [uuid.uuid4() for _ in range(3)]
    page = StatementPageFactory(
        parent=index,
        slug=slug,
        title_es="Declaración",
        summary_es="Resumen.",
        title_pt="Declaração",
        summary_pt="Resumo.",
        body_en=rich(
            f"Climate change.{ref(keys[1])}", f"All migrants have all human rights.{ref(keys[0])}{ref(keys[0])}"
        ),
        body_es=rich(f"Cambio climático.{ref(keys[1])}", f"Todos los derechos humanos.{ref(keys[0])}"),
        footnotes=[
            Footnote(uuid=keys[0], text="<p>First note.</p>", text_en="<p>First note.</p>", text_es="<p>Nota uno.</p>"),
            Footnote(
                uuid=keys[1], text="<p>Second note.</p>", text_en="<p>Second note.</p>", text_es="<p>Nota dos.</p>"
            ),
            Footnote(uuid=keys[2], text="<p>Unused.</p>", text_en="<p>Unused.</p>"),
        ],
    )
    return page, keys


def test_footnotes_are_numbered_in_the_order_they_appear_and_listed_at_the_end(client, index):
    _statement(index)
    html = soup(client.get("/en/statements/s/"))
    refs = html.select(".statement__body a.footnote-ref")
    assert [a.sup.get_text() for a in refs] == ["[1]", "[2]", "[2]"]
    assert [a["href"] for a in refs] == ["#footnote-1", "#footnote-2", "#footnote-2"]
    notes = html.select(".footnotes .footnote")
    assert [n.p.get_text() for n in notes] == ["Second note.", "First note."]
    assert "Unused." not in html.get_text()
    # Each reference has its own target, and each note links back to every place it is referenced.
    assert [a["href"] for a in notes[1].select(".footnote-backref")] == ["#footnote-source-2-1", "#footnote-source-2-2"]
    assert {a["id"] for a in refs} == {"footnote-source-1-1", "footnote-source-2-1", "footnote-source-2-2"}
    # The notes come after the body, at the end of the text.
    article = str(html.select_one("article"))
    assert article.index("statement__body") < article.index('class="footnotes"')
    assert "<footnote" not in article


@pytest.mark.parametrize(
    ("language", "heading", "texts", "lang"),
    [
        ("es", "Notas", ["Nota dos.", "Nota uno."], None),
        ("pt", "Notas", ["Second note.", "First note."], "en"),
        ("fr", "Notes", ["Second note.", "First note."], "en"),
    ],
)
def test_footnotes_in_each_language_fall_back_to_english_marked(client, index, language, heading, texts, lang):
    _statement(index)
    html = soup(client.get(f"/{language}/statements/s/"))
    section = html.select_one(".footnotes")
    assert section.h2.get_text(strip=True) == heading
    notes = section.select(".footnote")
    assert [n.p.get_text() for n in notes] == texts
    assert all(n.get("lang") == lang for n in notes)


def test_footnote_queries_do_not_grow_with_paragraphs_and_notes(client, index):
    page, keys = _statement(index)
    client.get("/es/statements/s/")
    few = count_queries(client, "/es/statements/s/")[1]
    more = [uuid.uuid4() for _ in range(10)]
    page.body_es = rich(*[f"Párrafo {i}.{ref(key)}" for i, key in enumerate(more)])
    page.body_en = rich(*[f"Paragraph {i}.{ref(key)}" for i, key in enumerate(more)])
    page.footnotes = [Footnote(uuid=key, text=f"<p>N{i}</p>", text_en=f"<p>N{i}</p>") for i, key in enumerate(more)]
    page.save()
    response, many = count_queries(client, "/es/statements/s/")
    assert len(soup(response).select(".footnotes .footnote")) == 10
    assert many == few, (few, many)


def test_footnotes_are_read_only_when_the_text_places_one(client, index):
    """A body that places no footnote in any language shows none: the page does not read them. Placed in one
    language only (here Portuguese), they are read, and shown in that language."""
    key = uuid.uuid4()
    page = StatementPageFactory(
        parent=index,
        slug="plain",
        body_en=rich("No notes here."),
        footnotes=[Footnote(uuid=key, text="<p>Nota.</p>", text_en="<p>Note.</p>", text_pt="<p>Nota.</p>")],
    )
    client.get("/en/statements/plain/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/statements/plain/")
    assert response.status_code == 200
    assert not soup(response).select(".footnotes")
    assert not any("wagtail_footnotes_footnote" in query["sql"] for query in queries.captured_queries)

    page.body_pt = rich(f"Texto.{ref(key)}")
    page.save()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/pt/statements/plain/")
    assert [n.get_text(strip=True) for n in soup(response).select(".footnotes .footnote p")] == ["Nota."]
    assert any("wagtail_footnotes_footnote" in query["sql"] for query in queries.captured_queries)


def test_print_stylesheet_keeps_the_notes_and_drops_the_links_back():
    """The statements' print rules show the notes (numbered like the screen) and hide the links back to the text."""
    css = (ROOT / "static/css/statements.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".footnotes { display: block !important;" in print_rules
    assert ".footnote-backref { display: none; }" in print_rules
    assert ".footnotes" not in (ROOT / "static/css/print.css").read_text()  # not hidden site-wide either


def test_earlier_pledge_version_shows_its_own_footnotes(client, index):
    key = uuid.uuid4()
    page = PledgePageFactory(
        parent=index,
        slug="pledge",
        body_en=rich(f"As follow up.{ref(key)}"),
        footnotes=[Footnote(uuid=key, text="<p>Old note.</p>", text_en="<p>Old note.</p>")],
    )
    first = page.save_revision()
    first.publish()
    page = PledgePage.objects.get(pk=page.pk)
    page.body_en = rich("As follow up, without a note.")
    page.footnotes = []
    page.save_revision().publish()
    assert not soup(client.get("/en/statements/pledge/")).select(".footnotes")
    old = soup(client.get(f"/en/statements/pledge/versions/{first.pk}/"))
    assert [n.p.get_text() for n in old.select(".footnotes .footnote")] == ["Old note."]
    assert old.select_one(".statement__body a.footnote-ref")["href"] == "#footnote-1"


def test_footnote_chooser_is_for_staff_only(client, staff):
    """The editor's footnote chooser (at the address wagtail-footnotes' script asks for) needs admin access."""
    assert staff.get("/footnotes/footnotes_modal/").status_code == 200
    staff.logout()
    assert client.get("/footnotes/footnotes_modal/").status_code == 302


def test_demo_2016_statement_keeps_its_three_notes_where_the_seed_has_them(client, demo):
    html = soup(client.get("/en/statements/initial-elements-unga-summit-2016/"))
    body = html.select_one(".statement__body")
    refs = body.select("a.footnote-ref")
    assert [a.sup.get_text() for a in refs] == ["[1]", "[2]", "[3]"]
    assert refs[0].find_previous(string=True).endswith("climate change.")
    assert refs[1].find_parent("h2").get_text().startswith("All migrants have all human rights")
    assert refs[2].find_previous(string=True).endswith("standards.")
    notes = html.select(".footnotes .footnote")
    assert len(notes) == 3
    link = "http://womeninmigration.org/wp-content/uploads/2016/07/WIMNKeyPriorities-July-7-15-16.pdf"
    assert all(n.a["href"] == link for n in notes)
    french = soup(client.get("/fr/statements/initial-elements-unga-summit-2016/"))
    assert french.select_one(".footnotes .footnote").get_text().strip().startswith("Le texte de cette note (la note 1")
    spanish = soup(client.get("/es/statements/initial-elements-unga-summit-2016/"))
    assert [a.sup.get_text() for a in spanish.select(".statement__body a.footnote-ref")] == ["[1]", "[2]", "[3]"]
    assert "(la nota 1 del original)" in spanish.select_one(".footnotes .footnote").get_text()


def test_staff_add_a_translated_footnote_through_the_admin(client, staff, index):
    """The editor's body offers footnotes; a footnote's text is entered per language and shows in each."""
    features = ["bold", "italic", "link", "footnotes"]
    key = str(uuid.uuid4())
    url = add_url("statementpage", index)
    assert "footnotes/js/footnotes.js" in client.get(url).content.decode()
    paragraph = f'<p>Climate change.<footnote id="{key}">[{key[:6]}]</footnote></p>'
    bodies = {
        f"body_{code}": streamfield([("paragraph", rich_text(paragraph, features=features))] if code in "en es" else [])
        for code in ("en", "es", "pt", "fr")
    }
    data = form_data(
        client,
        url,
        title_en="With a note",
        title_es="Con una nota",
        slug="with-a-note",
        kind="statement",
        date="2016-07-15",
        summary_en="Summary.",
        summary_es="Resumen.",
        **nested_form_data(bodies),
        **inline(
            "footnotes",
            [
                {
                    "uuid": key,
                    "text_en": rich_text("<p>The note.</p>", features=features),
                    "text_es": rich_text("<p>La nota.</p>", features=features),
                }
            ],
        ),
    )
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StatementPage.objects.get(slug="with-a-note")
    assert [(str(f.uuid), "La nota." in f.text_es) for f in page.footnotes.all()] == [(key, True)]
    html = soup(client.get("/es/statements/with-a-note/"))
    assert html.select_one(".statement__body a.footnote-ref sup").get_text() == "[1]"
    assert html.select_one(".footnotes .footnote p").get_text() == "La nota."


def test_search_indexes_the_words_not_the_reference_placeholders(index):
    """The paragraph's words are indexed; a reference's placeholder ([abc123]) is not."""
    page, keys = _statement(index)
    words = " ".join(page.body.stream_block.get_searchable_content(page.body_en))
    assert "Climate change." in words and "All migrants have all human rights." in words
    assert str(keys[0])[:6] not in words and "[" not in words
