"""Refusals that Django and Wagtail answer in English or with an empty body: a wrong method (405), a form
without its CSRF token (403), a body past the upload limit (413), a permission refused (403). Each is a
page in the visitor's language: the URL prefix, else the browser's Accept-Language."""

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

from statements.factories import StatementIndexPageFactory
from wimn_site import urls as site_urls
from wimn_site.factories import DocumentFactory, FormPageFactory
from wimn_site.models import FormSubmission

pytestmark = pytest.mark.django_db


def page(response):
    html = BeautifulSoup(response.content, "html.parser")
    return html.html["lang"], html.h1.get_text(strip=True)


@pytest.fixture
def join(home):
    return FormPageFactory(parent=home, slug="join", title_es="Suscríbase", intro_es="Noticias de la red.")


@pytest.mark.parametrize("method", ["put", "delete", "patch", "post", "options"])
def test_a_page_refuses_methods_it_does_not_take(client, about, method):
    response = getattr(client, method)("/es/about/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert page(response) == ("es", "Solicitud no permitida")


def test_a_form_page_takes_post_but_not_put(client, join):
    assert client.post("/en/join/", {"email": "carol@example.org", "consent": "on"}).status_code == 303
    refused = client.put("/pt/join/")
    assert refused.status_code == 405
    assert refused["Allow"] == "GET, HEAD, POST"
    assert page(refused) == ("pt", "Pedido não permitido")


def test_head_is_still_answered(client, about):
    assert client.head("/en/about/").status_code == 200


def test_a_document_is_only_downloaded(client, home):
    document = DocumentFactory(title="Report", in_library=True)
    assert client.get(document.url).status_code == 200
    for method in ("post", "put", "delete"):
        response = getattr(client, method)(document.url, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code == 405
        assert page(response) == ("fr", "Requête non autorisée")


def test_a_feed_is_only_read(client, home):
    StatementIndexPageFactory(parent=home)
    assert client.get("/en/feeds/statements/").status_code == 200
    response = client.post("/es/feeds/statements/")
    assert response.status_code == 405
    assert page(response) == ("es", "Solicitud no permitida")


@pytest.mark.parametrize(("url", "language"), [("/fr/search/", "fr"), ("/robots.txt", "pt"), ("/", "es")])
def test_djangos_empty_405_becomes_a_page(client, home, url, language):
    """Views under `require_safe` answer 405 with no body; the visitor gets the page, the Allow header stays."""
    response = client.post(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert page(response)[0] == language


def test_csrf_failure_is_a_page_in_the_visitors_language(join):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/es/join/", {"email": "carol@example.org", "consent": "on"})
    assert response.status_code == 403
    assert page(response) == ("es", "No se pudo enviar el formulario")
    assert FormSubmission.objects.count() == 0


def test_csrf_failure_without_prefix_follows_the_browser(home):
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9"
    )
    assert response.status_code == 403
    assert page(response) == ("pt", "Não foi possível enviar o formulário")


def test_a_body_past_the_limit_is_413(client, join, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/fr/join/", {"email": "a@example.org", "message": "x" * 2000})
    assert response.status_code == 413
    assert page(response) == ("fr", "Requête trop volumineuse")
    assert FormSubmission.objects.count() == 0


def refuse(request):
    raise PermissionDenied


urlpatterns = [path("forbidden/", refuse), *site_urls.urlpatterns]
handler403 = site_urls.handler403


@pytest.mark.urls(__name__)
def test_permission_denied_is_a_page_in_the_visitors_language(client, home):
    response = client.get("/forbidden/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 403
    assert page(response) == ("es", "Acceso denegado")
