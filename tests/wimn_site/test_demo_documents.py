"""The demo's real PDF files (wimn_site.demo_documents): a few pages in the document's language, with its own
title in the file and its metadata, accents, curly quotes and dashes intact."""

import datetime
import io

import pytest
from pypdf import PdfReader

from wagtail.rich_text import RichText

from wimn_site import demo, demo_data, demo_documents
from wimn_site.demo_documents import (
    FONT_DIRECTORY,
    blocks_of,
    font_available,
    latin_fonts,
    plain_latin,
    render_statement_pdf,
    statement_pdf,
)
from wimn_site.factories import ContentPageFactory, DocumentFactory, rich
from wimn_site.models import WimnDocument

SPANISH = [
    "<h2>Las cuatro preocupaciones prioritarias</h2>",
    "<p>Pedimos que se mencione a las mujeres y a los niños por separado — no juntos — y que el texto diga "
    "“derechos de las mujeres migrantes”, con acción y protección.</p>",
]
PARAGRAPH = (
    "La Red de Mujeres en la Migración saluda el poder, la creatividad y la capacidad de organización de las "
    "mujeres de todo el mundo, y pide derechos plenos e iguales para las mujeres en toda su diversidad. "
)


def read(data):
    """The PDF's reader and its text, runs of spaces and line breaks (of justified lines) made one space."""
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).replace("\u202f", " ").split())


def test_the_file_is_a_valid_pdf_with_its_title_language_and_date():
    data = statement_pdf("Declaración “final” — 2023", "es", datetime.date(2023, 7, 4), SPANISH)
    assert data.startswith(b"%PDF-")
    reader, text = read(data)
    assert reader.metadata.title == "Declaración “final” — 2023"
    assert reader.metadata.author == "Women in Migration Network (WIMN)"
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert "Declaración “final” — 2023" in text
    assert "4 de julio de 2023" in text  # the date as Spanish writes it
    assert "Las cuatro preocupaciones prioritarias" in text
    assert "— no juntos — y que el texto diga “derechos de las mujeres migrantes”, con acción" in text


def test_each_language_comes_out_as_written():
    samples = {
        "pt": ("Declaração da Rede sobre o FRMI", "Coração, ações, informação — “direitos” já!"),
        "fr": ("Déclaration du réseau", "L’œuvre des femmes : « droits » à l’écoute — élan, garçon, où."),
    }
    assert font_available()
    for language, (title, sentence) in samples.items():
        reader, text = read(statement_pdf(title, language, datetime.date(2022, 3, 8), [sentence]))
        assert reader.metadata.title == title
        assert reader.trailer["/Root"]["/Lang"] == language
        assert sentence in text
    assert "8 mars 2022" in read(statement_pdf("Titre", "fr", datetime.date(2022, 3, 8), ["Texte."]))[1]


def test_a_long_text_runs_over_several_pages_numbered_in_its_language():
    reader, text = read(statement_pdf("Declaración larga", "es", "Ginebra, 2021", [PARAGRAPH * 8] * 10))
    assert len(reader.pages) >= 3
    assert f"Página 1/{len(reader.pages)}" in text
    assert "Ginebra, 2021" in text


def test_the_same_input_gives_the_same_bytes():
    first = render_statement_pdf("Title", "en", datetime.date(2021, 5, 1), ["Text."])
    assert first == render_statement_pdf("Title", "en", datetime.date(2021, 5, 1), ["Text."])
    assert statement_pdf("Title", "en", datetime.date(2021, 5, 1), ["Text."]) == first  # kept per process
    assert read(first)[0].metadata.creation_date.date() == datetime.date(2021, 5, 1)


def test_without_the_font_the_file_is_still_written_in_plain_latin(tmp_path):
    reader, text = read(
        statement_pdf("Déclaration “finale”", "fr", None, ["L’œuvre — coração, acción"], font_directory=tmp_path)
    )
    assert reader.metadata.title == 'Déclaration "finale"'
    assert "L'oeuvre - coração, acción" in text
    assert plain_latin("“a” – b… œ\u202f!") == '"a" - b... oe !'


