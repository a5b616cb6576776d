import icalendar
import pytest

from events.models import EventPage
from tests.browser.conftest import assert_no_serious_axe_violations


def test_visitor_opens_events_in_french_and_downloads_an_ics(page, live_server, demo_site_read_only):
    """In French: the events section, one event, then its .ics, which holds that event in French."""
    page.goto(f"{live_server.url}/fr/")
    page.get_by_role("navigation", name="Principale").get_by_role("link", name="Événements").click()
    page.wait_for_url("**/fr/events/")
    assert page.locator("h1").inner_text() == "Événements"
    assert page.locator("#upcoming-heading").inner_text() == "Événements à venir"
    title = EventPage.objects.get(slug="womens-caucus-new-york-2016").title_fr  # the editors' French title
    page.get_by_role("link", name=title).click()
    page.wait_for_url("**/fr/events/womens-caucus-new-york-2016/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Cet événement est terminé" in page.locator(".event-notice").inner_text()
    when = page.locator(".event-facts .event-when").inner_text()
    assert "16:00" in when and "18:30" in when and "EDT" in when
    with page.expect_download() as info:
        page.get_by_role("link", name="Ajouter à l'agenda (.ics)").click()
    download = info.value
    assert download.suggested_filename == "womens-caucus-new-york-2016.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event["DTSTART"].dt.hour == 16 and event["DTEND"].dt.hour == 18
    assert str(event["URL"]).endswith("/fr/events/womens-caucus-new-york-2016/")


def test_visitor_own_time_zone_is_added_by_the_script(browser, live_server, demo_site_read_only):
    """A visitor in Paris sees the event's New York time and, below it, the time in Paris."""
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/fr/events/womens-caucus-new-york-2016/")
        local = page.locator("[data-event-local]")
        local.wait_for(state="visible")
        text = local.inner_text()
        assert text.startswith("Dans votre fuseau horaire :")
        assert "22:00" in text and "00:30" in text
    finally:
        context.close()


def test_filters_work_without_javascript(page_without_js, live_server, demo_site_read_only):
    page = page_without_js
    page.goto(f"{live_server.url}/en/events/")
    page.get_by_label("Format").select_option("hybrid")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**/en/events/?*format=hybrid*")
    badges = page.locator(".event-card .badge").all_inner_texts()
    assert badges and set(badges) == {"In person and online"}
    assert page.locator("#upcoming-heading").is_visible()
    page.get_by_role("link", name="Past", exact=True).click()
    page.wait_for_url("**when=past**")
    assert page.locator("#past-heading").is_visible()
    assert page.locator("#upcoming-heading").count() == 0
    assert set(page.locator(".event-card .badge").all_inner_texts()) == {"In person and online"}


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/",
        "/fr/events/?when=past",
        "/es/events/sustainable-reintegration-migrant-trafficked-women/",
        "/pt/events/womens-caucus-csw/",
    ],
)
def test_no_serious_accessibility_violations_on_event_pages(page, live_server, demo_site_read_only, path):
    page.goto(f"{live_server.url}{path}")
    assert_no_serious_axe_violations(page)
