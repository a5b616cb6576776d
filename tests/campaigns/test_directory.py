"""The organizations directory: filters, bad input, logos, per-organization pages, query counts."""

import pytest

from campaigns.factories import OrganizationFactory, logo_image
from statements.factories import StatementIndexPageFactory, StatementPageFactory, StatementSignatoryFactory
from tests.helpers import count_queries, soup

pytestmark = pytest.mark.django_db


def names(page):
    return [h.a.get_text(strip=True) for h in page.select(".org-card h3")]


@pytest.fixture
def organizations(directory):
    return {
        "picum": OrganizationFactory(
            slug="picum", name="PICUM", region="europe", sector="migrant-rights", relation="member"
        ),
        "imumi": OrganizationFactory(
            slug="imumi", name="IMUMI", region="latin-america", sector="womens-rights", relation="member"
        ),
        "gcm": OrganizationFactory(
            slug="global-coalition-on-migration",
            name="Global Coalition on Migration",
            name_es="Coalición Global sobre Migración",
            region="global",
            sector="migrant-rights",
            relation="coalition",
        ),
        "un-women": OrganizationFactory(
            slug="un-women",
            name="UN Women",
            name_es="ONU Mujeres",
            region="global",
            sector="un-body",
            relation="partner",
            description_en="The UN entity for gender equality.",
            description_es="La entidad de la ONU para la igualdad de género.",
        ),
    }


def test_lists_every_organization_in_the_visitors_alphabet(client, organizations):
    """Organizations sort by the name the visitor reads: 'ONU Mujeres' under O in Spanish, 'UN Women' under U."""
    assert names(soup(client.get("/en/members/"))) == ["Global Coalition on Migration", "IMUMI", "PICUM", "UN Women"]
    assert names(soup(client.get("/es/members/"))) == [
        "Coalición Global sobre Migración",
        "IMUMI",
        "ONU Mujeres",
        "PICUM",
    ]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("region=europe", ["PICUM"]),
        ("region=global", ["Global Coalition on Migration", "UN Women"]),
        ("sector=migrant-rights", ["Global Coalition on Migration", "PICUM"]),
        ("relation=coalition", ["Global Coalition on Migration"]),
        ("region=global&sector=un-body", ["UN Women"]),
        ("region=africa", []),
        ("region=&sector=", ["Global Coalition on Migration", "IMUMI", "PICUM", "UN Women"]),
    ],
)
def test_filters(client, organizations, query, expected):
    """Region, sector and relation filter the directory, alone or together; an empty value means all."""
    response = client.get(f"/en/members/?{query}")
    assert response.status_code == 200
    assert names(soup(response)) == expected


def test_filter_form_works_without_javascript_and_keeps_the_choice(client, organizations):
    """The filters are a plain GET form with labelled selects; the chosen value stays selected."""
    page = soup(client.get("/en/members/?region=europe"))
    form = page.select_one("form.filters")
    assert form["method"] == "get" and form["action"] == "/en/members/"
    for name in ("region", "sector", "relation"):
        select = form.select_one(f"select[name={name}]")
        assert page.select_one(f"label[for={select['id']}]")
    assert form.select_one("select[name=region] option[selected]")["value"] == "europe"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"  # filtered views stay out of search


@pytest.mark.parametrize(
    "query",
    ["region=mars", "sector=%00", "relation=" + "x" * 300, "region=europe'%20OR%201=1--", "region[]=europe&sector=x"],
)
def test_unknown_filter_values_give_a_400_with_an_empty_result_and_a_message(client, organizations, query):
    """A filter value that is not one of the choices is a 400 that matches nothing and says so, in the visitor's
    language."""
    response = client.get(f"/es/members/?{query}")
    assert response.status_code == 400
    page = soup(response)
    assert names(page) == []
    assert "no se reconoce" in page.select_one(".listing-message").get_text()
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize("number", ["abc", "0", "99", "-1", "9" * 30])
def test_bad_page_numbers_are_a_404_in_the_visitors_language(client, organizations, number):
    response = client.get(f"/pt/members/?page={number}")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "pt"


def test_pagination_keeps_the_filters(client, directory):
    for n in range(30):
        OrganizationFactory(slug=f"org-{n:02d}", name=f"Org {n:02d}", region="europe")
    OrganizationFactory(slug="elsewhere", name="Elsewhere", region="africa")
    page = soup(client.get("/en/members/?region=europe"))
    assert len(names(page)) == 24
    assert page.select_one("a[rel=next]")["href"] == "?region=europe&page=2"
    second = soup(client.get("/en/members/?region=europe&page=2"))
    assert names(second) == [f"Org {n:02d}" for n in range(24, 30)]
    assert "30 organizations" in page.select_one("#results-heading").get_text()


def test_the_first_page_read_compiled_matches_the_pages_after_it(client, directory):
    """The unfiltered first page is a compiled read (campaigns.models._directory_first_page): with the second
    page it lists every organization once, in the visitor's alphabet, with the total; in Spanish too."""
    from campaigns.models import OrganizationDirectoryPage

    for n in range(27):
        OrganizationFactory(slug=f"org-{n:02d}", name=f"Org {n:02d}", name_es=f"Organización {n:02d}")
    OrganizationFactory(slug="aardvark", name="Aardvark", name_es="Zorro")
    for language, first_name in (("en", "Aardvark"), ("es", "Organización 00")):
        page, second = soup(client.get(f"/{language}/members/")), soup(client.get(f"/{language}/members/?page=2"))
        assert names(page)[0] == first_name and len(names(page)) == 24 and len(names(second)) == 4
        expected = sorted(names(page) + names(second), key=str.casefold)
        assert names(page) + names(second) == expected
        assert "28" in page.select_one("#results-heading").get_text()
    assert OrganizationDirectoryPage.per_page == 24