def test_blocks_read_rich_text_pairs_and_plain_strings():
    assert blocks_of(["<h2>Title</h2><p>One &amp; two</p><ul><li>Item</li></ul>", ("heading", "H"), "Plain"]) == [
        ("heading", "Title"),
        ("paragraph", "One & two"),
        ("item", "Item"),
        ("heading", "H"),
        ("paragraph", "Plain"),
    ]


@pytest.mark.django_db
def test_blocks_read_a_page_body_as_the_demo_builds_it(home):
    body = rich("<h2>Concerns</h2>", '<p>Separate references<footnote id="a1b2">[1]</footnote>.</p>', "Plain one")
    assert blocks_of(body) == [
        ("heading", "Concerns"),
        ("paragraph", "Separate references."),
        ("paragraph", "Plain one"),
    ]
    page = ContentPageFactory(
        parent=home,
        body_en=[
            ("heading", {"text": "The four concerns", "level": "h2"}),
            ("paragraph", RichText("<p>One <b>bold</b> word.</p><ul><li>First</li></ul>")),
            ("quote", {"text": "Women are not vulnerable by nature.", "attribution": "Carol Barton"}),
        ],
    )
    assert blocks_of(page.body_en) == [
        ("heading", "The four concerns"),
        ("paragraph", "One bold word."),
        ("item", "First"),
        ("paragraph", "Women are not vulnerable by nature. — Carol Barton"),
    ]
    reader, text = read(statement_pdf("Page", "en", None, page.body_en))
    assert "The four concerns" in text and "• First" in text and "Carol Barton" in text


@pytest.mark.django_db
def test_the_factory_writes_a_real_file_when_given_paragraphs():
    document = DocumentFactory(title="Declaración", language="es", year=2021, paragraphs=[PARAGRAPH * 3])
    reader, text = read(document.file.read())
    assert reader.metadata.title == "Declaración"
    assert "2021" in text and "La Red de Mujeres en la Migración" in text
    assert document.file.size > 3000
    placeholder = DocumentFactory(title="Placeholder")
    assert placeholder.file.size < 1000


@pytest.mark.django_db
def test_demo_library_files_are_real_and_titled_in_their_language(home):
    demo.load_library(home, demo_data.read("wimn_site/demo.yaml"), examples=True)
    spanish = WimnDocument.objects.get(language="es", original__title="Spotlight Report on Global Migration")
    assert spanish.title == "Informe Spotlight sobre la migración global"
    assert "(Español)" not in " ".join(WimnDocument.objects.values_list("title", flat=True))
    reader, text = read(spanish.file.read())
    assert reader.metadata.title == spanish.title
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert "Archivo de ejemplo del sitio de demostración" in text


def test_latin_text_is_set_from_the_cut_down_font_and_other_scripts_from_the_whole_font(monkeypatch):
    cut = latin_fonts(FONT_DIRECTORY)
    assert cut is not None
    assert (cut / "DejaVuSans.ttf").stat().st_size < (FONT_DIRECTORY / "DejaVuSans.ttf").stat().st_size / 3
    used = []
    monkeypatch.setattr(demo_documents, "latin_fonts", lambda directory: used.append(directory) or cut)
    _reader, text = read(render_statement_pdf("Déclaration", "fr", None, ["L’œuvre « droits »\u202f! — coração"]))
    assert "L’œuvre « droits »" in text and "coração" in text
    assert used == [FONT_DIRECTORY]
    _reader, text = read(render_statement_pdf("Δελτίο", "en", None, ["Ελληνικά and Latin"]))
    assert "Ελληνικά and Latin" in text
    assert used == [FONT_DIRECTORY]  # not cut down for Greek


def test_a_font_that_cannot_be_cut_falls_back_to_the_whole_font(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    (tmp_path / "var").write_text("a file where the cache folder would go")  # var/cache cannot be made
    assert latin_fonts(FONT_DIRECTORY) is None
    _reader, text = read(render_statement_pdf("Declaración", "es", None, ["Acción, coração."]))
    assert "Acción, coração." in text
