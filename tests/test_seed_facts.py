"""The demo site carries the network's record (shared/seeds/*.txt) faithfully: facts read in the seeds, found on
the pages the demo site shows (events, campaigns and the core's pages, in English as the seeds give them).

Typographic apostrophes and quotes are compared as straight ones, and white space is collapsed; every other
character must be as the seed writes it.
"""

import re

import pytest

from tests.helpers import soup

pytestmark = pytest.mark.django_db

REINTEGRATION = "/en/events/sustainable-reintegration-migrant-trafficked-women/"
CAUCUS_2022 = "/en/events/womens-caucus-imrf-2022/"
PLEDGES = "/en/events/from-pledges-to-practices-gender-responsiveness/"
CAUCUS_2016 = "/en/events/womens-caucus-new-york-2016/"
IMRF = "/en/campaigns/road-to-imrf/"
MEMBERS = "/en/members/"
MEMBERS_2 = "/en/members/?page=2"  # the directory lists 24 a page, by name
CALENDAR = "/en/calendar/"
ABOUT = "/en/about/"
CONTACT = "/en/contact/"

# (page, fact as the seed writes it)
SEED_FACTS = [
    # 000: the IMRF page of May 2022
    (REINTEGRATION, "Sustainable Re/integration of migrant and trafficked women in Asia, Europe, and Latin America"),
    (REINTEGRATION, "Carol Barton"),
    (REINTEGRATION, "Global Alliance Against Traffic in Women (GAATW)"),
    (REINTEGRATION, "Bangladesh Nari Sramik Kendra (BNSK)"),
    (REINTEGRATION, "Espacio de Mujer"),  # the seed adds "(Colombia)", the directory its country
    (REINTEGRATION, "Fair Work"),
    (REINTEGRATION, "Ovibashi Karmi Unnayan Program"),
    (REINTEGRATION, "Government of Bangladesh"),
    (REINTEGRATION, "Office of the United Nations High Commissioner for Human Rights"),
    (REINTEGRATION, "17 May 2022"),
    (CAUCUS_2022, "Women in Migration Network"),
    (CAUCUS_2022, "18 May 2022"),
    (CAUCUS_2022, "ACT Alliance"),
    (CAUCUS_2022, "AFL-CIO"),
    (CAUCUS_2022, "Alianza Americas"),
    (CAUCUS_2022, "Bloque Latinoamericano Sobre Migración"),
    (CAUCUS_2022, "Global Coalition on Migration"),
    (CAUCUS_2022, "International Detention Coalition"),
    (CAUCUS_2022, "Latinas en Poder"),
    (CAUCUS_2022, "NGO Committee on Migration"),
    (CAUCUS_2022, "Refugee Women's Commission"),
    (CAUCUS_2022, "Solidarity Center"),
    (
        PLEDGES,
        "From pledges to practices: 'Actioning' and sustaining gender-responsiveness before, during and beyond "
        "migration crises",
    ),
    (PLEDGES, "19 May 2022"),
    (PLEDGES, "Government of Canada"),
    (PLEDGES, "IOM Research"),
    (PLEDGES, "Gender+Migration Hub"),
    (PLEDGES, "Permanent Mission of Ecuador to the United Nations"),
    (PLEDGES, "Permanent Mission of the Philippines to the United Nations"),
    (IMRF, "Create a separate paragraph (9 pre) specifically addressing the realities of migrant women."),
    (IMRF, "Separate references to women and children in order to address their unique and specific needs."),
    (
        IMRF,
        "infantalizing women and stressing vulnerability and minimizing women's independence, agency and leadership",
    ),
    (
        IMRF,
        "A clear reference to the right to freedom of association and collective bargaining for migrant workers as "
        "well as a commitment to implementing ILO Conventions 189 and 190 in practice.",
    ),
    (IMRF, 'Revisions in the draft refer to migrant "contributions" without acknowledging actual participation.'),
    (IMRF, "Marrakech"),
    # 003: the 2016 page
    (CAUCUS_2016, "17 July 2016"),
    (CAUCUS_2016, "4 p.m."),  # the seed: "from 4 pm to 6:30 pm"
    (CAUCUS_2016, "6:30 p.m."),
    # 004: the 2016 "about" page (special days, campaigns and venues; memberships)
    (CALENDAR, "International Women's Day"),
    (CALENDAR, "World Social Forum on Migration"),
    (CALENDAR, "12x12x12 Campaign for ratification of ILO Domestic Workers' Convention"),
    (CALENDAR, "Human Rights at International Borders, OHCHR"),
    (CALENDAR, "UN Committee on Migrant Workers"),
    (ABOUT, "Women & Global Migration Working Group"),
    (ABOUT, "People's Global Action on Migration, Development and Human Rights"),
    (ABOUT, "Athens"),
    (ABOUT, "AWID Forum"),
    (ABOUT, "Istanbul in April 2012"),
    (ABOUT, "International Migrants Day, 18 December"),
    (CONTACT, "wimninfo@womeninmigration.org"),
    (MEMBERS, "Global Coalition on Migration"),
    (MEMBERS_2, "Post-2015 Women's Coalition"),
    (MEMBERS_2, "People's Global Action on Migration, Development"),
    (MEMBERS, "Global Coalition for Social Protection Floors"),
]


def normalized(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text)


def test_the_demo_site_shows_the_seeds_facts(client, demo):
    assert len(SEED_FACTS) >= 40
    pages = {}
    missing = []
    for url, fact in SEED_FACTS:
        if url not in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            pages[url] = normalized(soup(response).get_text(" "))
        if normalized(fact) not in pages[url]:
            missing.append((url, fact))
    assert missing == [], "\n".join(f"{url}: {fact}" for url, fact in missing)
