import pytest

from tests.browser.conftest import assert_no_serious_axe_violations


def test_visitor_switches_from_english_to_spanish(page, live_server, demo_site_read_only):
    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Women in Migration Network"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Red de Mujeres en la Migración"
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Quiénes somos").click()
    page.wait_for_url("**/es/about/")
    assert "Red de Mujeres" not in page.locator("h1").inner_text()
    assert page.locator("h1").inner_text() == "Quiénes somos"


def test_switcher_works_without_javascript(page_without_js, live_server, demo_site_read_only):
    page = page_without_js
    page.goto(f"{live_server.url}/en/about/")
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/about/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Quiénes somos"


def test_fallback_note_in_the_browser(page, live_server, demo_site_read_only):
    page.goto(f"{live_server.url}/fr/contact/")
    assert page.locator(".translation-note").is_visible()
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"


@pytest.mark.parametrize("path", ["/en/", "/es/about/", "/fr/contact/", "/pt/does-not-exist/"])
def test_no_serious_accessibility_violations(page, live_server, demo_site_read_only, path):
    page.goto(f"{live_server.url}{path}")
    assert_no_serious_axe_violations(page)


def test_keyboard_skip_link_moves_focus_to_main(page, live_server, demo_site_read_only):
    page.goto(f"{live_server.url}/en/about/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
