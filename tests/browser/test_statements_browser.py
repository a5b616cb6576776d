"""Browser tests of the statements section: a visitor in Spanish, and staff publishing an embargoed media alert."""

import datetime
import re
from unittest import mock

import pytest

from django.core.management import call_command
from django.utils import timezone

from statements.models import StatementIndexPage, StatementPage
from tests.browser.conftest import assert_no_serious_axe_violations
from wimn_site.factories import minimal_pdf


def test_visitor_filters_in_spanish_opens_a_statement_and_downloads_the_spanish_pdf(
    page, live_server, demo_site_read_only
):
    page.goto(f"{live_server.url}/es/statements/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Declaraciones"
    page.get_by_label("Tema").select_option(label="Clima")  # the form submits itself with JavaScript
    page.wait_for_url(re.compile(r".*topic=climate.*"))
    titles = page.locator(".statement-list h2 a").all_inner_texts()
    assert any(t.startswith("Día Internacional de la Mujer 2022") for t in titles)
    assert not any(t.startswith("Elementos iniciales") for t in titles)  # the 2016 statement is not about climate
    page.get_by_role("link", name=re.compile(r"^Día Internacional de la Mujer 2022")).click()
    page.wait_for_url("**/es/statements/international-womens-day-2022/")
    assert page.locator("h1").inner_text().startswith("Día Internacional de la Mujer 2022")
    link = page.locator(".attachments .download__link")
    assert link.get_attribute("hreflang") == "es"
    assert "Español" in page.locator(".attachments .download__meta").inner_text()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf") and "-es" in download.suggested_filename
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_topic_filter_works_without_javascript(page_without_js, live_server, demo_site_read_only):
    page = page_without_js
    page.goto(f"{live_server.url}/pt/statements/")
    page.get_by_label("Tipo").select_option(value="op_ed")
    page.get_by_role("button", name="Mostrar").click()
    page.wait_for_url(re.compile(r".*kind=op_ed.*"))
    assert page.locator(".statement-list .badge").all_inner_texts() == ["Artigo de opinião"] * 4


@pytest.mark.parametrize(
    "path",
    [
        "/es/statements/",
        "/fr/statements/?kind=bogus",
        "/es/statements/un-network-roadmap-imrf-2021/",
        "/pt/statements/imrf-pledge/",
        "/en/statements/op-ed-climate-migrants/",
        "/fr/statements/media-alert-imrf-progress-declaration/",
    ],
)
def test_no_serious_accessibility_violations(page, live_server, demo_site_read_only, path):
    page.goto(f"{live_server.url}{path}")
    assert_no_serious_axe_violations(page)


def test_statement_page_loads_nothing_from_other_hosts(page, live_server, demo_site_read_only):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/es/statements/statement-imrf-progress-declaration/")
    assert requests and all(url.startswith(live_server.url) for url in requests)


def test_statement_page_trail_structured_data_and_print(page, live_server, demo_site_read_only):
    """The core's breadcrumbs lead back to the section; the JSON-LD holds the trail and the article, once each;
    printed, the page drops its share links and shows its source line."""
    page.goto(f"{live_server.url}/es/statements/media-alert-imrf-progress-declaration/")
    types = page.evaluate(
        "() => [...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map(s => JSON.parse(s.textContent)['@type'])"
    )
    assert sorted(types) == ["BreadcrumbList", "NewsArticle"]
    page.emulate_media(media="print")
    assert page.locator(".print-source").is_visible()
    assert "/es/statements/media-alert-imrf-progress-declaration/" in page.locator(".print-source").inner_text()
    assert not page.locator(".share").is_visible()
    page.emulate_media(media="screen")
    trail = page.get_by_role("navigation", name="Ruta de navegación")
    assert trail.get_by_role("listitem").all_inner_texts()[:2] == ["Inicio", "Declaraciones"]
    trail.get_by_role("link", name="Declaraciones").click()
    page.wait_for_url("**/es/statements/")
    assert page.locator("h1").inner_text() == "Declaraciones"


def log_in(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("press", "press@example.org", "a-long-password-1")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "press")
    page.fill("#id_password", "a-long-password-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def upload_document(page, live_server, tmp_path, title, language, original=None):
    """Upload a PDF through the admin's documents form (a language version names its original)."""
    path = tmp_path / f"media-alert-{language}.pdf"
    path.write_bytes(minimal_pdf(title))
    page.goto(f"{live_server.url}/admin/documents/add/")
    page.fill("#id_title", title)
    page.set_input_files("#id_file", str(path))
    page.select_option("#id_language", language)
    if original:
        page.select_option("#id_original", label=original)
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url("**/admin/documents/**")


def test_staff_publish_an_embargoed_media_alert_that_goes_live_at_its_minute(
    page, live_server, demo_site, django_user_model, tmp_path, settings
):
    """Staff create a media alert with its Spanish translation and a PDF, set its go-live a minute ahead and
    publish; it is not on the public site until that minute, when the scheduler publishes it."""
    # Wagtail's autosave (its own feature, on in every other browser test) saves a new page in the background
    # half a second after a change and re-renders the form; on a busy machine that lands between two of this
    # test's steps at no fixed moment (an inline row just added disappeared). Here staff save by hand.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    index = StatementIndexPage.objects.get()
    log_in(page, live_server, django_user_model)
    upload_document(page, live_server, tmp_path, "Media alert: IMRF closing", "en")
    upload_document(page, live_server, tmp_path, "Alerta: cierre del FEMI", "es", original="Media alert: IMRF closing")

    page.goto(f"{live_server.url}/admin/pages/add/statements/statementpage/{index.pk}/")
    assert page.locator("form[data-w-autosave-interval-value]").count() == 0
    page.locator("button.locale-toggle", has_text="es").click()  # show the Spanish fields too
    page.fill("#id_title_en", "WIMN welcomes the close of the review forum")
    page.fill("#id_title_es", "WIMN celebra el cierre del foro de examen")
    page.select_option("#id_kind", "media_alert")
    page.fill("#id_date", "2022-05-20")
    page.fill("#id_summary_en", "The network's response as the forum closes.")
    page.fill("#id_summary_es", "La respuesta de la red al cierre del foro.")
    page.fill("#id_dateline_en", "NEW YORK, 20 May 2022")
    page.fill("#id_dateline_es", "NUEVA YORK, 20 de mayo de 2022")
    page.fill("#id_press_contact_email", "press@example.org")
    page.get_by_role("button", name="Add document").click()
    page.locator("#inline_child_attachments-0").get_by_role("button", name="Choose a document").click()
    page.locator(".modal").get_by_role("link", name="Media alert: IMRF closing").click()
    page.wait_for_selector(".modal", state="hidden")

    # The embargo: the next whole minute at least one minute from now (the field has minute precision).
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(seconds=60))
    go_live = (go_live + datetime.timedelta(minutes=1)).replace(second=0, microsecond=0)
    page.locator('[data-side-panel-toggle="status"]').click()  # the Status panel
    page.get_by_role("button", name="Set schedule").click()
    # Typed without opening the calendar pop-up (which would cover the dialog's button in a small window).
    page.locator("#id_go_live_at").evaluate(
        "(input, value) => { input.value = value; input.dispatchEvent(new Event('change', {bubbles: true})); }",
        go_live.strftime("%Y-%m-%d %H:%M"),
    )
    page.get_by_role("button", name="Save schedule").click()  # a new page is saved as a draft, with its schedule
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Schedule to publish").click()
    page.wait_for_url(re.compile(rf".*/admin/pages/{index.pk}/.*"))

    alert = StatementPage.objects.get(slug="wimn-welcomes-the-close-of-the-review-forum")
    assert not alert.live and alert.go_live_at == go_live
    public = f"{live_server.url}/es/statements/{alert.slug}/"

    call_command("publish_scheduled")  # the scheduler runs before the minute: nothing happens
    assert page.goto(public).status == 404
    page.goto(f"{live_server.url}/es/statements/")
    assert "WIMN celebra el cierre" not in page.locator("main").inner_text()

    # The scheduler's run one second past the minute (what `manage.py run_scheduler` does every 15 seconds),
    # with the clock moved there instead of waiting for it.
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(seconds=1)):
        call_command("publish_scheduled")

    assert page.goto(public).status == 200
    assert page.locator("h1").inner_text() == "WIMN celebra el cierre del foro de examen"
    assert page.locator(".statement__dateline").inner_text().startswith("NUEVA YORK")
    assert page.locator(".attachments .download__link").get_attribute("hreflang") == "es"
    page.goto(f"{live_server.url}/es/statements/")
    assert "WIMN celebra el cierre del foro de examen" in page.locator(".statement-list").inner_text()


