"""An embargoed media alert goes live at its minute, published by the scheduler, and not before.

Time is moved by patching django.utils.timezone.now (what Wagtail and publish_scheduled read), so no
test sleeps; the browser test waits for a real minute.
"""

import datetime
from unittest import mock

import pytest

from django.core.management import call_command
from django.utils import timezone

from statements.models import StatementBasePage, StatementPage
from tests.helpers import soup
from tests.statements.admin_helpers import add_url, body, form_data

pytestmark = pytest.mark.django_db

TITLE = "WIMN responds to the adoption of the Progress Declaration"


@pytest.fixture
def embargoed(client, staff, index):
    """A media alert published from the admin with its go-live two minutes ahead (a whole minute, at least)."""
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(minutes=2)).replace(second=0, microsecond=0)
    data = form_data(
        client,
        add_url("statementpage", index),
        title_en=TITLE,
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
    )
    data["action-publish"] = "action-publish"
    response = client.post(add_url("statementpage", index), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return StatementPage.objects.get(slug="media-alert"), go_live


def publicly_visible(client):
    """Where a visitor could find the alert: its page, the listing, the feeds, the site's search."""
    return {
        "page": client.get("/en/statements/media-alert/").status_code == 200,
        "page_es": client.get("/es/statements/media-alert/").status_code == 200,
        "listing": TITLE in client.get("/en/statements/").content.decode(),
        "feed": TITLE in client.get("/en/feeds/statements/").content.decode(),
        "media_alert_feed": TITLE in client.get("/en/feeds/statements/media_alert/").content.decode(),
        "search": TITLE in soup(client.get("/en/search/", {"q": "Progress Declaration"})).get_text(),
    }


def run_scheduler_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", verbosity=0)


def test_embargoed_alert_is_scheduled_not_live(embargoed):
    page, go_live = embargoed
    assert not page.live
    assert page.go_live_at == go_live
    assert page.get_latest_revision().approved_go_live_at == go_live


def test_embargoed_alert_is_nowhere_before_its_minute(client, embargoed):
    page, go_live = embargoed
    run_scheduler_at(go_live - datetime.timedelta(seconds=30))
    assert publicly_visible(client) == dict.fromkeys(
        ["page", "page_es", "listing", "feed", "media_alert_feed", "search"], False
    )
    assert not StatementBasePage.objects.get(pk=page.pk).live


def test_embargoed_alert_goes_live_at_its_minute(client, embargoed):
    page, go_live = embargoed
    run_scheduler_at(go_live + datetime.timedelta(seconds=1))
    assert publicly_visible(client) == dict.fromkeys(
        ["page", "page_es", "listing", "feed", "media_alert_feed", "search"], True
    )
    page.refresh_from_db()
    assert page.live and page.first_published_at >= go_live


def test_run_scheduler_once_publishes_due_alerts(client, embargoed):
    """`manage.py run_scheduler` (started by `make run`) is what publishes the alert in practice."""
    page, go_live = embargoed
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(seconds=15)):
        call_command("run_scheduler", once=True)
    page.refresh_from_db()
    assert page.live
