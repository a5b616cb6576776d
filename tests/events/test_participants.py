"""An event's participants grouped by role on its page: "Organized by ... together with ...", moderators, speakers,
rapporteurs and co-sponsors, in every language."""

import datetime
import json

import pytest

from campaigns.models import Organization, OrganizationDirectoryPage
from events.factories import EventParticipantFactory
from tests.helpers import count_queries, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def caucus(make_event):
    return make_event(
        title="Women's Caucus",
        title_es="Caucus de Mujeres",
        title_pt="Caucus de Mulheres",
        title_fr="Caucus des femmes",
        summary_es="Un caucus.",
        summary_pt="Um caucus.",
        summary_fr="Un caucus.",
        slug="womens-caucus",
        start=datetime.datetime(2022, 5, 18, 8, 0),
    )


@pytest.fixture
def wimn(home):
    home.add_child(instance=OrganizationDirectoryPage(title="Members", title_en="Members", slug="members"))
    return Organization.objects.create(
        name="Women in Migration Network", acronym="WIMN", slug="wimn", sector="womens-rights"
    )


def organizers_line(client, language):
    tag = soup(client.get(f"/{language}/events/womens-caucus/")).select_one(".event-organizers")
    return tag and " ".join(tag.get_text().split())


def un_women_and_canada(caucus):
    EventParticipantFactory(
        page=caucus,
        role="co-organizer",
        organization_name_en="UN Women",
        organization_name_es="ONU Mujeres",
        organization_name_pt="ONU Mulheres",
        organization_name_fr="ONU Femmes",
    )
    EventParticipantFactory(
        page=caucus,
        role="co-organizer",
        organization_name_en="Government of Canada",
        organization_name_es="Gobierno del Canadá",
        organization_name_pt="Governo do Canadá",
        organization_name_fr="Gouvernement du Canada",
    )


@pytest.mark.parametrize(
    "language,line",
    [
        ("en", "Organized by Women in Migration Network (WIMN) together with UN Women and Government of Canada"),
        ("es", "Organizado por Women in Migration Network (WIMN) junto con ONU Mujeres y Gobierno del Canadá"),
        ("pt", "Organizado por Women in Migration Network (WIMN) em conjunto com ONU Mulheres e Governo do Canadá"),
        ("fr", "Organisé par Women in Migration Network (WIMN) avec ONU Femmes et Gouvernement du Canada"),
    ],
)
def test_organized_by_the_network_together_with_others_in_every_language(client, caucus, wimn, language, line):
    """The organizer, linked to its directory entry, and the co-organizers in one sentence of the visitor's language."""
    EventParticipantFactory(page=caucus, role="organizer", organization=wimn)
    un_women_and_canada(caucus)
    assert organizers_line(client, language) == line
    link = soup(client.get(f"/{language}/events/womens-caucus/")).select_one(".event-organizers a")
    assert link["href"] == f"/{language}/members/wimn/"


@pytest.mark.parametrize(
    "language,line",
    [
        ("en", "Organized by the Women in Migration Network together with UN Women and Government of Canada"),
        ("es", "Organizado por la Red de Mujeres en la Migración junto con ONU Mujeres y Gobierno del Canadá"),
        ("pt", "Organizado pela Rede de Mulheres na Migração em conjunto com ONU Mulheres e Governo do Canadá"),
        ("fr", "Organisé par le Réseau Femmes en migration avec ONU Femmes et Gouvernement du Canada"),
    ],
)
def test_co_organizers_alone_organized_it_with_the_network(client, caucus, language, line):
    """A co-organizer organized the event with the network: without an organizer row, the network is named."""
    un_women_and_canada(caucus)
    assert organizers_line(client, language) == line


def test_organizers_alone_and_lists_of_three(client, caucus):
    for name in ("GAATW", "PICUM", "NNIRR"):
        EventParticipantFactory(page=caucus, role="organizer", organization_name_en=name)
    assert organizers_line(client, "en") == "Organized by GAATW, PICUM and NNIRR"
    assert organizers_line(client, "fr") == "Organisé par GAATW, PICUM et NNIRR"


