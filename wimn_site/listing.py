"""Shared plumbing for filterable, paginated listings (statements, events, organizations, documents).

Filters are django-filter FilterSets built on `ListingFilterSet`: every value is checked against the choices
the listing offers, so an unknown value never reaches the database; it gives an empty result with a message,
answered 400 (`ListingFilterSet.invalid`, `FilteredListingMixin`). A page number that is not a number or is
out of range is a 404. Listings stay at a constant number of queries by paginating a queryset whose related
data is fetched with select_related/prefetch_related by the caller. Each filter renders with
`components/filter_select.html`.
"""

import django_filters

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Window
from django.http import Http404, QueryDict


class NativeNameSelect(forms.Select):
    """A select of languages named in their own language: each option carries its `lang`."""

    option_lang = True  # read by components/filter_select.html (wimn_tags.select_field)

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class FilterForm(forms.Form):
    """Labels without a trailing colon, as the rest of the site writes them; fields named `filter-<name>`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)


class ListingFilterSet(django_filters.FilterSet):
    """A listing's filters. `choices` gives each filter the values the listing offers now (years and topics
    in use, ...); the filters read only their own parameters, and only non-empty ones."""

    class Meta:
        form = FilterForm

    def __init__(self, params, queryset, choices=None):
        data = {name: params.get(name) for name in self.base_filters if params.get(name, "") != ""}
        super().__init__(data or None, queryset=queryset)
        for name, options in (choices or {}).items():
            self.filters[name].extra["choices"] = list(options)

    @property
    def invalid(self):
        """A value was given that the listing does not offer (the form keeps its error)."""
        return self.is_bound and not self.form.is_valid()

    @property
    def qs(self):
        return self.queryset.none() if self.invalid else super().qs

    @property
    def values(self):
        """The accepted filters, {name: value}."""
        return {} if self.invalid or not self.is_bound else {k: v for k, v in self.data.items()}

    def __bool__(self):
        return self.is_bound

    def active_labels(self):
        """What each filter in use shows, as its option reads ("Media alerts", "Climate", "2022")."""
        labels = []
        for name, value in self.values.items():
            labels.append(str(dict(self.form.fields[name].choices).get(value, value)))
        return labels

    def querystring(self, **overrides):
        """The current filters as a query string (without `page`), with some values replaced or removed."""
        query = QueryDict(mutable=True)
        for name, value in {**self.values, **overrides}.items():
            if value not in (None, ""):
                query[name] = value
        return query.urlencode()


DEFAULT_PER_PAGE = 12


class FilteredListingMixin:
    """For a listing page whose template context holds its `filters`: a filter value the listing does not
    know is a client error, answered 400 with the page itself (the empty list, the message saying a filter
    is not recognized, and the link that clears the filters), in the visitor's language."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        filters = (getattr(response, "context_data", None) or {}).get("filters")
        if getattr(filters, "invalid", False):
            response.status_code = 400
        return response


def paginate(request, queryset, per_page=DEFAULT_PER_PAGE):
    """The requested page of `queryset`; a bad or out-of-range `page` parameter is a 404."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", "1")
    try:
        if len(number) > 6:
            raise PageNotAnInteger(number)
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage) as exc:
        if number == "1":  # an empty listing still has a first page
            return paginator.page(1) if paginator.count else paginator.get_page(1)
        raise Http404("No such page") from exc


def with_total(queryset):
    """`queryset` with each row carrying the number of rows (`paginate_in_one_query`)."""
    return queryset.annotate(_listing_total=Window(Count("pk")))


def paginate_in_one_query(request, queryset, per_page=DEFAULT_PER_PAGE, first_page=None):
    """Like `paginate`, for a queryset, but the total comes with the rows (`COUNT(*) OVER ()`): one query
    instead of a COUNT and a SELECT. Same contract: a bad or out-of-range `page` is a 404, and the first
    page of an empty listing is an empty page. The queryset must not use DISTINCT (the window would count
    the rows before it). `first_page`, when given, reads page 1 instead (a compiled read of `with_total`
    of the same queryset, `wimn_site.compiled`).
    """
    number = request.GET.get("page", "1")
    if len(number) > 6 or not number.isdigit() or int(number) < 1:
        raise Http404("No such page")
    number = int(number)
    offset = (number - 1) * per_page
    if number == 1 and first_page is not None:
        rows = first_page()
    else:
        rows = list(with_total(queryset)[offset : offset + per_page])
    if not rows and number != 1:
        raise Http404("No such page")
    paginator = Paginator(queryset, per_page)
    paginator.count = rows[0]._listing_total if rows else 0  # a cached_property: set, it runs no COUNT
    paginator.validate_number(number)
    return paginator._get_page(rows, number, paginator)
