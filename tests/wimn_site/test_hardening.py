"""Small holes an attacker looks for first: paths that read as another host, and cache keys from the Host header."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("//evil.example/en/", "/evil.example/en/"),
        ("///evil.example/en/", "/evil.example/en/"),
        ("/\\evil.example/en/", "/evil.example/en/"),
        ("//en/about/", "/en/about/"),
    ],
)
def test_paths_with_two_leading_slashes_go_to_the_same_path_on_this_site(client, about, path, location):
    # PATH_INFO as a server passes it: Django's test client would read "//host/" as a host.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 301
    assert response["Location"] == location


def test_query_string_is_kept_on_the_way(client, about):
    response = client.get("/", {"q": "1"}, PATH_INFO="//en/about/")
    assert response["Location"] == "/en/about/?q=1"


def test_no_link_on_a_page_points_to_another_host(client, about):
    """Followed as a browser would, `//evil.example/en/about/` ends on this site with only local links."""
    first = client.get("/", PATH_INFO="//en/about/")
    response = client.get(first["Location"])
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    hrefs = [tag.get("href", "") for tag in html.select("a[href], link[href]")]
    assert hrefs and not [href for href in hrefs if "evil.example" in href or href.startswith("//")]
