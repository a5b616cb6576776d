"""The demo site carries the network's record (shared/seeds/*.txt) faithfully: facts read in the seeds, found on
the pages the demo site shows (events, campaigns, statements and the core's pages, in English as the seeds give
them, and the op-ed titles the seed gives in Spanish and Portuguese in those languages).

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
ROADMAP_2021 = "/en/statements/un-network-roadmap-imrf-2021/"
PROGRESS_DECLARATION = "/en/statements/statement-imrf-progress-declaration/"
MEDIA_ALERT = "/en/statements/media-alert-imrf-progress-declaration/"
COMMENT_REV3 = "/en/statements/comment-progress-declaration-rev-3/"
IWD_2022 = "/en/statements/international-womens-day-2022/"
SUMMIT_2016 = "/en/statements/initial-elements-unga-summit-2016/"
PLEDGE = "/en/statements/imrf-pledge/"
OP_ED_COMPACT = "/en/statements/op-ed-delivering-on-the-global-compact/"
OP_ED_CLIMATE = "/en/statements/op-ed-climate-migrants/"
OP_ED_WORK = "/en/statements/op-ed-decent-work-for-all/"
OP_ED_BORDERS = "/en/statements/op-ed-human-cost-of-border-deterrence/"
INTERVIEW = "/en/statements/imrf-puts-global-spotlight-on-migration/"
WORLD_HEALTH_DAY = "/en/statements/world-health-day-undocumented-migrants-srh-rights/"
WOMEN_ON_THE_RUN = "/en/statements/aiding-central-americas-women-on-the-run/"

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
    (CALENDAR, "Migration & the Post 2015 Development Agenda – IOM"),
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
    # 002: the statement of 19 October 2021
    (ROADMAP_2021, "Expanded pathways for humanitarian resettlement for migrants and refugees"),
    (ROADMAP_2021, "Marrakech Women's Rights Manifesto"),
    (ROADMAP_2021, "Women in Migration Network"),  # the signatory
    # 000: the statement, media alert and comment of May 2022 (concern 2: separate references, not separation)
    (
        PROGRESS_DECLARATION,
        "We have expected the IMRF to advance rights for migrants, particularly for migrant women. We are grateful "
        "that in the current geopolitical context, States have reaffirmed the Compact, but we are dismayed that there "
        "is less ambition for or commitment to bold forward movement. International human rights, women's rights and "
        "labor rights are not up for negotiation.",
    ),
    (COMMENT_REV3, "Create a separate paragraph (9 pre) specifically addressing the realities of migrant women."),
    (COMMENT_REV3, "not all of whom are remunerated workers"),
    (COMMENT_REV3, "Separate references to women and children in order to address their unique and specific needs."),
    (
        COMMENT_REV3,
        "infantalizing women and stressing vulnerability and minimizing women's independence, agency and leadership",
    ),
    (
        COMMENT_REV3,
        "A clear reference to the right to freedom of association and collective bargaining for migrant workers as "
        "well as a commitment to implementing ILO Conventions 189 and 190 in practice.",
    ),
    (
        COMMENT_REV3,
        "A commitment to real migrant participation, including that of migrant women's organizations, in the "
        "policy-making process.",
    ),
    (IWD_2022, "Feminists for a People's Vaccine"),
    (IWD_2022, "CSW-66"),
    (IWD_2022, "New Social Contract"),
    (IWD_2022, "Black, Roma and South Asian"),
    # 003: the 2016 statement and its three notes, which the seed gives in the entire document
    (SUMMIT_2016, "Ireland and Jordan"),
    (SUMMIT_2016, "1951"),
    (SUMMIT_2016, "All migrants have all human rights"),
    (SUMMIT_2016, "WIMNKeyPriorities-July-7-15-16.pdf"),
    # 001 and 000: the pledge's commitments and its update (LAST UPDATED: 4/JUL/23)
    (
        PLEDGE,
        "Center the voices and experiences of migrant women in policy deliberations at the regional and global levels.",
    ),
    (PLEDGE, 'Work with states and the UN System to approach "gender-responsive" policy in a holistic way'),
    (
        PLEDGE,
        "Work with the Gender & Migration Hub to review national GCM implementation, monitoring and evaluation "
        "frameworks with a gender lens",
    ),
    (
        PLEDGE,
        "Continue to work with the UN Network on Migration to prioritize intersectional gender perspectives in "
        "program priorities.",
    ),
    (PLEDGE, "Leadership in Global Advocacy (LIGA)"),
    (PLEDGE, "As part of the Gender Workstream, WIMN is engaging in capacity building strategies for both states"),
    (PLEDGE, "by issuing a report (on June 2023) on lessons from regional intersectional and intersectoral dialogues"),
    (PLEDGE, "Contribute to close the gap between global advocacy and local grassroot organizations"),
    # 000: the op-eds published by openDemocracy, with the versions the seed gives in Spanish and Portuguese
    (OP_ED_COMPACT, "Is the world delivering on the Global Migration Compact?"),
    (OP_ED_COMPACT, "Bandana Pattanaik"),
    (OP_ED_COMPACT, "International Coordinator"),
    (OP_ED_COMPACT, "Global Alliance Against Traffic in Women"),
    (OP_ED_CLIMATE, "What should the world do about climate migrants?"),
    (OP_ED_CLIMATE, "Catherine Tactaquin"),
    (OP_ED_CLIMATE, "¿Qué debe hacer el mundo frente a los migrantes climáticos?"),
    (OP_ED_CLIMATE, "O que devemos fazer em relação aos migrantes climáticos?"),
    ("/es/statements/op-ed-climate-migrants/", "¿Qué debe hacer el mundo frente a los migrantes climáticos?"),
    ("/pt/statements/op-ed-climate-migrants/", "O que devemos fazer em relação aos migrantes climáticos?"),
    (OP_ED_WORK, "Decent work for all, including migrants"),
    (OP_ED_WORK, "Neha Misra"),
    (OP_ED_WORK, "Senior Specialist"),
    (OP_ED_WORK, "Shannon Lederer"),
    (OP_ED_WORK, "Director of Immigration Policy"),
    (OP_ED_BORDERS, "The human cost of border deterrence"),
    (OP_ED_BORDERS, "Alma Maquitico"),
    (OP_ED_BORDERS, "National Network for Immigrant and Refugee Rights"),
    # 000: WIMN in the News; 003: partners' posts shared with "Continue reading"
    (INTERVIEW, "IMRF puts global spotlight on migration"),
    (INTERVIEW, "Friedrich-Ebert-Stiftung"),
    (INTERVIEW, "Stéphane Jaquemet of the International Catholic Migration Commission"),
    (WORLD_HEALTH_DAY, "World Health Day: Uphold Undocumented Migrants' Sexual and Reproductive Health Rights"),
    (WORLD_HEALTH_DAY, "BRUSSELS, 7 April 2016"),
    (WOMEN_ON_THE_RUN, 'Aiding Central America\'s "Women on the Run"'),
    (WOMEN_ON_THE_RUN, "NACLA"),
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


# (page, the dates the seeds give it, as the page's <time datetime> values show them)
SEED_DATES = [
    (ROADMAP_2021, {"2021-10-19"}),  # "October 19, 2021"
    (PROGRESS_DECLARATION, {"2022-05-20"}),
    (MEDIA_ALERT, {"2022-05-20"}),  # "MEDIA ALERT – MAY 20, 2022"
    (IWD_2022, {"2022-03-08"}),
    # the pledge at the IMRF (which closed on 20 May 2022) and its update, "LAST UPDATED: 4/JUL/23"; the list of
    # its versions shows both
    (PLEDGE, {"2022-05-20", "2023-07-04"}),
    (WORLD_HEALTH_DAY, {"2016-04-07"}),  # "BRUSSELS, 7 April 2016"
    (WOMEN_ON_THE_RUN, {"2016-01-07"}),  # "[Jan. 7, 2016]"
]


def test_the_demo_statements_carry_the_seeds_dates(client, demo):
    assert len(SEED_DATES) >= 7
    for url, dates in SEED_DATES:
        response = client.get(url)
        assert response.status_code == 200, url
        shown = {tag["datetime"][:10] for tag in soup(response).find_all("time", datetime=True)}
        assert dates <= shown, (url, dates - shown)
