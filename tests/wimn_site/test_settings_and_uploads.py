import io
import os
import secrets
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

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


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,content",
    [
        ("page.html", b"<script>alert(1)</script>"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("run.exe", b"MZ"),
    ],
)
def test_document_upload_refuses_dangerous_types(staff_client, name, content):
    """HTML, SVG and executables are refused with a form error; nothing is stored."""
    response = staff_client.post(
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
def test_document_upload_refuses_files_over_the_cap(staff_client):
    response = staff_client.post(
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
def test_document_upload_accepts_pdf_and_serves_it_as_download(staff_client, client):
    response = staff_client.post(
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


def test_image_limits_are_set(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 40_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


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
def test_image_upload_refuses_too_many_pixels_with_a_form_error(staff_client, width, height):
    """Past Pillow's own limit (about 179 million pixels) Pillow raises instead of answering: still a form error."""
    response = staff_client.post(
        reverse("wagtailimages:add"),
        {"title": "Bomb", "file": SimpleUploadedFile("bomb.png", png_declaring(width, height))},
    )
    assert response.status_code == 200
    assert "pixels" in str(response.context["form"].errors["file"])
    multiple = staff_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile("bomb.png", png_declaring(width, height))}
    )
    assert multiple.status_code == 200
    assert multiple.json()["success"] is False
    assert "pixels" in multiple.json()["error_message"]
    assert get_image_model().objects.count() == 0


@pytest.mark.django_db
def test_image_upload_refuses_a_truncated_image_with_a_form_error(staff_client):
    """A sound header over data cut short: Pillow raises OSError while reading it, a form error here."""
    truncated = small_png()[:-40]
    response = staff_client.post(
        reverse("wagtailimages:add"), {"title": "Cut", "file": SimpleUploadedFile("cut.png", truncated)}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == 0


@pytest.mark.django_db
def test_image_upload_and_edit_still_work(staff_client):
    response = staff_client.post(
        reverse("wagtailimages:add"), {"title": "Logo", "file": SimpleUploadedFile("logo.png", small_png())}
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (40, 20)
    edit = staff_client.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Network logo"})
    assert edit.status_code == 302
    image.refresh_from_db()
    assert image.title == "Network logo"
