"""Campaigns and advocacy moments without fixed dates: shown as ongoing, sorted after dated ones, never a 500 and
never among the calendar's dates (the calendar page's upcoming list, the home page's "coming up", the .ics feed)."""

import datetime

import icalendar
import pytest

from django.urls import reverse
from django.utils import timezone, translation

from campaigns.factories import AdvocacyDayFactory, CampaignPageFactory
from campaigns.models import AdvocacyDay, CampaignPage, upcoming
from events.factories import EventIndexPageFactory
from tests.helpers import count_queries, soup

from .test_admin import add_campaign_url, campaign_form, day_form

pytestmark = pytest.mark.django_db

D = datetime.date
ONGOING = {"en": "Ongoing", "es": "En curso", "pt": "Em curso", "fr": "En cours"}


def campaign(index, slug, title, **kwargs):
    return CampaignPageFactory(
        parent=index,
        slug=slug,
        title=title,
        title_es=f"{title} (es)",
        title_pt=f"{title} (pt)",
        title_fr=f"{title} (fr)",
        intro_es="x",
        intro_pt="x",
        intro_fr="x",
        **kwargs,
    )


@pytest.mark.parametrize(
    "start,end,current,language,label",
    [
        (None, None, True, "en", "Ongoing"),
        (None, None, True, "fr", "En cours"),
        (None, None, False, "en", ""),
        (D(2021, 3, 1), None, True, "en", "Since March 2021"),
        (D(2021, 3, 1), None, True, "es", "Desde marzo de 2021"),
        (None, D(2022, 5, 20), False, "pt", "Até maio de 2022"),
        (None, D(2022, 5, 20), False, "fr", "Jusqu'en mai 2022"),
        (D(2021, 3, 1), D(2022, 5, 20), False, "en", "March 2021 – May 2022"),
        (D(2021, 3, 1), D(2022, 5, 20), False, "es", "marzo de 2021 – mayo de 2022"),
        (D(2022, 5, 1), D(2022, 5, 20), False, "fr", "mai 2022"),
    ],
)
def test_dates_in_words(start, end, current, language, label):
    page = CampaignPage(title="C", start_date=start, end_date=end, is_current=current)
    with translation.override(language):
        assert page.dates_label == label


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_index_shows_a_dateless_campaign_as_ongoing_after_dated_ones(client, campaigns_index, language):
    """Current campaigns: dated ones first, the most recent first; a campaign without dates after them, labelled
    ongoing. Past ones likewise, a dateless past one last and without a label."""
    campaign(campaigns_index, "ongoing", "Ongoing advocacy")
    campaign(campaigns_index, "older", "Older", start_date=D(2018, 1, 1))
    campaign(campaigns_index, "newer", "Newer", start_date=D(2021, 3, 1))
    campaign(campaigns_index, "past-dateless", "Past dateless", is_current=False)
    campaign(campaigns_index, "gcm", "Compact", is_current=False, start_date=D(2017, 4, 1), end_date=D(2018, 12, 31))
    response = client.get(f"/{language}/campaigns/")
    assert response.status_code == 200
    page = soup(response)

    def cards(heading):
        return page.select_one(f"section[aria-labelledby={heading}]").select(".campaign-card")

    current = cards("current-heading")
    assert [card.h3.get_text() for card in current] == [
        f"{t} ({language})" if language != "en" else t for t in ("Newer", "Older", "Ongoing advocacy")
    ]
    assert current[2].select_one(".campaign-card__dates .badge--ongoing").get_text() == ONGOING[language]
    past = cards("past-heading")
    assert [card.h3.get_text().split(" (")[0] for card in past] == ["Compact", "Past dateless"]
    assert past[1].select_one(".campaign-card__dates") is None


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_hub_of_a_dateless_campaign(client, campaigns_index, language):
    campaign(campaigns_index, "ongoing", "Ongoing advocacy")
    response = client.get(f"/{language}/campaigns/ongoing/")
    assert response.status_code == 200
    assert soup(response).select_one(".campaign__status .campaign__dates").get_text() == ONGOING[language]


def test_hub_of_a_dated_campaign(client, campaigns_index):
    campaign(campaigns_index, "imrf", "IMRF", start_date=D(2021, 10, 19), end_date=D(2022, 5, 20))
    dates = soup(client.get("/es/campaigns/imrf/")).select_one(".campaign__status .campaign__dates")
    assert dates.get_text() == "octubre de 2021 – mayo de 2022" and "badge--ongoing" not in dates["class"]


def test_home_features_a_dateless_campaign_as_ongoing(client, home, campaigns_index):
    campaign(campaigns_index, "ongoing", "Ongoing advocacy")
    response = client.get("/pt/")
    assert response.status_code == 200
    card = soup(response).select_one(".home-section--campaign .campaign-card")
    assert card.select_one(".campaign-card__dates").get_text() == "Em curso"


