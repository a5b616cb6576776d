"""The statements section's listing: filters (kind, topic, year, campaign), pagination, constant queries.

Queries: filter choices (one, see queries.filter_choices), count, items: the same for 3 items as for 300.
"""

from django.utils.translation import gettext as _

from wimn_site.listing import ListingFilters, paginate
from wimn_site.visibility import public_pages

from .base import KINDS, StatementBasePage
from .queries import filter_choices

PER_PAGE = 12


def statement_listing(index_page, request):
    """Context for the index page: filter choices, the filters in use, and the requested page of items."""
    base = public_pages(StatementBasePage.objects.child_of(index_page))
    topics, years, campaigns = filter_choices(index_page, base)
    filters = ListingFilters(
        request.GET,
        {
            "kind": [value for value, _label in KINDS],
            "topic": [t.slug for t in topics],
            "year": years,
            "campaign": [slug for slug, _title in campaigns],
        },
    )
    items = base
    if filters.invalid:
        items = items.none()
    if filters.get("kind"):
        items = items.filter(kind=filters.get("kind"))
    if filters.get("topic"):
        items = items.filter(topics__slug=filters.get("topic"))
    if filters.get("year"):
        items = items.filter(date__year=int(filters.get("year")))
    if filters.get("campaign"):
        items = items.filter(campaign__slug=filters.get("campaign"))
    page_obj = paginate(request, items.order_by("-date", "-pk"), per_page=PER_PAGE)

    active = []
    if filters.get("kind"):
        active.append(dict(KINDS)[filters.get("kind")])
    if filters.get("topic"):
        active.append(next(t.name for t in topics if t.slug == filters.get("topic")))
    if filters.get("year"):
        active.append(filters.get("year"))
    if filters.get("campaign"):
        active.append(dict(campaigns)[filters.get("campaign")])
    return {
        "items": list(page_obj.object_list),
        "page_obj": page_obj,
        "filters": filters,
        "filter_query": filters.querystring(),
        "active_filters": active,
        "kind_choices": KINDS,
        "topic_choices": topics,
        "year_choices": years,
        "campaign_choices": campaigns,
        "invalid_filter_message": _("One of the filters is not recognized, so nothing matches. Clear the filters.")
        if filters.invalid
        else "",
        "noindex": bool(filters) or filters.invalid or page_obj.number > 1,
    }
