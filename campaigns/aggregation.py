"""What the rest of the site ties to a campaign or an organization, gathered from what the apps register
(wimn_site.registry) rather than curated by hand.

A campaign hub lists, group by group, the pages tagged to it (each app registers its groups under
`wimn_campaign_sections`: statements by kind, events), then the documents of those pages (each app
registers where its pages keep documents under `wimn_campaign_documents`). An organization's page lists
what it did (`wimn_organization_sections`: statements it signed, events it co-sponsored).

Each contribution is one query whatever the number of items; the documents come with the campaign's own
query (`queries.fetch_campaign`), as JSON rows with their language versions.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, Q
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model

from wimn_site import registry
from wimn_site.jsonrows import DOC_FIELDS, document_from_row, document_versions_rows, json_rows
from wimn_site.visibility import visible_versions

DOCUMENTS_MAX = 12


def campaign_groups(campaign, request):
    """The groups shown on a campaign page (registry.Section), in hook order, then its documents."""
    groups = registry.contributions(registry.CAMPAIGN_SECTIONS, campaign, request)
    documents = campaign_documents(campaign)
    if documents:
        groups.append(
            registry.Section(
                key="documents",
                heading=_("Documents"),
                items=documents,
                item_template="campaigns/includes/related_document.html",
                total=len(documents),
            )
        )
    return groups


def documents_subquery(campaign_ref):
    """The documents of a campaign as JSON rows (originals with their language versions), newest first.

    `campaign_ref` is the campaign's pk, or an expression for it two query levels up (so the page's own
    query can carry its documents, see `queries.fetch_campaign`). Each registered contribution gives the
    ids of the originals its pages use and the newest date one is linked on; each document comes once.
    """
    parts = registry.contributions(registry.CAMPAIGN_DOCUMENTS, campaign_ref)
    if not parts:
        return None
    linked = Q()
    for ids, _dates in parts:
        linked |= Q(pk__in=ids)
    dates = [part_dates for _ids, part_dates in parts]
    latest = Greatest(*dates) if len(dates) > 1 else dates[0]  # PostgreSQL's GREATEST ignores NULLs
    documents = (
        visible_versions(get_document_model().objects.filter(linked, original__isnull=True))
        .annotate(linked_on=latest)
        .order_by(F("linked_on").desc(nulls_last=True), "-pk")[:DOCUMENTS_MAX]
    )
    return ArraySubquery(json_rows(documents, *DOC_FIELDS, translations=document_versions_rows(OuterRef("pk"))))


def documents_from_rows(rows):
    """Unsaved, read-only documents (with their versions prefetched) from `documents_subquery` rows."""
    return [document_from_row(row, versions=row.get("translations") or []) for row in rows or []]


def campaign_documents(campaign):
    """The campaign's documents: those fetched with the page when it was served, else in one query."""
    if hasattr(campaign, "_document_rows"):
        return documents_from_rows(campaign._document_rows)
    subquery = documents_subquery(campaign.pk)
    if subquery is None:
        return []
    row = type(campaign).objects.filter(pk=campaign.pk).annotate(rows=subquery).values_list("rows", flat=True)
    return documents_from_rows(next(iter(row), []))


def organization_sections(organization, request):
    """What an organization did on this site (live, public pages only), as registry.Section groups."""
    return registry.contributions(registry.ORGANIZATION_SECTIONS, organization, request)
