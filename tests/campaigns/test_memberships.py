"""The network's memberships of coalitions and other bodies: a role, a period and a note, shown on the
organization's page and in the directory in every language, current ones apart from past ones."""

import pytest

from campaigns.factories import CoalitionMembershipFactory, OrganizationFactory
from tests.helpers import count_queries, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def pga(directory):
    """People's Global Action: a steering-committee seat since 2009, after a membership from 2006 to 2008."""
    org = OrganizationFactory(
        slug="peoples-global-action", name="People's Global Action", relation="coalition", region="global"
    )
    CoalitionMembershipFactory(
        organization=org,
        role="steering-committee",
        start_year=2009,
        note_en="The international steering committee.",
        note_fr="Le comité de pilotage international.",
    )
    CoalitionMembershipFactory(organization=org, role="member", start_year=2006, end_year=2008)
    return org


@pytest.fixture
def post_2015(directory):
    org = OrganizationFactory(slug="post-2015", name="Post-2015 Women's Coalition", relation="coalition")
    CoalitionMembershipFactory(organization=org, role="member", end_year=2019)
    return org


LABELS = {
    "en": ["Steering committee since 2009", "Member from 2006 to 2008", "Member until 2019"],
    "es": ["Comité directivo desde 2009", "Miembro de 2006 a 2008", "Miembro hasta 2019"],
    "pt": ["Comitê diretor desde 2009", "Membro de 2006 a 2008", "Membro até 2019"],
    "fr": ["Comité directeur depuis 2009", "Membre de 2006 à 2008", "Membre jusqu'en 2019"],
}
PAST = {"en": "Past", "es": "Anterior", "pt": "Anterior", "fr": "Passée"}


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_organization_page_shows_current_memberships_then_past_ones(client, pga, post_2015, language):
    page = soup(client.get(f"/{language}/members/peoples-global-action/"))
    rows = page.select("section.memberships li.membership")
    assert [row.select_one(".membership__label").get_text() for row in rows] == LABELS[language][:2]
    current, past = rows
    assert "membership--past" not in current["class"] and current.select_one(".badge--past") is None
    assert "membership--past" in past["class"] and past.select_one(".badge--past").get_text() == PAST[language]
    other = soup(client.get(f"/{language}/members/post-2015/")).select_one("section.memberships li")
    assert other.select_one(".membership__label").get_text() == LABELS[language][2]


def test_a_note_in_the_visitors_language_or_english_marked_as_such(client, pga):
    note = soup(client.get("/fr/members/peoples-global-action/")).select_one(".membership__note")
    assert note.get_text() == ": Le comité de pilotage international." and not note.has_attr("lang")
    note = soup(client.get("/es/members/peoples-global-action/")).select_one(".membership__note")
    assert note.get_text() == ": The international steering committee." and note["lang"] == "en"


def test_organization_without_memberships_has_no_section(client, directory):
    OrganizationFactory(slug="picum", name="PICUM")
    assert soup(client.get("/en/members/picum/")).select_one("section.memberships") is None


@pytest.mark.parametrize(
    "role,label",
    [
        ("partner", {"en": "Partner, not a formal member", "fr": "Partenaire, sans adhésion formelle"}),
        ("observer", {"en": "Observer", "fr": "Observateur"}),
        ("member", {"en": "Member", "fr": "Membre"}),
    ],
)
def test_each_role_without_years(client, directory, role, label):
    org = OrganizationFactory(slug="social-protection-floors", name="Global Coalition for Social Protection Floors")
    CoalitionMembershipFactory(organization=org, role=role)
    for language, text in label.items():
        page = soup(client.get(f"/{language}/members/social-protection-floors/"))
        assert page.select_one(".membership__label").get_text() == text


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_directory_cards_show_memberships_with_past_ones_marked(client, pga, post_2015, language):
    page = soup(client.get(f"/{language}/members/"))
    cards = {card.h3.a.get_text(): card for card in page.select(".org-card")}
    pga_card = cards["People's Global Action"]
    spans = pga_card.select(".org-card__membership")
    assert [span.get_text() for span in spans] == LABELS[language][:2]
    assert ["org-card__membership--past" in span["class"] for span in spans] == [False, True]
    (ended,) = cards["Post-2015 Women's Coalition"].select(".org-card__membership--past")
    assert ended.get_text() == LABELS[language][2]


def test_directory_reads_memberships_in_one_query_for_the_page(client, directory):
    """The directory costs the same with 2 or 30 organizations holding memberships."""
    for n in range(2):
        CoalitionMembershipFactory(organization=OrganizationFactory(slug=f"a-{n}", region="europe"), end_year=2019)
    client.get("/en/members/?region=europe")
    _response, few = count_queries(client, "/en/members/?region=europe")
    for n in range(28):
        org = OrganizationFactory(slug=f"b-{n}", region="europe")
        CoalitionMembershipFactory(organization=org, role="steering-committee", start_year=2009)
        CoalitionMembershipFactory(organization=org, end_year=2008)
    response, many = count_queries(client, "/en/members/?region=europe")
    assert response.status_code == 200 and few == many
    cards = soup(response).select(".org-card")
    assert len(cards) == 24 and all(card.select(".org-card__membership") for card in cards)


def test_organization_page_reads_memberships_in_one_query(client, pga):
    client.get("/en/members/peoples-global-action/")
    _response, few = count_queries(client, "/en/members/peoples-global-action/")
    for year in range(1990, 2000):
        CoalitionMembershipFactory(organization=pga, start_year=year, end_year=year)
    _response, many = count_queries(client, "/en/members/peoples-global-action/")
    assert few == many
