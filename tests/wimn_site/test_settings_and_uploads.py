import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model

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
    assert result.stdout.split("\n")[-2] == "True ['Administrators', 'Editors'] True 5 28800 True 1"


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


@pytest.mark.django_db
def test_several_files_at_once_are_uploaded_then_completed(staff_client):
    """The multiple uploader keeps each file aside until its language and type are chosen, then makes the
    document (Wagtail 7.4 answered that second step with a 500 when allowed extensions are set)."""
    from wagtail.models import Collection, UploadedFile

    collection = Collection.get_first_root_node().pk
    added = staff_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", b"%PDF-1.4 report"), "collection": collection},
    )
    assert added.json()["success"]
    upload = UploadedFile.objects.get()
    done = staff_client.post(
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
def test_several_files_at_once_refuse_a_forbidden_type_at_once(staff_client):
    from wagtail.models import Collection, UploadedFile

    added = staff_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("page.html", b"<script>"), "collection": Collection.get_first_root_node().pk},
    )
    assert added.json()["success"] is False
    assert not UploadedFile.objects.exists() and not get_document_model().objects.exists()
