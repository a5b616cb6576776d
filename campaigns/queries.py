"""Query helpers that keep campaign pages within the site's SQL budget (12 per page).

The site's frame (site, route, view restrictions, settings, menu) already takes about ten queries for
a page two levels below home. So a campaign page is fetched by its index's `route()` in ONE query
that also carries its demands and milestones as JSON arrays built by PostgreSQL, and everything
tagged to the campaign elsewhere comes in two more (see `campaigns.aggregation`).
"""

import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef
from django.db.models.functions import Left, Length

from wagtail.models import Page, PageViewRestriction

from wimn_site.jsonrows import json_rows, localized


def restricted(path="path"):
    """True for pages inside a section with a view restriction (a restricted page's path prefixes theirs).

    Evaluated inside the same SQL statement: Wagtail's `.public()` first loads every restriction in a
    query of its own. `path` names the page's path from the filtered model (e.g. "page__path").
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Left(OuterRef(path), Length("page__path"))))


def campaign_annotations():
    from .models import CampaignDemand, CampaignMilestone

    return {
        "_demand_rows": ArraySubquery(
            json_rows(
                CampaignDemand.objects.filter(page_id=OuterRef("pk")).order_by("sort_order", "pk"),
                "id",
                "sort_order",
                *localized("title"),
                *localized("detail"),
            )
        ),
        "_milestone_rows": ArraySubquery(
            json_rows(
                CampaignMilestone.objects.filter(page_id=OuterRef("pk")).order_by("sort_order", "pk"),
                "id",
                "sort_order",
                "date",
                "end_date",
                "precision",
                "link_url",
                "link_page_id",
                *localized("label"),
                link_page_path="link_page__url_path",
                link_page_live="link_page__live",
                link_page_depth="link_page__depth",
            )
        ),
    }


def fetch_campaign(index_page, slug):
    """The child campaign `slug` of `index_page`, with its demands, milestones and documents, in one query."""
    from .aggregation import documents_subquery
    from .models import CampaignPage

    annotations = campaign_annotations()
    documents = documents_subquery(OuterRef(OuterRef("pk")))
    if documents is not None:
        annotations["_document_rows"] = documents
    return (
        CampaignPage.objects.child_of(index_page)
        .filter(slug=slug)
        .select_related("hero_image")
        .annotate(**annotations)
        .first()
    )


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def demands_from_rows(rows):
    from .models import CampaignDemand

    fields = ["id", "sort_order", *localized("title"), *localized("detail")]
    return [CampaignDemand(**{name: row.get(name) for name in fields}) for row in rows or []]


def milestones_from_rows(rows):
    """Unsaved, read-only milestones from JSON rows; a linked page comes as a light Page (enough for its URL)."""
    from .models import CampaignMilestone

    milestones = []
    for row in rows or []:
        milestone = CampaignMilestone(
            id=row.get("id"),
            sort_order=row.get("sort_order"),
            date=_date(row.get("date")),
            end_date=_date(row.get("end_date")),
            precision=row.get("precision") or "day",
            link_url=row.get("link_url") or "",
            **{name: row.get(name) for name in localized("label")},
        )
        if row.get("link_page_id") and row.get("link_page_live"):
            milestone.link_page = Page(
                id=row["link_page_id"], url_path=row.get("link_page_path"), depth=row.get("link_page_depth")
            )
        else:
            milestone.link_page = None
        milestones.append(milestone)
    return milestones
