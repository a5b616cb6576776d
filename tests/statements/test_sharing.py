"""Sharing and citation: Open Graph, Twitter card, canonical, JSON-LD, share links and the print source line."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from statements.factories import MediaAlertFactory, OpEdAuthorFactory, OpEdPageFactory, PledgePageFactory
from statements.models import StatementPage

pytestmark = pytest.mark.django_db


def page_html(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


def json_ld(html):
    """The page's own JSON-LD entity (base.html also writes the BreadcrumbList, in a block of its own)."""
    blocks = [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]
    [page] = [data for data in blocks if data["@type"] != "BreadcrumbList"]
    return page


@pytest.fixture
def alert(index, topics):
    return MediaAlertFactory(
        parent=index,
        slug="alert",
        title="WIMN responds",
        title_es="WIMN responde",
        summary="Human rights first.",
        summary_es="Primero los derechos.",
        date=datetime.date(2022, 5, 20),
        topics=[topics["imrf"]],
    )


def test_open_graph_twitter_and_canonical(client, alert):
    html = page_html(client, "/es/statements/alert/?utm_source=x")
    meta = {m.get("property") or m.get("name"): m["content"] for m in html.find_all("meta") if m.get("content")}
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "WIMN responde"
    assert meta["og:description"] == "Primero los derechos."
    assert meta["og:url"] == "http://testserver/es/statements/alert/"
    assert meta["article:published_time"] == "2022-05-20"
    # The site's share card (components/social_meta.html) stands in for an image of the page's own.
    assert meta["twitter:card"] == "summary_large_image" and meta["twitter:title"] == "WIMN responde"
    assert meta["og:image"] == "http://testserver/static/img/share-card.png"
    assert html.find("link", rel="canonical")["href"] == "http://testserver/es/statements/alert/"


def test_json_ld_news_article_for_a_media_alert(client, alert):
    data = json_ld(page_html(client, "/es/statements/alert/"))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "WIMN responde"
    assert data["datePublished"] == "2022-05-20"
    assert data["inLanguage"] == "es"
    assert data["url"] == "http://testserver/es/statements/alert/"
    assert data["publisher"]["name"] == "Women in Migration Network"
    assert data["dateline"] == "NEW YORK, 20 May 2022"


def test_json_ld_language_is_english_when_the_page_is_not_translated(client, alert):
    assert json_ld(page_html(client, "/fr/statements/alert/"))["inLanguage"] == "en"


def test_json_ld_article_with_authors_for_an_op_ed(client, index):
    op_ed = OpEdPageFactory(parent=index, slug="oped", original_url="https://example.org/oped")
    OpEdAuthorFactory(page=op_ed, name="Alma Maquitico", role="Director", organization_name="NNIRR")
    data = json_ld(page_html(client, "/en/statements/oped/"))
    assert data["@type"] == "Article"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Alma Maquitico",
            "jobTitle": "Director",
            "affiliation": {"@type": "Organization", "name": "NNIRR"},
        }
    ]
    assert data["isBasedOn"] == "https://example.org/oped"


def test_json_ld_cannot_be_broken_out_of(client, index):
    """A title with </script> stays inside the JSON."""
    PledgePageFactory(parent=index, slug="p", title="Pledge </script><script>alert(1)</script>")
    html = client.get("/en/statements/p/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(BeautifulSoup(html, "html.parser"))["headline"].startswith("Pledge </script>")


def test_share_links_are_plain_links_that_load_nothing(client, alert):
    html = page_html(client, "/en/statements/alert/")
    share = html.select_one(".share")
    hrefs = [a["href"] for a in share.select(".share-links a")]
    assert any(h.startswith("https://x.com/intent/post?") for h in hrefs)
    assert any(h.startswith("mailto:?") for h in hrefs)
    assert all("http%3A%2F%2Ftestserver%2Fen%2Fstatements%2Falert%2F" in h for h in hrefs)
    for tag in html.find_all(["script", "img", "iframe", "link"]):
        source = tag.get("src") or (tag.get("href") if tag.name == "link" and tag.get("rel") != ["canonical"] else "")
        if source and source.startswith("http"):
            assert source.startswith("http://testserver/"), source


def test_print_stylesheet_and_source_line(client, alert):
    html = page_html(client, "/en/statements/alert/")
    assert html.find("link", href="/static/css/statements.css")
    assert html.find("link", attrs={"media": "print"})
    source = html.select_one(".print-source").get_text(" ", strip=True)
    assert "May 20, 2022" in source and "http://testserver/en/statements/alert/" in source


def test_citation(client, alert):
    cite = page_html(client, "/es/statements/alert/").select_one(".cite__text").get_text()
    # Spanish month names are written in lower case (Django's catalog; the site's catalogs do not override them)
    assert "“WIMN responde”" in cite and "20 de mayo de 2022" in cite and "/es/statements/alert/" in cite


def test_each_social_tag_is_written_once(client, alert):
    """The core's Open Graph/Twitter tags and the statement's article tags do not repeat one another."""
    html = page_html(client, "/es/statements/alert/")
    keys = [m.get("property") or m.get("name") for m in html.find_all("meta") if m.get("content")]
    for key in ("description", "og:type", "og:title", "og:url", "og:description", "twitter:card", "twitter:title"):
        assert keys.count(key) == 1, key
    assert [m["content"] for m in html.find_all("meta", property="article:tag")] == ["FEMI"]
    assert html.find("meta", property="article:section")["content"] == "Alerta de prensa / comunicado"


def test_untranslated_page_shares_its_canonical_english_address(client, alert):
    """Shown in French without a French text, the page's og:url is its canonical link, the English page."""
    html = page_html(client, "/fr/statements/alert/")
    canonical = html.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver/en/statements/alert/"
    assert html.find("meta", property="og:url")["content"] == canonical


def test_breadcrumbs_and_their_json_ld(client, alert):
    """The visible trail and the BreadcrumbList both lead home, to the section, then to the page."""
    html = page_html(client, "/es/statements/alert/")
    nav = html.find("nav", attrs={"aria-label": "Ruta de navegación"})
    assert [li.get_text(strip=True) for li in nav.find_all("li")] == ["Inicio", "Declaraciones", "WIMN responde"]
    blocks = [json.loads(s.string) for s in html.find_all("script", type="application/ld+json")]
    [crumbs] = [data for data in blocks if data["@type"] == "BreadcrumbList"]
    assert [item["item"] for item in crumbs["itemListElement"]] == [
        "http://testserver/es/",
        "http://testserver/es/statements/",
        "http://testserver/es/statements/alert/",
    ]


def test_structured_data_of_a_page_not_served_by_the_section(rf, alert):
    """A page read without the section's one-query fetch (a preview, other code) reads its topics itself."""
    page = StatementPage.objects.get(pk=alert.pk)
    data = page.get_structured_data(rf.get("/en/statements/alert/"))
    assert data["@type"] == "NewsArticle" and data["keywords"] == "IMRF"
    assert data["url"] == "http://testserver/en/statements/alert/"
