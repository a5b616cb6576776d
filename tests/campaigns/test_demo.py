import pytest

from campaigns.models import AdvocacyDay, CampaignPage, Organization
from tests.helpers import soup
from wimn_site import demo_data

pytestmark = pytest.mark.django_db

REQUIRED_SLUGS = [
    "act-alliance", "afl-cio", "alianza-americas", "bloque-latinoamericano", "gaatw", "global-coalition-on-migration",
    "imumi", "international-detention-coalition", "latinas-en-poder", "ngo-committee-on-migration", "nnirr", "picum",
    "refugee-womens-commission", "solidarity-center", "ohchr", "government-of-bangladesh", "bnsk", "espacio-de-mujer",
    "fair-work", "okup", "government-of-canada", "imrc-gender-migration-hub", "iom-research", "icmc", "fes", "un-women",
]  # fmt: skip
PATHS = ["campaigns/", "campaigns/road-to-imrf/", "members/", "members/picum/", "calendar/", "members/?region=europe"]


def test_demo_content_loads_and_every_campaigns_page_renders(client, demo):
    """The demo loads: the organizations others cite, the IMRF campaign, the days; each page renders in 4 languages."""

    found = set(Organization.objects.filter(slug__in=REQUIRED_SLUGS).values_list("slug", flat=True))
    assert found == set(REQUIRED_SLUGS)
    assert not Organization.objects.filter(sector="").exists()
    assert Organization.objects.get(slug="global-coalition-on-migration").relation == "coalition"

    campaign = CampaignPage.objects.get(slug="road-to-imrf")
    assert campaign.available_languages == ["en", "es", "pt", "fr"]
    assert [bool(d.title_es) for d in campaign.demands.all()] == [True] * 4
    assert {m.date.isoformat() for m in campaign.milestones.all()} >= {"2022-03-17", "2022-05-02", "2022-05-17"}

    sixteen_days = AdvocacyDay.objects.get(slug="16-days-of-activism")
    assert (sixteen_days.month, sixteen_days.day, sixteen_days.end_month, sixteen_days.end_day) == (11, 25, 12, 10)
    assert AdvocacyDay.objects.get(slug="csw").rule == AdvocacyDay.YEARLY_MONTH

    for lang in ("en", "es", "pt", "fr"):
        for path in PATHS:
            response = client.get(f"/{lang}/{path}")
            assert response.status_code == 200, f"/{lang}/{path}"
            assert f'<html lang="{lang}"' in response.content.decode()


def test_demo_memberships_are_the_seeds_own(client, demo):
    """The network's memberships as the seeds state them: members of the Global Coalition on Migration and the
    Post-2015 Women's Coalition, steering-committee seats at the People's Global Action and the GFMD's Civil Society
    Days, "not formal members" of the Global Coalition for Social Protection Floors; no year the seeds do not give."""
    from campaigns.models import CoalitionMembership

    roles = dict(CoalitionMembership.objects.values_list("organization__slug", "role"))
    assert roles == {
        "global-coalition-on-migration": "member",
        "post-2015-womens-coalition": "member",
        "peoples-global-action": "steering-committee",
        "gfmd-civil-society-days": "steering-committee",
        "global-coalition-social-protection-floors": "partner",
        "feminists-for-a-peoples-vaccine": "member",
    }
    assert not CoalitionMembership.objects.filter(start_year__isnull=False).exists()
    assert not CoalitionMembership.objects.filter(end_year__isnull=False).exists()
    page = client.get("/fr/members/global-coalition-social-protection-floors/")
    assert "Partenaire, sans adhésion formelle" in page.content.decode()
    page = client.get("/es/members/peoples-global-action/")
    assert "Comité directivo" in page.content.decode()


def test_demo_lists_the_seeds_moments_without_dates_as_ongoing(client, demo):
    """The seed's venues and campaigns given without a date are data without dates, listed apart on the calendar."""
    undated = set(AdvocacyDay.objects.filter(rule=AdvocacyDay.NO_FIXED_DATE).values_list("name_en", flat=True))
    assert undated == {
        "UN Committee on Migrant Workers and OHCHR",
        "World Social Forum on Migration",
        "Global Forum on Migration and Development (GFMD)",
        "12x12x12 Campaign for ratification of ILO Domestic Workers' Convention",
        "Human Rights at International Borders, OHCHR",
        "Migration & the Post 2015 Development Agenda – IOM",
    }
    section = client.get("/es/calendar/").content.decode()
    assert "Foro Social Mundial de las Migraciones" in section and "En curso, sin fechas fijas" in section


