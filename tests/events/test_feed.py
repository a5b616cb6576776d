import datetime
import xml.etree.ElementTree as ET

import pytest

from events import times
from events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    return root, [
        (entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}link").attrib["href"])
        for entry in root.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def published(make_event):
    """Three events published on different days; only the first two are translated into French."""
    base = times.now() - datetime.timedelta(days=10)
    made = []
    for n, (title, title_fr) in enumerate([("Caucus", "Caucus"), ("Webinar", "Webinaire"), ("Briefing", "")]):
        event = make_event(
            title=title,
            title_fr=title_fr,
            summary_fr="Résumé." if title_fr else "",
            slug=title.lower(),
            first_published_at=base + datetime.timedelta(days=n),
        )
        made.append(event)
    return made


def test_atom_feed_lists_newest_events_first(client, published):
    response = client.get("/en/events/feed.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root, items = entries(response)
    assert root.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == "en"
    assert items == [
        ("Briefing", "http://testserver/en/events/briefing/"),
        ("Webinar", "http://testserver/en/events/webinar/"),
        ("Caucus", "http://testserver/en/events/caucus/"),
    ]


def test_atom_feed_per_language_holds_only_translated_events(client, published):
    root, items = entries(client.get("/fr/events/feed.xml"))
    assert root.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == "fr"
    assert root.find(f"{ATOM}title").text == "Événements du Réseau Femmes en migration"
    assert items == [
        ("Webinaire", "http://testserver/fr/events/webinar/"),
        ("Caucus", "http://testserver/fr/events/caucus/"),
    ]


def test_atom_feed_summary_gives_the_local_time(client, make_event):
    make_event(
        slug="caucus",
        title_es="Caucus",
        summary_es="Un caucus.",
        start=datetime.datetime(2016, 7, 17, 16, 0),
        first_published_at=times.now(),
    )
    root = ET.fromstring(client.get("/es/events/feed.xml").content)  # noqa: S314 - our own feed
    summary = root.find(f"{ATOM}entry/{ATOM}summary").text
    assert summary == "domingo 17 de julio de 2016, 16:00 EDT (Nueva York). Un caucus."


def test_listing_links_the_feed_and_calendar(client, events_index):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/pt/events/").content, "html.parser")
    atom = page.find("link", rel="alternate", type="application/atom+xml")
    assert atom["href"] == "http://testserver/pt/events/feed.xml"
    ics = page.find("link", rel="alternate", type="text/calendar")
    assert ics["href"] == "http://testserver/pt/events/calendar.ics"
    subscribe = page.find("a", href="webcal://testserver/pt/events/calendar.ics")
    assert subscribe.get_text() == "Assinar o calendário"


def test_feed_query_count_is_constant(client, events_index):
    from tests.helpers import count_queries

    for _n in range(3):
        EventPageFactory(parent=events_index, first_published_at=times.now())
    client.get("/en/events/feed.xml")
    _response, few = count_queries(client, "/en/events/feed.xml")
    for _n in range(30):
        EventPageFactory(parent=events_index, first_published_at=times.now())
    _response, many = count_queries(client, "/en/events/feed.xml")
    assert many == few <= 12
