import pytest

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.test.utils import WagtailTestUtils

from tests import snapshots
from tests.discovery.builders import document_library
from tests.helpers import count_queries, soup, translated_home
from wimn_site.factories import ContentPageFactory, DocumentFactory, TopicFactory
from wimn_site.models import DocumentLibraryPage, HomePage, WimnDocument
from wimn_site.visibility import public_documents

pytestmark = pytest.mark.django_db


def titles(response):
    return [h2.get_text(strip=True) for h2 in soup(response).select(".library-item h2")]


def attached(parent, document, **kwargs):
    """A content page whose body links `document` (a StreamField document block)."""
    return ContentPageFactory(parent=parent, body_en=[("document", {"document": document, "label": ""})], **kwargs)


def test_library_lives_once_under_the_home_page(home):
    """The library is created under the home page only, and only once."""
    assert DocumentLibraryPage.can_create_at(home)
    DocumentLibraryPage.objects.all().delete()
    assert not DocumentLibraryPage.can_create_at(ContentPageFactory(parent=home))
    assert not HomePage.can_create_at(home)


def test_standalone_document_is_listed_once_with_its_versions(client, library):
    """An original uploaded on its own is listed once; its language versions are not separate entries."""
    original = DocumentFactory(title="Gender-responsive GCM report", doc_type="report", year=2022, in_library=True)
    DocumentFactory(title="Informe GCM con perspectiva de género", language="es", original=original)
    response = client.get("/en/documents/")
    assert response.status_code == 200
    assert titles(response) == ["Gender-responsive GCM report"]
    item = soup(response).select_one(".library-item")
    facts = item.select_one(".library-item__facts").get_text(" ", strip=True)
    assert "Report" in facts and "2022" in facts and "English" in facts and "Español" in facts


def test_row_shows_file_type_and_size(client, library):
    DocumentFactory(title="Program", doc_type="program", in_library=True)
    meta = soup(client.get("/en/documents/")).select_one(".library-item .download__meta").get_text()
    assert "PDF" in meta and "bytes" in meta


def test_unticked_document_never_appears(client, library):
    DocumentFactory(title="Internal draft", in_library=False)
    assert titles(client.get("/en/documents/")) == []


def test_document_in_a_private_collection_never_appears(client, library):
    """A collection with a view restriction (or a collection below it) keeps its documents out."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Staff only")
    below = private.add_child(name="Drafts")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    DocumentFactory(title="Board minutes", collection=private, in_library=True)
    DocumentFactory(title="Minutes draft", collection=below, in_library=True)
    DocumentFactory(title="Public report", collection=root.add_child(name="Public"), in_library=True)
    assert titles(client.get("/en/documents/")) == ["Public report"]


def test_document_attached_only_to_a_draft_page_is_hidden_until_it_goes_live(client, library, home):
    """A file attached to an unpublished statement stays out of the library until the page is published."""
    document = DocumentFactory(title="Embargoed media release")
    draft = attached(home, document, live=False)
    assert titles(client.get("/en/documents/")) == []
    draft.save_revision().publish()
    assert titles(client.get("/en/documents/")) == ["Embargoed media release"]


def test_document_attached_to_a_live_page_appears(client, library, home):
    document = DocumentFactory(title="Joint statement to the IMRF")
    attached(home, document)
    assert titles(client.get("/en/documents/")) == ["Joint statement to the IMRF"]


def test_translation_attached_to_a_draft_keeps_the_family_hidden(client, library, home):
    """Attaching only a family's Spanish version to a draft counts as use of the whole document."""
    original = DocumentFactory(title="Statement to CSW68")
    spanish = DocumentFactory(title="Declaración ante la CSW68", language="es", original=original)
    attached(home, spanish, live=False)
    assert titles(client.get("/en/documents/")) == []


def test_document_used_only_in_a_private_section_is_hidden(client, library, home):
    members = ContentPageFactory(parent=home, slug="members-area")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    attached(members, DocumentFactory(title="Members' briefing"))
    assert titles(client.get("/en/documents/")) == []
    assert not public_documents().exists()


def test_language_version_in_a_private_collection_is_not_offered(client, library):
    """A version kept in a private collection is neither listed as a language nor downloaded."""
    drafts = Collection.get_first_root_node().add_child(name="Translations in progress")
    CollectionViewRestriction.objects.create(collection=drafts, restriction_type="login")
    original = DocumentFactory(title="Report", in_library=True)
    DocumentFactory(title="Informe (borrador)", language="es", original=original, collection=drafts)
    page = soup(client.get("/es/documents/"))
    assert "Español" not in page.select_one(".library-item__facts").get_text()
    link = page.select_one(".download__link")
    assert link["hreflang"] == "en"


