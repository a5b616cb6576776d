"""The text read from an uploaded PDF (wimn_site.document_text): once, when the file is saved, bounded, and
never an error for a broken, encrypted or oversized file."""

import datetime
import io
import zlib

import pytest
from pypdf import PageObject, PdfReader, PdfWriter

from django.core.files.base import ContentFile

from wimn_site import document_text
from wimn_site.demo_documents import statement_pdf
from wimn_site.document_text import extract_text
from wimn_site.factories import DocumentFactory, minimal_pdf
from wimn_site.models import WimnDocument

FIRST = "Pedimos que se mencione a las mujeres y a los niños por separado — “derechos”, acción y protección."
SECOND = "La Red de Mujeres en la Migración saluda el poder y la creatividad de las mujeres. " * 6


def long_pdf(pages=4):
    return statement_pdf(
        "Declaración", "es", datetime.date(2022, 3, 8), [f"Sección {n}. " + SECOND * 3 for n in range(pages * 2)]
    )


def test_text_comes_back_in_paragraphs_with_accents_quotes_and_dashes():
    blocks = ["<h2>Las cuatro preocupaciones</h2>", FIRST, SECOND]
    text = extract_text(statement_pdf("Declaración “final”", "es", datetime.date(2022, 3, 8), blocks))
    paragraphs = text.split("\n\n")
    assert paragraphs[:3] == ["Women in Migration Network (WIMN)", "Declaración “final”", "8 de marzo de 2022"]
    assert paragraphs[3:5] == ["Las cuatro preocupaciones", FIRST]  # a heading is a paragraph of its own
    assert SECOND.strip() in paragraphs  # a justified paragraph over several lines is one paragraph again


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a pdf at all",
        b"%PDF-1.4\n" + b"\x00garbage" * 100,
        b"PK\x03\x04 a zip file named .pdf",
    ],
)
def test_broken_files_give_no_text_and_no_error(data):
    assert extract_text(data) == ""


def test_running_footers_and_page_numbers_are_left_out():
    text = extract_text(long_pdf())
    assert "Página" not in text and "Declaración ·" not in text
    assert text.count("Declaración") == 1  # the title, once
    assert "8 de marzo de 2022" in text


def test_a_truncated_file_gives_no_error():
    data = long_pdf()
    assert isinstance(extract_text(data[: len(data) // 2]), str)


def test_an_encrypted_file_gives_no_text():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(statement_pdf("Secret", "en", None, ["Members only."]))))
    writer.encrypt(user_password="partners", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    assert extract_text(out.getvalue()) == ""


def test_reading_is_bounded_by_size_pages_and_characters():
    data = long_pdf()
    assert len(PdfReader(io.BytesIO(data)).pages) >= 3
    whole = extract_text(data)
    assert "Sección 7." in whole
    assert extract_text(data, max_bytes=len(data) - 1) == ""
    first_page = extract_text(data, max_pages=1)
    assert "Sección 0." in first_page and "Sección 7." not in first_page
    assert extract_text(data, max_seconds=-1) == ""  # out of time before the first page
    short = extract_text(data, max_chars=500)
    assert len(short) <= 502 and short.endswith(" …")


def operator_pdf(operators, pages=1):
    """A small PDF whose pages share one compressed content stream of `operators` text-drawing operators, each
    at its own position: a few kB of file that expands to many times that, as a hostile upload would."""
    content = b"BT /F1 12 Tf " + b"".join(b"%d %d Td (x) Tj " % (i % 500, (i * 7) % 700) for i in range(operators))
    stream = zlib.compress(content + b"ET", 9)
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 3 0 R "
          b"/Resources << /Font << /F1 4 0 R >> >> >>"] * pages,
    ]  # fmt: skip
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out, len(content)


def test_a_page_too_heavy_to_read_is_skipped_not_read():
    """A 10 kB file whose page expands to over MAX_PAGE_CONTENT_BYTES of operators (pypdf's layout mode once
    spent 17 s and 2.4 GB on one like it) gives no text; the same page lighter is read."""
    heavy, content = operator_pdf(60_000)
    assert len(heavy) < 20_000 and content > document_text.MAX_PAGE_CONTENT_BYTES
    assert extract_text(heavy) == ""
    light, content = operator_pdf(200)
    assert content < document_text.LAYOUT_MAX_CONTENT_BYTES
    assert extract_text(light).count("x") == 200


