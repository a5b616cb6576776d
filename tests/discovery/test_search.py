import pytest

from django.core.management import call_command

from wagtail.models import PageViewRestriction

from tests import snapshots
from tests.helpers import count_queries, soup, translated_home
from wimn_site.factories import ContentPageFactory, DocumentFactory, FormPageFactory, rich
from wimn_site.models import SearchEntry
from wimn_site.search.indexing import index_page, rebuild
from wimn_site.search.query import search

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [" ".join(a.get_text().split()) for a in soup(response).select(".search-result__title a")]


def make_workers(home):
    """A page in English, Spanish, Portuguese and French about migrant domestic workers."""
    return ContentPageFactory(
        parent=home,
        slug="domestic-workers",
        title="Migrant domestic workers",
        title_es="Trabajadoras domésticas migrantes",
        title_pt="Trabalhadoras domésticas migrantes",
        title_fr="Travailleuses domestiques migrantes",
        body_en=rich("Domestic workers who migrate demand labour rights and ILO Convention 189."),
        body_es=rich("Las trabajadoras del hogar que migran exigen derechos laborales y el Convenio 189 de la OIT."),
        body_pt=rich("As trabalhadoras domésticas que migram exigem direitos trabalhistas e a migração segura."),
        body_fr=rich("Les travailleuses domestiques qui migrent exigent des droits du travail et la Convention 189."),
    )


def make_deterrence(home):
    """A page in English only."""
    return ContentPageFactory(
        parent=home,
        slug="border-deterrence",
        title="The human cost of border deterrence",
        body_en=rich("Deterrence policies push people onto deadlier routes."),
    )


@pytest.fixture
def workers(home):
    return make_workers(home)


@pytest.fixture
def deterrence(home):
    return make_deterrence(home)


def build_indexed():
    """The home page, the workers and deterrence pages, and the search index rebuilt: plain ids."""
    home = translated_home()
    workers, deterrence = make_workers(home), make_deterrence(home)
    rebuild()
    return {"home": home.pk, "workers": workers.pk, "deterrence": deterrence.pk}


@pytest.fixture(scope="module")
def built_indexed(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_indexed)


@pytest.fixture
def indexed(db, built_indexed):
    """`build_indexed`'s content, built once for the module and put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_indexed
    snapshots.restore(snapshot)
    return ids


class TestLanguagesAndStemming:
    def test_spanish_inflected_form_finds_the_spanish_page(self, client, indexed):
        """'trabajadora' (singular) finds the page whose Spanish text says 'trabajadoras', in Spanish."""
        response = client.get("/es/search/", {"q": "trabajadora"})
        assert response.status_code == 200
        assert result_titles(response) == ["Trabajadoras domésticas migrantes"]
        link = soup(response).select_one(".search-result__title a")
        assert link["href"] == "/es/domestic-workers/"

    def test_spanish_word_does_not_return_english_pages_in_english(self, client, indexed):
        """A Spanish-only word searched in English finds nothing (and English has no fallback)."""
        response = client.get("/en/search/", {"q": "trabajadoras"})
        assert result_titles(response) == []
        assert not soup(response).select(".search-result")

    def test_english_stemming(self, client, indexed):
        assert result_titles(client.get("/en/search/", {"q": "worker migrating"})) == ["Migrant domestic workers"]

    def test_portuguese_stemming(self, client, indexed):
        assert result_titles(client.get("/pt/search/", {"q": "trabalhadora"})) == ["Trabalhadoras domésticas migrantes"]

    def test_french_stemming(self, client, indexed):
        assert result_titles(client.get("/fr/search/", {"q": "travailleuse"})) == [
            "Travailleuses domestiques migrantes"
        ]

    def test_portuguese_query_without_accents_finds_accented_text(self, client, indexed):
        """'migracao' finds 'migração' in the workers page (and in the home page's title)."""
        titles = result_titles(client.get("/pt/search/", {"q": "migracao"}))
        assert set(titles) == {"Trabalhadoras domésticas migrantes", "Rede de Mulheres na Migração"}

    def test_spanish_query_without_accents_finds_accented_text(self, client, indexed):
        assert result_titles(client.get("/es/search/", {"q": "domesticas"})) == ["Trabajadoras domésticas migrantes"]

    def test_spanish_word_whose_stem_keeps_its_accent_is_found_without_it(self, client, home):
        """The Spanish stemmer reads "declaración" as 'declar' but "declaracion" as itself: the folded copy
        of the text finds it, with or without the accent, and the match is highlighted."""
        ContentPageFactory(
            parent=home,
            slug="progress",
            title="Progress Declaration",
            title_es="Declaración sobre los Progresos",
            body_es=rich("La negociación de la Declaración sobre los Progresos del FEMI."),
        )
        rebuild()
        for query in ("declaracion", "Declaración", "negociacion"):
            assert result_titles(client.get("/es/search/", {"q": query})) == ["Declaración sobre los Progresos"]

    def test_words_are_highlighted_in_title_and_snippet(self, client, indexed):
        result = soup(client.get("/es/search/", {"q": "derechos laborales"})).select_one(".search-result")
        assert [m.get_text() for m in result.select(".search-result__snippet mark")] == ["derechos", "laborales"]

    def test_result_shows_its_type(self, client, indexed):
        badge = soup(client.get("/es/search/", {"q": "trabajadoras"})).select_one(".search-result .badge")
        assert badge.get_text() == "Página de contenido"


class TestEnglishFallback:
    def test_offered_when_nothing_matches_in_the_visitor_language(self, client, indexed):
        """'deterrence' is only in English text: the Spanish search says so and offers the English page."""
        response = client.get("/es/search/", {"q": "deterrence"})
        page = soup(response)
        assert "Nada coincide con «deterrence» en español" in page.select_one(".notice").get_text()
        assert "en inglés" in page.select_one(".notice").get_text()
        assert result_titles(response) == ["The human cost of border deterrence"]
        result = page.select_one(".search-result")
        assert result["lang"] == "en"
        assert result.select_one("a")["href"] == "/en/border-deterrence/"

    def test_not_offered_when_the_visitor_language_matches(self, client, indexed):
        page = soup(client.get("/es/search/", {"q": "migrantes"}))
        assert page.select_one(".notice") is None
        assert all(not r.get("lang") for r in page.select(".search-result"))

    def test_nothing_anywhere_says_so(self, client, indexed):
        page = soup(client.get("/fr/search/", {"q": "xylophone"}))
        assert "Aucun résultat" in page.select_one('[role="status"]').get_text()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        "' OR 1=1--",
        "a&|!:*",
        '"unbalanced',
        "\x00",
        "foo\x00bar",
        "!!!",
        "()",
        "<b>bold</b>",
        "'); DROP TABLE wimn_site_searchentry;--",
        "\\",
        "::*",
        "-",
        "or",
        "the and of",
    ],
    ids=[
        "empty",
        "blank",
        "5000-chars",
        "sql",
        "operators",
        "quote",
        "nul",
        "nul-inside",
        "bangs",
        "parens",
        "html",
        "drop",
        "backslash",
        "colons",
        "minus",
        "or",
        "stop-words",
    ],
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_odd_queries_give_a_clean_page(client, indexed, query, language):
    """Odd or hostile queries never give a 500 and are echoed escaped."""
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    page = soup(response)
    assert page.h1 and len(page.find_all("h1")) == 1
    assert b"<b>bold</b>" not in response.content
    assert SearchEntry.objects.exists()