def build_filter_documents():
    """The home page and library of tests/discovery/conftest.py, with documents of three types, years and
    languages and two topics: their ids."""
    document_library(translated_home())
    imrf = TopicFactory(slug="imrf", name="IMRF", name_es="FEMI")
    climate = TopicFactory(slug="climate", name="Climate", name_es="Clima")
    statement = DocumentFactory(title="Statement 2022", doc_type="statement", year=2022, in_library=True)
    statement.topics.add(imrf)
    DocumentFactory(title="Declaración 2022", language="es", original=statement)
    report = DocumentFactory(title="Report 2021", doc_type="report", year=2021, in_library=True)
    report.topics.add(climate)
    DocumentFactory(title="Programa 2023", doc_type="program", year=2023, language="es", in_library=True)
    return {"statement": statement.pk, "report": report.pk}


class TestFilters:
    @pytest.fixture(scope="class")
    def built_documents(self, django_db_setup, django_db_blocker):
        return snapshots.build_once(django_db_blocker, build_filter_documents)

    @pytest.fixture
    def documents(self, db, built_documents):
        """`build_filter_documents`' library, built once for the class and put back for each test."""
        ids, snapshot = built_documents
        snapshots.restore(snapshot)
        return {name: WimnDocument.objects.get(pk=pk) for name, pk in ids.items()}

    @pytest.mark.parametrize(
        "query,expected",
        [
            ("", ["Programa 2023", "Statement 2022", "Report 2021"]),
            ("type=report", ["Report 2021"]),
            ("year=2022", ["Statement 2022"]),
            ("topic=climate", ["Report 2021"]),
            ("language=es", ["Programa 2023", "Statement 2022"]),
            ("language=en", ["Statement 2022", "Report 2021"]),
            ("language=fr", []),
            ("type=statement&year=2021", []),
        ],
    )
    def test_filters(self, client, documents, query, expected):
        """Each filter narrows the list; filters combine."""
        assert titles(client.get(f"/en/documents/?{query}")) == expected

    @pytest.mark.parametrize(
        "query", ["type=bogus", "year=1999", "year=abc", "topic=nope", "language=de", "type=%00", "year=" + "9" * 500]
    )
    def test_unknown_filter_value_gives_a_400_with_an_empty_list_and_a_message(self, client, documents, query):
        response = client.get(f"/en/documents/?{query}")
        assert response.status_code == 400
        assert titles(response) == []
        assert "does not know" in soup(response).select_one(".notice").get_text()

    def test_unknown_filter_message_is_in_the_visitor_language(self, client, documents):
        notice = soup(client.get("/es/documents/?type=bogus")).select_one(".notice").get_text()
        assert "filtros" in notice

    @pytest.mark.parametrize("page", ["abc", "99", "0", "-1"])
    def test_bad_page_number_is_a_404(self, client, documents, page):
        assert client.get(f"/en/documents/?page={page}").status_code == 404

    def test_filter_options_show_only_years_and_topics_in_use(self, client, documents):
        TopicFactory(slug="unused", name="Unused topic")
        page = soup(client.get("/es/documents/"))
        years = [o["value"] for o in page.select("#filter-year option") if o["value"]]
        topics = {o["value"]: o.get_text() for o in page.select("#filter-topic option") if o["value"]}
        assert years == ["2023", "2022", "2021"]
        assert topics == {"climate": "Clima", "imrf": "FEMI"}

    def test_filter_options_follow_a_new_document(self, client, documents, django_capture_on_commit_callbacks):
        """The options are kept with the site's frame: a document saved (the invalidation rules run on commit)
        shows its year and topic on the next request."""
        client.get("/es/documents/")
        with django_capture_on_commit_callbacks(execute=True):
            added = DocumentFactory(title="Old report", doc_type="report", year=2019, in_library=True)
            added.topics.add(TopicFactory(slug="labour", name="Labour", name_es="Trabajo"))
        page = soup(client.get("/es/documents/"))
        assert [o["value"] for o in page.select("#filter-year option") if o["value"]] == [
            "2023",
            "2022",
            "2021",
            "2019",
        ]
        assert "Trabajo" in [o.get_text() for o in page.select("#filter-topic option")]

    def test_filters_survive_pagination_links(self, client, library):
        for number in range(25):
            DocumentFactory(title=f"Report {number}", doc_type="report", in_library=True)
        page = soup(client.get("/en/documents/?type=report"))
        assert page.select_one('a[rel="next"]')["href"] == "?type=report&page=2"


