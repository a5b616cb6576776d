"""What is tied to a campaign or an organization elsewhere on the site, gathered without hand curation.

Statements, pledges and op-eds (the statements app) and events (the events app) carry a `campaign`
foreign key to `CampaignPage`; statement signatories and event co-sponsors point to `Organization`.
Those apps are optional here: when one is not installed or lacks such a field, its groups are left out.

Query budget on a campaign page, the same for 3 items as for 300: ONE query for every tagged page
(statement-like pages and events together, the newest few of each group with each group's total,
through window functions over one scan of the page tree), ONE for the documents with their language
versions. Private sections are excluded inside those queries.
"""

import zoneinfo
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import CharField, Count, DateField, F, OuterRef, Q, Subquery, Value, Window
from django.db.models.functions import Cast, Coalesce, Greatest, RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from wimn_site.jsonrows import DOC_FIELDS, document_from_row, document_versions_rows, json_rows
from wimn_site.visibility import visible_versions

from .queries import restricted

PER_GROUP = 5
DOCUMENTS_MAX = 12
EVENTS = "events"


def _model(app_label, name):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _has_field(model, name):
    return model is not None and any(f.name == name for f in model._meta.get_fields())


def statement_model():
    """The model holding every statement-like page (with `campaign`, `kind`, `date`), or None."""
    model = _model("statements", "StatementBasePage")
    return model if all(_has_field(model, f) for f in ("campaign", "kind", "date")) else None


def event_model():
    model = _model("events", "EventPage")
    return model if all(_has_field(model, f) for f in ("campaign", "start")) else None


def kind_headings(model):
    """Plural headings per statement kind ("Media alerts"), in display order."""
    try:
        from statements.models.base import KIND_PLURALS
    except ImportError:
        KIND_PLURALS = {}
    return [(kind, KIND_PLURALS.get(kind, label)) for kind, label in model._meta.get_field("kind").choices]


def _listing_url(item_url):
    """The listing an item belongs to: its parent's URL (statements and events are children of their section)."""
    if not item_url:
        return ""
    return item_url.rstrip("/").rsplit("/", 1)[0] + "/"


def _with_query(url, **params):
    return f"{url}?{urlencode(params)}" if url else ""


def event_date(event):
    """The day an event starts, on the calendar of its own time zone when it has one."""
    local = getattr(event, "local_start", None)
    if local is None:
        zone_name = getattr(event, "event_timezone", None)
        try:
            local = event.start.astimezone(zoneinfo.ZoneInfo(zone_name)) if zone_name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            local = None
        local = local or timezone.localtime(event.start)
    return local.date()


def tagged_pages(campaign, statement, event):
    """Live, public pages tagged to `campaign`: statement-like pages and events, as Page rows annotated with
    `group` (a statement kind, or "events"), `item_date`, `rank` within the group and `group_total`."""
    conditions = Q()
    group_parts, date_parts = [], []
    extra = {}
    if statement is not None:
        rel = statement._meta.model_name
        conditions |= Q(**{f"{rel}__campaign": campaign})
        group_parts.append(F(f"{rel}__kind"))
        date_parts.append(F(f"{rel}__date"))
    if event is not None:
        rel = event._meta.model_name
        conditions |= Q(**{f"{rel}__campaign": campaign})
        date_parts.append(Cast(F(f"{rel}__start"), DateField()))
        extra["start"] = F(f"{rel}__start")
        if _has_field(event, "timezone"):
            extra["event_timezone"] = F(f"{rel}__timezone")
    group = Coalesce(*group_parts, Value(EVENTS), output_field=CharField()) if group_parts else Value(EVENTS)
    item_date = Coalesce(*date_parts, output_field=DateField()) if len(date_parts) > 1 else date_parts[0]
    ranked = (
        Page.objects.live()
        .exclude(restricted())
        .filter(conditions)
        .annotate(
            group=group,
            item_date=item_date,
            **extra,
        )
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("group")], order_by=[F("item_date").desc(), F("pk").desc()]),
            group_total=Window(Count("pk"), partition_by=[F("group")]),
        )
        .filter(rank__lte=PER_GROUP)
        .order_by("-item_date", "-pk")
    )
    return list(ranked)