def test_visitor_reads_the_pledge_history_in_french(page, live_server, demo_site_read_only):
    """The pledge lists its two published versions; the 2022 one opens as it was (four planned commitments, not
    indexed), and the comparison marks the two commitments added in 2023. No serious axe violation on either."""
    page.goto(f"{live_server.url}/fr/statements/imrf-pledge/")
    history = page.get_by_role("region", name="Versions de cet engagement")
    assert history.locator("li time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))") == [
        "2023-07-04",
        "2022-05-20",
    ]
    history.get_by_role("link", name=re.compile(r"^Lire la version du 20 mai 2022")).click()
    page.wait_for_url(re.compile(r".*/fr/statements/imrf-pledge/versions/\d+/$"))
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert "version antérieure" in page.locator(".version-notice").inner_text()
    assert page.locator(".commitment .status").all_inner_texts() == ["Prévu"] * 4
    assert_no_serious_axe_violations(page)
    page.get_by_role("link", name="Lire la version actuelle").first.click()
    page.wait_for_url("**/fr/statements/imrf-pledge/")
    page.get_by_role("link", name="Ce qui a changé depuis la version précédente").click()
    page.wait_for_url(re.compile(r".*/versions/\d+/compare/\d+/$"))
    assert page.locator(".diff__row--added").count() >= 2
    assert page.locator(".diff ins").first.is_visible()
    assert_no_serious_axe_violations(page)


def test_footnotes_print_at_the_end_without_links_back(page, live_server, demo_site_read_only):
    """The 2016 statement's three notes: references in the text, the notes at the end, printed without ↩."""
    page.goto(f"{live_server.url}/es/statements/initial-elements-unga-summit-2016/")
    page.locator(".statement__body a.footnote-ref").first.click()
    assert page.evaluate("() => location.hash") == "#footnote-1"
    page.emulate_media(media="print")
    assert page.locator(".footnotes").is_visible()
    assert page.locator(".footnotes .footnote").count() == 3  # the Spanish text has all three, like the seed
    assert not page.locator(".footnote-backref").first.is_visible()
