"""The statements section's listing: filters (kind, topic, year, campaign), pagination, constant queries.

Queries: filter choices (three, see queries.filter_choices; kept with the site's frame, so usually none), then the
items with their total (one): the same for 3 items as for 300.
"""

import django_filters

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wimn_site.frame import kept
from wimn_site.listing import ListingFilterSet, paginate_in_one_query
from wimn_site.visibility import public_pages

from .base import KINDS, StatementBasePage
from .queries import filter_choices

PER_PAGE = 12


class StatementFilters(ListingFilterSet):
    kind = django_filters.ChoiceFilter(choices=KINDS, label=_("Kind"), empty_label=_("All kinds"))
    topic = django_filters.ChoiceFilter(field_name="topics__slug", label=_("Topic"), empty_label=_("All topics"))
    year = django_filters.ChoiceFilter(field_name="date__year", label=_("Year"), empty_label=_("All years"))
    campaign = django_filters.ChoiceFilter(
        field_name="campaign__slug", label=_("Campaign"), empty_label=_("All campaigns")
    )


def kept_choices(index_page, base, request):
    """(topics as (slug, name), years, campaigns as (slug, title)) in the active language, kept with the site's
    frame (`wimn_site.frame.kept`: forgotten with every change to pages, topics or settings), so a request usually
    reads them with no query."""

    def choices():
        topics, years, campaigns = filter_choices(base)
        return [(topic.slug, topic.name) for topic in topics], years, campaigns

    return kept(f"wimn:statements:choices:{index_page.pk}:{translation.get_language()}", choices, request)


def statement_listing(index_page, request):
    """Context for the index page: the filters (with the topics, years and campaigns in use), the requested page."""
    base = public_pages(StatementBasePage.objects.child_of(index_page))
    topics, years, campaigns = kept_choices(index_page, base, request)
    filters = StatementFilters(
        request.GET,
        base,
        choices={
            "topic": topics,
            "year": [(str(year), str(year)) for year in years],
            "campaign": campaigns,
        },
    )
    page_obj = paginate_in_one_query(request, filters.qs.order_by("-date", "-pk"), per_page=PER_PAGE)
    return {
        "items": list(page_obj.object_list),
        "page_obj": page_obj,
        "filters": filters,
        "filter_query": filters.querystring(),
        "active_filters": filters.active_labels(),
        "invalid_filter_message": _("One of the filters is not recognized, so nothing matches. Clear the filters.")
        if filters.invalid
        else "",
        "noindex": bool(filters) or page_obj.number > 1,
    }