def test_without_organizers_the_page_names_none(client, caucus):
    EventParticipantFactory(page=caucus, role="co-sponsor", organization_name_en="PICUM")
    assert organizers_line(client, "en") is None


def test_names_are_escaped_in_the_sentence(client, caucus):
    EventParticipantFactory(page=caucus, role="organizer", organization_name_en="<b>Bold</b> & Co")
    page = soup(client.get("/en/events/womens-caucus/"))
    line = page.select_one(".event-organizers")
    assert line.find("b") is None and line.get_text() == "Organized by <b>Bold</b> & Co"


@pytest.mark.parametrize(
    "language,one,many",
    [
        ("en", "Rapporteur", "Rapporteurs"),
        ("es", "Relatora", "Relatoras"),
        ("pt", "Relatora", "Relatoras"),
        ("fr", "Rapporteuse", "Rapporteuses"),
    ],
)
def test_rapporteurs_have_their_own_section(client, caucus, language, one, many):
    EventParticipantFactory(
        page=caucus,
        role="rapporteur",
        name="Carol Barton",
        position_en="Rapporteur on Women",
        organization_name_en="United Methodist Women",
    )
    page = soup(client.get(f"/{language}/events/womens-caucus/"))
    heading = page.find("h2", id="rapporteurs-heading")
    assert heading.get_text() == one
    assert " ".join(heading.find_next("ul").get_text().split()) == (
        "Carol Barton, Rapporteur on Women, United Methodist Women"
    )
    EventParticipantFactory(page=caucus, role="rapporteur", name="Neha Misra")
    assert (
        soup(client.get(f"/{language}/events/womens-caucus/")).find("h2", id="rapporteurs-heading").get_text() == many
    )


def test_each_role_in_its_own_group_in_the_editors_order(client, caucus):
    """Moderators, speakers, rapporteurs and co-sponsors each list only their own rows, in the editor's order."""
    rows = [
        ("speaker", "Neha Misra", ""),
        ("co-sponsor", "", "PICUM"),
        ("moderator", "Carol Barton", ""),
        ("speaker", "Alma Maquitico", ""),
        ("rapporteur", "Bandana Pattanaik", ""),
        ("co-sponsor", "", "GAATW"),
    ]
    for order, (role, name, organization) in enumerate(rows):
        EventParticipantFactory(page=caucus, sort_order=order, role=role, name=name, organization_name_en=organization)
    page = soup(client.get("/en/events/womens-caucus/"))

    def names(heading):
        return [li.get_text(strip=True) for li in page.find("h2", id=heading).find_next("ul").find_all("li")]

    assert names("moderators-heading") == ["Carol Barton"]
    assert names("speakers-heading") == ["Neha Misra", "Alma Maquitico"]
    assert names("rapporteurs-heading") == ["Bandana Pattanaik"]
    assert names("cosponsors-heading") == ["PICUM", "GAATW"]


def test_json_ld_organizers_are_the_network_and_its_co_organizers(client, caucus):
    un_women_and_canada(caucus)
    page = soup(client.get("/es/events/womens-caucus/"))
    (data,) = [
        block
        for block in (json.loads(s.string) for s in page.find_all("script", type="application/ld+json"))
        if block.get("@type") == "Event"
    ]
    assert [organizer["name"] for organizer in data["organizer"]] == [
        "Women in Migration Network",
        "ONU Mujeres",
        "Gobierno del Canadá",
    ]


def test_event_page_queries_stay_flat_with_every_role(client, caucus, make_event, wimn):
    """Participants of every role, linked or typed, cost the same queries for 1 or 10 of each."""
    small = make_event(slug="small")
    for page, count in ((small, 1), (caucus, 10)):
        for _n in range(count):
            for role in ("organizer", "co-organizer", "co-sponsor"):
                EventParticipantFactory(page=page, role=role, organization=wimn)
            for role in ("moderator", "speaker", "rapporteur"):
                EventParticipantFactory(page=page, role=role, name="Carol Barton", organization=wimn)
    client.get("/en/events/small/")
    _response, few = count_queries(client, "/en/events/small/")
    response, many = count_queries(client, "/en/events/womens-caucus/")
    assert response.status_code == 200 and many == few
