"""Through a real Varnish (deploy/varnish/wimn.vcl) in front of the live test server: what is cached, what
passes, and what publishing, the embargo scheduler and snippet changes purge (wimn_site.cache_invalidation,
through wagtail.contrib.frontend_cache)."""

import datetime
import urllib.error
import urllib.request
from unittest import mock

import pytest

from django.core.management import call_command
from django.utils import timezone

from statements.factories import MediaAlertFactory, StatementIndexPageFactory
from tests.proxy import Varnish
from wimn_site.factories import ContentPageFactory, FormPageFactory, TopicFactory, rich

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def proxy(live_server, settings, tmp_path):
    varnish = Varnish([live_server.thread.port], tmp_path)
    settings.WIMN_PROXY_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": varnish.purge_url}
    }
    yield varnish
    varnish.stop()


@pytest.fixture
def about(home):
    page = ContentPageFactory(
        parent=home, slug="about", title="About us", title_es="Quiénes somos", body_en=rich("The network."),
        body_es=rich("La red."),
    )  # fmt: skip
    page.save_revision().publish()
    return page


def publish(page, **fields):
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_anonymous_pages_are_cached_and_marked_public(proxy, about):
    status, headers, body = proxy.get("/en/about/")
    assert status == 200 and headers["X-Cache"] == "miss" and "The network." in body
    assert headers["Cache-Control"] == "public, max-age=0, s-maxage=300"
    status, headers, _body = proxy.get("/en/about/")
    assert headers["X-Cache"] == "hit"
    assert proxy.get("/es/about/")[1]["X-Cache"] == "miss"  # each language is its own page


def test_publishing_purges_the_page_in_every_language(proxy, about):
    for language in ("en", "es"):
        proxy.get(f"/{language}/about/")
        assert proxy.get(f"/{language}/about/")[1]["X-Cache"] == "hit"
    publish(about, body_en=rich("A global network."), body_es=rich("Una red mundial."))
    status, headers, body = proxy.get("/en/about/")
    assert headers["X-Cache"] == "miss" and "A global network." in body
    assert "Una red mundial." in proxy.get("/es/about/")[2]


def test_publishing_purges_the_listings_and_home(proxy, home):
    index = StatementIndexPageFactory(parent=home)
    proxy.get("/en/statements/")
    proxy.get("/en/")
    go_live = (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    alert = MediaAlertFactory(parent=index, slug="alert-under-embargo", title="Alert under embargo", live=False)
    alert.go_live_at = go_live
    alert.save_revision().publish()  # scheduled, not live
    assert "Alert under embargo" not in proxy.get("/en/statements/")[2]
    assert proxy.get("/en/statements/alert-under-embargo/")[0] == 404

    with mock.patch("django.utils.timezone.now", return_value=go_live - datetime.timedelta(seconds=1)):
        call_command("publish_scheduled", verbosity=0)
    assert "Alert under embargo" not in proxy.get("/es/statements/")[2]

    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(seconds=1)):
        call_command("publish_scheduled", verbosity=0)  # the embargo's minute: the scheduler publishes it
    for language in ("en", "es"):
        status, headers, body = proxy.get(f"/{language}/statements/")
        assert "Alert under embargo" in body, language
    assert proxy.get("/en/statements/alert-under-embargo/")[0] == 200


def test_a_snippet_change_purges_everything(proxy, about):
    proxy.get("/en/about/")
    assert proxy.get("/en/about/")[1]["X-Cache"] == "hit"
    TopicFactory(slug="imrf", name_en="IMRF")
    assert proxy.get("/en/about/")[1]["X-Cache"] == "miss"


def test_a_signed_in_editor_never_gets_or_leaves_a_cached_page(proxy, about, client, django_user_model):
    proxy.get("/en/about/")
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(editor)
    session = f"sessionid={client.cookies['sessionid'].value}"
    status, headers, body = proxy.get("/en/about/", cookie=session)
    assert headers["X-Cache"] == "miss" and "Cache-Control" in headers and "public" not in headers["Cache-Control"]
    assert "wagtail-userbar" in body or "w-userbar" in body  # the editor's own page, with the user bar
    status, headers, body = proxy.get("/en/about/")
    assert headers["X-Cache"] == "hit" and "userbar" not in body


@pytest.mark.parametrize("path", ["/admin/login/", "/en/search/?q=women", "/en/about/?utm=1"])
def test_what_always_passes(proxy, about, path):
    proxy.get(path)
    status, headers, _body = proxy.get(path)
    assert headers.get("X-Cache") == "miss", path


def test_pages_with_a_form_are_not_cached(proxy, home):
    form = FormPageFactory(parent=home, slug="write", title="Write to us")
    form.save_revision().publish()
    proxy.get("/en/write/")
    status, headers, _body = proxy.get("/en/write/")
    assert status == 200 and headers["X-Cache"] == "miss" and "public" not in headers.get("Cache-Control", "")


def purge(url, path, method="PURGE"):
    request = urllib.request.Request(url + path, method=method, headers={"Host": "localhost"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_purges_only_on_the_purge_address(proxy, about):
    """A PURGE or BAN that reaches the public address (from a visitor, through nginx) is refused: only the
    address the app servers use for purging takes them."""
    proxy.get("/en/about/")
    for method in ("PURGE", "BAN"):
        assert purge(proxy.url, "/en/about/", method) == 405
        assert purge(proxy.url, "/.well-known/wimn-purge-all", method) == 405
    assert proxy.get("/en/about/")[1]["X-Cache"] == "hit"
    assert purge(proxy.purge_url, "/en/about/") == 200
    assert proxy.get("/en/about/")[1]["X-Cache"] == "miss"


def test_unpublishing_leaves_no_copy_under_another_spelling(proxy, about):
    for host in ("localhost", "LOCALHOST", "localhost.", "localhost:80"):
        proxy.get("/en/about/", host=host)
    assert proxy.get("/en/about/", host="LocalHost.")[1]["X-Cache"] == "hit"  # one copy for every spelling
    proxy.get("/en/%61bout/")
    about.unpublish()
    for host in ("localhost", "LOCALHOST", "localhost.", "localhost:80"):
        assert proxy.get("/en/about/", host=host)[0] == 404, host
    assert proxy.get("/en/%61bout/")[0] == 404  # encoded paths are never kept


def test_the_csrf_cookie_reaches_the_app(proxy, home):
    form = FormPageFactory(parent=home, slug="write", title="Write to us")
    form.save_revision().publish()
    _status, headers, _body = proxy.get("/en/write/")
    token = headers["Set-Cookie"].split(";")[0]
    _status, headers, _body = proxy.get("/en/write/", cookie=f"{token}; _ga=tracker")
    again = (headers.get("Set-Cookie") or token).split(";")[0]
    assert again == token  # the app saw the visitor's token and kept it (a form in another tab still works)
