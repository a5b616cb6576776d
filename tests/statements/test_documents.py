"""Attached documents: the visitor's language version, or the original with a note; served as downloads."""

import pytest
from bs4 import BeautifulSoup

from statements.factories import StatementPageFactory, attach_document
from wimn_site.factories import DocumentLibraryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(index):
    page = StatementPageFactory(
        parent=index, slug="s", title="Statement", title_es="Declaración", summary_es="Resumen."
    )
    attach_document(page, "IMRF statement", languages=("en", "es"), label="Full statement")
    return page


def download(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return html.select_one(".attachments .download")


def test_spanish_visitor_gets_the_spanish_file(client, statement):
    block = download(client, "/es/statements/s/")
    link = block.select_one(".download__link")
    assert link["hreflang"] == "es"
    assert "imrf-statement-es" in link["href"]
    meta = block.select_one(".download__meta").get_text()
    spanish = statement.attachments.get().document.translations.get()
    assert "Español" in meta and "PDF" in meta and f"{spanish.file.size}\xa0bytes" in meta
    assert not block.select(".download__note")
    assert [a["hreflang"] for a in block.select(".download__others a")] == ["en"]


def test_english_visitor_gets_the_original(client, statement):
    block = download(client, "/en/statements/s/")
    assert block.select_one(".download__link")["hreflang"] == "en"
    assert block.select_one(".download__link").get_text() == "Full statement"


def test_portuguese_visitor_gets_the_original_with_a_note(client, statement):
    """No Portuguese version: the English original, with a note in Portuguese saying so."""
    block = download(client, "/pt/statements/s/")
    assert block.select_one(".download__link")["hreflang"] == "en"
    assert "English" in block.select_one(".download__meta").get_text()
    assert block.select_one(".download__note")


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("fr", "Non disponible dans votre langue ; ce fichier est en anglais."),
        ("pt", "Não disponível no seu idioma; este arquivo está em inglês."),
    ],
)
def test_the_fallback_note_names_the_files_language_in_the_visitors_language(client, statement, language, note):
    """The note is a sentence in the visitor's language ("en anglais"), not the file's own name ("en English")."""
    block = download(client, f"/{language}/statements/s/")
    assert block.select_one(".download__note").get_text() == note
    assert "English" in block.select_one(".download__meta").get_text()  # the file's own name stays in the list


def test_document_is_served_as_a_download_with_safe_headers(client, statement):
    href = download(client, "/es/statements/s/").select_one(".download__link")["href"]
    response = client.get(href)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content if response.streaming else [response.content]).startswith(b"%PDF")


def test_attached_translation_resolves_to_its_original(client, index):
    """Staff may attach the Spanish file itself: visitors still get the file in their own language."""
    page = StatementPageFactory(parent=index, slug="t")
    original = attach_document(page, "Original", languages=("en", "es"))
    spanish = original.translations.get()
    attachment = page.attachments.get()
    attachment.document = spanish
    attachment.save()
    assert download(client, "/en/statements/t/").select_one(".download__link")["hreflang"] == "en"
    assert download(client, "/es/statements/t/").select_one(".download__link")["hreflang"] == "es"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_library_links_a_statements_files_to_the_statement_page(client, statement, home, language):
    """Statements register their pages as the HTML version of their files: no PDF needed on a slow phone."""
    DocumentLibraryPageFactory(parent=home, slug="documents")
    library = BeautifulSoup(client.get(f"/{language}/documents/").content, "html.parser")
    item = library.select_one(".library-item")
    assert item.select_one(".download__read")["href"] == f"/{language}/statements/s/"
    assert item.select_one(".download__file")["href"].endswith(".pdf")
    assert not download(client, f"/{language}/statements/s/").select(".download__read")  # the reader is on it