def test_long_query_is_shortened_with_a_note(client, indexed):
    response = client.get("/en/search/", {"q": "workers " * 1000})
    page = soup(response)
    assert len(page.select_one("#search-q")["value"]) <= 200
    assert "200" in page.select_one(".notice").get_text()
    assert result_titles(response) == ["Migrant domestic workers"]


def build_many():
    """The home page and 25 caucus pages, indexed."""
    home = translated_home()
    for number in range(25):
        ContentPageFactory(parent=home, slug=f"caucus-{number}", title=f"Women's caucus {number}")
    rebuild()
    return {"home": home.pk}


class TestPagination:
    @pytest.fixture(scope="class")
    def built_many(self, django_db_setup, django_db_blocker):
        return snapshots.build_once(django_db_blocker, build_many)

    @pytest.fixture
    def many(self, db, built_many):
        """`build_many`'s pages, built once for the class and put back for each test."""
        ids, snapshot = built_many
        snapshots.restore(snapshot)
        return ids

    def test_pages_of_ten(self, client, many):
        assert len(result_titles(client.get("/en/search/", {"q": "caucus"}))) == 10
        last = client.get("/en/search/", {"q": "caucus", "page": "3"})
        assert len(result_titles(last)) == 5
        assert soup(last).select_one(".listing-count").get_text().startswith("25 results")

    def test_pagination_links_keep_the_query(self, client, many):
        link = soup(client.get("/en/search/", {"q": "caucus"})).select_one('a[rel="next"]')
        assert link["href"] == "?q=caucus&page=2"

    @pytest.mark.parametrize("number", ["4", "abc", "0", "-1", "9" * 7])
    def test_bad_page_number_is_a_404(self, client, many, number):
        assert client.get("/en/search/", {"q": "caucus", "page": number}).status_code == 404

    def test_query_count_does_not_grow_with_results(self, client, home):
        for number in range(3):
            ContentPageFactory(parent=home, slug=f"a{number}", title=f"Pledge {number}")
        rebuild()
        client.get("/en/search/", {"q": "pledge"})
        _response, few = count_queries(client, "/en/search/?q=pledge")
        for number in range(3, 30):
            ContentPageFactory(parent=home, slug=f"a{number}", title=f"Pledge {number}")
        rebuild()
        _response, many = count_queries(client, "/en/search/?q=pledge")
        assert few == many <= 12

    def test_fallback_query_count(self, client, indexed):
        client.get("/es/search/?q=deterrence")
        _response, queries = count_queries(client, "/es/search/?q=deterrence")
        assert queries <= 12


