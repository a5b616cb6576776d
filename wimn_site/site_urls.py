"""Absolute URLs from the Site's own address, never from a visitor's Host header.

Canonical links, hreflang alternates, feeds, sitemaps, calendars and sharing tags carry absolute URLs,
and cached pages (the page cache, a proxy) are shared between visitors. If those URLs came from the Host
header, one request with `Host: womeninmigration.org:6666` or `WOMENINMIGRATION.ORG.` would put that
address into what everyone is served. A request made to the Site's hostname and port (case, a trailing
dot and a spelled-out default port aside) is *canonical*: its URLs are the Site's `root_url`. Any other
request (development on 127.0.0.1:8000, a test client) gets URLs from its own host, and is never cached.
"""

from django.http.request import split_domain_port

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_and_port(request):
    """The hostname (lowercase, no trailing dot) and port the visitor asked for."""
    hostname, port = split_domain_port(request.get_host())
    return hostname, int(port) if port.isdigit() else DEFAULT_PORTS.get(request.scheme, 80)


def canonical_site(request):
    """The Site the request was made to, when it was made to that Site's own address; else None."""
    if request is None:
        return None
    if not hasattr(request, "_wimn_canonical_site"):
        site = Site.find_for_request(request)
        canonical = site is not None and (site.hostname.lower(), site.port) == host_and_port(request)
        request._wimn_canonical_site = site if canonical else None
    return request._wimn_canonical_site


def absolute_url(request, url):
    """`url` (a path, or already absolute) as an absolute URL on this site."""
    if request is None or not url or "://" in url:
        return url
    site = canonical_site(request)
    if site is None:
        return request.build_absolute_uri(url)
    return site.root_url + (url if url.startswith("/") else "/" + url)
