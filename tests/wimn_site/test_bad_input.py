"""Malformed requests across every public route, feed, calendar, search, form, document and sign-in form.

Each case is one request, as an attacker or a broken client sends it. None may answer 5xx: each gets its
precise 4xx as an HTML page in the visitor's language (`<html lang>` and a translated heading; the
language comes from the URL prefix, else from Accept-Language), and nothing is stored. Requests with a
prefix send an Accept-Language the site does not speak (German), so the page shows that the prefix won.

Refusals inside the admin (uploads, sign-in) are Wagtail's forms: they answer with the form and its error,
in the admin's language, and store nothing (the second half of this file).
"""

import io
import struct
import zlib
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Revision,
    UploadedFile,
)

from campaigns.factories import (
    AdvocacyCalendarPageFactory,
    AdvocacyDayFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    OrganizationDirectoryPageFactory,
    OrganizationFactory,
)
from events.factories import EventIndexPageFactory, EventPageFactory
from statements.factories import StatementIndexPageFactory, StatementPageFactory, attach_document
from tests import snapshots
from wimn_site.factories import (
    ContentPageFactory,
    DocumentFactory,
    DocumentLibraryPageFactory,
    FormPageFactory,
    TopicFactory,
    create_site_root,
    ensure_tree_root,
    minimal_pdf,
)
from wimn_site.models import FormPage, FormSubmission

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Answer:
    """The status a malformed request must get, and the page heading in each language."""

    status: int
    headings: dict


NOT_FOUND = Answer(
    404, {"en": "Page not found", "es": "Página no encontrada", "pt": "Página não encontrada", "fr": "Page introuvable"}
)
BAD_REQUEST = Answer(
    400, {"en": "Bad request", "es": "Solicitud incorrecta", "pt": "Pedido inválido", "fr": "Requête incorrecte"}
)
CSRF_FAILED = Answer(
    403,
    {
        "en": "The form could not be sent",
        "es": "No se pudo enviar el formulario",
        "pt": "Não foi possível enviar o formulário",
        "fr": "Le formulaire n'a pas pu être envoyé",
    },
)
NOT_ALLOWED = Answer(
    405,
    {
        "en": "Request not allowed",
        "es": "Solicitud no permitida",
        "pt": "Pedido não permitido",
        "fr": "Requête non autorisée",
    },
)
TOO_LARGE = Answer(
    413,
    {
        "en": "Request too large",
        "es": "Solicitud demasiado grande",
        "pt": "Pedido grande demais",
        "fr": "Requête trop volumineuse",
    },
)
# Listings (an unknown filter value) and forms (an invalid post) answer 400 with the page itself: its title.
STATEMENTS = Answer(400, {"es": "Declaraciones", "pt": "Declarações", "fr": "Déclarations"})
EVENTS = Answer(400, {"es": "Eventos", "pt": "Eventos", "fr": "Événements"})
MEMBERS = Answer(400, {"es": "Miembros y aliadas", "pt": "Membros e parceiros", "fr": "Membres et partenaires"})
LIBRARY = Answer(400, {"es": "Documentos", "pt": "Documentos", "fr": "Documents"})
JOIN = Answer(400, {"es": "Suscríbase a la lista", "pt": "Inscreva-se na lista", "fr": "Abonnez-vous à la liste"})
WRITE = Answer(400, {"es": "Escríbanos", "pt": "Escreva-nos", "fr": "Écrivez-nous"})

GERMAN = "de-DE,de;q=0.9"  # a language the site does not speak: a prefixed URL must not fall back to it


