"""The real client address behind proxies (wimn_site.client_ip) and the atomic rate limits that use it
(wimn_site.ratelimit)."""

import datetime
import threading

import pytest

from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from wimn_site import ratelimit
from wimn_site.client_ip import client_ip
from wimn_site.models import RateCounter


def address(settings, hops, remote, forwarded=None, trusted=("127.0.0.1", "::1", "10.0.0.0/8")):
    settings.WIMN_PROXY_HOPS = hops
    settings.WIMN_TRUSTED_PROXIES = list(trusted)
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


@pytest.mark.parametrize(
    ("hops", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "1.2.3.4", "203.0.113.5"),  # no proxy configured: the header is anyone's
        (1, "127.0.0.1", "203.0.113.5", "203.0.113.5"),  # one proxy on this machine
        (1, "127.0.0.1", "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # forged first entry ignored
        (2, "10.1.2.3", "203.0.113.5, 198.51.100.1", "203.0.113.5"),  # CDN then Varnish
        (1, "198.51.100.9", "203.0.113.5", "198.51.100.9"),  # not from a trusted proxy: header ignored
        (2, "127.0.0.1", "203.0.113.5", "127.0.0.1"),  # fewer entries than hops: the proxy itself
        (1, "127.0.0.1", "not-an-address", "127.0.0.1"),  # garbage in the header
        (1, "127.0.0.1", "", "127.0.0.1"),
        (1, "::1", "2001:db8::1", "2001:db8::"),  # an IPv6 visitor counts as their /64
        (0, "garbage", None, "0.0.0.0"),  # noqa: S104 - an unknown sender, not a bind address
    ],
)
def test_client_address(settings, hops, remote, forwarded, expected):
    assert address(settings, hops, remote, forwarded) == expected


@pytest.mark.django_db
def test_counter_counts_within_its_window_and_starts_again_after(settings):
    hits = [ratelimit.hit("test", "203.0.113.5", limit=3, window=60) for _ in range(4)]
    assert [h.count for h in hits] == [1, 2, 3, 4]
    assert [h.allowed for h in hits] == [True, True, True, False]
    assert 55 <= hits[-1].retry_after <= 60
    assert ratelimit.hit("test", "198.51.100.7", limit=3, window=60).count == 1  # another address
    assert ratelimit.hit("other-scope", "203.0.113.5", limit=3, window=60).count == 1
    RateCounter.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert ratelimit.hit("test", "203.0.113.5", limit=3, window=60).count == 1
    assert ratelimit.sweep() == 2  # the two counters whose window closed


@pytest.mark.django_db(transaction=True)
def test_counter_loses_no_hit_when_workers_post_at_the_same_instant():
    """Twelve requests at once, each on its own database connection: every one is counted once."""
    counts, start = [], threading.Barrier(12)

    def post():
        start.wait()
        try:
            counts.append(ratelimit.hit("burst", "203.0.113.5", limit=5, window=60).count)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == list(range(1, 13))
    assert RateCounter.objects.get().count == 12


def test_a_forwarded_header_from_an_unlisted_proxy_is_reported(settings, caplog):
    """A proxy on another machine nobody listed would make every visitor one address: the log says so."""
    with caplog.at_level("WARNING", logger="wimn_site.client_ip"):
        assert address(settings, 1, "10.20.30.40", "203.0.113.5", trusted=("127.0.0.1",)) == "10.20.30.40"
    assert "WIMN_TRUSTED_PROXIES" in caplog.text and "10.20.30.40" in caplog.text


def test_an_ipv6_visitor_counts_as_their_64(settings):
    one_line = {address(settings, 0, "2001:db8:1:2:aaaa::1"), address(settings, 0, "2001:db8:1:2::ffff")}
    assert one_line == {"2001:db8:1:2::"}
    assert address(settings, 0, "::ffff:203.0.113.5") == "203.0.113.5"
