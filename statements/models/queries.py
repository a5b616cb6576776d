"""Query helpers that keep the statements pages within their SQL budget.

Every public page has at most 12 queries, and the site's frame (site, route, view restrictions,
settings, menu) already uses most of them. So a statement page fetches itself, its campaign, and all
its related rows (topics, attached documents with their language versions, signatories, commitments,
authors, versions) in ONE query, as JSON arrays built by PostgreSQL, and the listing fetches its
filter choices in one query. Visibility is checked in SQL too (`wimn_site.visibility.public_pages`, as
`Page.public()` costs a query each time).
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import translation

from campaigns.models import CampaignPage, Organization
from wimn_site.jsonrows import (
    DOC_FIELDS,
    document_from_row,
    document_versions_rows,
    json_rows,
    localized,
)
from wimn_site.models import Topic, WimnDocument
from wimn_site.visibility import public_pages, visible_versions

# The page modules themselves, never the `statements.models` package: its __init__ imports index.py, which
# imports this module.
from .base import StatementAttachment, StatementBasePage
from .op_ed import OpEdAuthor, OpEdVersion
from .pledge import PledgeCommitment
from .statement import StatementSignatory


def _documents_json():
    translations = document_versions_rows(OuterRef("root_id"))
    # A file in a private collection is not offered on a public page (wimn_site.visibility).
    root = json_rows(visible_versions(WimnDocument.objects.filter(pk=OuterRef("root_id"))), *DOC_FIELDS)[:1]
    attachments = (
        StatementAttachment.objects.filter(page_id=OuterRef("pk"))
        .annotate(root_id=Coalesce("document__original_id", "document_id"))
        .order_by("sort_order")
    )
    return ArraySubquery(
        json_rows(attachments, *localized("label"), document=Subquery(root), translations=translations)
    )


def related_annotations():
    """Annotations carrying every related row a statement-like page shows, as arrays of JSON objects."""
    return {
        "_topics_json": ArraySubquery(
            json_rows(Topic.objects.filter(statementbasepage=OuterRef("pk")), "id", "slug", *localized("name"))
        ),
        "_attachments_json": _documents_json(),
        "_signatories_json": ArraySubquery(
            json_rows(
                StatementSignatory.objects.filter(page_id=OuterRef("pk")).order_by("sort_order"),
                "organization_name",
                "organization_id",
                **Organization.row_fields(),
            )
        ),
        "_commitments_json": ArraySubquery(
            json_rows(
                PledgeCommitment.objects.filter(page_id=OuterRef("pk")).order_by("sort_order"),
                "id",
                "status",
                *localized("text"),
                *localized("note"),
            )
        ),
        "_authors_json": ArraySubquery(
            json_rows(
                OpEdAuthor.objects.filter(page_id=OuterRef("pk")).order_by("sort_order"),
                "name",
                "organization_id",
                "organization_name",
                *localized("role"),
                **Organization.row_fields(),
            )
        ),
        "_versions_json": ArraySubquery(
            json_rows(
                OpEdVersion.objects.filter(page_id=OuterRef("pk")).order_by("sort_order"),
                "language",
                "title",
                "outlet",
                "url",
            )
        ),
    }


SUBCLASS_RELATIONS = ("statementpage", "pledgepage", "opedpage")


def fetch_child(index_page, slug):
    """The live child `slug` of the statements section, as its specific class, with its related rows attached
    (as model instances, read by `StatementBasePage.related_context`).

    One query: the base row joined to its subclass row and campaign, plus the JSON arrays above.
    Returns None when there is no such live page.
    """
    # Only live pages; view restrictions are enforced after routing by Wagtail (login or password form).
    row = (
        StatementBasePage.objects.child_of(index_page)
        .live()
        .filter(slug=slug)
        .select_related(*SUBCLASS_RELATIONS, "campaign")
        .annotate(**related_annotations())
        .first()
    )
    if row is None:
        return None
    page = next((getattr(row, name) for name in SUBCLASS_RELATIONS if _cached(row, name)), None)
    if page is None:  # a subclass this helper does not know: let Wagtail fetch it
        return row.specific
    page.campaign = row.campaign
    page._related = _related_instances({key: getattr(row, key) or [] for key in related_annotations()})
    page._cached_parent_obj = index_page
    return page


def _cached(row, name):
    try:
        return getattr(row, name) is not None
    except Exception:  # RelatedObjectDoesNotExist
        return False


def _related_instances(related):
    """Model instances (unsaved, read-only) from the JSON rows of `related_annotations`, by context name."""
    topics = [Topic(**row) for row in related["_topics_json"]]
    topics.sort(key=lambda t: (t.name or "").lower())
    attachments = []
    for row in related["_attachments_json"]:
        if not row.get("document"):
            continue
        document = document_from_row(row["document"], versions=row.get("translations") or [])
        attachment = StatementAttachment(**{k: row.get(k) for k in localized("label")})
        attachment.document = document
        attachments.append(attachment)
    signatories = []
    for row in related["_signatories_json"]:
        signatory = StatementSignatory(organization_name=row.get("organization_name") or "")
        signatory.organization = Organization.from_row(row)
        signatories.append(signatory)
    commitments = [PledgeCommitment(**row) for row in related["_commitments_json"]]
    authors = []
    for row in related["_authors_json"]:
        author = OpEdAuthor(
            name=row["name"],
            organization_name=row.get("organization_name") or "",
            **{k: row.get(k) for k in localized("role")},
        )
        author.organization = Organization.from_row(row)
        authors.append(author)
    versions = [OpEdVersion(**row) for row in related["_versions_json"]]
    return {
        "topics": topics,
        "attachments": attachments,
        "signatories": signatories,
        "commitments": commitments,
        "authors": authors,
        "language_versions": versions,
    }


def filter_choices(index_page, base):
    """(topics, years, campaigns) for the listing's filters, in one query.

    Topics are all topics (sorted by their name in the current language); years those of the visible
    items, newest first; campaigns the visible campaign pages as (slug, title).
    """
    campaigns = public_pages(CampaignPage.objects.all()).order_by("-first_published_at")
    years = base.annotate(y=ExtractYear("date")).order_by("-y").values("y").distinct()
    row = (
        type(index_page)
        .objects.filter(pk=index_page.pk)
        .annotate(
            topic_rows=ArraySubquery(json_rows(Topic.objects.all(), "id", "slug", *localized("name"))),
            year_rows=ArraySubquery(years),
            campaign_rows=ArraySubquery(json_rows(campaigns, "slug", *localized("title"))),
        )
        .values_list("topic_rows", "year_rows", "campaign_rows")
        .first()
    ) or ([], [], [])
    topics = sorted((Topic(**r) for r in row[0] or []), key=lambda t: (t.name or "").lower())
    language = translation.get_language()
    campaigns = [(r["slug"], r.get(f"title_{language}") or r.get("title_en") or r["slug"]) for r in row[2] or []]
    return topics, [int(y) for y in row[1] or []], campaigns