def build_site():
    """One page of each kind, a library document, and a private page and collection with password forms."""
    ensure_tree_root()
    home = create_site_root(title="Women in Migration Network", title_es="Red de Mujeres en la Migración")
    ContentPageFactory(parent=home, title="About us", slug="about", title_es="Quiénes somos", show_in_menus=True)
    topic = TopicFactory(slug="imrf", name_en="IMRF", name_es="FEMI")
    statements = StatementIndexPageFactory(parent=home)
    statement = StatementPageFactory(parent=statements, slug="joint-statement", topics=[topic])
    attached = attach_document(statement, "Joint statement")
    events = EventIndexPageFactory(
        parent=home, title_es=EVENTS.headings["es"], title_pt=EVENTS.headings["pt"], title_fr=EVENTS.headings["fr"]
    )
    EventPageFactory(parent=events, slug="side-event", topics=[topic])
    campaigns = CampaignIndexPageFactory(parent=home)
    CampaignPageFactory(parent=campaigns, slug="road-to-imrf")
    OrganizationDirectoryPageFactory(
        parent=home, title_es=MEMBERS.headings["es"], title_pt=MEMBERS.headings["pt"], title_fr=MEMBERS.headings["fr"]
    )
    OrganizationFactory(slug="wimn", name="Women in Migration Network", name_en="Women in Migration Network")
    AdvocacyCalendarPageFactory(parent=home)
    AdvocacyDayFactory(slug="international-womens-day")
    DocumentLibraryPageFactory(
        parent=home, title_es=LIBRARY.headings["es"], title_pt=LIBRARY.headings["pt"], title_fr=LIBRARY.headings["fr"]
    )
    FormPageFactory(
        parent=home,
        slug="join",
        **{f"title_{code}": title for code, title in JOIN.headings.items()},
        **{f"intro_{code}": "." for code in JOIN.headings},
    )
    FormPageFactory(
        parent=home,
        slug="write",
        title="Write to us",
        purpose=FormPage.CONTACT,
        **{f"title_{code}": title for code, title in WRITE.headings.items()},
        **{f"intro_{code}": "." for code in WRITE.headings},
    )
    library_document = DocumentFactory(title="Annual report", in_library=True, doc_type="report", year=2023)
    briefing = ContentPageFactory(parent=home, slug="briefing")
    page_restriction = PageViewRestriction.objects.create(page=briefing, restriction_type="password", password="pw")
    private = Collection.get_first_root_node().add_child(name="Partners")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="pw"
    )
    return {
        "doc": attached.url,
        "doc_id": attached.pk,
        "library_doc": library_document.url,
        "briefing": briefing.pk,
        "page_restriction": page_restriction.pk,
        "collection_restriction": collection_restriction.pk,
    }


@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_site)


@pytest.fixture
def site(db, built_site):
    """The content of `build_site`, built once for the module and put back for each test."""
    addresses, snapshot = built_site
    snapshots.restore(snapshot)
    return addresses


def stored():
    """What a request could have written: counted before and after each one."""
    return {
        "submissions": FormSubmission.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "uploads": UploadedFile.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
    }


def form_body(**fields):
    return "&".join(f"{name}={value}" for name, value in fields.items())


def multipart(boundary, *parts, end=True):
    body = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n' for name, value in parts
    )
    return body + (f"--{boundary}--\r\n" if end else "")


def too_big():
    return "message=" + "x" * django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_many_fields():
    return "&".join(f"f{number}=1" for number in range(django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))


def too_many_files():
    return {f"file{number}": SimpleUploadedFile(f"{number}.txt", b"x") for number in range(101)}


VALID = {"name": "Carol Barton", "email": "carol@example.org", "consent": "on", "message": "Hello"}
URLENCODED = "application/x-www-form-urlencoded"


def case(name, request_line, answer, language, *, accept=GERMAN, **request):
    """One malformed request, "METHOD /path": `request` holds the body (`data`, `content_type`), headers
    (`HTTP_*`, `CONTENT_LENGTH`), `csrf=True` for a client that enforces CSRF as a browser meets it,
    `cookies`, and `settings` to override. `{doc}` and the like in the path are filled from the fixture."""
    method, path = request_line.split(" ", 1)
    return pytest.param(method, path, answer, language, {"HTTP_ACCEPT_LANGUAGE": accept, **request}, id=name)


def many(count, template="f{n}=1"):
    return "&".join(template.format(n=n) for n in range(count))


JSON, XML, TEXT = "application/json", "application/xml", "text/plain"
MULTIPART = "multipart/form-data; boundary=zz"
NO_HOST = {"ALLOWED_HOSTS": ["testserver"]}

