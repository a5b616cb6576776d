"""Browser tests for the campaigns app: the directory in Portuguese, the campaign hub, the calendar, axe."""

import pytest

from campaigns.models import OrganizationDirectoryPage
from tests.browser.conftest import assert_no_serious_axe_violations


def card_names(page):
    return [name.strip() for name in page.locator(".org-card h3 a").all_inner_texts()]


def test_visitor_opens_the_directory_in_portuguese_and_filters_by_region(page, live_server, demo_site_read_only):
    """From the Portuguese home page to the directory, then Europe only: three organizations, labels in Portuguese."""
    title = OrganizationDirectoryPage.objects.get().title_pt  # the editors' wording, whatever it is today
    page.goto(f"{live_server.url}/pt/")
    page.get_by_role("navigation", name="Principal").get_by_role("link", name=title).click()
    page.wait_for_url("**/pt/members/")
    assert page.locator("html").get_attribute("lang") == "pt"
    assert page.locator("h1").inner_text() == title
    everyone = page.locator("#results-heading").inner_text()
    page.get_by_label("Região").select_option(label="Europa")
    page.get_by_role("button", name="Filtrar").click()
    page.wait_for_url("**/pt/members/?region=europe*")
    assert page.locator("#results-heading").inner_text() == "3 organizações"
    assert everyone != "3 organizações"
    assert card_names(page) == [
        "Fair Work",  # as the seed names it
        "Friedrich-Ebert-Stiftung",
        "Platform for International Cooperation on Undocumented Migrants",
    ]
    assert "Países Baixos" in page.locator(".org-list").inner_text()
    assert page.get_by_label("Região").input_value() == "europe"
    page.get_by_role("link", name="Platform for International Cooperation on Undocumented Migrants").click()
    page.wait_for_url("**/pt/members/picum/")
    assert page.locator("h1").inner_text().startswith("Platform for International Cooperation")
    assert "Bélgica" in page.locator(".organization__facts").inner_text()


def test_directory_filters_work_without_javascript(page_without_js, live_server, demo_site_read_only):
    page = page_without_js
    page.goto(f"{live_server.url}/es/members/")
    page.get_by_label("Relación con la red").select_option(value="coalition")
    page.get_by_role("button", name="Filtrar").click()
    page.wait_for_url("**/es/members/?*relation=coalition*")
    assert "Coalición Global sobre Migración" in card_names(page)
    assert all("Coalición de la que la red forma parte" in text for text in page.locator(".org-card").all_inner_texts())


def test_campaign_hub_in_spanish(page, live_server, demo_site_read_only):
    """The IMRF campaign: its four demands, its timeline, and the statements and events tagged to it."""
    page.goto(f"{live_server.url}/es/campaigns/road-to-imrf/")
    assert page.locator("h1").inner_text() == "Rumbo al Foro de Examen de la Migración Internacional"
    assert page.locator("ol.demands > li").count() == 4
    assert "17 de marzo de 2022" in page.locator("ol.timeline").inner_text()
    assert page.locator(".related-group--events .related-list li").count() >= 1
    page.locator(".related-group--events .related-group__more a").click()
    page.wait_for_url("**/es/events/?campaign=road-to-imrf")


@pytest.mark.parametrize(
    "path",
    [
        "/en/campaigns/",
        "/es/campaigns/road-to-imrf/",
        "/pt/members/?region=europe",
        "/fr/members/gaatw/",
        "/en/calendar/",
    ],
)
def test_no_serious_accessibility_violations(page, live_server, demo_site_read_only, path):
    page.goto(f"{live_server.url}{path}")
    assert_no_serious_axe_violations(page)
