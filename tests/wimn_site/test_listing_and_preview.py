import django_filters
import pytest

from django.http import Http404, QueryDict
from django.test import RequestFactory

from wagtail.models import Page

from wimn_site.factories import ContentPageFactory, rich
from wimn_site.listing import ListingFilterSet, paginate

YEARS = [("2021", "2021"), ("2022", "2022")]


class KindAndYear(ListingFilterSet):
    kind = django_filters.ChoiceFilter(choices=[("statement", "Statement"), ("media_alert", "Media alert")])
    year = django_filters.ChoiceFilter(field_name="first_published_at__year")


@pytest.mark.django_db
def test_filters_accept_only_the_values_offered():
    filters = KindAndYear(QueryDict("kind=statement&year=2022&page=3&other=x"), Page.objects.all(), {"year": YEARS})
    assert filters.values == {"kind": "statement", "year": "2022"}
    assert not filters.invalid
    assert filters.querystring(year=None) == "kind=statement"
    assert filters.active_labels() == ["Statement", "2022"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["kind=bogus", "year=abc", "year=2022%00", "kind=" + "x" * 500, "kind=' OR 1=1--"])
def test_filters_flag_unknown_values_and_match_nothing(query):
    filters = KindAndYear(QueryDict(query), Page.objects.all(), {"year": YEARS})
    assert filters.invalid
    assert filters.values == {}
    assert not filters.qs.exists()


def test_filters_without_parameters_filter_nothing():
    filters = KindAndYear(QueryDict(""), Page.objects.all(), {"year": YEARS})
    assert not filters and not filters.invalid and filters.querystring() == ""


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