CASES = [
    # --- Unknown, odd and malformed language prefixes and paths: 404 -----------------------------------
    case("prefix-unknown-xx", "GET /xx/", NOT_FOUND, "es", accept="es"),
    case("prefix-uppercase-EN", "GET /EN/about/", NOT_FOUND, "en", accept="fr"),  # Django reads EN as en
    case("prefix-region-en-us", "GET /en-us/about/", NOT_FOUND, "en", accept="pt"),
    case("prefix-underscore-es_ES", "GET /es_ES/", NOT_FOUND, "pt", accept="pt-BR,pt;q=0.9"),
    case("prefix-missing", "GET /about/", NOT_FOUND, "fr", accept="fr-CA,fr;q=0.8"),
    case("prefix-nul", "GET /%00/", NOT_FOUND, "es", accept="es"),
    case("prefix-overlong", "GET /" + "e" * 3000 + "/", NOT_FOUND, "pt", accept="pt"),
    case("path-overlong-slug", "GET /es/" + "a" * 5000 + "/", NOT_FOUND, "es"),
    case("path-thousands-of-segments", "GET /fr/" + "a/" * 2000, NOT_FOUND, "fr"),
    case("path-nul", "GET /pt/about/%00/", NOT_FOUND, "pt"),
    case("path-invalid-utf8", "GET /es/%ff%fe/", NOT_FOUND, "es"),
    case("path-overlong-utf8-dots", "GET /fr/%c0%ae%c0%ae/%c0%ae%c0%ae/", NOT_FOUND, "fr"),
    case("path-control-bytes", "GET /pt/%01%1b%7f/", NOT_FOUND, "pt"),
    case("path-traversal", "GET /es/../../etc/passwd", NOT_FOUND, "es"),
    case("path-encoded-slash", "GET /fr/about%2f..%2f/", NOT_FOUND, "fr"),
    case("statement-unknown", "GET /es/statements/no-such-statement/", NOT_FOUND, "es"),
    case("event-ics-of-a-content-page", "GET /pt/about/event.ics", NOT_FOUND, "pt"),
    case("calendar-ics-of-statements", "GET /fr/statements/calendar.ics", NOT_FOUND, "fr"),
    case("event-ics-overlong-path", "GET /es/events/" + "a/" * 600 + "event.ics", NOT_FOUND, "es"),
    case("event-ics-unknown-event", "GET /pt/events/no-such-event/event.ics", NOT_FOUND, "pt"),
    case("feed-unknown-kind", "GET /es/feeds/statements/bogus/", NOT_FOUND, "es"),
    case("feed-overlong-kind", "GET /fr/feeds/statements/" + "x" * 3000 + "/", NOT_FOUND, "fr"),
    case("feed-invalid-utf8-kind", "GET /pt/feeds/statements/%ff/", NOT_FOUND, "pt"),
    case("feed-unknown-prefix", "GET /xx/feeds/statements/", NOT_FOUND, "fr", accept="fr"),
    case("member-nul", "GET /es/members/wimn%00/", NOT_FOUND, "es"),
    case("member-overlong-slug", "GET /pt/members/" + "x" * 300 + "/", NOT_FOUND, "pt"),
    case("member-unknown", "GET /fr/members/no-such-organization/", NOT_FOUND, "fr"),
    case("sitemap-part-nul", "GET /sitemap.xml?p=%00", NOT_FOUND, "es", accept="es"),
    case("sitemap-part-huge", "GET /sitemap.xml?p=99999999999999", NOT_FOUND, "pt", accept="pt"),
    case("sitemap-part-negative", "GET /sitemap.xml?p=-1", NOT_FOUND, "fr", accept="fr"),
    case("healthz-subpath", "GET /healthz/%00", NOT_FOUND, "es", accept="es"),
    case("media-traversal", "GET /media/images/../../manage.py", NOT_FOUND, "pt", accept="pt"),
    case("media-original-image", "GET /media/original_images/logo.png", NOT_FOUND, "fr", accept="fr"),
    case("media-document-file", "GET /media/documents/joint-statement-en.pdf", NOT_FOUND, "es", accept="es"),
    case("static-nul", "GET /static/css/%00.css", NOT_FOUND, "pt", accept="pt"),
    case("accept-language-overlong", "GET /xx/", NOT_FOUND, "es", accept="es," + "x" * 10_000),
    case("accept-language-garbage", "GET /xx/", NOT_FOUND, "en", accept="\x00;q=abc,;;;q=-1,**"),
    # --- Documents and their password forms: bad and huge ids, mismatched names: 404 ---------------------
    case("document-huge-id", "GET /documents/99999999999999999999999/a.pdf", NOT_FOUND, "es", accept="es"),
    case("document-id-zero", "GET /documents/0/report.pdf", NOT_FOUND, "pt", accept="pt"),
    case("document-id-negative", "GET /documents/-1/report.pdf", NOT_FOUND, "fr", accept="fr"),
    case("document-id-not-a-number", "GET /documents/abc/report.pdf", NOT_FOUND, "es", accept="es"),
    case("document-mismatched-name", "GET /documents/{doc_id}/other.pdf", NOT_FOUND, "fr", accept="fr"),
    case("document-name-nul", "GET /documents/{doc_id}/%00.pdf", NOT_FOUND, "pt", accept="pt"),
    case("document-name-overlong", "GET /documents/{doc_id}/" + "x" * 3000 + ".pdf", NOT_FOUND, "es", accept="es"),
    case("document-name-traversal", "GET /documents/{doc_id}/../../../manage.py", NOT_FOUND, "fr", accept="fr"),
    case(
        "document-password-unknown-restriction",
        "POST /documents/authenticate_with_password/999999/",
        NOT_FOUND,
        "es",
        accept="es",
        data={"password": "guess", "return_url": "/"},
    ),
    case(
        "document-password-huge-id",
        "GET /documents/authenticate_with_password/99999999999999999999999/",
        NOT_FOUND,
        "pt",
        accept="pt",
    ),
    case(
        "page-password-unknown-restriction",
        "POST /es/_util/authenticate_with_password/999999/{briefing}/",
        NOT_FOUND,
        "es",
        data={"password": "guess", "return_url": "/es/briefing/"},
    ),
    case(
        "page-password-huge-ids",
        "POST /fr/_util/authenticate_with_password/99999999999999999999/99999999999999999999/",
        NOT_FOUND,
        "fr",
        data={"password": "guess"},
    ),
    # --- Filter values a listing does not know, bad dates and years: 400 with the listing's own page -----
    case("statements-kind-unknown", "GET /es/statements/?kind=bogus", STATEMENTS, "es"),
    case("statements-kind-nul", "GET /fr/statements/?kind=%00", STATEMENTS, "fr"),
    case("statements-kind-invalid-utf8", "GET /pt/statements/?kind=%ff%c0%ae", STATEMENTS, "pt"),
    case("statements-year-not-a-number", "GET /pt/statements/?year=abc", STATEMENTS, "pt"),
    case("statements-year-huge", "GET /es/statements/?year=99999999999999999999", STATEMENTS, "es"),
    case("statements-year-negative", "GET /fr/statements/?year=-2022", STATEMENTS, "fr"),
    case("statements-topic-overlong", "GET /es/statements/?topic=" + "x" * 5000, STATEMENTS, "es"),
    case("statements-campaign-sql", "GET /pt/statements/?campaign=%27%20OR%201%3D1--", STATEMENTS, "pt"),
    case("events-year-negative", "GET /es/events/?year=-5", EVENTS, "es"),
    case("events-year-huge", "GET /fr/events/?year=" + "9" * 300, EVENTS, "fr"),
    case("events-year-a-bad-date", "GET /pt/events/?year=2024-02-30", EVENTS, "pt"),
    case("events-format-unknown", "GET /pt/events/?format=bogus", EVENTS, "pt"),
    case("events-when-unknown", "GET /es/events/?when=tomorrow", EVENTS, "es"),
    case("events-topic-control-bytes", "GET /fr/events/?topic=%01%02", EVENTS, "fr"),
    case("events-campaign-unknown", "GET /es/events/?campaign=nope", EVENTS, "es"),
    case("members-region-unknown", "GET /es/members/?region=mars", MEMBERS, "es"),
    case("members-relation-overlong", "GET /fr/members/?relation=" + "x" * 300, MEMBERS, "fr"),
    case("library-type-unknown", "GET /pt/documents/?type=bogus", LIBRARY, "pt"),
    case("library-language-unknown", "GET /es/documents/?language=de", LIBRARY, "es"),
    case("library-year-with-nul", "GET /fr/documents/?year=2023%00", LIBRARY, "fr"),
    # --- Page numbers that are not pages: 404 -----------------------------------------------------------
    case("statements-page-not-a-number", "GET /es/statements/?page=abc", NOT_FOUND, "es"),
    case("statements-page-huge", "GET /pt/statements/?page=" + "9" * 40, NOT_FOUND, "pt"),
    case("statements-page-negative", "GET /fr/statements/?page=-1", NOT_FOUND, "fr"),
    case("events-page-past-the-end", "GET /fr/events/?page=999999", NOT_FOUND, "fr"),
    case("members-page-nul", "GET /pt/members/?page=%00", NOT_FOUND, "pt"),
    case("library-page-fraction", "GET /es/documents/?page=1.5", NOT_FOUND, "es"),
    case("search-page-past-the-end", "GET /es/search/?q=migraci%C3%B3n&page=99999", NOT_FOUND, "es"),
    case("search-page-negative", "GET /fr/search/?q=x&page=-3", NOT_FOUND, "fr"),
    case("search-page-invalid-utf8", "GET /pt/search/?page=%ff", NOT_FOUND, "pt"),
    # --- Query strings past DATA_UPLOAD_MAX_NUMBER_FIELDS: 400 ------------------------------------------
    case("search-too-many-parameters", "GET /es/search/?" + many(1001), BAD_REQUEST, "es"),
    case("statements-too-many-parameters", "GET /fr/statements/?" + many(1001, "k{n}="), BAD_REQUEST, "fr"),
    # --- Methods an address does not take: 405 ----------------------------------------------------------
    case("put-content-page", "PUT /es/about/", NOT_ALLOWED, "es"),
    case("delete-statements-listing", "DELETE /fr/statements/", NOT_ALLOWED, "fr"),
    case("patch-event", "PATCH /pt/events/side-event/", NOT_ALLOWED, "pt"),
    case("post-home-page", "POST /es/", NOT_ALLOWED, "es", data={"q": "x"}),
    case("options-campaign", "OPTIONS /fr/campaigns/road-to-imrf/", NOT_ALLOWED, "fr"),
    case("post-library", "POST /pt/documents/", NOT_ALLOWED, "pt", data={"type": "report"}),
    case("post-member-page", "POST /es/members/wimn/", NOT_ALLOWED, "es"),
    case("put-advocacy-calendar", "PUT /fr/calendar/", NOT_ALLOWED, "fr"),
    case("put-form-page", "PUT /pt/join/", NOT_ALLOWED, "pt", data=form_body(**VALID)),
    case("post-search", "POST /es/search/", NOT_ALLOWED, "es", data={"q": "x"}),
    case("put-statements-feed", "PUT /fr/feeds/statements/", NOT_ALLOWED, "fr"),
    case("post-event-ics", "POST /pt/events/side-event/event.ics", NOT_ALLOWED, "pt"),
    case("delete-calendar-feed", "DELETE /es/events/calendar.ics", NOT_ALLOWED, "es"),
    case("post-events-atom-feed", "POST /fr/events/feed.xml", NOT_ALLOWED, "fr"),
    case("post-sitemap", "POST /sitemap.xml", NOT_ALLOWED, "fr", accept="fr"),
    case("put-robots", "PUT /robots.txt", NOT_ALLOWED, "pt", accept="pt"),
    case("post-healthz", "POST /healthz", NOT_ALLOWED, "es", accept="es"),
    case("delete-language-redirect", "DELETE /", NOT_ALLOWED, "pt", accept="pt-BR"),
    case("delete-document", "DELETE {doc}", NOT_ALLOWED, "fr", accept="fr"),
    case("post-library-document", "POST {library_doc}", NOT_ALLOWED, "es", accept="es"),
    # --- Form bodies: wrong content types, malformed multipart, too big, too many fields, no CSRF --------
    case("form-json-body", "POST /es/join/", JOIN, "es", data='{"email": "a@example.org"}', content_type=JSON),
    case("form-xml-body", "POST /fr/write/", WRITE, "fr", data="<email>a@example.org</email>", content_type=XML),
    case("form-plain-text-body", "POST /pt/join/", JOIN, "pt", data="email=a@example.org", content_type=TEXT),
    case("form-empty-body", "POST /es/write/", WRITE, "es", data=""),
    case("form-nul-in-email", "POST /fr/join/", JOIN, "fr", data={**VALID, "email": "a@example.org\x00"}),
    case("form-overlong-name", "POST /pt/write/", WRITE, "pt", data={**VALID, "name": "x" * 5000}),
    case("form-invalid-utf8-field", "POST /es/join/", JOIN, "es", data="email=%ff%fe%40example.org&consent=on"),
    case(
        "form-urlencoded-not-utf8",
        "POST /fr/join/",
        BAD_REQUEST,
        "fr",
        data="email=a%40b.org",
        content_type=URLENCODED + "; charset=latin-1",
    ),
    case(
        "multipart-without-boundary", "POST /es/join/", BAD_REQUEST, "es", data="x", content_type="multipart/form-data"
    ),
    case("multipart-empty-boundary", "POST /pt/join/", BAD_REQUEST, "pt", data="x", content_type=MULTIPART[:-2]),
    case(
        "multipart-bad-content-length",
        "POST /fr/write/",
        BAD_REQUEST,
        "fr",
        data=multipart("zz", ("email", "a@b.org")),
        content_type=MULTIPART,
        CONTENT_LENGTH="-5",
    ),
    case(
        "multipart-cut-short",
        "POST /es/write/",
        WRITE,
        "es",
        data=multipart("zz", ("email", "a@b.org"), end=False)[:-10],
        content_type=MULTIPART,
    ),
    case("multipart-too-many-files", "POST /pt/join/", BAD_REQUEST, "pt", data=too_many_files),
    case("form-too-many-fields", "POST /es/join/", BAD_REQUEST, "es", data=too_many_fields),
    case("form-body-too-big", "POST /fr/write/", TOO_LARGE, "fr", data=too_big),
    case("form-without-csrf-token", "POST /es/join/", CSRF_FAILED, "es", data=VALID, csrf=True),
    case(
        "form-wrong-csrf-token",
        "POST /pt/write/",
        CSRF_FAILED,
        "pt",
        data={**VALID, "csrfmiddlewaretoken": "x" * 32},
        csrf=True,
        cookies={"csrftoken": "y" * 32},
    ),
    case(
        "page-password-without-csrf-token",
        "POST /fr/_util/authenticate_with_password/{page_restriction}/{briefing}/",
        CSRF_FAILED,
        "fr",
        data={"password": "pw"},
        csrf=True,
    ),
    case(
        "document-password-without-csrf-token",
        "POST /documents/authenticate_with_password/{collection_restriction}/",
        CSRF_FAILED,
        "es",
        accept="es",
        data={"password": "pw"},
        csrf=True,
    ),
    # --- Staff sign-in and password reset, before any account is involved -------------------------------
    case(
        "admin-login-without-csrf-token",
        "POST /admin/login/",
        CSRF_FAILED,
        "fr",
        accept="fr",
        data={"username": "staff", "password": "x"},
        csrf=True,
    ),
    case("admin-login-body-too-big", "POST /admin/login/", TOO_LARGE, "es", accept="es", data=too_big),
    case("admin-login-too-many-fields", "POST /admin/login/", BAD_REQUEST, "pt", accept="pt", data=too_many_fields),
    case(
        "admin-login-malformed-multipart",
        "POST /admin/login/",
        BAD_REQUEST,
        "fr",
        accept="fr",
        data="x",
        content_type=MULTIPART[:-2],
    ),
    case("password-reset-body-too-big", "POST /admin/password_reset/", TOO_LARGE, "pt", accept="pt", data=too_big),
    case(
        "password-reset-without-csrf-token",
        "POST /admin/password_reset/",
        CSRF_FAILED,
        "es",
        accept="es",
        data={"email": "a@example.org"},
        csrf=True,
    ),
    # --- A Host header the site does not serve: 400 -----------------------------------------------------
    case("host-not-allowed", "GET /es/about/", BAD_REQUEST, "es", HTTP_HOST="evil.example", settings=NO_HOST),
    case("host-malformed", "GET /fr/", BAD_REQUEST, "fr", HTTP_HOST="a b\x00c", settings=NO_HOST),
]


