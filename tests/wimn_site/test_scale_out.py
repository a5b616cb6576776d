"""More than one machine: two app servers (gunicorn, production settings) behind one real Varnish, sharing
sessions, the cache and the rate-limit counters through a real Redis; a publish on one is fresh on both."""

import re
import threading
import time

import pytest

from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.proxy import Varnish, free_port
from tests.services import AppServer, Browser, Redis
from wimn_site import ratelimit
from wimn_site.factories import ContentPageFactory, rich

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-password-1"


@pytest.fixture
def redis_server(tmp_path):
    server = Redis(tmp_path)
    yield server
    server.stop()


def test_rate_limit_counters_in_redis_are_atomic_and_keep_their_window(redis_server, settings):
    settings.REDIS_URL = redis_server.url
    counts = []

    def post():
        counts.append(ratelimit.hit("form-post", "203.0.113.7", limit=5, window=2).count)

    threads = [threading.Thread(target=post) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == list(range(1, 21))  # none lost, none counted twice
    blocked = ratelimit.hit("form-post", "203.0.113.7", limit=5, window=2)
    assert not blocked.allowed and 0 < blocked.retry_after <= 2
    assert ratelimit.hit("form-post", "198.51.100.1", limit=5, window=2).count == 1  # another address
    time.sleep(2.1)
    assert ratelimit.hit("form-post", "203.0.113.7", limit=5, window=2).count == 1  # a new window


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_two_app_servers_behind_one_varnish_share_sessions_and_a_publish_is_fresh_on_both(
    home, redis_server, tmp_path, django_user_model
):
    about = ContentPageFactory(parent=home, slug="about", title="About us", body_en=rich("The network."))
    about.save_revision().publish()
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org")
    editor.password = PBKDF2PasswordHasher().encode(PASSWORD, "scale-out-salt")  # the servers' own hasher
    editor.save()
    proxy_port, purge_port = free_port(), free_port()
    env = {
        "REDIS_URL": redis_server.url,
        "WIMN_PROXY_PURGE_URL": f"http://127.0.0.1:{purge_port}",
        "WIMN_PAGE_CACHE_SECONDS": "60",
        "WIMN_PROXY_CACHE_SECONDS": "300",
    }
    apps = [AppServer(env), AppServer(env)]
    proxy = Varnish([app.port for app in apps], tmp_path, port=proxy_port, purge_port=purge_port)
    try:
        first, second = (Browser(app.url) for app in apps)
        # Sign in on the first server; the session works on the second (kept in Redis).
        status, _headers, html = first.request("/admin/login/")
        assert status == 200
        status, headers, _html = first.request(
            "/admin/login/",
            {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(html), "next": "/admin/"},
            headers={"Referer": f"{first.base_url}/admin/login/"},
        )
        assert status == 302 and "sessionid" in first.cookies
        second.cookies = dict(first.cookies)
        assert second.request("/admin/")[0] == 200

        # Every cache warm: the proxy, and each server's own page cache (shared through Redis).
        for _ in range(2):
            proxy.get("/en/about/")
        assert proxy.get("/en/about/")[1]["X-Cache"] == "hit"
        for app in apps:
            Browser(app.url).request("/en/about/")
        assert Browser(apps[1].url).request("/en/about/")[1]["X-Page-Cache"] == "hit"

        # A draft, published by the editor through the second server's admin.
        about.body_en = rich("A global network of women's organizations.")
        about.save_revision()
        url = f"/admin/bulk/wagtailcore/page/publish/?next=/admin/pages/&id={about.pk}"
        status, _headers, html = second.request(url)
        assert status == 200
        status, _headers, _html = second.request(
            url, {"csrfmiddlewaretoken": csrf_token(html)}, headers={"Referer": second.base_url + url}
        )
        assert status == 302

        assert "A global network" in proxy.get("/en/about/")[2]
        assert "A global network" in proxy.get("/es/about/")[2]
        for app in apps:
            assert "A global network" in Browser(app.url).request("/en/about/")[2], app.url
    finally:
        proxy.stop()
        for app in apps:
            app.stop()


def test_rate_limits_count_in_the_database_while_redis_is_down(redis_server, settings):
    settings.REDIS_URL = redis_server.url
    assert ratelimit.hit("form-post", "192.0.2.9", limit=5, window=60).count == 1
    redis_server.stop()
    counts = [ratelimit.hit("form-post", "192.0.2.9", limit=5, window=60).count for _ in range(3)]
    assert counts == [1, 2, 3]  # still counted (in PostgreSQL), not a 500
