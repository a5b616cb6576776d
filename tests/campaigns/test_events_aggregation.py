"""Events tagged to a campaign on its page, and the events an organization took part in on its page."""

import datetime
import zoneinfo

import pytest

from campaigns.factories import OrganizationFactory
from events.factories import EventCoSponsorFactory, EventIndexPageFactory, EventPageFactory, EventParticipantFactory
from statements.factories import StatementAttachmentFactory, StatementIndexPageFactory, StatementPageFactory
from tests.helpers import count_queries, soup
from wimn_site.factories import DocumentFactory

pytestmark = pytest.mark.django_db

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
MANILA = zoneinfo.ZoneInfo("Asia/Manila")
URL = "/en/campaigns/road-to-imrf/"


def at(year, month, day, hour=10, zone=NEW_YORK):
    return datetime.datetime(year, month, day, hour, tzinfo=zone)


@pytest.fixture
def events_index(home):
    return EventIndexPageFactory(parent=home)


def event(index, title, start, **kwargs):
    return EventPageFactory(parent=index, title=title, start=start, end=start + datetime.timedelta(hours=2), **kwargs)


def test_tagged_events_appear_newest_first_and_link_to_the_filtered_listing(client, campaign, events_index):
    event(events_index, "Sustainable re/integration", at(2022, 5, 17), campaign=campaign)
    event(events_index, "Women's Caucus", at(2022, 5, 18), campaign=campaign)
    event(events_index, "Unrelated webinar", at(2022, 5, 19))
    draft = event(events_index, "Draft event", at(2022, 5, 20), campaign=campaign)
    draft.unpublish()
    page = soup(client.get(URL))
    events = page.select_one(".related-group--events")
    assert [a.get_text(strip=True) for a in events.select(".related-list a")] == [
        "Women's Caucus",
        "Sustainable re/integration",
    ]
    assert events.select_one(".related-group__more a")["href"] == "/en/events/?campaign=road-to-imrf"
    assert "Unrelated webinar" not in page.get_text() and "Draft event" not in page.get_text()


def test_event_date_is_the_day_where_it_happens(client, campaign, events_index):
    """An event at 8:00 on 17 May in Manila (still 16 May in New York) is dated 17 May."""
    event(events_index, "Manila morning", at(2022, 5, 17, 8, MANILA), campaign=campaign, timezone="Asia/Manila")
    time = soup(client.get(URL)).select_one(".related-group--events time")
    assert time.get_text(strip=True) == "17 May 2022"
    assert time["datetime"] == "2022-05-17"


def test_event_programs_are_among_the_documents(client, campaign, events_index):
    program = DocumentFactory(title="Programme of the side event", doc_type="program")
    event(events_index, "Side event", at(2022, 5, 17), campaign=campaign, program=program)
    event(events_index, "Other event", at(2022, 5, 17), program=DocumentFactory(title="Unrelated programme"))
    documents = soup(client.get(URL)).select_one(".related-group--documents")
    assert [a.get_text(strip=True) for a in documents.select("a.download__link")] == ["Programme of the side event"]


def test_statement_files_and_event_programs_are_listed_together_newest_first(client, home, campaign, events_index):
    """Statements' files and events' programs are read in one query (UNION ALL): each file by the latest date of
    the pages linking it, statement date or event day, newest first."""
    statements_index = StatementIndexPageFactory(parent=home)
    for title, date in (("File of 2021", datetime.date(2021, 10, 19)), ("File of 2023", datetime.date(2023, 3, 1))):
        page = StatementPageFactory(parent=statements_index, campaign=campaign, date=date)
        StatementAttachmentFactory(page=page, document=DocumentFactory(title=title))
    program = DocumentFactory(title="Programme of 2022", doc_type="program")
    event(events_index, "Side event", at(2022, 5, 17), campaign=campaign, program=program)
    documents = soup(client.get(URL)).select_one(".related-group--documents")
    assert [a.get_text(strip=True) for a in documents.select("a.download__link")] == [
        "File of 2023",
        "Programme of 2022",
        "File of 2021",
    ]


