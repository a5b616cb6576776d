import io
import os
import secrets
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from wimn_site.factories import minimal_pdf
from wimn_site.filetypes import CHECKED_EXTENSIONS

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def run_manage(*args, **env):
    full_env = {**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="wimn_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="womeninmigration.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_guards_staff_sign_in():
    """Two-step sign-in required, lockout on, idle sessions end, one proxy trusted on this machine."""
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.WIMN_2FA_REQUIRED, sorted(s.WIMN_2FA_REQUIRED_GROUPS), "
        "s.AXES_ENABLED, s.AXES_FAILURE_LIMIT, s.SESSION_COOKIE_AGE, s.SESSION_SAVE_EVERY_REQUEST, s.WIMN_PROXY_HOPS)",
        DJANGO_SETTINGS_MODULE="wimn_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == (
        "True ['Administrators', 'Editors', 'Moderators', 'Press officers', 'Translators'] True 5 28800 True 1"
    )


def test_production_settings_refuse_to_start_without_a_secret():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "wimn_site.settings.production"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,content",
    [
        ("page.html", b"<script>alert(1)</script>"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("run.exe", b"MZ"),
    ],
)
def test_document_upload_refuses_dangerous_types(staff, name, content):
    """HTML, SVG and executables are refused with a form error; nothing is stored."""
    response = staff.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Bad",
            "file": SimpleUploadedFile(name, content),
            "language": "en",
            "doc_type": "other",
            "in_library": "on",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.get("file")
    assert get_document_model().objects.count() == 0


@pytest.mark.django_db
@override_settings(WIMN_MAX_DOCUMENT_BYTES=1000)
def test_document_upload_refuses_files_over_the_cap(staff):
    response = staff.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Big",
            "file": SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * 2000),
            "language": "en",
            "doc_type": "report",
            "in_library": "on",
        },
    )
    assert response.status_code == 200
    assert "limit" in str(response.context["form"].errors["file"])
    assert get_document_model().objects.count() == 0


@pytest.mark.django_db
def test_document_upload_accepts_pdf_and_serves_it_as_download(staff, client):
    response = staff.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Statement",
            "file": SimpleUploadedFile("s.pdf", b"%PDF-1.4 test"),
            "language": "es",
            "doc_type": "statement",
            "in_library": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    doc = get_document_model().objects.get()
    assert doc.language == "es"
    download = client.get(doc.url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def real_docx():
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Joint statement to the IMRF")
    document.save(buffer)
    return buffer.getvalue()


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"})
XLSX = zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})

MISLABELLED = {
    "html-as-pdf": ("statement.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    "program-as-pdf": ("statement.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 60 + b"This program cannot be run"),
    "pdf-later-in-file": ("statement.pdf", b"<html>" + b"%PDF-1.4"),
    "text-as-docx": ("statement.docx", b"Joint statement"),
    "plain-zip-as-docx": ("statement.docx", zipped({"run.exe": b"MZ"})),
    "xlsx-as-docx": ("statement.docx", XLSX),
    "odt-as-ods": ("budget.ods", ODT),
    "html-as-doc": ("statement.doc", b"<html><body>Statement</body></html>"),
    "pdf-as-rtf": ("statement.rtf", b"%PDF-1.4"),
    "program-as-txt": ("notes.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40),
    "png-as-csv": ("signatories.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
}
GENUINE = {
    "pdf": ("statement.pdf", minimal_pdf("Joint statement")),
    "docx": ("statement.docx", real_docx()),
    "odt": ("statement.odt", ODT),
    "xlsx": ("budget.xlsx", XLSX),
    "doc": ("statement.doc", OLE_HEADER + b"\x00" * 504),
    "rtf": ("statement.rtf", b"{\\rtf1\\ansi Joint statement}"),
    "csv-latin-1": ("signatories.csv", "name,country\nRéseau,Sénégal\n".encode("latin-1")),
    "txt-utf-16": ("notes.txt", "Declaración conjunta\r\n".encode("utf-16")),
}


def upload_document(client, name, content, url=None):
    return client.post(
        url or reverse("wagtaildocs:add"),
        {"title": "Upload", "file": SimpleUploadedFile(name, content), "language": "en", "doc_type": "other"},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), MISLABELLED.values(), ids=MISLABELLED.keys())
def test_document_upload_refuses_a_file_whose_content_is_not_its_extension(staff, name, content):
    """An allowed extension on another kind of file is a form error on the file; nothing is stored."""
    response = upload_document(staff, name, content)
    assert response.status_code == 200
    assert "whatever its name says" in str(response.context["form"].errors["file"])
    multiple = staff.post(reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, content)})
    assert multiple.json()["success"] is False
    assert "whatever its name says" in multiple.json()["error_message"]
    assert get_document_model().objects.count() == 0
    assert UploadedFile.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), GENUINE.values(), ids=GENUINE.keys())
