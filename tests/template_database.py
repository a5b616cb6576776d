"""One migration for all pytest-xdist workers: their test databases are copies of a migrated template.

Without this, each worker creates its own test database and runs every migration (Wagtail's, the apps',
about twenty seconds each, in parallel on a 2-core machine). Here the main pytest process migrates one
template database `<test name>_template` and copies it (PostgreSQL's
`CREATE DATABASE ... TEMPLATE`, a file copy) into each worker database that does not exist yet; the workers
then find their database kept (--reuse-db) and only check that no migration is missing.

The template carries a fingerprint of every migration file and of the requirements as its comment: when a
migration is added or a package changes, the template is migrated again before the next copy. Worker
databases that already exist are left to pytest-django, which migrates them as before.

The migration (twenty seconds of one core) runs while the workers start, import the project and collect
the tests (ten seconds of each): the main process does it in a thread (`prepare_in_background`), and each
worker waits for its database (`wait_for_worker_database`) before its first database test.
"""

import hashlib
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import psycopg
from psycopg import sql

from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def fingerprint():
    """sha256 of the project's migration files and the requirements (third-party migrations come with them)."""
    digest = hashlib.sha256()
    files = sorted(BASE_DIR.glob("*/migrations/*.py")) + sorted(BASE_DIR.glob("*/*_migrations/*.py"))
    for path in [*files, BASE_DIR / "requirements.txt"]:
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_database_name():
    """The run's test database name, without the `_gw0` pytest-django adds to it in a worker."""
    database = settings.DATABASES["default"]
    name = (database.get("TEST") or {}).get("NAME") or f"test_{database['NAME']}"
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return name.removesuffix(f"_{worker}") if worker else name


def _url_for(name):
    """DATABASE_URL with its database swapped for `name`."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return parts._replace(path="/" + quote(name)).geturl()


def _admin():
    return psycopg.connect(**{**connection.get_connection_params(), "dbname": "postgres"}, autocommit=True)


def ensure_template(admin):
    """The name of the migrated template database, made or migrated first when missing or out of date."""
    template = f"{test_database_name()}_template"
    row = admin.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [template]
    ).fetchone()
    wanted = fingerprint()
    if row is None:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(template)))
    if row is None or row[0] != wanted:
        subprocess.run(  # noqa: S603 - our own command
            [sys.executable, "manage.py", "migrate", "--run-syncdb", "--noinput", "--skip-checks", "-v0"],
            cwd=BASE_DIR,
            env={**os.environ, "DATABASE_URL": _url_for(template)},
            check=True,
        )
        admin.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(sql.Identifier(template), sql.Literal(wanted)))
    return template


def template_url():
    """DATABASE_URL of the migrated template (made when missing), for a test that needs a fresh migrated copy
    on another server (pg_dump it: a copy costs seconds where migrating costs twenty). In a parallel run, the
    main process may still be migrating it: a worker waits for that first, never migrates it alongside."""
    wait_for_worker_database()
    with _admin() as admin:
        return _url_for(ensure_template(admin))


def prepare(workers):
    """Make sure test databases `<name>_gw0` .. `<name>_gw{workers-1}` exist, copied from a migrated template."""
    names = [f"{test_database_name()}_gw{number}" for number in range(workers)]
    with _admin() as admin:
        existing = {name for (name,) in admin.execute("SELECT datname FROM pg_database")}
        missing = [name for name in names if name not in existing]
        if not missing:
            return
        template = ensure_template(admin)
        for name in missing:
            admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
            )


def _pending_file():
    """While the main process of a parallel run prepares the workers' databases, this file holds its pid, and
    the error if that failed. One per test database name and server."""
    params = connection.get_connection_params()
    server = hashlib.sha256(f"{params.get('host')}:{params.get('port')}".encode()).hexdigest()[:8]
    return BASE_DIR / "var" / f"{test_database_name()}-{server}.preparing"


def prepare_in_background(workers):
    """`prepare(workers)` in a thread of the main process, so the workers start meanwhile; returns the thread,
    whose `failed` attribute is the error if the preparation failed."""
    pending = _pending_file()
    pending.parent.mkdir(parents=True, exist_ok=True)
    pending.write_text(f"pid {os.getpid()}")

    def run():
        try:
            prepare(workers)
        except BaseException as error:  # noqa: BLE001 - reported to the workers and the main process
            thread.failed = error
            pending.write_text(f"failed: {error!r}")
            raise
        pending.unlink()

    thread = threading.Thread(target=run, name="test-database-template", daemon=True)
    thread.failed = None
    thread.start()
    return thread


def wait_for_worker_database(timeout=600):
    """In a pytest-xdist worker: return once the main process has made the template and this worker's
    database (see prepare_in_background). At once outside a worker, or when nothing is being prepared."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    pending = _pending_file()
    deadline = time.monotonic() + timeout
    while True:
        try:
            state = pending.read_text()
        except FileNotFoundError:
            return
        if state.startswith("failed"):
            raise RuntimeError(f"The test databases could not be prepared: {state}")
        if state.startswith("pid ") and not _alive(int(state.split()[1])):
            raise RuntimeError(f"The process that prepared the test databases is gone ({pending} is left)")
        if time.monotonic() > deadline:
            raise RuntimeError(f"The test databases were not ready after {timeout} s ({pending} is still there)")
        time.sleep(0.1)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


SCRATCH = "_scratch_"


def scratch_database_name(purpose):
    """A name for a database a test makes on the test server and leaves there (see drop_scratch_databases)."""
    return f"{connection.settings_dict['NAME']}{SCRATCH}{purpose}_{os.urandom(4).hex()}"


def drop_scratch_databases():
    """Drop the scratch databases an earlier run of this test database left, before any worker starts.

    Dropping a database makes PostgreSQL write every changed page of the whole server to disk first (a
    checkpoint): a second or less on a quiet server, 15 seconds and more in the middle of a run. So tests
    leave their scratch databases in place and the next run's main process drops them here."""
    pattern = f"^{re.escape(test_database_name())}(_gw[0-9]+)?{SCRATCH}"  # this run's, not another run's
    with _admin() as admin:
        names = [name for (name,) in admin.execute("SELECT datname FROM pg_database WHERE datname ~ %s", [pattern])]
        for name in names:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