@pytest.mark.parametrize(("method", "path", "answer", "language", "request_kwargs"), CASES)
def test_malformed_request_gets_its_4xx_page_in_the_visitors_language(
    client, site, settings, method, path, answer, language, request_kwargs
):
    kwargs = dict(request_kwargs)
    for name, value in kwargs.pop("settings", {}).items():
        setattr(settings, name, value)
    browser = Client(enforce_csrf_checks=True) if kwargs.pop("csrf", False) else client
    for name, value in kwargs.pop("cookies", {}).items():
        browser.cookies[name] = value
    if callable(kwargs.get("data")):
        kwargs["data"] = kwargs["data"]()
    before = stored()

    response = browser.generic(method, path.format(**site), **_body(kwargs))

    assert response.status_code == answer.status
    assert response["Content-Type"].startswith("text/html")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == answer.headings[language]
    assert stored() == before
    if answer.status == 405:
        assert response["Allow"]


def _body(kwargs):
    """`Client.generic` takes bytes: encode a dict as a form (multipart when it holds files, as a browser does)."""
    data = kwargs.pop("data", "")
    if isinstance(data, dict):
        if "content_type" in kwargs:
            raise ValueError("a dict body sets its own content type")
        if any(hasattr(value, "read") for value in data.values()):
            return {**kwargs, "data": encode_multipart(BOUNDARY, data), "content_type": MULTIPART_CONTENT}
        encoded = form_body(**{name: quote(str(value), safe="") for name, value in data.items()})
        return {**kwargs, "data": encoded, "content_type": URLENCODED}
    return {**kwargs, "data": data, "content_type": kwargs.pop("content_type", URLENCODED)}


