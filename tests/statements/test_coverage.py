"""News coverage of the network and partners' reposts: listed beside statements, their own pages, feeds, sitemap,
search, in four languages."""

import xml.etree.ElementTree as ET

import pytest

from statements.factories import NewsCoveragePageFactory, RepostPageFactory, StatementPageFactory
from statements.models import NewsCoveragePage, RepostPage
from tests.helpers import count_queries, soup
from wimn_site.factories import ContentPageFactory
from wimn_site.search.indexing import rebuild

pytestmark = pytest.mark.django_db

TRANSLATED = {
    "title_es": "Título",
    "title_pt": "Título",
    "title_fr": "Titre",
    "summary_es": "Resumen.",
    "summary_pt": "Resumo.",
    "summary_fr": "Résumé.",
}


@pytest.mark.parametrize("model", [NewsCoveragePage, RepostPage])
def test_new_kinds_only_in_the_statements_section(home, index, model):
    about = ContentPageFactory(parent=home, slug="about-x")
    assert model.can_create_at(index)
    assert not model.can_create_at(home)
    assert not model.can_create_at(about)


def test_kind_is_fixed(index):
    news = NewsCoveragePageFactory(parent=index, kind="statement")
    repost = RepostPageFactory(parent=index, kind="pledge")
    assert (news.kind, repost.kind) == ("news", "repost")


@pytest.mark.parametrize(
    ("language", "label", "read", "leaving"),
    [
        ("en", "Interview published by Friedrich-Ebert-Stiftung", "Read the interview", "you leave this site"),
        ("es", "Entrevista publicada por Friedrich-Ebert-Stiftung", "Leer la entrevista", "sale de este sitio"),
        ("pt", "Entrevista publicada por Friedrich-Ebert-Stiftung", "Ler a entrevista", "você sai deste site"),
        ("fr", "Entretien publié par Friedrich-Ebert-Stiftung", "Lire l'entretien", "vous quittez ce site"),
    ],
)
def test_news_coverage_page_names_the_outlet_and_links_out_marked(client, index, language, label, read, leaving):
    NewsCoveragePageFactory(
        parent=index,
        slug="news",
        url="https://www.fes.de/en/interview",
        quote="Spaces are shrinking at the UN.",
        **TRANSLATED,
    )
    response = client.get(f"/{language}/statements/news/")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one(".coverage__source").get_text(" ", strip=True).startswith(label)
    # the piece's language named in the visitor's ("(inglés)"), not in its own ("(English)") on a Spanish page
    in_sentence = {"en": "English", "es": "inglés", "pt": "inglês", "fr": "anglais"}[language]
    assert html.select_one(".coverage__lang").get_text() == f"({in_sentence})"
    assert html.select_one(".coverage__quote")["lang"] == "en"
    link = html.select_one(".coverage__link a")
    assert link["href"] == "https://www.fes.de/en/interview"
    assert {"noopener", "noreferrer"} <= set(link["rel"])
    assert link.get_text().startswith(read)
    assert leaving in link.select_one(".external-link__note").get_text()
    assert (
        html.select_one(".statement__kind .badge").get_text()
        == {
            "en": "In the news",
            "es": "En los medios",
            "pt": "Na mídia",
            "fr": "Dans les médias",
        }[language]
    )


def test_news_coverage_without_a_link_has_no_link(client, index):
    NewsCoveragePageFactory(parent=index, slug="news", url="")
    html = soup(client.get("/en/statements/news/"))
    assert not html.select(".coverage__link")


@pytest.mark.parametrize(
    ("language", "shared", "more", "leaving"),
    [
        ("en", "Shared from", "Continue reading", "you leave this site"),
        ("es", "Compartido de", "Seguir leyendo", "sale de este sitio"),
        ("pt", "Compartilhado de", "Continuar lendo", "você sai deste site"),
        ("fr", "Partagé depuis", "Lire la suite", "vous quittez ce site"),
    ],
)
def test_repost_shows_source_excerpt_and_continue_reading_to_the_original(
    client, index, language, shared, more, leaving
):
    RepostPageFactory(parent=index, slug="repost", original_url="https://picum.org/whd/", **TRANSLATED)
    html = soup(client.get(f"/{language}/statements/repost/"))
    source = html.select_one(".repost__source")
    assert source.get_text().startswith(shared)
    assert source.a["href"] == "https://picum.org/" and {"noopener", "noreferrer"} <= set(source.a["rel"])
    excerpt = html.select_one(".repost__excerpt")
    assert excerpt["lang"] == "en" and excerpt["cite"] == "https://picum.org/whd/"
    assert "World Health Day" in excerpt.get_text()
    link = html.select_one(".repost__continue a")
    assert link["href"] == "https://picum.org/whd/" and {"noopener", "noreferrer"} <= set(link["rel"])
    assert link.get_text().startswith(more)
    assert leaving in link.get_text()


