"""Who may download which file (wimn_site.visibility and the serve-view hook), and what the media folder
serves: only image renditions, never documents or original images."""

import pytest
from bs4 import BeautifulSoup

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse, set_script_prefix
from django.utils import translation

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from campaigns.factories import logo_image
from wimn_site import visibility
from wimn_site.factories import ContentPageFactory, DocumentFactory, DocumentLibraryPageFactory
from wimn_site.visibility import public_document_versions, public_documents

pytestmark = pytest.mark.django_db


def attached(parent, document, **kwargs):
    """A content page whose body offers `document` (a StreamField document block)."""
    return ContentPageFactory(parent=parent, body_en=[("document", {"document": document, "label": ""})], **kwargs)


def private_collection(name, restriction_type="password"):
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password="partners-only"
    )
    return collection


def library_titles(client, language="en"):
    html = BeautifulSoup(client.get(f"/{language}/documents/").content, "html.parser")
    return [h2.get_text(strip=True) for h2 in html.select(".library-item h2")]


@pytest.fixture
def library(home):
    return DocumentLibraryPageFactory(parent=home, title="Documents")


def test_new_upload_is_closed_until_a_page_or_staff_publish_it(client, library):
    document = DocumentFactory(title="Budget 2023")
    assert not document.in_library
    assert client.get(document.url).status_code == 404
    document.in_library = True
    document.save()
    assert client.get(document.url).status_code == 200
    assert library_titles(client) == ["Budget 2023"]


def test_file_of_a_live_page_is_open_and_listed(client, library, home):
    document = DocumentFactory(title="Joint statement to the IMRF")
    spanish = DocumentFactory(title="Declaración conjunta", language="es", original=document)
    page = attached(home, document, slug="joint")
    assert client.get(document.url).status_code == 200
    assert client.get(spanish.url).status_code == 200
    assert library_titles(client) == ["Joint statement to the IMRF"]
    page.unpublish()
    assert client.get(document.url).status_code == 404
    assert client.get(spanish.url).status_code == 404
    assert library_titles(client) == []


def test_file_of_a_draft_is_closed(client, library, home):
    document = DocumentFactory(title="Draft statement")
    attached(home, document, slug="draft", live=False)
    assert client.get(document.url).status_code == 404
    assert library_titles(client) == []


def test_file_of_a_private_page_opens_only_with_the_pages_password(client, library, home):
    briefing = ContentPageFactory(parent=home, slug="members")
    restriction = PageViewRestriction.objects.create(page=briefing, restriction_type="password", password="members")
    document = DocumentFactory(title="Members' briefing")
    page = attached(briefing, document, slug="briefing")
    assert client.get(document.url).status_code == 404
    assert library_titles(client) == []
    response = client.post(
        f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "members", "return_url": "/en/members/briefing/"},
    )
    assert response.status_code == 302
    assert client.get(document.url).status_code == 200
    assert Client().get(document.url).status_code == 404


def test_private_collection_asks_for_its_password_everywhere(client, library, home):
    """A file in a private collection is never listed, even when a live page uses it, and downloads
    only after the collection's password."""
    partners = private_collection("Partners")
    document = DocumentFactory(title="Partner briefing", collection=partners, in_library=True)
    attached(home, document, slug="public-page")
    response = client.get(document.url)
    assert response.status_code == 200 and b"%PDF" not in response.content
    assert BeautifulSoup(response.content, "html.parser").select_one("input[name=password]")
    assert library_titles(client) == []
    restriction = CollectionViewRestriction.objects.get(collection=partners)
    client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "partners-only", "return_url": document.url},
    )
    assert client.get(document.url)["Content-Disposition"].startswith("attachment")


def test_original_in_a_private_collection_keeps_its_versions_closed(client, library):
    """Private means private for the whole family: a version in an open collection does not leak it."""
    original = DocumentFactory(title="Staff note", collection=private_collection("Staff"), in_library=True)
    spanish = DocumentFactory(title="Nota interna", language="es", original=original)
    assert client.get(spanish.url).status_code == 404


def test_version_in_a_private_collection_is_not_linked_from_pages(client, library, home):
    original = DocumentFactory(title="Statement on CSW68")
    spanish = DocumentFactory(
        title="Declaración ante la CSW68 (borrador)",
        language="es",
        original=original,
        collection=private_collection("Drafts"),
    )
    attached(home, original, slug="csw68", title_es="CSW68")
    html = client.get("/es/csw68/").content.decode()
    assert original.url in html and spanish.url not in html


