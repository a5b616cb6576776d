"""Reading a document on the site (wimn_site.read_online): the library and the download component link
"Read online" beside "Download PDF (size)"; the text page follows the file's visibility exactly."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.utils import timezone, translation

from wagtail import hooks
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from statements.factories import MediaAlertFactory, StatementAttachmentFactory, StatementIndexPageFactory
from statements.models import StatementBasePage
from tests.helpers import count_queries, soup
from wimn_site import compiled, page_cache, registry
from wimn_site.factories import ContentPageFactory, DocumentFactory
from wimn_site.models import ContentPage

pytestmark = pytest.mark.django_db

ENGLISH = ["The network asks that women and children be referred to separately.", "Second paragraph of the text."]
SPANISH = ["La red pide que se mencione a las mujeres y a los niños por separado — “con acción”.", "Segundo párrafo."]


def text_url(document, language="en"):
    return f"/{language}/documents/{document.pk}/text/"


def attached(parent, document, **kwargs):
    """A content page whose body offers `document` (a StreamField document block)."""
    return ContentPageFactory(parent=parent, body_en=[("document", {"document": document, "label": ""})], **kwargs)


@pytest.fixture
def report():
    """A report published to the library on its own, with a Spanish version; both files have text."""
    original = DocumentFactory(title="Report on migrant women", doc_type="report", paragraphs=ENGLISH, in_library=True)
    spanish = DocumentFactory(
        title="Informe sobre las mujeres migrantes", language="es", original=original, paragraphs=SPANISH
    )
    return original, spanish


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_the_text_page_shows_the_files_text_in_the_visitors_language(client, library, report, language):
    original, spanish = report
    response = client.get(text_url(spanish, language))
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("html")["lang"] == language
    title = html.select_one("h1")
    assert title.get_text(strip=True) == "Informe sobre las mujeres migrantes" and title["lang"] == "es"
    body = html.select_one(".document-text__body")
    assert body["lang"] == "es"
    assert SPANISH[0] in [p.get_text() for p in body.select("p")]
    assert html.select_one(".download__link")["href"] == spanish.url  # this very file, whatever the language
    assert not html.select(".download__note")  # no "not in your language": the visitor chose this file
    assert [a["href"] for a in html.select(".document-text__others a")] == [text_url(original, language)]
    about = html.select_one(".document-text__about").get_text()
    expected = {"en": "The text of this document", "es": "El texto de este documento", "fr": "Le texte de ce document"}
    assert expected[language] in about
    # the file's language named in the visitor's, as in a sentence: "(español)", "(espagnol)", not "(Español)"
    assert {"en": "(Spanish)", "es": "(español)", "fr": "(espagnol)"}[language] in about
    assert html.select_one(f".breadcrumbs a[href='/{language}/documents/']")


def test_a_file_without_text_says_so_and_is_not_indexed(client, library):
    document = DocumentFactory(title="Scanned flyer", in_library=True)
    document.text, document.text_chars = "", 0
    document.save()
    html = soup(client.get(text_url(document)))
    assert html.select_one(".notice") and not html.select(".document-text__body")
    assert html.select_one("meta[name=robots]")["content"] == "noindex"


@pytest.mark.parametrize("path", ["/en/documents/999999/text/", "/es/documents/0/text/", "/fr/documents/abc/text/"])
def test_bad_ids_are_a_404_in_the_visitors_language(client, library, path):
    response = client.get(path)
    assert response.status_code == 404
    assert soup(response).select_one("html")["lang"] == path[1:3]


def test_a_file_no_page_uses_and_not_in_the_library_is_a_404_like_its_file(client, library):
    document = DocumentFactory(title="Internal draft", paragraphs=ENGLISH)
    assert client.get(document.url).status_code == 404
    assert client.get(text_url(document)).status_code == 404
    assert client.get(text_url(document, "es")).status_code == 404


def test_files_of_a_draft_page_open_with_it(client, library, home):
    document = DocumentFactory(title="Statement draft", paragraphs=ENGLISH)
    page = attached(home, document, slug="draft", live=False)
    assert client.get(text_url(document)).status_code == 404
    page.save_revision().publish()
    assert client.get(document.url).status_code == 200
    response = client.get(text_url(document))
    assert response.status_code == 200
    # never kept by the page cache or a proxy: unpublishing the page closes it at once, like the file
    assert "private" in response["Cache-Control"] and not page_cache.cacheable_response(response.wsgi_request, response)
    page.refresh_from_db()
    page.unpublish()
    assert client.get(document.url).status_code == 404
    assert client.get(text_url(document)).status_code == 404


def test_an_embargoed_alerts_file_is_a_404_until_the_alert_is_live(client, library, home):
    index = StatementIndexPageFactory(parent=home)
    go_live = timezone.now() + datetime.timedelta(hours=2)
    alert = MediaAlertFactory(parent=index, slug="alert", live=False, go_live_at=go_live)
    original = DocumentFactory(title="Media release", doc_type="media_release", paragraphs=ENGLISH)
    spanish = DocumentFactory(title="Comunicado", language="es", original=original, paragraphs=SPANISH)
    StatementAttachmentFactory(page=alert, document=original)
    alert.save()  # the reference index records the attachment
    for document in (original, spanish):
        assert client.get(document.url).status_code == 404
        assert client.get(text_url(document)).status_code == 404
        assert client.get(text_url(document, "es")).status_code == 404
    alert.go_live_at = None
    alert.save_revision().publish()
    assert client.get(text_url(spanish, "es")).status_code == 200
    # registered as the HTML version of its files (by its base class), the alert is what the library links
    with hooks.register_temporarily(registry.DOCUMENT_PAGES, lambda: [StatementBasePage]):
        item = soup(client.get("/es/documents/")).select_one(".library-item")
        with translation.override("es"):
            assert item.select_one(".download__read")["href"] == alert.get_url() == "/es/statements/alert/"
        assert item.select_one(".download__file")["href"] == spanish.url


def test_private_collection_and_private_page(client, library, home):
    partners = Collection.get_first_root_node().add_child(name="Partners")
    restriction = CollectionViewRestriction.objects.create(
        collection=partners, restriction_type="password", password="partners-only"
    )
    private = DocumentFactory(title="Partner briefing", collection=partners, paragraphs=ENGLISH, in_library=True)
    assert client.get(text_url(private)).status_code == 404
    client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "partners-only", "return_url": private.url},
    )
    assert client.get(text_url(private)).status_code == 200  # like the file, after the collection's password
    assert Client().get(text_url(private)).status_code == 404

    members = ContentPageFactory(parent=home, slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type="password", password="members")
    briefing = DocumentFactory(title="Members' briefing", paragraphs=ENGLISH)
    attached(members, briefing, slug="briefing")
    assert Client().get(briefing.url).status_code == 404
    assert Client().get(text_url(briefing)).status_code == 404


def test_a_version_of_a_private_original_is_a_404(client, library):
    partners = Collection.get_first_root_node().add_child(name="Staff")
    CollectionViewRestriction.objects.create(collection=partners, restriction_type="login")
    original = DocumentFactory(title="Staff note", collection=partners, in_library=True, paragraphs=ENGLISH)
    spanish = DocumentFactory(title="Nota interna", language="es", original=original, paragraphs=SPANISH)
    assert client.get(spanish.url).status_code == 404
    assert client.get(text_url(spanish, "es")).status_code == 404


@pytest.mark.parametrize(
    "language,read,download",
    [
        ("en", "Read online", "Download PDF ("),
        ("es", "Leer en línea", "Descargar PDF ("),
        ("pt", "Ler on-line", "Baixar PDF ("),
        ("fr", "Lire en ligne", "Télécharger le PDF ("),
    ],
)
def test_the_library_links_read_online_and_the_download_with_its_size(
    client, library, report, language, read, download
):
    original, spanish = report
    shown = spanish if language == "es" else original
    item = soup(client.get(f"/{language}/documents/")).select_one(".library-item")
    link = item.select_one(".download__read")
    assert link.get_text(strip=True) == read
    assert link["href"] == text_url(shown, language)
    file_link = item.select_one(".download__file")
    assert file_link["href"] == shown.url
    with translation.override(language):
        size = filesizeformat(shown.file.size)
    assert "B" in size or "o" in size
    assert file_link.get_text(strip=True) == f"{download}{size})"
    assert client.get(link["href"]).status_code == 200


def test_a_file_without_text_offers_only_the_download(client, library):
    DocumentFactory(title="Flyer", in_library=True)  # the placeholder file: a line of text
    document = DocumentFactory(
        title="Scan", in_library=True, file=ContentFile(b"%PDF-1.4 scanned image only", name="scan.pdf")
    )
    items = soup(client.get("/en/documents/")).select(".library-item")
    by_title = {item.select_one("h2").get_text(strip=True): item for item in items}
    assert not by_title["Scan"].select(".download__read")
    assert by_title["Scan"].select_one(".download__file").get_text(strip=True).startswith("Download PDF (")
    assert document.text_chars == 0


def test_a_version_without_text_reads_the_originals_text(client, library):
    original = DocumentFactory(title="Report", in_library=True, paragraphs=ENGLISH)
    DocumentFactory(
        title="Informe escaneado", language="es", original=original, file=ContentFile(b"%PDF-1.4 scan", name="s.pdf")
    )
    item = soup(client.get("/es/documents/")).select_one(".library-item")
    assert item.select_one("h2").get_text(strip=True) == "Informe escaneado"
    assert item.select_one(".download__read")["href"] == text_url(original, "es")


def test_a_document_a_registered_page_carries_links_that_page(client, library, home):
    """A statement page is its document's HTML version: pages of registered types are linked instead."""
    original = DocumentFactory(title="Joint statement", paragraphs=ENGLISH)
    DocumentFactory(title="Declaración conjunta", language="es", original=original, paragraphs=SPANISH)
    page = attached(home, original, slug="joint", title_es="Declaración conjunta")
    with hooks.register_temporarily(registry.DOCUMENT_PAGES, lambda: [ContentPage]):
        for language in ("en", "es"):
            item = soup(client.get(f"/{language}/documents/")).select_one(".library-item")
            assert item.select_one(".download__read")["href"] == f"/{language}/joint/"
        on_the_page = soup(client.get("/en/joint/")).select_one(".download")
        assert not on_the_page.select(".download__read")  # the visitor is reading it
        assert on_the_page.select_one(".download__file")
        html = soup(client.get(text_url(original)))
        assert html.select_one(".document-text__carrier a")["href"] == "/en/joint/"
    # without the registration, the page's own download offers the text page
    assert soup(client.get("/en/joint/")).select_one(".download__read")["href"] == text_url(original)
    page.unpublish()
    assert client.get(text_url(original)).status_code == 404