MEMBERSHIP_FIELDS = {"role": "role", "note": "note", "since": "start_year", "until": "end_year"}


def test_load_demo_without_examples_loads_no_value_marked_as_example(demo_without_examples):
    """`load_demo --no-examples`: no advocacy day or organization marked `example: true`, and every value listed
    under an item's `examples` (a member status, a membership's role, note or years) is its fallback or blank."""
    from campaigns.models import CoalitionMembership

    data = demo_data.read("campaigns/demo.yaml")
    for key, model in (("advocacy_days", AdvocacyDay), ("organizations", Organization)):
        items = data[key].items()
        loaded = set(model.objects.values_list("slug", flat=True))
        assert loaded == {item["slug"].value for item in items if not item.is_example()}, key
    assert not AdvocacyDay.objects.filter(slug__in=["world-refugee-day", "international-domestic-workers-day"])

    marked = 0
    memberships = {row.organization.slug: row for row in CoalitionMembership.objects.select_related("organization")}
    for key, rows, fields in (
        ("organizations", {org.slug: org for org in Organization.objects.all()}, None),
        ("memberships", memberships, MEMBERSHIP_FIELDS),
    ):
        for spec in demo_data.included(data[key], examples=False):
            row = rows[spec["slug" if key == "organizations" else "organization"].value]
            for name in spec.example_fields():
                marked += 1
                value = getattr(row, (fields or {}).get(name, name))
                fallback = spec.field(name, examples=False).value
                assert value != spec[name].value and (value == fallback or fallback is None and not value), (
                    spec.path,
                    name,
                    value,
                )
    assert marked >= 4
    # the seeds name GAATW, IMUMI, NNIRR and PICUM as co-sponsors, not as members; Solidarity Center's is stated
    relations = dict(Organization.objects.values_list("slug", "relation"))
    assert [relations[slug] for slug in ("gaatw", "imumi", "nnirr", "picum")] == ["partner"] * 4
    assert relations["solidarity-center"] == relations["united-methodist-women"] == "member"
    assert relations["global-coalition-on-migration"] == "coalition"
    assert "Migration & the Post 2015 Development Agenda – IOM" in AdvocacyDay.objects.values_list("name_en", flat=True)


def test_example_advocacy_days_are_labelled_in_the_admin(demo, staff):
    """Days the seeds do not list are examples: the admin's listing says so; the seeds' own days are not."""
    assert AdvocacyDay.objects.get(slug="world-refugee-day").is_example
    assert not AdvocacyDay.objects.get(slug="international-womens-day").is_example
    listing = soup(staff.get("/admin/snippets/campaigns/advocacyday/"))
    names = " | ".join(cell.get_text(" ", strip=True) for cell in listing.select("td.title"))
    assert "World Refugee Day (Example)" in names
    assert "International Women's Day" in names and "International Women's Day (Example)" not in names


@pytest.mark.parametrize(
    "language,ohchr,iom",
    [
        ("en", "(OHCHR)", "IOM Research"),
        ("es", "(ACNUDH)", "Investigación de la OIM"),
        ("pt", "(ACNUDH)", "Pesquisa da OIM"),
        ("fr", "(HCDH)", "Recherche de l'OIM"),
    ],
)
def test_demo_un_bodies_carry_their_official_acronym_per_language(client, demo, language, ohchr, iom):
    """The UN's official acronyms in each language (OHCHR is the ACNUDH in Spanish), after the name once: never the
    English one on another language's page, never a second one after a name that holds it ("Investigación de la
    OIM"), on an organization's page and in the directory."""
    english = {"(OHCHR)", "(IOM)"} if language != "en" else set()
    page = soup(client.get(f"/{language}/members/ohchr/")).select_one("h1").get_text(" ", strip=True)
    assert page.endswith(ohchr) and page.count("(") == 1
    page = soup(client.get(f"/{language}/members/iom-research/")).select_one("h1").get_text(" ", strip=True)
    assert page == iom
    directory = client.get(f"/{language}/members/?sector=un-body").content.decode()
    assert ohchr in directory and not any(acronym in directory for acronym in english)
