import pytest

from django.http import Http404, QueryDict
from django.test import RequestFactory

from wimn_site.factories import ContentPageFactory, rich
from wimn_site.listing import ListingFilters, paginate


def test_filters_accept_only_allowed_values():
    filters = ListingFilters(
        QueryDict("kind=statement&year=2022"), {"kind": ["statement", "media_alert"], "year": [2021, 2022]}
    )
    assert filters.values == {"kind": "statement", "year": "2022"}
    assert not filters.invalid
    assert filters.querystring(year=None) == "kind=statement"


@pytest.mark.parametrize("query", ["kind=bogus", "year=abc", "year=2022%00", "kind=" + "x" * 500, "kind=' OR 1=1--"])
def test_filters_flag_unknown_values(query):
    filters = ListingFilters(QueryDict(query), {"kind": ["statement"], "year": ["2022"]})
    assert filters.invalid
    assert filters.values == {}


@pytest.mark.parametrize("page", ["abc", "999999", "0", "-1", "1e9", "9" * 40])
def test_bad_page_numbers_are_404(page):
    request = RequestFactory().get("/", {"page": page})
    with pytest.raises(Http404):
        paginate(request, list(range(30)), per_page=10)


def test_first_page_of_an_empty_listing_is_not_an_error():
    request = RequestFactory().get("/")
    page = paginate(request, [], per_page=10)
    assert list(page.object_list) == []


def test_last_page():
    request = RequestFactory().get("/", {"page": "3"})
    assert list(paginate(request, list(range(25)), per_page=10).object_list) == [20, 21, 22, 23, 24]


@pytest.mark.django_db
def test_preview_renders_each_language(home, django_user_model):
    """The editor's per-language preview modes show that language's text, whatever the admin language."""
    page = ContentPageFactory(
        parent=home, title="Pledge", slug="pledge", title_es="Compromiso", body_es=rich("Texto en español.")
    )
    assert [code for code, _ in page.preview_modes] == ["en", "es", "pt", "fr"]
    user = django_user_model.objects.create_superuser("ed", "ed@example.org", "a-long-password-1")
    request = RequestFactory().get("/")
    request.user = user
    rendered = page.serve_preview(request, "es").content.decode()
    assert 'lang="es"' in rendered and "Texto en español." in rendered
    rendered_en = page.serve_preview(request, "en").content.decode()
    assert 'lang="en"' in rendered_en and "Some text in English." in rendered_en
