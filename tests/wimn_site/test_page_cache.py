"""The anonymous page cache (wimn_site/page_cache.py): what it keeps, what it never keeps, when it forgets."""

import datetime
from unittest import mock

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.utils import timezone

from statements.factories import MediaAlertFactory, StatementIndexPageFactory
from wimn_site.factories import FormPageFactory
from wimn_site.page_cache import AnonymousPageCacheMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.WIMN_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    """Requests made to the Site's own address (the demo Site is localhost:80), as visitors' are."""
    return Client(HTTP_HOST="localhost")


def state(response):
    return response.get("X-Page-Cache")


def test_a_page_is_served_from_the_cache_the_second_time_without_a_query(client, home, django_assert_num_queries):
    first = client.get("/es/")
    assert (first.status_code, state(first)) == (200, "miss")
    with django_assert_num_queries(0):
        second = client.get("/es/")
    assert (second.status_code, state(second)) == (200, "hit")
    assert second.content == first.content
    assert second["Content-Language"] == "es" and second["Content-Type"] == first["Content-Type"]
    assert "default-src 'self'" in second["Content-Security-Policy"]


def test_each_language_has_its_own_copy(client, home):
    client.get("/en/")
    assert state(client.get("/es/")) == "miss"
    assert 'lang="es"' in client.get("/es/").content.decode()


@pytest.mark.parametrize("host", ["LOCALHOST", "localhost.", "localhost:80", "LocalHost.:80"])
def test_spellings_of_the_sites_address_share_one_copy(client, home, host):
    first = client.get("/en/")
    again = client.get("/en/", HTTP_HOST=host)
    assert state(again) == "hit" and again.content == first.content


@pytest.mark.parametrize("host", ["localhost:6666", "example.org", "LOCALHOST:8080"])
def test_another_host_or_port_is_served_fresh_and_fills_nothing(client, home, settings, host):
    """Its links would carry the Host it sent; nobody else may be served them."""
    settings.ALLOWED_HOSTS = ["*"]
    poisoned = client.get("/en/", HTTP_HOST=host)
    assert poisoned.status_code == 200 and state(poisoned) is None
    assert host.lower() in poisoned.content.decode().lower()  # its own canonical link, for itself only
    clean = client.get("/en/")
    assert state(clean) == "miss" and host.lower() not in clean.content.decode().lower()
    assert 'href="http://localhost/en/"' in clean.content.decode()


def test_publishing_a_change_is_seen_at_once(client, home, django_capture_on_commit_callbacks):
    client.get("/en/about/")  # 404, never cached
    client.get("/en/")
    revision_title = "Women in Migration Network, renewed"
    with django_capture_on_commit_callbacks(execute=True):
        home.title = home.title_en = revision_title
        home.save_revision().publish()
    response = client.get("/en/")
    assert state(response) == "miss"
    assert revision_title in response.content.decode()


def test_saving_a_draft_keeps_the_cache_and_does_not_show_the_draft(client, home, django_capture_on_commit_callbacks):
    """Editors save drafts (and Wagtail autosaves them) all the time; visitors keep the published page."""
    client.get("/en/")
    with django_capture_on_commit_callbacks(execute=True):
        home.title = home.title_en = "Draft title, not published"
        home.save_revision()
    response = client.get("/en/")
    assert state(response) == "hit"
    assert "Draft title, not published" not in response.content.decode()


def test_an_embargoed_alert_published_by_the_scheduler_appears_in_the_cached_listing(
    client, home, django_capture_on_commit_callbacks
):
    index = StatementIndexPageFactory(parent=home, slug="statements", title="Statements")
    alert = MediaAlertFactory(parent=index, slug="alert", title="WIMN responds", live=False)
    go_live = timezone.now() + datetime.timedelta(minutes=5)
    alert.go_live_at = go_live
    alert.save_revision(approved_go_live_at=go_live)
    assert "WIMN responds" not in client.get("/en/statements/").content.decode()
    assert state(client.get("/en/statements/")) == "hit"
    assert client.get("/en/statements/alert/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(seconds=1)):
            call_command("publish_scheduled", verbosity=0)
    listing = client.get("/en/statements/")
    assert state(listing) == "miss" and "WIMN responds" in listing.content.decode()
    assert client.get("/en/statements/alert/").status_code == 200


@pytest.mark.parametrize("path", ["/en/?page=2", "/en/search/?q=women", "/en/nope/"])
def test_query_strings_and_errors_are_never_cached(client, home, path):
    client.get(path)
    assert state(client.get(path)) is None


def test_staff_and_visitors_with_a_session_get_fresh_pages_and_leave_nothing(client, home, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "a-long-password-1"))
    assert state(client.get("/en/")) is None
    client.logout()
    client.cookies.clear()
    assert state(client.get("/en/")) == "miss"  # the editor's copy (with its userbar) was not stored
    client.cookies["sessionid"] = "anything"
    assert state(client.get("/en/")) is None


def test_a_form_page_is_never_stored(client, home):
    """The mailing list page holds each visitor's CSRF token."""
    FormPageFactory(parent=home, slug="join", title_es="Suscríbase a la lista")
    first, second = client.get("/es/join/"), Client().get("/es/join/")
    assert first.status_code == second.status_code == 200
    assert state(first) is None and state(second) is None
    assert "csrfmiddlewaretoken" in second.content.decode()


def test_a_response_with_a_csrf_token_or_a_cookie_is_not_stored():
    """A form's page carries the visitor's CSRF token: it must never be handed to another visitor."""

    def form_view(request):
        return HttpResponse(f"<form><input name=csrfmiddlewaretoken value={get_token(request)}></form>")

    def cookie_view(request):
        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    for view in (form_view, cookie_view):
        middleware = AnonymousPageCacheMiddleware(view)
        for _ in range(2):
            request = RequestFactory().get("/en/join/")
            assert state(middleware(request)) is None


def test_private_or_no_store_responses_are_not_stored():
    def private_view(request):
        response = HttpResponse("calendar of a private event")
        response["Cache-Control"] = "private"
        return response

    middleware = AnonymousPageCacheMiddleware(private_view)
    middleware(RequestFactory().get("/en/events/x/event.ics"))
    assert state(middleware(RequestFactory().get("/en/events/x/event.ics"))) is None


def test_a_head_request_is_answered_from_the_copy_but_never_stored(client, home):
    assert state(client.head("/en/")) is None
    assert state(client.get("/en/")) == "miss"
    assert state(client.head("/en/")) == "hit"


def test_responses_that_vary_by_visitor_or_browser_language_are_not_stored():
    def view(request):
        response = HttpResponse("depends on the visitor")
        response["Vary"] = "Cookie"
        return response

    middleware = AnonymousPageCacheMiddleware(view)
    middleware(RequestFactory().get("/en/somewhere/"))
    assert state(middleware(RequestFactory().get("/en/somewhere/"))) is None


def test_off_when_the_setting_is_zero(client, home, settings):
    settings.WIMN_PAGE_CACHE_SECONDS = 0
    client.get("/en/")
    assert state(client.get("/en/")) is None
