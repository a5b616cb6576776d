"""RSS feeds of the statements section: one per language, one per kind, only items available in the language."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from statements.factories import MediaAlertFactory, OpEdPageFactory, StatementPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(index):
    return {
        "bilingual": StatementPageFactory(
            parent=index,
            slug="bilingual",
            title="Roadmap",
            title_es="Hoja de ruta",
            summary_es="Resumen en español.",
            date=datetime.date(2021, 10, 19),
        ),
        "english": StatementPageFactory(
            parent=index, slug="english", title="English only", date=datetime.date(2022, 3, 8)
        ),
        "title_only": OpEdPageFactory(
            parent=index, slug="title-only", title="Op-ed", title_es="Artículo", date=datetime.date(2022, 5, 17)
        ),
        "alert": MediaAlertFactory(
            parent=index,
            slug="alert",
            title="Alert",
            title_es="Alerta",
            summary_es="Resumen de la alerta.",
            date=datetime.date(2022, 5, 20),
        ),
    }


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own response
    return channel, [
        {"title": i.findtext("title"), "link": i.findtext("link"), "description": i.findtext("description")}
        for i in channel.findall("item")
    ]


def test_english_feed_has_every_item_newest_first(client, items):
    channel, entries = feed(client, "/en/feeds/statements/")
    assert channel.findtext("language") == "en"
    assert [e["title"] for e in entries] == ["Alert", "Op-ed", "English only", "Roadmap"]
    assert entries[-1]["link"] == "http://testserver/en/statements/bilingual/"


def test_spanish_feed_has_only_items_translated_into_spanish(client, items):
    """An item missing its Spanish title or summary is left out of the Spanish feed."""
    channel, entries = feed(client, "/es/feeds/statements/")
    assert channel.findtext("language") == "es"
    assert [e["title"] for e in entries] == ["Alerta", "Hoja de ruta"]
    assert entries[1]["description"] == "Resumen en español."
    assert entries[1]["link"] == "http://testserver/es/statements/bilingual/"


def test_french_feed_is_empty_when_nothing_is_in_french(client, items):
    _, entries = feed(client, "/fr/feeds/statements/")
    assert entries == []


def test_media_alert_feed_per_language(client, items):
    _, english = feed(client, "/en/feeds/statements/media_alert/")
    _, spanish = feed(client, "/es/feeds/statements/media_alert/")
    assert [e["title"] for e in english] == ["Alert"]
    assert [e["title"] for e in spanish] == ["Alerta"]


def test_unpublished_items_are_not_in_feeds(client, items):
    items["alert"].unpublish()
    _, entries = feed(client, "/en/feeds/statements/")
    assert "Alert" not in [e["title"] for e in entries]


@pytest.mark.parametrize("url", ["/en/feeds/statements/bogus/", "/xx/feeds/statements/", "/en/feeds/statements/%00/"])
def test_unknown_feed_is_404(client, items, url):
    assert client.get(url).status_code == 404


def test_feed_without_a_statements_section_is_404(client, home):
    assert client.get("/en/feeds/statements/").status_code == 404


def test_pages_link_their_language_feeds_with_rel_alternate(client, items):
    index = BeautifulSoup(client.get("/es/statements/").content, "html.parser")
    feeds = {link["href"] for link in index.select('link[rel="alternate"][type="application/rss+xml"]')}
    assert feeds == {"/es/feeds/statements/", "/es/feeds/statements/media_alert/"}
    alert = BeautifulSoup(client.get("/pt/statements/alert/").content, "html.parser")
    feeds = {link["href"] for link in alert.select('link[rel="alternate"][type="application/rss+xml"]')}
    assert feeds == {"/pt/feeds/statements/", "/pt/feeds/statements/media_alert/"}
    statement = BeautifulSoup(client.get("/en/statements/english/").content, "html.parser")
    feeds = [link["href"] for link in statement.select('link[rel="alternate"][type="application/rss+xml"]')]
    assert feeds == ["/en/feeds/statements/"]