def test_repost_without_addresses_names_its_source_without_links(client, index):
    RepostPageFactory(parent=index, slug="repost", source_url="", original_url="")
    html = soup(client.get("/en/statements/repost/"))
    assert not html.select(".repost__source a, .repost__continue a")
    assert "The full text is published by PICUM." in html.select_one(".repost__continue").get_text()


def test_listing_shows_the_new_kinds_beside_statements_and_filters_by_kind(client, index):
    StatementPageFactory(parent=index, slug="st", title="A statement")
    NewsCoveragePageFactory(parent=index, slug="news", title="An interview")
    RepostPageFactory(parent=index, slug="repost", title="A partner post")
    titles = [a.get_text() for a in soup(client.get("/en/statements/")).select(".statement-card h2 a")]
    assert set(titles) == {"A statement", "An interview", "A partner post"}
    only_news = soup(client.get("/en/statements/", {"kind": "news"}))
    assert [a.get_text() for a in only_news.select(".statement-card h2 a")] == ["An interview"]
    only_reposts = soup(client.get("/es/statements/", {"kind": "repost"}))
    assert [a.get_text() for a in only_reposts.select(".statement-card h2 a")] == ["A partner post"]
    options = {o["value"]: o.get_text() for o in only_reposts.select("select[name=kind] option")}
    assert options["news"] == "En los medios" and options["repost"] == "De nuestras aliadas"


def test_listing_queries_stay_flat_with_more_coverage(client, index):
    NewsCoveragePageFactory(parent=index)
    RepostPageFactory(parent=index)
    client.get("/fr/statements/")
    few = count_queries(client, "/fr/statements/")[1]
    for _ in range(8):
        NewsCoveragePageFactory(parent=index)
        RepostPageFactory(parent=index)
    response, many = count_queries(client, "/fr/statements/")
    assert len(soup(response).select(".statement-card")) == 12
    assert many == few


def test_feeds_carry_the_new_kinds(client, index):
    NewsCoveragePageFactory(parent=index, slug="news", title="An interview")
    RepostPageFactory(parent=index, slug="repost", title="A partner post")
    everything = ET.fromstring(client.get("/en/feeds/statements/").content)  # noqa: S314 - our own response
    assert {"An interview", "A partner post"} <= {t.text for t in everything.iter("title")}
    news = ET.fromstring(client.get("/en/feeds/statements/news/").content)  # noqa: S314 - our own response
    assert [i.findtext("title") for i in news.iter("item")] == ["An interview"]
    assert client.get("/es/feeds/statements/repost/").status_code == 200


def test_sitemap_lists_the_new_kinds(client, index):
    NewsCoveragePageFactory(parent=index, slug="news", **TRANSLATED)
    RepostPageFactory(parent=index, slug="repost")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/statements/news/" in xml and "/fr/statements/news/" in xml
    assert "/en/statements/repost/" in xml


def test_search_finds_the_excerpt_and_the_introduction(client, index):
    RepostPageFactory(parent=index, slug="repost", excerpt_en="Undocumented migrants face barriers to healthcare.")
    NewsCoveragePageFactory(parent=index, slug="news", title="Spotlight interview")
    rebuild()
    found = soup(client.get("/en/search/", {"q": "healthcare"})).select(".search-result__title a")
    assert [a["href"] for a in found] == ["/en/statements/repost/"]
    found = soup(client.get("/en/search/", {"q": "IMRF"})).select(".search-result__title a")
    assert "/en/statements/news/" in [a["href"] for a in found]


def test_demo_carries_the_seed_interview_and_reposts(client, demo):
    page = NewsCoveragePage.objects.get()
    assert (page.title_en, page.outlet, page.coverage_format) == (
        "IMRF puts global spotlight on migration",
        "Friedrich-Ebert-Stiftung (FES)",
        "interview",
    )
    html = soup(client.get(f"/en/statements/{page.slug}/"))
    text = html.select_one(".statement__body").get_text()
    assert "WIMN members Carol Barton, WIMN’s co-convenor, and Neha Misra of Solidarity Center recently spoke" in text
    assert "which will be released on April 28" in text and "Stéphane Jaquemet" in text
    spanish = soup(client.get(f"/es/statements/{page.slug}/"))
    assert "Foro de Examen de la Migración Internacional" in spanish.select_one(".statement__body").get_text()
    reposts = {r.source_name: r for r in RepostPage.objects.all()}
    assert set(reposts) == {"PICUM", "NACLA"}
    assert str(reposts["PICUM"].date) == "2016-04-07" and str(reposts["NACLA"].date) == "2016-01-07"
    assert reposts["NACLA"].title_en == "Aiding Central America’s “Women on the Run”"
    assert reposts["NACLA"].source_url == "https://nacla.org"
    html = soup(client.get(f"/fr/statements/{reposts['PICUM'].slug}/"))
    assert html.select_one(".repost__excerpt").get_text().strip().startswith("BRUSSELS, 7 April 2016 - On the occasion")
    listing = soup(client.get("/pt/statements/", {"kind": "repost"}))
    assert len(listing.select(".statement-card")) == 2