def test_document_upload_accepts_each_allowed_format(staff, name, content):
    response = upload_document(staff, name, content)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert get_document_model().objects.get().file.read() == content


@pytest.mark.django_db
def test_document_edit_checks_a_replaced_file_but_not_the_stored_one(staff):
    upload_document(staff, "statement.pdf", minimal_pdf("Statement"))
    document = get_document_model().objects.get()
    form = {"title": "Renamed", "language": "en", "doc_type": "other", "collection": document.collection_id}
    assert staff.post(reverse("wagtaildocs:edit", args=[document.pk]), form).status_code == 302
    replaced = staff.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {**form, "file": SimpleUploadedFile("statement.pdf", b"<html></html>")},
    )
    assert replaced.status_code == 200
    assert replaced.context["form"].errors["file"]
    document.refresh_from_db()
    assert document.title == "Renamed" and document.file.read().startswith(b"%PDF-")


def test_every_allowed_document_extension_has_a_content_check(settings):
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= CHECKED_EXTENSIONS


def test_image_limits_are_set(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 40_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.django_db
def test_several_files_at_once_are_uploaded_then_completed(staff):
    """The multiple uploader keeps each file aside until its language and type are chosen, then makes the
    document (Wagtail 7.4 answered that second step with a 500 when allowed extensions are set)."""
    from wagtail.models import Collection, UploadedFile

    collection = Collection.get_first_root_node().pk
    added = staff.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", b"%PDF-1.4 report"), "collection": collection},
    )
    assert added.json()["success"]
    upload = UploadedFile.objects.get()
    done = staff.post(
        f"/admin/documents/multiple/create_from_uploaded_document/{upload.pk}/",
        {
            f"uploaded-document-{upload.pk}-title": "Annual report",
            f"uploaded-document-{upload.pk}-collection": collection,
            f"uploaded-document-{upload.pk}-language": "fr",
            f"uploaded-document-{upload.pk}-doc_type": "report",
        },
    )
    assert done.status_code == 200 and done.json()["success"], done.content[:500]
    document = get_document_model().objects.get()
    assert (document.title, document.language, document.file.name.endswith(".pdf")) == ("Annual report", "fr", True)
    assert not UploadedFile.objects.exists()


@pytest.mark.django_db
def test_several_files_at_once_refuse_a_forbidden_type_at_once(staff):
    from wagtail.models import Collection, UploadedFile

    added = staff.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("page.html", b"<script>"), "collection": Collection.get_first_root_node().pk},
    )
    assert added.json()["success"] is False
    assert not UploadedFile.objects.exists() and not get_document_model().objects.exists()


def png_declaring(width, height):
    """A few hundred bytes of PNG whose header declares `width` × `height` pixels (a decompression bomb)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit per pixel, greyscale
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def small_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (91, 42, 134)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("width", "height"), [(15_000, 15_000), (8_000, 8_000)], ids=["past-pillow-limit", "past-ours"]
)
def test_image_upload_refuses_too_many_pixels_with_a_form_error(staff, width, height):
    """Past Pillow's own limit (about 179 million pixels) Pillow raises instead of answering: still a form error."""
    response = staff.post(
        reverse("wagtailimages:add"),
        {"title": "Bomb", "file": SimpleUploadedFile("bomb.png", png_declaring(width, height))},
    )
    assert response.status_code == 200
    assert "pixels" in str(response.context["form"].errors["file"])
    multiple = staff.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile("bomb.png", png_declaring(width, height))}
    )
    assert multiple.status_code == 200
    assert multiple.json()["success"] is False
    assert "pixels" in multiple.json()["error_message"]
    assert get_image_model().objects.count() == 0


@pytest.mark.django_db
def test_image_upload_refuses_a_truncated_image_with_a_form_error(staff):
    """A sound header over data cut short: Pillow raises OSError while reading it, a form error here."""
    truncated = small_png()[:-40]
    response = staff.post(
        reverse("wagtailimages:add"), {"title": "Cut", "file": SimpleUploadedFile("cut.png", truncated)}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == 0


@pytest.mark.django_db
def test_image_upload_and_edit_still_work(staff):
    response = staff.post(
        reverse("wagtailimages:add"), {"title": "Logo", "file": SimpleUploadedFile("logo.png", small_png())}
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (40, 20)
    edit = staff.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Network logo"})
    assert edit.status_code == 302
    image.refresh_from_db()
    assert image.title == "Network logo"
