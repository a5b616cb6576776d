import os
import shutil

import pytest

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.backends.postgresql.operations import DatabaseOperations
from django.utils import translation

from wagtail.models import Page

from tests import snapshots, template_database
from tests.helpers import admin_index_handlers, translated_home
from tests.snapshots import flush
from wimn_site import frame
from wimn_site.factories import ContentPageFactory, ensure_tree_root, remove_welcome_page, rich

TEMPLATE_THREAD = pytest.StashKey()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A kept test database (--reuse-db) whose last test was transactional was flushed, and so lost Wagtail's
    default Locale, which data migrations added since (Wagtail's BootstrapTranslatableModel) read: put it back
    before pytest-django migrates that database. A new database gets it from Wagtail's own migration.

    In a pytest-xdist worker, first wait for the main process to make this worker's database (it migrates a
    template while the workers start: tests/template_database.py)."""
    import psycopg

    from django.db import connection

    if os.environ.get("PYTEST_XDIST_WORKER"):
        template_database.wait_for_worker_database()
    params = connection.get_connection_params()
    params["dbname"] = connection.settings_dict["TEST"].get("NAME") or f"test_{params['dbname']}"
    try:
        with psycopg.connect(**params, autocommit=True) as kept:
            kept.execute(
                "INSERT INTO wagtailcore_locale (language_code) SELECT %s "
                "WHERE NOT EXISTS (SELECT 1 FROM wagtailcore_locale)",
                [settings.LANGUAGE_CODE],
            )
    except psycopg.Error:
        pass  # no such database or table yet: the migrations create both


# Rows Django's post_migrate handlers make (content types, permissions), kept through a flush; see below.
KEPT_THROUGH_FLUSH = ("django_content_type", "auth_permission")


@pytest.fixture(scope="session", autouse=True)
def _flush_with_delete():
    """After a transactional test (the browser's, the proxy's...), pytest-django empties the database with
    Django's `flush`: one TRUNCATE of every table, which gives each table and index new files (0.3-1 s on a
    busy machine). DELETE empties the same tables of their few rows in a fraction of that. Foreign keys are
    deferred (Django declares them deferrable) and checked when the flush commits, on empty tables.

    The flush then sends post_migrate, whose handlers make again every content type and permission (four
    fifths of a flush's time, 0.4 s). Those rows come from the migrations, no test changes them, so the
    flush keeps them, and the signal is sent only if they are missing."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.commands import flush as flush_command

    original = DatabaseOperations.sql_flush
    original_emit = flush_command.emit_post_migrate_signal

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return original(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        deletes = "; ".join(
            f"DELETE FROM {self.quote_name(table)}"  # noqa: S608
            for table in tables
            if table not in KEPT_THROUGH_FLUSH
        )
        return ["SET CONSTRAINTS ALL DEFERRED", deletes]

    def emit_post_migrate_signal(verbosity, interactive, db, **kwargs):
        ContentType.objects.clear_cache()
        if not (ContentType.objects.using(db).exists() and Permission.objects.using(db).exists()):
            original_emit(verbosity, interactive, db, **kwargs)

    DatabaseOperations.sql_flush = sql_flush
    flush_command.emit_post_migrate_signal = emit_post_migrate_signal
    yield
    DatabaseOperations.sql_flush = original
    flush_command.emit_post_migrate_signal = original_emit


@pytest.fixture(scope="session", autouse=True)
def _admin_index_left_alone():
    """The test settings keep the admin search index from updating on save (AUTO_UPDATE False), but modelsearch
    still runs a task per save that then does nothing (a query and the task machinery, a tenth of a page's
    creation): its handlers are off too. tests/wimn_site/test_admin_search.py turns both back on."""
    admin_index_handlers(connected=False)
    yield
    admin_index_handlers(connected=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database without Wagtail's "Welcome" page, removed once for the whole run: deleting a page
    asks every table that may refer to it, which cost each test that builds a home page a tenth of a second.

    A kept database (--reuse-db) that a stopped run left with content in it is emptied first; at the end of
    the run, a demo kept committed for visitors' browser tests (tests/snapshots.py) is emptied too."""
    with django_db_blocker.unblock():
        if Page.objects.filter(depth__gt=1).exclude(content_type__model="page").exists():
            flush()
        remove_welcome_page()
    yield
    with django_db_blocker.unblock():
        snapshots.forget_committed(flush)


def pytest_sessionstart(session):
    """Start each run with no uploads left over from an earlier one. In the main process: the scratch databases
    of the last run are dropped, and in a parallel run the workers' test databases are made from one migrated
    template (tests/template_database.py)."""
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the main process has done the rest
    template_database.drop_scratch_databases()
    workers = getattr(session.config.option, "numprocesses", None)
    if isinstance(workers, int) and workers > 0:
        session.config.stash[TEMPLATE_THREAD] = template_database.prepare_in_background(workers)


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


# Modules whose tests take seconds each (a browser, servers started for the test, a scratch database): they run
# first in each worker's share, so the last tests of a run are short ones that balance out.
LONG_TESTS = (
    "tests/browser/",
    "test_proxy.py",
    "test_scale_out.py",
    "test_backup.py",
    "test_outage.py",
    "_migration.py",
    "test_s3_storage.py",
)


def pytest_collection_modifyitems(config, items):
    """In a pytest-xdist worker, the order of each worker's share: tests that use no database, then the long
    ones, then the rest (in each group a module's tests stay together, in their order).

    pytest-xdist's worksteal hands the first half of the collection to one worker and the second half to the
    other; a worker that runs out takes the last tests of the other's queue. While the main process migrates
    the template database (tests/template_database.py, from a fresh clone) a worker can only run tests without
    a database, so both halves start with some. The long tests follow, so the end of the run is short tests
    that either worker can take: a long one left at the end kept one worker busy while the other idled."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return

    def uses_database(item):
        return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(item.fixturenames))

    def is_long(item):
        return any(part in item.nodeid.split("::")[0] for part in LONG_TESTS)

    groups = (
        [item for item in items if not uses_database(item)],
        [item for item in items if uses_database(item) and is_long(item)],
        [item for item in items if uses_database(item) and not is_long(item)],
    )
    first_half = [group[: len(group) // 2] for group in groups]
    room = len(items) // 2 - sum(len(part) for part in first_half)  # the first half: exactly what xdist gives gw0
    first_half[2] = groups[2][: len(first_half[2]) + room]
    second_half = [group[len(part) :] for group, part in zip(groups, first_half, strict=True)]
    items[:] = [item for part in (*first_half, *second_half) for item in part]


def pytest_sessionfinish(session):
    """The main process waits for its preparation of the workers' databases (it failed the workers if it failed)."""
    thread = session.config.stash.get(TEMPLATE_THREAD, None)
    if thread is not None:
        thread.join()
        if thread.failed is not None:  # the workers failed with it; a run without database tests fails too
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts with English active, as a request without prefix would."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_site_frame():
    """Each test builds the site's frame (menu, footer: wimn_site.frame) from its own pages, not another test's."""
    frame.forget()


# Fixtures that replace the whole content of the database: no need to empty it before them.
WHOLE_DATABASE = {"demo_site", "demo_site_read_only"}


@pytest.fixture(autouse=True)
def _wagtail_base_rows(request, django_db_blocker):
    """Every database test starts on an empty database with Wagtail's root rows. If the demo is still committed
    for visitors' browser tests, it is emptied first; the root rows, which a transactional test's flush
    removes, are put back committed, before the test's transaction, so the tests after it find them too."""
    marker = request.node.get_closest_marker("django_db")
    if marker or {"db", "transactional_db"} & set(request.fixturenames):
        request.getfixturevalue("django_db_setup")  # the test database, not the one DATABASE_URL names
        with django_db_blocker.unblock():
            snapshots.forget_committed(flush=(lambda: None) if WHOLE_DATABASE & set(request.fixturenames) else flush)
            if not _base_rows_exist():
                ensure_tree_root()
        request.getfixturevalue("transactional_db" if marker and marker.kwargs.get("transaction") else "db")


@pytest.fixture(autouse=True)
def _django_db_marker(request, _wagtail_base_rows):
    """pytest-django's own (a test marked `django_db` gets its database), set up after `_wagtail_base_rows`.

    pytest-django's autouse fixtures are set up before this conftest's, so for a marked test the test's
    transaction used to begin first: a demo kept committed by a visitor's browser test was then "emptied"
    inside that transaction, the emptying was rolled back with the test, and the next test found the demo
    (a duplicate "home" page). `_wagtail_base_rows` requests the test's database itself once it is done."""
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")


def _base_rows_exist():
    """One query, where ensure_tree_root's gets and creates take six."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM wagtailcore_locale) AND EXISTS (SELECT 1 FROM wagtailcore_collection) "
            "AND EXISTS (SELECT 1 FROM wagtailcore_page WHERE depth = 1)"
        )
        return cursor.fetchone()[0]


@pytest.fixture
def home(db):
    """A home page translated into every language."""
    return translated_home()


@pytest.fixture
def about(home):
    """A content page translated into Spanish only."""
    return ContentPageFactory(
        parent=home,
        title="About us",
        slug="about",
        title_es="Quiénes somos",
        intro_es="Una red mundial.",
        body_en=rich("The network works at the UN."),
        body_es=rich("La red trabaja en la ONU."),
        show_in_menus=True,
    )


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo site as `make run` serves it, loaded once per test session (and xdist worker)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo")
        snapshot = snapshots.take()
        transaction.set_rollback(True)
    return snapshot


@pytest.fixture(scope="session")
def demo_without_examples_snapshot(django_db_setup, django_db_blocker):
    """The demo as `load_demo --no-examples` loads it (no value marked as an example), loaded once per session."""
    _, snapshot = snapshots.build_once(django_db_blocker, lambda: call_command("load_demo", "--no-examples"))
    return snapshot


@pytest.fixture
def demo_without_examples(db, demo_without_examples_snapshot):
    """The demo without its examples, for tests that read it (put back inside the test's transaction)."""
    snapshots.restore(demo_without_examples_snapshot)


@pytest.fixture
def demo(db, demo_snapshot):
    """The demo site, for tests that read it (put back inside the test's transaction, undone after)."""
    snapshots.restore(demo_snapshot)


@pytest.fixture
def staff(client, django_user_model):
    """The test client, signed in as a superuser (two-step sign-in is off in the test settings)."""
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-password-1")
    client.force_login(user)
    return client
