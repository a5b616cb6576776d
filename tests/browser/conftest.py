"""Browser tests: Playwright driving the machine's Chromium against pytest-django's live server."""

import os
import shutil

import pytest

from tests import snapshots

# Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.exit(
            f"No Chromium at {CHROMIUM}: run 'make chromium' (Debian: apt-get install chromium) "
            "or set CHROMIUM_PATH. Browser tests are not skipped.",
            returncode=1,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-US", accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_site(transactional_db, demo_snapshot):
    """The full demo content, as `make run` serves it (committed, for the live server; flushed after), for a
    test that changes it: staff at work, a visitor sending a form."""
    snapshots.restore(demo_snapshot)


@pytest.fixture
def demo_site_read_only(request, django_db_blocker, demo_snapshot):
    """The full demo content, committed for the live server, for a visitor's test that changes nothing. It is
    kept for the next such test instead of being emptied and loaded again (tests/snapshots.py); a test that
    did change a row fails here: it needs `demo_site`.

    Such a test has no `django_db` mark: the mark makes pytest-django empty the whole database after the
    test (a transactional test), and the next test would load the demo again."""
    assert request.node.get_closest_marker("django_db") is None, (
        "demo_site_read_only keeps the demo committed across tests: remove this test's django_db mark"
    )
    with django_db_blocker.unblock():
        snapshots.keep_committed(demo_snapshot)
        yield
        changed = snapshots.changed_since_committed()
        assert not changed, f"this test changed {', '.join(changed)}: give it demo_site"


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's own (a test on the live server gets a transactional database, emptied after it), except
    for a test on the kept demo (`demo_site_read_only`), whose database is left as it is."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue(
        "demo_site_read_only" if "demo_site_read_only" in request.fixturenames else "transactional_db"
    )
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


def assert_no_serious_axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in serious)