def test_the_carrying_page_follows_publishing_though_its_query_is_built_once(client, library, home):
    """read_online compiles the references query once per process, language and set of page types
    (wimn_site.compiled); each library request runs it, so a page unpublished or published since is seen at
    once."""
    original = DocumentFactory(title="Joint statement", paragraphs=ENGLISH, in_library=True)
    page = attached(home, original, slug="joint")
    with hooks.register_temporarily(registry.DOCUMENT_PAGES, lambda: [ContentPage]):
        read_link = lambda: soup(client.get("/en/documents/")).select_one(".library-item .download__read")["href"]  # noqa: E731
        assert read_link() == "/en/joint/"
        built = compiled._compile.cache_info().misses
        page.unpublish()
        assert read_link() == text_url(original)
        page.save_revision().publish()
        assert read_link() == "/en/joint/"
        assert compiled._compile.cache_info().misses == built


@pytest.mark.parametrize("language", ["en", "es"])
def test_library_queries_stay_flat_with_read_online_links(client, library, home, language):
    def add(count):
        for number in range(count):
            document = DocumentFactory(title=f"Doc {number}", in_library=number % 2 == 0)
            DocumentFactory(title=f"Doc {number} es", language="es", original=document)
            if number % 2:
                attached(home, document)

    with hooks.register_temporarily(registry.DOCUMENT_PAGES, lambda: [ContentPage]):
        add(3)
        client.get(f"/{language}/documents/")  # warm Wagtail's per-process caches
        _response, few = count_queries(client, f"/{language}/documents/")
        add(27)
        response, many = count_queries(client, f"/{language}/documents/")
    reads = soup(response).select(".download__read")
    assert len(reads) == 20
    assert any(a["href"].endswith("/text/") for a in reads) and any(not a["href"].endswith("/text/") for a in reads)
    assert few == many
    assert many <= 14


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    """{location: {hreflang: href}} of /sitemap.xml, read afresh."""
    cache.clear()
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - the site's own sitemap
    return {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }


def text_urls(urls):
    return {url for url in urls if url.endswith("/text/")}


def test_the_sitemap_lists_public_text_pages_in_their_files_languages(client, library, report):
    """A public file's text page is listed once, in the language the file is written in, with its family's
    other languages as alternates (x-default the English one)."""
    original, spanish = report
    urls = sitemap(client)
    english_url, spanish_url = f"http://testserver{text_url(original)}", f"http://testserver{text_url(spanish, 'es')}"
    assert text_urls(urls) == {english_url, spanish_url}
    assert urls[spanish_url] == urls[english_url] == {"en": english_url, "es": spanish_url, "x-default": english_url}
    assert "http://testserver/en/documents/" in urls  # the pages are still there


def test_the_sitemap_never_lists_a_private_draft_or_embargoed_files_text(client, library, home):
    partners = Collection.get_first_root_node().add_child(name="Partners")
    CollectionViewRestriction.objects.create(collection=partners, restriction_type="password", password="p")
    DocumentFactory(title="Partner briefing", collection=partners, paragraphs=ENGLISH, in_library=True)
    staff = Collection.get_first_root_node().add_child(name="Staff")
    CollectionViewRestriction.objects.create(collection=staff, restriction_type="login")
    staff_note = DocumentFactory(title="Staff note", collection=staff, paragraphs=ENGLISH, in_library=True)
    DocumentFactory(title="Nota interna", language="es", original=staff_note, paragraphs=SPANISH)
    members = ContentPageFactory(parent=home, slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type="password", password="members")
    attached(members, DocumentFactory(title="Members' briefing", paragraphs=ENGLISH), slug="briefing")
    attached(home, DocumentFactory(title="Draft", paragraphs=ENGLISH), slug="draft", live=False)
    DocumentFactory(title="Internal draft", paragraphs=ENGLISH)  # no page uses it, not in the library
    DocumentFactory(title="Scan", in_library=True, file=ContentFile(b"%PDF-1.4 scan", name="scan.pdf"))  # no text
    index = StatementIndexPageFactory(parent=home)
    alert = MediaAlertFactory(
        parent=index, slug="alert", live=False, go_live_at=timezone.now() + datetime.timedelta(hours=2)
    )
    release = DocumentFactory(title="Media release", doc_type="media_release", paragraphs=ENGLISH)
    comunicado = DocumentFactory(title="Comunicado", language="es", original=release, paragraphs=SPANISH)
    StatementAttachmentFactory(page=alert, document=release)
    alert.save()  # the reference index records the attachment
    assert text_urls(sitemap(client)) == set()

    # the alert goes live: its files are public, and the alert's page is their HTML version (statement pages are
    # registered as such), so the page is listed, not a text extract; a file a content page uses is listed
    alert.go_live_at = None
    alert.save_revision().publish()
    assert client.get(text_url(comunicado, "es")).status_code == 200
    used = DocumentFactory(title="Background note", paragraphs=ENGLISH)
    attached(home, used, slug="background")
    urls = sitemap(client)
    assert text_urls(urls) == {f"http://testserver{text_url(used)}"}
    assert "http://testserver/en/statements/alert/" in urls


def test_the_cached_sitemap_follows_a_file_published_to_the_library(client, library):
    document = DocumentFactory(title="Report", paragraphs=ENGLISH)
    assert text_urls(sitemap(client)) == set()
    client.get("/sitemap.xml")  # cached now
    document.in_library = True
    document.save()
    response = client.get("/sitemap.xml")
    assert f"http://testserver{text_url(document)}".encode() in response.content


def test_sitemap_queries_stay_flat_with_text_pages(client, library, home):
    def add(count):
        for number in range(count):
            document = DocumentFactory(title=f"Doc {number}", in_library=number % 2 == 0, paragraphs=ENGLISH)
            DocumentFactory(title=f"Doc {number} es", language="es", original=document, paragraphs=SPANISH)
            if number % 2:
                attached(home, document)

    add(2)
    sitemap(client)  # warm Wagtail's per-process caches
    cache.clear()
    _response, few = count_queries(client, "/sitemap.xml")
    add(10)
    cache.clear()
    response, many = count_queries(client, "/sitemap.xml")
    assert response.content.count(b"/text/</loc>") == 2 * 12
    assert few == many <= 7