def test_a_page_past_the_layout_bound_is_read_in_plain_mode(monkeypatch):
    """Between the two bounds a page is still read, by the plain mode, whose output grows with the text
    and not with the spread of its positions."""
    data, content = operator_pdf(5_000)
    assert document_text.LAYOUT_MAX_CONTENT_BYTES < content < document_text.MAX_PAGE_CONTENT_BYTES
    modes = []
    original = PageObject.extract_text

    def spy(page, *args, **kwargs):
        modes.append(kwargs.get("extraction_mode", "plain"))
        return original(page, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", spy)
    text = extract_text(data)
    assert modes == ["plain"] and text.count("x") == 5_000


def test_thousands_of_lines_join_into_paragraphs_and_hyphenated_words_rejoin():
    lines = "\n".join(["mi-", "grantes"] + ["x"] * 20_000)
    [paragraph] = document_text._paragraphs(lines)
    assert paragraph.startswith("migrantes x x") and paragraph.count("x") == 20_000


@pytest.mark.django_db
def test_the_text_is_read_once_when_the_file_is_saved():
    document = DocumentFactory(title="Declaración", language="es", paragraphs=[FIRST])
    stored = WimnDocument.objects.defer(None).get(pk=document.pk)
    assert FIRST in stored.text and stored.text_chars == len(stored.text)
    assert stored.file_size == stored.file.size
    stored.text = "Corrected by hand"
    stored.title = "Declaración final"
    stored.save()  # no new file: not read again
    assert WimnDocument.objects.defer(None).get(pk=document.pk).text == "Corrected by hand"
    stored.file = ContentFile(minimal_pdf("Replaced file"), name="replaced.pdf")
    stored.save()
    assert "Replaced file" in WimnDocument.objects.defer(None).get(pk=document.pk).text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,data", [("broken.pdf", b"%PDF-1.4 broken"), ("notes.docx", b"PK\x03\x04"), ("notes.txt", b"Plain text")]
)
def test_a_broken_pdf_or_another_type_is_saved_without_text(name, data):
    document = DocumentFactory(file=ContentFile(data, name=name))
    stored = WimnDocument.objects.defer(None).get(pk=document.pk)
    assert stored.text == "" and stored.text_chars == 0 and not stored.has_text


@pytest.mark.django_db
def test_listings_do_not_load_the_text():
    DocumentFactory(paragraphs=[SECOND])
    assert "text" in WimnDocument.objects.get().get_deferred_fields()
    assert WimnDocument.objects.get().text_chars > 0


@pytest.mark.django_db
def test_the_command_reads_files_stored_before(capsys):
    from django.core.management import call_command

    document = DocumentFactory(paragraphs=[FIRST])
    scan = DocumentFactory(file=ContentFile(b"%PDF-1.4 scan", name="scan.pdf"))
    WimnDocument.objects.update(text="", text_chars=0)
    call_command("read_document_texts")
    assert FIRST in WimnDocument.objects.defer(None).get(pk=document.pk).text
    assert WimnDocument.objects.get(pk=scan.pk).text_chars == 0
    assert "1 document(s) with text." in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize("multiple", [False, True])
def test_a_pdf_uploaded_in_the_admin_has_its_text(staff, multiple):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.models import Collection

    data = statement_pdf("Compromiso de la red", "es", datetime.date(2023, 7, 4), [FIRST])
    upload = SimpleUploadedFile("compromiso.pdf", data, "application/pdf")
    collection = Collection.get_first_root_node().pk
    if multiple:  # uploaded aside first, then completed with its language and type
        from wagtail.models import UploadedFile

        added = staff.post("/admin/documents/multiple/add/", {"files[]": upload, "collection": collection})
        assert added.json()["success"]
        pk = UploadedFile.objects.get().pk
        done = staff.post(
            f"/admin/documents/multiple/create_from_uploaded_document/{pk}/",
            {
                f"uploaded-document-{pk}-title": "Compromiso de la red",
                f"uploaded-document-{pk}-collection": collection,
                f"uploaded-document-{pk}-language": "es",
                f"uploaded-document-{pk}-doc_type": "pledge",
            },
        )
        assert done.status_code == 200 and done.json()["success"], done.content[:500]
    else:
        response = staff.post(
            "/admin/documents/add/",
            {
                "title": "Compromiso de la red",
                "file": upload,
                "collection": collection,
                "language": "es",
                "doc_type": "pledge",
                "description": "",
                "year": "2023",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    document = WimnDocument.objects.defer(None).get()
    assert FIRST in document.text and document.text_chars == len(document.text)
    assert document.file_size == len(data)
