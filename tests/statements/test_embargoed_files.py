"""An embargoed media alert's files follow the alert: closed on every route until the scheduler publishes
it at its minute, then open on every route a visitor may use (wimn_site.visibility)."""

import datetime
from unittest import mock

import pytest
from bs4 import BeautifulSoup

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Collection

from tests.statements.admin_helpers import add_url, body, form_data, inline
from wimn_site.factories import DocumentLibraryPageFactory, minimal_pdf
from wimn_site.models import WimnDocument

pytestmark = pytest.mark.django_db

ENGLISH = "Media release on the Progress Declaration"
SPANISH = "Comunicado sobre la Declaración de Progreso"


def upload(client, title, language="en", original=None):
    """Upload a PDF through the admin's document form, as staff do (the library box left as it comes)."""
    form = client.get("/admin/documents/add/").content.decode()
    assert 'name="in_library"' in form and 'name="in_library" checked' not in form
    response = client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(f"{title[:20].lower().replace(' ', '-')}.pdf", minimal_pdf(title)),
            "collection": Collection.get_first_root_node().pk,
            "language": language,
            "original": original.pk if original else "",
            "doc_type": "media_release",
            "description": "",
            "year": "2022",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return WimnDocument.objects.get(title=title)


@pytest.fixture
def alert(staff, index, home):
    """Upload, attach, schedule: a media alert with an English file and its Spanish version, two minutes ahead."""
    DocumentLibraryPageFactory(parent=home, title="Documents", title_es="Documentos")
    original = upload(staff, ENGLISH)
    spanish = upload(staff, SPANISH, "es", original)
    assert not original.in_library and not spanish.in_library
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(minutes=2)).replace(second=0, microsecond=0)
    url = add_url("statementpage", index)
    data = form_data(
        staff,
        url,
        title_en="WIMN responds to the adoption of the Progress Declaration",
        title_es="WIMN responde a la adopción de la Declaración de Progreso",
        slug="media-alert",
        kind="media_alert",
        date="2022-05-20",
        summary_en="The first IMRF closes in New York.",
        summary_es="Cierra en Nueva York el primer FEMI.",
        dateline_en="NEW YORK, 20 May 2022",
        press_contact_email="press@example.org",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        **body(en="<p>Embargoed text.</p>", es="<p>Texto bajo embargo.</p>"),
        **inline("attachments", [{"document": original.pk, "label_en": "Full media release", "ORDER": "1"}]),
    )
    data["action-publish"] = "action-publish"
    response = staff.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return original, spanish, go_live


def routes(original, spanish):
    """Every route by which a visitor could reach the alert's files, and what each gives them."""
    client = Client()

    def listed(url, title):
        return title in BeautifulSoup(client.get(url).content, "html.parser").get_text()

    alert_page = client.get("/es/statements/media-alert/")
    return {
        "download original": client.get(original.url).status_code,
        "download Spanish": client.get(spanish.url).status_code,
        "media folder original": client.get(f"/media/{original.file.name}").status_code,
        "media folder Spanish": client.get(f"/media/{spanish.file.name}").status_code,
        "alert page": alert_page.status_code,
        "alert page links the Spanish file": spanish.url in alert_page.content.decode(),
        "library": listed("/en/documents/", ENGLISH),
        "library in Spanish": listed("/es/documents/", SPANISH),
        "search": listed("/en/search/?q=Progress+Declaration+release", ENGLISH),
        "search in Spanish": listed("/es/search/?q=comunicado", SPANISH),
    }


CLOSED = {
    "download original": 404,
    "download Spanish": 404,
    "media folder original": 404,
    "media folder Spanish": 404,
    "alert page": 404,
    "alert page links the Spanish file": False,
    "library": False,
    "library in Spanish": False,
    "search": False,
    "search in Spanish": False,
}
OPEN = CLOSED | {
    "download original": 200,
    "download Spanish": 200,
    "alert page": 200,
    "alert page links the Spanish file": True,
    "library": True,
    "library in Spanish": True,
    "search": True,
    "search in Spanish": True,
}


def run_scheduler_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", verbosity=0)


def test_files_open_at_the_alerts_minute_and_not_a_second_earlier(alert):
    original, spanish, go_live = alert
    assert routes(original, spanish) == CLOSED
    run_scheduler_at(go_live - datetime.timedelta(seconds=1))
    assert routes(original, spanish) == CLOSED
    run_scheduler_at(go_live + datetime.timedelta(seconds=1))
    assert routes(original, spanish) == OPEN


def test_unpublishing_the_alert_closes_its_files_again(alert):
    original, spanish, go_live = alert
    run_scheduler_at(go_live + datetime.timedelta(seconds=1))
    original.refresh_from_db()
    from statements.models import StatementPage

    StatementPage.objects.get(slug="media-alert").unpublish()
    assert routes(original, spanish) == CLOSED


def test_staff_download_the_embargoed_file_to_check_it(alert, staff):
    original, spanish, _go_live = alert
    assert staff.get(original.url).status_code == 200
    assert staff.get(spanish.url).status_code == 200


def test_guessing_the_next_id_finds_nothing(alert):
    """Ids are sequential and names follow titles: a guessed address of an embargoed file is a plain 404."""
    original, _spanish, _go_live = alert
    response = Client().get(f"/documents/{original.pk}/{original.filename}", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
