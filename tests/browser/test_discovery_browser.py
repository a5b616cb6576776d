import re

import pytest

from tests.browser.conftest import assert_no_serious_axe_violations


def test_visitor_searches_in_portuguese_opens_a_result_and_downloads_from_the_library(
    page, live_server, demo_site_read_only
):
    """From the Portuguese home page: search, open a result, then download the Portuguese file in the library."""
    page.goto(f"{live_server.url}/pt/")
    page.get_by_role("search", name="Busca no site").get_by_label("Buscar no site").fill("migração trabalhadoras")
    page.get_by_role("search", name="Busca no site").get_by_role("button", name="Buscar").click()
    page.wait_for_url(re.compile(r"/pt/search/\?q="))
    assert page.locator("html").get_attribute("lang") == "pt"
    results = page.locator(".search-result__title a:not([download])")  # pages (documents download)
    assert results.count() >= 1
    assert page.locator(".search-result mark").count() >= 1
    first_title = results.first.inner_text()
    href = results.first.get_attribute("href")
    assert href.startswith("/pt/")
    results.first.click()
    page.wait_for_url(f"**{href}")
    assert page.locator("h1").inner_text().strip() == first_title.strip()

    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Documentos").click()
    page.wait_for_url("**/pt/documents/")
    page.get_by_role("form", name="Filtrar os documentos").get_by_label("Idioma").select_option("pt")
    page.wait_for_url(re.compile(r"language=pt"))
    item = page.locator(".library-item").filter(has_text="Mapeamento global")
    with page.expect_download() as download_info:
        item.locator(".download__link").click()
    download = download_info.value
    # The stored name ends in the language code, before any suffix the storage adds to keep names unique.
    assert re.search(r"-pt(_[A-Za-z0-9]{7})?\.pdf$", download.suggested_filename), download.suggested_filename
    assert open(download.path(), "rb").read(5) == b"%PDF-"


def test_library_filters_work_without_javascript(page_without_js, live_server, demo_site_read_only):
    page = page_without_js
    page.goto(f"{live_server.url}/es/documents/")
    page.get_by_label("Tipo").select_option("guide")
    page.get_by_role("button", name="Filtrar").click()
    page.wait_for_url(re.compile(r"type=guide"))
    titles = page.locator(".library-item h2").all_inner_texts()
    assert titles and all("Guide" in t or "Guía" in t or "Policies" in t for t in titles)


@pytest.mark.parametrize(
    "path", ["/es/statements/", "/fr/statements/", "/pt/documents/", "/es/members/", "/en/statements/"]
)
def test_filter_forms_fit_a_phone_screen(page, live_server, demo_site_read_only, path):
    """A select is as wide as its longest option (a UN body's full name); the page must not scroll sideways."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}{path}")
    selects = page.locator(".filters select")
    assert selects.count() >= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for box in (selects.nth(i).bounding_box() for i in range(selects.count())):
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box


def test_visitor_signs_up_for_the_mailing_list(page, live_server, demo_site):
    page.goto(f"{live_server.url}/fr/join/")
    page.get_by_role("main").get_by_role("button", name="S'abonner").click()
    assert page.locator(".form-errors").is_visible()
    page.get_by_label("Adresse électronique").fill("amina@example.org")
    page.get_by_label("Oui, envoyez-moi").check()
    page.get_by_role("main").get_by_role("button", name="S'abonner").click()
    page.wait_for_url("**/fr/join/?sent=1")
    assert "Merci" in page.locator(".form-thanks").inner_text()


def test_search_works_without_javascript(page_without_js, live_server, demo_site_read_only):
    page = page_without_js
    page.goto(f"{live_server.url}/es/")
    page.get_by_role("search", name="Buscador del sitio").get_by_label("Buscar en el sitio").fill("declaración")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/es/search/\?q="))
    assert page.locator(".search-result").count() >= 1


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/es/",
        "/pt/documents/",
        "/fr/documents/?type=bogus",
        "/pt/search/?q=migra%C3%A7%C3%A3o",
        "/es/search/?q=deterrence",
        "/en/search/?q=",
        "/fr/join/",
        "/es/contact/write/",
    ],
)
def test_no_serious_accessibility_violations(page, live_server, demo_site_read_only, path):
    page.goto(f"{live_server.url}{path}")
    assert_no_serious_axe_violations(page)


def test_form_errors_have_no_serious_accessibility_violations(page, live_server, demo_site):  # counts a sending
    page.goto(f"{live_server.url}/en/contact/write/")
    page.get_by_role("main").get_by_role("button", name="Send").click()
    assert page.locator(".field-error").count() >= 2
    assert_no_serious_axe_violations(page)
