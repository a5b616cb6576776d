"""The advocacy calendar page and the "coming up" block for the home page."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from campaigns.factories import AdvocacyDayFactory
from campaigns.models import AdvocacyDay
from tests.helpers import count_queries, soup

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def on_30_november(monkeypatch):
    """Today is 30 November 2026: the 16 Days are under way."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: D(2026, 11, 30))


@pytest.fixture
def days(db):
    return [
        AdvocacyDayFactory(
            slug="iwd",
            name="International Women's Day",
            name_es="Día Internacional de la Mujer",
            month=3,
            day=8,
        ),
        AdvocacyDayFactory(
            slug="csw",
            name="Commission on the Status of Women",
            rule=AdvocacyDay.YEARLY_MONTH,
            month=3,
            day=None,
            venue_en="New York",
            venue="New York",
            venue_es="Nueva York",
        ),
        AdvocacyDayFactory(
            slug="16-days",
            name="16 Days of Activism",
            name_es="16 días de activismo",
            rule=AdvocacyDay.YEARLY_RANGE,
            month=11,
            day=25,
            end_month=12,
            end_day=10,
            description_en="Against gender-based violence.",
        ),
        AdvocacyDayFactory(slug="migrants-day", name="International Migrants Day", month=12, day=18),
        AdvocacyDayFactory(
            slug="imrf-2022",
            name="IMRF",
            rule=AdvocacyDay.ONCE,
            month=None,
            day=None,
            date=D(2022, 5, 17),
            end_date=D(2022, 5, 20),
        ),
    ]


def test_days_in_the_order_they_next_come_round(client, calendar_page, days, on_30_november):
    """The ongoing 16 Days first, then Migrants Day, then March 2027; a past one-off under 'earlier'."""
    page = soup(client.get("/en/calendar/"))
    upcoming = page.select("section[aria-labelledby=upcoming-heading] .advocacy-day")
    assert [li["id"] for li in upcoming] == ["day-16-days", "day-migrants-day", "day-csw", "day-iwd"]
    assert [li.select_one("time").get_text(strip=True) for li in upcoming] == [
        "25 November – 10 December 2026",
        "18 December 2026",
        "March 2027",
        "8 March 2027",
    ]
    assert "Ongoing, until 10 December" in upcoming[0].get_text()
    assert "Every year from 25 November to 10 December" in upcoming[0].get_text()
    earlier = page.select("section[aria-labelledby=past-heading] .advocacy-day")
    assert [li["id"] for li in earlier] == ["day-imrf-2022"]
    assert "17–20 May 2022" in earlier[0].get_text()


def test_a_day_that_has_just_passed_moves_to_next_year(client, calendar_page, days, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: D(2027, 3, 9))
    upcoming = soup(client.get("/en/calendar/")).select("section[aria-labelledby=upcoming-heading] .advocacy-day")
    assert upcoming[-1]["id"] == "day-iwd"
    assert upcoming[-1].select_one("time").get_text(strip=True) == "8 March 2028"
    assert upcoming[0]["id"] == "day-csw"  # March is still under way on the 9th
    assert "Ongoing" in upcoming[0].get_text()


def test_calendar_in_spanish(client, calendar_page, days, on_30_november):
    page = soup(client.get("/es/calendar/"))
    first = page.select_one(".advocacy-day")
    assert first.select_one("time").get_text(strip=True) == "25 de noviembre – 10 de diciembre de 2026"
    assert "16 días de activismo" in first.get_text()
    assert "Cada año del 25 de noviembre al 10 de diciembre" in first.get_text()
    assert first.select_one(".advocacy-day__description")["lang"] == "en"  # no Spanish description yet
    assert "Nueva York" in page.get_text()
    assert page.select_one("#upcoming-heading").get_text(strip=True) == "Próximamente"


def test_calendar_queries_do_not_grow_with_days(client, calendar_page, on_30_november):
    for n in range(3):
        AdvocacyDayFactory(slug=f"d{n}", month=n + 1, day=1)
    client.get("/en/calendar/")
    _response, few = count_queries(client, "/en/calendar/")
    for n in range(40):
        AdvocacyDayFactory(slug=f"e{n}", month=n % 12 + 1, day=n % 28 + 1)
    response, many = count_queries(client, "/en/calendar/")
    assert response.status_code == 200
    assert few == many and many <= 12, (few, many)


def render_coming_up(limit, language="en", request=None):
    request = request or RequestFactory().get("/")
    with translation.override(language):
        return BeautifulSoup(
            Template("{% load campaign_tags %}{% advocacy_coming_up " + str(limit) + " %}").render(
                Context({"request": request})
            ),
            "html.parser",
        )


def test_coming_up_shows_the_next_days_and_links_the_calendar(calendar_page, days, on_30_november):
    """The home page block: the next three, ongoing first and flagged, each linking to its entry on the calendar."""
    block = render_coming_up(3)
    items = block.select(".coming-up__item")
    assert [i.select_one(".coming-up__name").get_text(strip=True) for i in items] == [
        "16 Days of Activism",
        "International Migrants Day",
        "Commission on the Status of Women",
    ]
    assert "Ongoing" in items[0].get_text()
    assert items[0].a["href"] == "/en/calendar/#day-16-days"
    assert block.select_one(".coming-up__more a")["href"] == "/en/calendar/"
    assert block.select_one("h2").get_text(strip=True) == "Coming up"


def test_coming_up_in_portuguese_without_a_calendar_page(days, on_30_november):
    """Without a calendar page the days are listed unlinked; labels follow the visitor's language."""
    block = render_coming_up(2, "pt")
    assert not block.select("a")
    assert block.select_one("time").get_text(strip=True) == "25 de novembro – 10 de dezembro de 2026"
    assert block.select_one("h2").get_text(strip=True) == "Em breve"


def test_coming_up_is_empty_without_days(db):
    assert render_coming_up(3).get_text(strip=True) == ""


def test_coming_up_queries(calendar_page, days, on_30_november, django_assert_max_num_queries):
    """Two queries, whatever the number of days (the calendar page and the days)."""
    request = RequestFactory().get("/")
    render_coming_up(3, request=request)  # the site and its root paths are cached, as on the home page
    with django_assert_max_num_queries(2):
        render_coming_up(3, request=request)
