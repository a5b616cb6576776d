import json
import xml.etree.ElementTree as ET

import pytest

from django.core.cache import cache

from wagtail.models import PageViewRestriction

from tests.helpers import count_queries, soup
from wimn_site.factories import ContentPageFactory, FormPageFactory, rich
from wimn_site.models import ContentPage, SiteSettings

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    urls = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        urls[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return urls


def json_ld(response):
    """Every JSON-LD block of the page, parsed (a block that is not valid JSON fails the test)."""
    return [json.loads(script.string) for script in soup(response).find_all("script", type="application/ld+json")]


def of_type(blocks, kind):
    return [block for block in blocks if block.get("@type") == kind]


class TestSitemap:
    def test_lists_each_page_in_its_available_languages_only(self, client, about):
        """The Spanish-only About page is listed in en and es, not pt or fr; the home page in all four."""
        urls = sitemap(client)
        assert {"http://testserver/en/about/", "http://testserver/es/about/"} <= set(urls)
        assert "http://testserver/pt/about/" not in urls and "http://testserver/fr/about/" not in urls
        for code in ("en", "es", "pt", "fr"):
            assert f"http://testserver/{code}/" in urls

    def test_entries_carry_hreflang_alternates_and_x_default(self, client, about):
        alternates = sitemap(client)["http://testserver/es/about/"]
        assert alternates == {
            "en": "http://testserver/en/about/",
            "es": "http://testserver/es/about/",
            "x-default": "http://testserver/en/about/",
        }

    def test_drafts_and_private_pages_are_left_out(self, client, home):
        ContentPageFactory(parent=home, slug="draft", live=False)
        private = ContentPageFactory(parent=home, slug="members")
        ContentPageFactory(parent=private, slug="minutes")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        paths = {url.split("testserver")[1] for url in sitemap(client)}
        assert not {"/en/draft/", "/en/members/", "/en/members/minutes/"} & paths

    def test_has_lastmod(self, client, about):
        about.save_revision().publish()
        about.refresh_from_db()
        response = client.get("/sitemap.xml")
        [url] = [
            u
            for u in ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap.findall("s:url", NS)
            if u.find("s:loc", NS).text.endswith("/es/about/")
        ]
        assert url.find("s:lastmod", NS).text == about.last_published_at.date().isoformat()

    def test_new_and_unpublished_pages_show_at_once(self, client, home):
        """The cached sitemap is dropped when a page is published or unpublished."""
        assert "http://testserver/en/news/" not in sitemap(client)
        page = ContentPageFactory(parent=home, slug="news", live=False)
        page.save_revision().publish()
        assert "http://testserver/en/news/" in sitemap(client)
        page.refresh_from_db()
        page.unpublish()
        assert "http://testserver/en/news/" not in sitemap(client)

    def test_page_type_own_sitemap_urls_are_listed_per_language(self, client, about, monkeypatch):
        """A page type overriding get_sitemap_urls (routable sub-views) gets each URL in each language."""

        def get_sitemap_urls(self, request=None):
            base = request.build_absolute_uri(self.get_url(request))
            return [{"location": base}, {"location": base + "detail/"}]

        monkeypatch.setattr(ContentPage, "get_sitemap_urls", get_sitemap_urls)
        urls = sitemap(client)
        assert urls["http://testserver/es/about/detail/"]["en"] == "http://testserver/en/about/detail/"
        assert "http://testserver/fr/about/detail/" not in urls

    def test_organization_pages_of_the_directory_are_listed(self, client, home):
        """The campaigns directory's routable organization pages appear in each language, on the asked host."""
        from campaigns.factories import OrganizationDirectoryPageFactory, OrganizationFactory

        OrganizationDirectoryPageFactory(parent=home, title_es="Miembros")
        OrganizationFactory(slug="gaatw", name="Global Alliance Against Traffic in Women")
        urls = sitemap(client)
        assert urls["http://testserver/es/members/gaatw/"]["en"] == "http://testserver/en/members/gaatw/"

    def test_large_sitemap_becomes_an_index_of_parts(self, client, home, monkeypatch):
        from wimn_site import sitemaps

        monkeypatch.setattr(sitemaps, "URLS_PER_FILE", 3)
        for number in range(3):
            ContentPageFactory(parent=home, slug=f"p{number}")
        index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - the site's own sitemap
        assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
        parts = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
        assert parts == [f"http://testserver/sitemap.xml?p={n}" for n in (1, 2, 3)]  # 4 home + 3 pages = 7 URLs
        locations = []
        for part in parts:
            body = client.get(part.removeprefix("http://testserver")).content
            locations += [loc.text for loc in ET.fromstring(body).findall("s:url/s:loc", NS)]  # noqa: S314
        assert len(locations) == 7 and "http://testserver/en/p2/" in locations
        assert client.get("/sitemap.xml?p=9").status_code == 404
        assert client.get("/sitemap.xml?p=abc").status_code == 404

    def test_query_count_does_not_grow_with_pages(self, client, home):
        for number in range(3):
            ContentPageFactory(parent=home, slug=f"p{number}")
        cache.clear()
        _response, few = count_queries(client, "/sitemap.xml")
        for number in range(3, 30):
            ContentPageFactory(parent=home, slug=f"p{number}")
        cache.clear()
        response, many = count_queries(client, "/sitemap.xml")
        assert response.content.count(b"<url>") == 4 + 30
        assert few == many <= 6


class TestRobots:
    def test_keeps_the_admin_out_and_points_to_the_sitemap(self, client):
        lines = client.get("/robots.txt").content.decode().splitlines()
        assert "User-agent: *" in lines
        assert "Disallow: /admin/" in lines
        assert "Sitemap: http://testserver/sitemap.xml" in lines

    def test_keeps_search_results_out(self, client):
        body = client.get("/robots.txt").content.decode()
        for code in ("en", "es", "pt", "fr"):
            assert f"Disallow: /{code}/search/" in body


class TestStructuredData:
    @pytest.fixture
    def social(self, home):
        settings_row = SiteSettings.for_site(home.get_site())
        settings_row.facebook_url = "https://www.facebook.com/Womeninmigration"
        settings_row.twitter_handle = "WomenMigration"
        settings_row.instagram_url = "https://www.instagram.com/wimn_migration/"
        settings_row.save()
        return settings_row

    def test_home_has_the_organization_with_its_social_profiles(self, client, home, social):
        blocks = json_ld(client.get("/es/"))
        [organization] = of_type(blocks, "Organization")
        assert organization["@context"] == "https://schema.org"
        assert organization["name"] == "Red de Mujeres en la Migración"
        assert organization["url"] == "http://testserver/es/"
        assert organization["sameAs"] == [
            "https://www.facebook.com/Womeninmigration",
            "https://x.com/WomenMigration",
            "https://www.instagram.com/wimn_migration/",
        ]
        assert organization["description"] == "Derechos para las mujeres en la migración."

    def test_home_declares_the_site_search(self, client, home):
        [website] = of_type(json_ld(client.get("/pt/")), "WebSite")
        action = website["potentialAction"]
        assert action["target"]["urlTemplate"] == "http://testserver/pt/search/?q={q}"
        assert action["query-input"] == "required name=q"

    def test_home_has_no_breadcrumbs(self, client, home):
        assert of_type(json_ld(client.get("/en/")), "BreadcrumbList") == []

    def test_deeper_page_has_a_breadcrumb_list_in_the_visitor_language(self, client, about):
        ContentPageFactory(parent=about, slug="history", title="History", title_es="Historia")
        [crumbs] = of_type(json_ld(client.get("/es/about/history/")), "BreadcrumbList")
        items = [(item["position"], item["name"], item["item"]) for item in crumbs["itemListElement"]]
        assert items == [
            (1, "Inicio", "http://testserver/es/"),
            (2, "Quiénes somos", "http://testserver/es/about/"),
            (3, "Historia", "http://testserver/es/about/history/"),
        ]
        assert of_type(json_ld(client.get("/es/about/history/")), "Organization") == []

    def test_text_cannot_break_out_of_the_json_block(self, client, home):
        ContentPageFactory(parent=home, slug="odd", title='A </script><script>alert("x")</script> title')
        response = client.get("/en/odd/")
        [crumbs] = of_type(json_ld(response), "BreadcrumbList")
        assert crumbs["itemListElement"][-1]["name"] == 'A </script><script>alert("x")</script> title'
        assert b'<script>alert("x")' not in response.content

    def test_page_type_can_add_its_own_structured_data(self, client, about, monkeypatch):
        monkeypatch.setattr(
            ContentPage,
            "get_structured_data",
            lambda self, request: {"@type": "Event", "name": self.title},
            raising=False,
        )
        [event] = of_type(json_ld(client.get("/en/about/")), "Event")
        assert event["name"] == "About us"


class TestSocialMeta:
    def meta(self, response):
        page = soup(response)
        found = {}
        for tag in page.find_all("meta"):
            key = tag.get("property") or tag.get("name")
            if key:
                found.setdefault(key, []).append(tag.get("content"))
        return page, found

    @pytest.mark.parametrize("path", ["/es/", "/es/about/", "/es/documents/", "/es/join/"])
    def test_every_page_type_has_open_graph_twitter_and_canonical(self, client, home, about, path):
        from wimn_site.factories import DocumentLibraryPageFactory

        DocumentLibraryPageFactory(parent=home, title_es="Documentos")
        FormPageFactory(parent=home, title_es="Suscríbase", intro_es="Noticias.")
        page, meta = self.meta(client.get(path))
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical == f"http://testserver{path}"
        assert meta["og:url"] == [canonical]
        assert meta["og:title"][0] and meta["twitter:title"][0]
        assert meta["og:locale"] == ["es_ES"]
        assert meta["twitter:card"] == ["summary_large_image"]
        assert meta["og:image"][0].startswith("http://testserver/")
        assert meta["og:site_name"] == ["Red de Mujeres en la Migración"]

    def test_description_comes_from_the_page_text(self, client, about):
        _page, meta = self.meta(client.get("/es/"))
        assert meta["og:description"] == ["Derechos para las mujeres en la migración."]
        assert meta["description"] == ["Derechos para las mujeres en la migración."]

    def test_alternate_locales_are_the_available_languages(self, client, about):
        _page, meta = self.meta(client.get("/en/about/"))
        assert meta["og:locale:alternate"] == ["es_ES"]

    def test_untranslated_page_points_its_canonical_to_the_english_text(self, client, about):
        page, meta = self.meta(client.get("/fr/about/"))
        assert page.find("link", rel="canonical")["href"] == "http://testserver/en/about/"
        assert meta["robots"] == ["noindex"]

    def test_query_strings_are_not_part_of_the_canonical(self, client, about):
        page, _meta = self.meta(client.get("/en/about/?utm_source=x&page=2"))
        assert page.find("link", rel="canonical")["href"] == "http://testserver/en/about/"

    def test_default_share_image_exists(self, client, home):
        _page, meta = self.meta(client.get("/en/"))
        path = meta["og:image"][0].removeprefix("http://testserver")
        response = client.get(path)
        assert response.status_code == 200
        assert b"".join(response.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"


class TestBreadcrumbs:
    def test_shown_on_every_page_below_the_home_page(self, client, home, about):
        from wimn_site.factories import DocumentLibraryPageFactory

        DocumentLibraryPageFactory(parent=home)
        FormPageFactory(parent=about, slug="write", title="Write to us")
        ContentPageFactory(parent=about, slug="team", title="Team", body_en=rich("Team."))
        for path, trail in [
            ("/en/about/", ["Home", "About us"]),
            ("/en/documents/", ["Home", "Documents"]),
            ("/en/about/write/", ["Home", "About us", "Write to us"]),
            ("/en/about/team/", ["Home", "About us", "Team"]),
        ]:
            nav = soup(client.get(path)).find("nav", attrs={"aria-label": "Breadcrumb"})
            assert [item.get_text(strip=True) for item in nav.find_all("li")] == trail, path
            assert nav.find(attrs={"aria-current": "page"}).get_text(strip=True) == trail[-1]

    def test_not_shown_on_the_home_page(self, client, home):
        assert soup(client.get("/en/")).find("nav", attrs={"aria-label": "Breadcrumb"}) is None

    def test_breadcrumbs_and_their_json_ld_share_one_query(self, client, about):
        """The visible trail and the BreadcrumbList read the ancestors at most once (not at all when the route left
        each parent on its child), and the page stays within 12."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        ContentPageFactory(parent=about, slug="team", title="Team")
        client.get("/en/about/team/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/about/team/")
        ancestor_reads = [q for q in queries.captured_queries if '"wagtailcore_page"."depth" > 1' in q["sql"]]
        assert len(ancestor_reads) <= 1
        assert of_type(json_ld(response), "BreadcrumbList")
        assert len(queries.captured_queries) <= 12