class TestLanguageSelection:
    @pytest.fixture
    def statement(self, library):
        original = DocumentFactory(title="Statement on the IMRF", year=2022, in_library=True)
        DocumentFactory(title="Declaración sobre el FEMI", language="es", original=original)
        return original

    def test_spanish_visitor_gets_the_spanish_file(self, client, statement):
        page = soup(client.get("/es/documents/"))
        link = page.select_one(".download__link")
        spanish = WimnDocument.objects.get(language="es")
        assert link["href"] == spanish.url and link["hreflang"] == "es"
        assert page.select_one(".library-item h2").get_text(strip=True) == "Declaración sobre el FEMI"
        assert not page.select(".download__note")

    def test_french_visitor_gets_the_original_with_a_note_in_french(self, client, statement):
        page = soup(client.get("/fr/documents/"))
        assert page.select_one(".download__link")["href"] == statement.url
        assert "Non disponible dans votre langue" in page.select_one(".download__note").get_text()
        others = {a["hreflang"] for a in page.select(".download__others a")}
        assert others == {"es"}

    def test_a_title_in_another_language_is_marked_with_its_language(self, client, statement):
        """The link's text is the file's title: English on a French page is marked lang="en" (read in English),
        a Spanish title on the Spanish page is not marked."""
        link = soup(client.get("/fr/documents/")).select_one(".download__link")
        assert link.get_text() == "Statement on the IMRF" and link["lang"] == "en"
        assert not soup(client.get("/es/documents/")).select_one(".download__link").has_attr("lang")

    def test_downloaded_file_is_the_version_in_the_visitor_language(self, client, statement):
        spanish = WimnDocument.objects.get(language="es")
        href = soup(client.get("/es/documents/")).select_one(".download__link")["href"]
        response = client.get(href)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == spanish.file.open("rb").read()


@pytest.mark.parametrize("language", ["en", "es"])
def test_query_count_does_not_grow_with_documents(client, library, home, language):
    """The library runs at most 12 queries, the same for 3 documents as for 30."""
    topic = TopicFactory(slug="imrf", name="IMRF")

    def add(count):
        for number in range(count):
            document = DocumentFactory(title=f"Doc {number}", year=2020 + number % 3, in_library=True)
            document.topics.add(topic)
            DocumentFactory(title=f"Doc {number} es", language="es", original=document)
            attached(home, document)

    add(3)
    client.get(f"/{language}/documents/")  # warm Wagtail's per-process caches
    _response, few = count_queries(client, f"/{language}/documents/")
    add(27)
    response, many = count_queries(client, f"/{language}/documents/")
    assert len(titles(response)) == 20
    assert few == many
    assert many <= 12


class TestAdmin(WagtailTestUtils):
    def test_editor_adds_a_language_version_in_the_documents_admin(self, client, library, django_user_model):
        """Uploading a Spanish file as 'translation of' an original gives one library entry with two languages."""
        from django.core.files.uploadedfile import SimpleUploadedFile

        from wimn_site.factories import minimal_pdf

        admin = django_user_model.objects.create_superuser("editor", "ed@example.org", "a-long-password-1")
        client.force_login(admin)
        original = DocumentFactory(title="Pledge on the GCM", in_library=True)
        form = client.get("/admin/documents/multiple/add/")
        assert form.status_code == 200
        response = client.post(
            "/admin/documents/add/",
            {
                "title": "Compromiso sobre el PMM",
                "file": SimpleUploadedFile("compromiso.pdf", minimal_pdf("Compromiso"), "application/pdf"),
                "collection": Collection.get_first_root_node().pk,
                "language": "es",
                "original": original.pk,
                "doc_type": "pledge",
                "description": "",
                "year": "2023",
                "in_library": "on",
            },
        )
        assert response.status_code == 302, response.content[:2000]
        spanish = WimnDocument.objects.get(title="Compromiso sobre el PMM")
        assert spanish.original == original and spanish.language == "es"
        client.logout()
        assert titles(client.get("/en/documents/")) == ["Pledge on the GCM"]
        assert "Español" in soup(client.get("/en/documents/")).select_one(".library-item__facts").get_text()

    def test_admin_form_explains_language_versions(self, client, django_user_model):
        admin = django_user_model.objects.create_superuser("editor", "ed@example.org", "a-long-password-1")
        client.force_login(admin)
        html = client.get("/admin/documents/add/").content.decode()
        assert "To add a language version of a document" in html
        assert "each visitor downloads the file in their language" in html


def test_the_first_page_read_compiled_matches_the_pages_after_it(client, library, home):
    """The unfiltered first page is a compiled read (wimn_site.library._first_page); with the second page it
    lists every public document once, in the library's order, and a filtered first page reads the filter."""
    from wimn_site.library import PER_PAGE, _listed

    for number in range(PER_PAGE + 5):
        DocumentFactory(title=f"Report {number:02}", doc_type="report", in_library=True)
    DocumentFactory(title="Unticked", in_library=False)
    attached(home, DocumentFactory(title="Policy brief", doc_type="guide"))
    first, second = titles(client.get("/en/documents/")), titles(client.get("/en/documents/?page=2"))
    assert len(first) == PER_PAGE and len(second) == 6
    expected = [document.title for document in _listed(public_documents())]  # the ORM's order
    assert (first, second) == (expected[:PER_PAGE], expected[PER_PAGE:])
    assert "Unticked" not in expected and "Policy brief" in expected
    assert first == titles(client.get("/en/documents/?page=1"))
    assert titles(client.get("/en/documents/?type=guide")) == ["Policy brief"]
    page = soup(client.get("/es/documents/"))
    assert page.select_one('a[rel="next"]')["href"] == "?page=2"