def test_index_queries_stay_flat_with_dateless_campaigns(client, campaigns_index):
    campaign(campaigns_index, "a", "A")
    client.get("/en/campaigns/")
    _response, few = count_queries(client, "/en/campaigns/")
    for n in range(10):
        campaign(campaigns_index, f"b{n}", f"B{n}", start_date=D(2010 + n, 1, 1) if n % 2 else None)
    _response, many = count_queries(client, "/en/campaigns/")
    assert few == many


def test_staff_create_campaigns_with_and_without_dates(staff, campaigns_index):
    response = staff.post(add_campaign_url(campaigns_index), {**campaign_form(), "action-publish": "publish"})
    assert response.status_code == 302
    page = CampaignPage.objects.get(slug="road-to-imrf")
    assert (page.start_date, page.end_date, page.is_ongoing) == (None, None, True)
    data = campaign_form(slug="gcm", start_date="2017-04-01", end_date="2018-12-31")
    assert staff.post(add_campaign_url(campaigns_index), {**data, "action-publish": "publish"}).status_code == 302
    assert CampaignPage.objects.get(slug="gcm").dates_label == "April 2017 – December 2018"


@pytest.mark.parametrize(
    "dates,field",
    [({"start_date": "2022-05-20", "end_date": "2021-03-01"}, "end_date"), ({"start_date": "soon"}, "start_date")],
)
def test_campaign_form_refuses_bad_dates(staff, campaigns_index, dates, field):
    response = staff.post(add_campaign_url(campaigns_index), {**campaign_form(**dates), "action-publish": "publish"})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not CampaignPage.objects.filter(slug="road-to-imrf").exists()


# --- Advocacy moments without fixed dates ------------------------------------------------------------


@pytest.fixture
def committee(db):
    return AdvocacyDayFactory(
        slug="cmw",
        name="UN Committee on Migrant Workers",
        name_fr="Comité des travailleurs migrants",
        rule=AdvocacyDay.NO_FIXED_DATE,
        month=None,
        day=None,
    )


@pytest.mark.parametrize(
    "language,heading,label",
    [
        ("en", "Ongoing, without fixed dates", "Ongoing, no fixed dates"),
        ("es", "En curso, sin fechas fijas", "En curso, sin fechas fijas"),
        ("pt", "Em curso, sem datas fixas", "Em curso, sem datas fixas"),
        ("fr", "En cours, sans dates fixes", "En cours, sans dates fixes"),
    ],
)
def test_calendar_page_lists_moments_without_dates_apart(client, calendar_page, committee, language, heading, label):
    AdvocacyDayFactory(slug="iwd", name="International Women's Day", month=3, day=8)
    response = client.get(f"/{language}/calendar/")
    assert response.status_code == 200
    page = soup(response)
    section = page.select_one("section[aria-labelledby=ongoing-heading]")
    assert section.h2.get_text() == heading
    (item,) = section.select(".advocacy-day")
    assert item["id"] == "day-cmw" and item.select_one(".badge--ongoing").get_text() == label
    assert item.find("time") is None
    coming = page.select_one("section[aria-labelledby=upcoming-heading]")
    assert "day-cmw" not in str(coming) and coming.select_one("#day-iwd")
    assert page.select_one("section[aria-labelledby=past-heading]") is None


def test_never_among_the_calendars_dates(client, home, calendar_page, committee):
    """No occurrence, so never on the home page's "coming up", in `upcoming()`, nor in the events' .ics feed."""
    assert committee.next_occurrence() is None
    assert committee.occurrences_between(D(2000, 1, 1), D(2100, 1, 1)) == []
    assert upcoming() == []
    EventIndexPageFactory(parent=home)
    today = timezone.localdate()
    AdvocacyDayFactory(
        slug="soon",
        name="Soon",
        month=(today + datetime.timedelta(days=5)).month,
        day=(today + datetime.timedelta(days=5)).day,
    )
    feed = icalendar.Calendar.from_ical(client.get("/en/events/calendar.ics").content)
    assert [str(event["SUMMARY"]) for event in feed.walk("VEVENT")] == ["Soon"]
    assert "UN Committee on Migrant Workers" not in client.get("/en/").content.decode()


def test_staff_record_a_moment_without_dates_and_stray_dates_are_cleared(staff):
    url = reverse("wagtailsnippets_campaigns_advocacyday:add")
    response = staff.post(url, day_form(rule=AdvocacyDay.NO_FIXED_DATE, date="2022-05-17"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    day = AdvocacyDay.objects.get(slug="16-days")
    assert (day.rule, day.month, day.day, day.end_month, day.end_day, day.date) == (
        "no-fixed-date",
        None,
        None,
        None,
        None,
        None,
    )
    listing = staff.get(reverse("wagtailsnippets_campaigns_advocacyday:list")).content.decode()
    assert "Ongoing" in listing and "Over" not in listing