def test_labels_and_description_in_the_visitors_language(client, organizations):
    """Choices are translated and a description without a translation is marked as English."""
    page = soup(client.get("/es/members/?region=global"))
    cards = page.select(".org-card")
    assert "Coalición de la que la red forma parte" in cards[0].get_text()
    assert "La entidad de la ONU para la igualdad de género." in cards[1].get_text()
    OrganizationFactory(slug="picum-2", name="PICUM 2", region="global", description_en="A European network.")
    card = [c for c in soup(client.get("/es/members/?region=global")).select(".org-card") if "PICUM 2" in c.text][0]
    assert card.find("p", lang="en").get_text(strip=True) == "A European network."


def test_logos_are_small_webp_renditions(client, directory):
    """A logo is served as a WebP source with a PNG fallback, at 1x and 2x widths, never the original upload."""
    OrganizationFactory(slug="gaatw", name="GAATW", logo=logo_image("GAATW logo", "GAATW", size=(1200, 600)))
    picture = soup(client.get("/en/members/")).select_one(".org-card picture")
    source = picture.select_one("source[type='image/webp']")
    assert "160w" in source["srcset"] and "320w" in source["srcset"]
    assert picture.img["alt"] == ""  # the organization's name is the link text right after it
    assert "original_images" not in str(picture)


def test_directory_queries_do_not_grow_with_organizations(client, directory):
    """At most 12 queries, the same for 3 organizations with logos as for 40."""
    logo = logo_image("Logo", "L")
    for n in range(3):
        OrganizationFactory(slug=f"a-{n}", logo=logo_image(f"Logo {n}", f"A{n}"), region="europe")
    client.get("/en/members/?region=europe")
    _response, few = count_queries(client, "/en/members/?region=europe")
    for n in range(37):
        OrganizationFactory(slug=f"b-{n}", logo=logo if n % 2 else None, region="europe")
    client.get("/en/members/?region=europe")
    response, many = count_queries(client, "/en/members/?region=europe")
    assert response.status_code == 200
    assert few == many and many <= 12, (few, many)


class TestOrganizationPage:
    def test_shows_the_organization_and_links_back_to_filtered_lists(self, client, organizations):
        response = client.get("/es/members/un-women/")
        assert response.status_code == 200
        page = soup(response)
        assert page.h1.get_text(" ", strip=True) == "ONU Mujeres"
        assert page.title.get_text().startswith("ONU Mujeres")
        assert page.select_one("a[href='/es/members/?sector=un-body']")
        assert "Organismo de la ONU" in page.get_text()
        crumbs = [a.get_text(strip=True) for a in page.select(".breadcrumbs a")]
        assert crumbs == ["Inicio", "Miembros y aliadas"]

    @pytest.mark.parametrize("slug", ["no-such-organization", "x" * 150, "%00", "un-women/extra"])
    def test_unknown_organization_is_a_404(self, client, organizations, slug):
        response = client.get(f"/fr/members/{slug}/")
        assert response.status_code == 404
        assert soup(response).html["lang"] == "fr"

    def test_lists_statements_it_signed_live_only(self, client, home, organizations):
        """The statements it signed appear, newest first; a draft it signed does not."""
        index = StatementIndexPageFactory(parent=home)
        older = StatementPageFactory(parent=index, title="Older joint statement", kind="joint_statement")
        newer = StatementPageFactory(parent=index, title="Newer joint statement", kind="joint_statement")
        older.date, newer.date = older.date.replace(year=2021), newer.date.replace(year=2023)
        older.save()
        newer.save()
        draft = StatementPageFactory(parent=index, title="Draft statement")
        draft.unpublish()
        for page in (older, newer, draft):
            StatementSignatoryFactory(page=page, organization=organizations["picum"], organization_name="")
        StatementPageFactory(parent=index, title="Signed by others only")
        html = soup(client.get("/en/members/picum/"))
        signed = [a.get_text(strip=True) for a in html.select("section[aria-labelledby=signed-heading] a")]
        assert signed == ["Newer joint statement", "Older joint statement"]

    def test_organization_page_queries(self, client, home, organizations):
        """At most 12 queries, the same for 2 signed statements as for 20."""
        index = StatementIndexPageFactory(parent=home)
        for _ in range(2):
            StatementSignatoryFactory(page=StatementPageFactory(parent=index), organization=organizations["picum"])
        client.get("/en/members/picum/")
        _response, few = count_queries(client, "/en/members/picum/")
        for _ in range(18):
            StatementSignatoryFactory(page=StatementPageFactory(parent=index), organization=organizations["picum"])
        _response, many = count_queries(client, "/en/members/picum/")
        assert few == many and many <= 12, (few, many)


def test_sitemap_lists_each_organization_page(client, organizations):
    """The directory's sitemap entries include every organization's page, in each language."""
    from django.test import RequestFactory
    from django.utils import translation

    from campaigns.models import OrganizationDirectoryPage

    directory = OrganizationDirectoryPage.objects.get()
    request = RequestFactory().get("/")
    with translation.override("pt"):
        locations = [entry["location"] for entry in directory.get_sitemap_urls(request)]
    assert locations[0].endswith("/pt/members/")
    assert f"{locations[0]}un-women/" in locations
    assert len(locations) == 1 + len(organizations)
    assert client.get("/pt/members/un-women/").status_code == 200