def test_the_suite_covers_at_least_sixty_distinct_requests():
    assert len({param.id for param in CASES}) == len(CASES) >= 60


# --- The admin: uploads and sign-in refused with a form error, in the admin's language, nothing stored ---


def png_declaring(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def small_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), (91, 42, 134)).save(buffer, format="PNG")
    return buffer.getvalue()


DOCUMENT_UPLOADS = [
    pytest.param(
        "report.pdf",
        lambda: minimal_pdf("x") + b"0" * 2048,
        "límite",
        {"WIMN_MAX_DOCUMENT_BYTES": 2048},
        id="document-oversize",
    ),
    pytest.param(
        "page.html", lambda: b"<html><script>alert(1)</script></html>", "extensión", {}, id="document-html-extension"
    ),
    pytest.param(
        "logo.svg", lambda: b"<svg xmlns='http://www.w3.org/2000/svg'/>", "extensión", {}, id="document-svg-extension"
    ),
    pytest.param("setup.exe", lambda: b"MZ\x90\x00", "extensión", {}, id="document-exe-extension"),
    pytest.param("archive.zip", lambda: b"PK\x03\x04", "extensión", {}, id="document-zip-extension"),
    pytest.param("no-extension", lambda: b"%PDF-1.4", "extensión", {}, id="document-without-extension"),
    pytest.param(
        "statement.pdf",
        lambda: b"<!DOCTYPE html><html><script>alert(1)</script>",
        "diga lo que diga",
        {},
        id="html-named-pdf",
    ),
    pytest.param(
        "statement.pdf", lambda: b"MZ\x90\x00\x03" + b"\x00" * 64, "diga lo que diga", {}, id="executable-named-pdf"
    ),
    pytest.param("statement.docx", lambda: b"just some text", "diga lo que diga", {}, id="text-named-docx"),
    pytest.param("budget.xlsx", lambda: minimal_pdf("x"), "diga lo que diga", {}, id="pdf-named-xlsx"),
    pytest.param(
        "notes.txt", lambda: b"\x7fELF\x02\x01\x01" + b"\x00" * 32, "diga lo que diga", {}, id="program-named-txt"
    ),
]