def test_statements_and_events_together_stay_within_the_budget(client, home, campaign, events_index):
    """Statements and events together: the same number of queries for 2 of each as for 30, at most 12."""
    statements_index = StatementIndexPageFactory(parent=home)

    def add(count):
        for n in range(count):
            StatementPageFactory(parent=statements_index, campaign=campaign)
            event(events_index, f"Event {n}", at(2022, 5, 1 + n % 28), campaign=campaign, program=DocumentFactory())

    add(2)
    client.get(URL)
    _response, few = count_queries(client, URL)
    add(28)
    client.get(URL)
    _response, many = count_queries(client, URL)
    assert few == many and many <= 12, (few, many)


def test_organization_page_lists_events_it_took_part_in(client, directory, events_index):
    """Live events where the organization co-sponsored (not drafts, not others'), newest first, with its role."""
    gaatw = OrganizationFactory(slug="gaatw", name="GAATW")
    caucus = event(events_index, "Women's Caucus", at(2022, 5, 18))
    reintegration = event(events_index, "Sustainable re/integration", at(2022, 5, 17))
    draft = event(events_index, "Draft event", at(2022, 5, 19))
    draft.unpublish()
    for page in (caucus, reintegration, draft):
        EventCoSponsorFactory(page=page, organization=gaatw)
    EventCoSponsorFactory(page=event(events_index, "Not co-sponsored", at(2022, 5, 20)))
    section = soup(client.get("/en/members/gaatw/")).select_one("section[aria-labelledby=events-heading]")
    assert section.h2.get_text() == "Events it took part in"
    assert [a.get_text(strip=True) for a in section.select("a")] == ["Women's Caucus", "Sustainable re/integration"]
    assert section.select_one("time").get_text(strip=True) == "18 May 2022"
    assert [role.get_text() for role in section.select(".related-list__roles")] == ["(Co-sponsor)", "(Co-sponsor)"]


@pytest.mark.parametrize(
    "language,heading,roles",
    [
        ("en", "Events it took part in", "(Organizer, Co-sponsor, Speaker)"),
        ("es", "Eventos en los que participó", "(Organizadora, Copatrocinadora, Ponencia)"),
        ("pt", "Eventos de que participou", "(Organizadora, Copatrocinadora, Palestra)"),
        ("fr", "Événements auxquels elle a pris part", "(Organisatrice, Coparrainante, Intervention)"),
    ],
)
def test_organization_page_names_each_of_its_roles_once_in_every_language(
    client, directory, events_index, language, heading, roles
):
    """An organization that organized, co-sponsored and sent a speaker to one event is listed once with its three
    roles in the programme's order, and another organization's roles are not counted."""
    wimn = OrganizationFactory(slug="wimn", name="Women in Migration Network")
    other = OrganizationFactory(slug="picum", name="PICUM")
    caucus = event(events_index, "Women's Caucus", at(2022, 5, 18))
    EventParticipantFactory(page=caucus, role="speaker", name="Carol Barton", organization=wimn)
    EventParticipantFactory(page=caucus, role="co-sponsor", organization=wimn)
    EventParticipantFactory(page=caucus, role="organizer", organization=wimn)
    EventParticipantFactory(page=caucus, role="rapporteur", name="Someone", organization=other)
    section = soup(client.get(f"/{language}/members/wimn/")).select_one("section[aria-labelledby=events-heading]")
    assert section.h2.get_text() == heading
    assert [li.select_one(".related-list__roles").get_text() for li in section.select("li")] == [roles]


def test_organization_page_query_count_does_not_grow_with_its_events(client, directory, events_index):
    """One query for the events an organization took part in, with their roles, however many there are."""
    gaatw = OrganizationFactory(slug="gaatw", name="GAATW")
    EventCoSponsorFactory(page=event(events_index, "First", at(2022, 5, 18)), organization=gaatw)
    client.get("/en/members/gaatw/")
    _response, few = count_queries(client, "/en/members/gaatw/")
    for day in range(1, 11):
        page = event(events_index, f"Event {day}", at(2021, 3, day))
        EventCoSponsorFactory(page=page, organization=gaatw)
        EventParticipantFactory(page=page, role="organizer", organization=gaatw)
    response, many = count_queries(client, "/en/members/gaatw/")
    assert response.status_code == 200 and many == few
    assert len(soup(response).select("section[aria-labelledby=events-heading] li")) == 11