@pytest.mark.parametrize(
    "template",
    [
        "/media/{document}",
        "/media/{image}",
        "/media/images/../{document}",
        "/media/images/..%2F{document}",
        "/media/images/..%2f{image}",
        "/media/images/%2e%2e/{document}",
        "/media/images/..\\{document}",
        "/media/images/....//{document}",
        "/media/images/",
        "/media/images/..",
        "/media/",
    ],
)
def test_media_folder_serves_no_documents_and_no_originals(client, template):
    """Real stored files (an unpublished document, an original image), asked for by every spelling that
    could step out of the renditions folder: none is served."""
    document = DocumentFactory(title="Embargoed release")
    image = logo_image("Logo", "WIMN")
    path = template.format(document=document.file.name, image=image.file.name)
    response = client.get("/", PATH_INFO=path)  # as the server passes it, no normalising by the client
    assert response.status_code in (400, 404), path
    assert b"%PDF" not in response.content and b"PNG" not in response.content


def test_media_folder_serves_renditions_only(client):
    image = logo_image("Logo", "WIMN", size=(400, 200))
    rendition = image.get_rendition("width-160|format-webp")
    assert client.get(rendition.url).status_code == 200
    assert client.get(f"/media/{image.file.name}").status_code == 404


def test_a_file_in_a_private_collection_is_not_offered_on_public_pages(client, home):
    """Not its title, language or size: a statement, an event and a campaign page leave it out."""
    from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
    from events.factories import EventIndexPageFactory, EventPageFactory
    from statements.factories import StatementAttachmentFactory, StatementIndexPageFactory, StatementPageFactory

    secret = DocumentFactory(title="Confidential partner list Guatemala", collection=private_collection("Partners"))
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home), slug="road-to-imrf")
    statement = StatementPageFactory(parent=StatementIndexPageFactory(parent=home), slug="joint", campaign=campaign)
    StatementAttachmentFactory(page=statement, document=secret)
    EventPageFactory(parent=EventIndexPageFactory(parent=home), slug="side-event", program=secret, campaign=campaign)
    for url in ("/en/statements/joint/", "/en/events/side-event/", "/en/campaigns/road-to-imrf/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Confidential partner list" not in response.content.decode(), url


@pytest.mark.parametrize(
    "name",
    ["report.pdf", "Informe 2023 (versión final).pdf", "50% & more #1?.pdf", "l'été+été;=.pdf", "日本語.pdf"],
)
def test_a_documents_address_is_the_serve_views_whatever_its_name(name, client):
    """WimnDocument.url writes the serve view's address without a reverse() per file: the same address, which
    serves the file, under any script prefix and in any language."""
    document = DocumentFactory(file=ContentFile(b"%PDF-1.4 a file", name=name), in_library=True)
    for prefix in ("/", "/wimn/"):
        set_script_prefix(prefix)
        try:
            for language in ("en", "es"):
                with translation.override(language):
                    assert document.url == reverse("wagtaildocs_serve", args=[document.id, document.filename])
        finally:
            set_script_prefix("/")
    assert client.get(document.url).status_code == 200
    # Storage cleans names on upload (spaces, "%", "#"...); a name from elsewhere (an older upload, another
    # storage) is quoted as reverse() quotes it.
    for odd in ("50% & more #1?.pdf", "l'été (1)+été;=,!$*@:~.pdf", "a b.pdf"):
        document.file.name = f"documents/{odd}"
        assert document.url == reverse("wagtaildocs_serve", args=[document.id, document.filename])


def test_the_public_files_rule_is_built_once_and_read_fresh_each_time():
    """visibility.public_documents() builds its queryset once per process; every call gets its own copy, which
    reads the database as it is now (nothing of an earlier answer is kept)."""
    public_documents(), public_document_versions()  # built (or already built) in this process
    built = visibility._built.cache_info().misses
    first = public_documents()
    assert list(first) == []
    report = DocumentFactory(title="Report", in_library=True)
    spanish = DocumentFactory(title="Informe", language="es", original=report)
    again = public_documents()
    assert again is not first and again.query is not first.query
    assert list(again) == [report] and list(first) == []  # the first copy kept its own, earlier answer
    assert set(public_document_versions()) == {report, spanish}
    report.in_library = False
    report.save()
    assert list(public_documents()) == [] and list(public_document_versions()) == []
    assert visibility._built.cache_info().misses == built  # every call since reused the rules built before