class TestWhatIsSearched:
    def test_documents_are_found_by_title_and_description_in_their_language(self, client, home):
        original = DocumentFactory(
            title="Spotlight report", description="Global migration in every region.", in_library=True
        )
        DocumentFactory(title="Informe Spotlight", language="es", original=original, description="La migración global.")
        response = client.get("/es/search/", {"q": "informe"})
        assert result_titles(response) == ["Informe Spotlight"]
        result = soup(response).select_one(".search-result")
        assert "PDF" in result.select_one(".search-result__file").get_text()
        assert result.select_one("a")["href"].startswith("/documents/")
        english_only = soup(client.get("/es/search/", {"q": "regiones"}))
        assert english_only.select_one(".notice") and english_only.select_one(".search-result")["lang"] == "en"
        assert result_titles(client.get("/en/search/", {"q": "region"})) == ["Spotlight report"]

    def test_documents_are_found_by_the_text_of_their_file(self, client, home):
        """The text read from the PDF is searched in the file's language, and rebuilt with the index."""
        original = DocumentFactory(
            title="Rev 3 comments", in_library=True, paragraphs=["Freedom of association for migrant workers."]
        )
        DocumentFactory(
            title="Comentarios a la Rev 3",
            language="es",
            original=original,
            paragraphs=["La libertad sindical y la negociación colectiva de las trabajadoras."],
        )
        for _ in range(2):
            spanish = result_titles(client.get("/es/search/", {"q": "negociación colectiva"}))
            assert spanish == ["Comentarios a la Rev 3"]
            assert result_titles(client.get("/en/search/", {"q": "association"})) == ["Rev 3 comments"]
            rebuild()

    def test_documents_hidden_from_the_library_are_not_found(self, client, home):
        DocumentFactory(title="Internal budget", in_library=False)
        draft = ContentPageFactory(parent=home, slug="draft", live=False)
        document = DocumentFactory(title="Embargoed budget release")
        draft.body_en = [("document", {"document": document, "label": ""})]
        draft.save()
        assert result_titles(client.get("/en/search/", {"q": "budget"})) == []

    def test_files_outside_the_library_stay_hidden_on_a_tree_without_any_hidden_page(self, home):
        """Nothing to leave out among pages (no site root given, no draft, no private section): a file
        neither in the library nor used by a live page is still not found."""
        DocumentFactory(title="Internal budget", in_library=False)
        DocumentFactory(title="Budget report", in_library=True)
        rebuild()
        results, total = search("budget", "en")
        assert [result.title for result in results] == ["<mark>Budget</mark> report"] and total == 1

    def test_other_page_types_are_indexed_from_their_translated_fields(self, client, home):
        FormPageFactory(parent=home, slug="join", intro_en="Receive our solidarity newsletter.")
        rebuild()
        response = client.get("/en/search/", {"q": "solidarity"})
        assert result_titles(response) == ["Join the mailing list"]
        assert soup(response).select_one(".badge").get_text() == "Form page"

    def test_languages_that_are_not_available_are_not_indexed(self, about):
        rebuild()
        assert set(SearchEntry.objects.filter(page=about).values_list("language", flat=True)) == {"en", "es"}

    def test_publishing_indexes_and_unpublishing_removes(self, client, home):
        page = ContentPageFactory(parent=home, slug="pledge", title="Our pledge", live=False)
        assert result_titles(client.get("/en/search/", {"q": "pledge"})) == []
        page.save_revision().publish()
        assert result_titles(client.get("/en/search/", {"q": "pledge"})) == ["Our pledge"]
        page.refresh_from_db()
        page.unpublish()
        assert result_titles(client.get("/en/search/", {"q": "pledge"})) == []

    def test_deleting_a_page_removes_its_entries(self, workers):
        index_page(workers)
        workers.delete()
        assert not SearchEntry.objects.exists()

    def test_private_pages_are_not_found(self, client, home):
        members = ContentPageFactory(parent=home, slug="members", title="Members' minutes")
        index_page(members)
        PageViewRestriction.objects.create(page=members, restriction_type="login")
        assert result_titles(client.get("/en/search/", {"q": "minutes"})) == []

    def test_rebuild_command(self, workers, deterrence):
        call_command("rebuild_search_index", verbosity=0)
        assert SearchEntry.objects.filter(page=workers).count() == 4
        assert SearchEntry.objects.filter(page=deterrence).count() == 1
        assert SearchEntry.objects.filter(page__depth=2, language="fr").exists()  # the home page


def test_every_page_has_a_labelled_search_form_in_its_language(client, about):
    page = soup(client.get("/es/about/"))
    form = page.select_one("header form[role=search]")
    assert form["action"] == "/es/search/" and form["method"] == "get"
    label = page.select_one('label[for="site-search-q"]')
    assert label.get_text(strip=True) == "Buscar en el sitio"


def test_search_page_is_not_indexed_by_search_engines(client, indexed):
    page = soup(client.get("/en/search/", {"q": "workers"}))
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert [li.get_text(strip=True) for li in page.select(".breadcrumbs li")] == ["Home", "Search"]