@pytest.mark.parametrize(("name", "content", "message", "overrides"), DOCUMENT_UPLOADS)
@pytest.mark.parametrize("uploader", ["single", "multiple"])
def test_admin_document_upload_is_refused_with_a_form_error(
    staff, settings, uploader, name, content, message, overrides
):
    """An editor working in Spanish: the refusal is a form error on the file, in Spanish, and nothing is stored."""
    for setting, value in overrides.items():
        setattr(settings, setting, value)
    before = stored()
    upload = SimpleUploadedFile(name, content())
    if uploader == "single":
        response = staff.post(
            reverse("wagtaildocs:add"),
            {"title": "Upload", "file": upload, "language": "en", "doc_type": "other"},
            HTTP_ACCEPT_LANGUAGE="es",
        )
        assert response.status_code == 200
        errors = " ".join(response.context["form"].errors["file"])
    else:
        response = staff.post(reverse("wagtaildocs:add_multiple"), {"files[]": upload}, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 200
        assert response.json()["success"] is False
        errors = response.json()["error_message"]
    assert message in errors
    assert stored() == before


IMAGE_UPLOADS = [
    pytest.param("photo.png", lambda: b"just some text", "imagen", {}, id="text-named-png"),
    pytest.param("photo.jpg", lambda: b"<html><script>alert(1)</script></html>", "jpeg", {}, id="html-named-jpg"),
    pytest.param("photo.jpg", small_png, "jpeg", {}, id="png-named-jpg"),
    pytest.param("bomb.png", lambda: png_declaring(15_000, 15_000), "40000000", {}, id="decompression-bomb"),
    pytest.param("large.png", lambda: png_declaring(8_000, 8_000), "40000000", {}, id="past-the-pixel-limit"),
    pytest.param("cut.png", lambda: small_png()[:-40], "imagen", {}, id="truncated-png"),
    pytest.param("logo.svg", lambda: b"<svg xmlns='http://www.w3.org/2000/svg'/>", "formato", {}, id="svg-extension"),
    pytest.param("photo.png", small_png, "grande", {"WAGTAILIMAGES_MAX_UPLOAD_SIZE": 50}, id="image-oversize"),
]


@pytest.mark.parametrize(("name", "content", "message", "overrides"), IMAGE_UPLOADS)
@pytest.mark.parametrize("uploader", ["single", "multiple"])
def test_admin_image_upload_is_refused_with_a_form_error(staff, settings, uploader, name, content, message, overrides):
    for setting, value in overrides.items():
        setattr(settings, setting, value)
    before = stored()
    upload = SimpleUploadedFile(name, content())
    if uploader == "single":
        response = staff.post(
            reverse("wagtailimages:add"), {"title": "Upload", "file": upload}, HTTP_ACCEPT_LANGUAGE="es"
        )
        assert response.status_code == 200
        errors = " ".join(response.context["form"].errors["file"])
    else:
        response = staff.post(reverse("wagtailimages:add_multiple"), {"files[]": upload}, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 200
        assert response.json()["success"] is False
        errors = response.json()["error_message"]
    assert message in errors.lower()
    assert stored() == before


@pytest.mark.parametrize(
    "body",
    [
        "username=" + "u" * 5000 + "&password=x",
        "username=staff&password=" + "p" * 100_000,
        "username=staff%00&password=a-long-password-1%00",
        "username=%ed%a0%80%ff&password=%c0%ae",
        "username=&password=",
    ],
    ids=["overlong-username", "overlong-password", "nul-in-both", "invalid-utf8", "empty"],
)
def test_admin_login_with_malformed_credentials_is_a_form_error(client, django_user_model, body):
    """The sign-in form answers with its error in the browser's language, and signs nobody in."""
    django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-password-1")
    response = client.post("/admin/login/", body, content_type=URLENCODED, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "es"
    assert "_auth_user_id" not in client.session