def campaign_groups(campaign, request):
    """The groups shown on a campaign page: each {key, heading, items, total, more_url}, in display order.

    One group per kind of statement-like page (statements, joint statements, comments, media alerts,
    pledges, op-eds), then events, then documents: the newest few of each, newest first, with a link to
    the full listing filtered to the campaign.
    """
    statement, event = statement_model(), event_model()
    if statement is None and event is None:
        return []
    by_group = {}
    for item in tagged_pages(campaign, statement, event):
        if item.group == EVENTS:
            item.display_date = event_date(item)
        by_group.setdefault(item.group, []).append(item)

    headings = kind_headings(statement) if statement is not None else []
    if event is not None:
        headings.append((EVENTS, _("Events")))
    groups = []
    for key, heading in headings:
        items = by_group.get(key)
        if not items:
            continue
        listing = _listing_url(items[0].get_url(request))
        params = {"campaign": campaign.slug} if key == EVENTS else {"campaign": campaign.slug, "kind": key}
        groups.append(
            {
                "key": key,
                "heading": heading,
                "items": items,
                "total": items[0].group_total,
                "more_url": _with_query(listing, **params),
            }
        )

    documents = campaign_documents(campaign)
    if documents:
        groups.append(
            {"key": "documents", "heading": _("Documents"), "items": documents, "total": len(documents), "more_url": ""}
        )
    return groups


def documents_subquery(campaign_ref):
    """The documents of a campaign as JSON rows (originals with their language versions), newest first.

    `campaign_ref` is the campaign's pk, or an expression for it two query levels up (so the page's own
    query can carry its documents, see `queries.fetch_campaign`). Documents are those attached to the
    campaign's live, public statement-like pages and the programs of its live, public events; each
    comes once, as its original, dated by the newest page it is linked from.
    """
    statement, event = statement_model(), event_model()
    attachment = _model("statements", "StatementAttachment")
    roots, dates = [], []
    if statement is not None and attachment is not None:
        attached = attachment.objects.filter(page__campaign_id=campaign_ref, page__live=True).exclude(
            restricted("page__path")
        )
        roots.append(attached.annotate(root=Coalesce("document__original_id", "document_id")).values("root"))
        dates.append(
            Subquery(
                attached.filter(Q(document_id=OuterRef("pk")) | Q(document__original_id=OuterRef("pk")))
                .order_by("-page__date")
                .values("page__date")[:1]
            )
        )
    if event is not None and _has_field(event, "program"):
        events = event.objects.filter(campaign_id=campaign_ref, live=True, program__isnull=False).exclude(restricted())
        roots.append(events.annotate(root=Coalesce("program__original_id", "program_id")).values("root"))
        dates.append(
            Subquery(
                events.filter(Q(program_id=OuterRef("pk")) | Q(program__original_id=OuterRef("pk")))
                .order_by("-start")
                .annotate(day=Cast("start", DateField()))
                .values("day")[:1]
            )
        )
    if not roots:
        return None
    linked = Q()
    for ids in roots:
        linked |= Q(pk__in=ids)
    document_model = get_document_model()
    latest = Greatest(*dates) if len(dates) > 1 else dates[0]  # PostgreSQL's GREATEST ignores NULLs
    documents = (
        visible_versions(document_model.objects.filter(linked, original__isnull=True))
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


def organization_activity(organization, request):
    """What an organization signed and co-sponsored on this site (live, public pages only), newest first."""
    context = {"signed": [], "cosponsored": []}
    signatory = _model("statements", "StatementSignatory")
    if signatory is not None and _has_field(signatory, "organization"):
        page_model = signatory._meta.get_field("page").related_model
        related = signatory._meta.get_field("page").remote_field.related_name or "statementsignatory"
        pages = (
            page_model.objects.live()
            .exclude(restricted())
            .filter(**{f"{related}__organization": organization})
            .distinct()
            .order_by(*(["-date"] if _has_field(page_model, "date") else []), "-pk")
        )
        context["signed"] = list(pages)
    cosponsor = _model("events", "EventCoSponsor")
    if cosponsor is not None and _has_field(cosponsor, "organization"):
        page_model = cosponsor._meta.get_field("page").related_model
        related = cosponsor._meta.get_field("page").remote_field.related_name or "eventcosponsor"
        pages = (
            page_model.objects.live()
            .exclude(restricted())
            .filter(**{f"{related}__organization": organization})
            .distinct()
            .order_by(*(["-start"] if _has_field(page_model, "start") else []), "-pk")
        )
        context["cosponsored"] = list(pages)
        for item in context["cosponsored"]:
            item.display_date = event_date(item)
    return context
