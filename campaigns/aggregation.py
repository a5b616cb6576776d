"""What is tied to a campaign or an organization elsewhere on the site, gathered without hand curation.

Statements, pledges and op-eds (the statements app) and events (the events app) carry a `campaign`
foreign key to `CampaignPage`; statement signatories and event co-sponsors point to `Organization`.
Those apps are optional here: when one is not installed or has no such model, its groups are left out.

Query budget (private sections are excluded inside each query): one query for all statement-like
pages (newest few per kind, with the total per kind, through window functions), one for events, one
for the listing pages the groups link to, two for the documents and their language versions — the
same for 3 items as for 300.
"""

from django.apps import apps
from django.db.models import Count, Exists, F, OuterRef, Window
from django.db.models.functions import Left, Length, RowNumber
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, PageViewRestriction

PER_GROUP = 5
DOCUMENTS_MAX = 12


def public_pages_excluded():
    """An expression true for pages inside a section with a view restriction, for `.exclude()`.

    Wagtail's `.public()` first loads every restriction in a query of its own; this tests the tree
    path inside the same SQL statement instead (a page is private when a restricted page's path
    is a prefix of its own).
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Left(OuterRef("path"), Length("page__path"))))


def _model(app_label, name):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _has_field(model, name):
    return model is not None and any(f.name == name for f in model._meta.get_fields())


def statement_models():
    """(base model of statement-like pages, plural label per kind) or (None, {}) when statements are absent."""
    base = _model("statements", "StatementBasePage") or _model("statements", "StatementPage")
    if not _has_field(base, "campaign"):
        return None, {}
    try:
        from statements.models import base as statements_base

        plurals = dict(getattr(statements_base, "KIND_PLURALS", {}))
    except ImportError:
        plurals = {}
    return base, plurals


def event_model():
    model = _model("events", "EventPage")
    return model if _has_field(model, "campaign") and _has_field(model, "start") else None


def _listing_urls(request, item_models):
    """URL of the listing page of each item model (its allowed parent type), in one query: {model: url}."""
    parents = {}
    for model in item_models:
        if model is None:
            continue
        candidates = [m for m in model.allowed_parent_page_models() if m is not Page]
        if candidates:
            parents[model] = candidates
    if not parents:
        return {}
    all_types = {m for candidates in parents.values() for m in candidates}
    pages = list(Page.objects.live().exclude(public_pages_excluded()).type(*all_types).order_by("depth", "path"))
    by_class = {}
    for page in pages:
        by_class.setdefault(page.specific_class, page)
    urls = {}
    for model, candidates in parents.items():
        for candidate in candidates:
            page = next((p for cls, p in by_class.items() if cls and issubclass(cls, candidate)), None)
            if page is not None:
                urls[model] = page.get_url(request)
                break
    return urls


def _with_query(url, **params):
    if not url:
        return ""
    from urllib.parse import urlencode

    return f"{url}?{urlencode(params)}"


def _attach_document_versions(documents):
    """Fetch every language version of `documents` in one query, so `{% document_download %}` runs none."""
    from django.db.models import prefetch_related_objects

    roots = {doc.original_id or doc.pk: (doc.original if doc.original_id else doc) for doc in documents}
    prefetch_related_objects(list(roots.values()), "translations")
    return documents


def _documents_for_pages(page_ids):
    """The documents attached to the given statement-like pages, newest page first, each once."""
    attachment = _model("statements", "StatementAttachment")
    if attachment is None or not page_ids:
        return []
    page_model = attachment._meta.get_field("page").related_model
    order = ["-page__date"] if _has_field(page_model, "date") else []
    rows = (
        attachment.objects.filter(page_id__in=page_ids)
        .select_related("document", "document__original")
        .order_by(*order, "page_id", "sort_order")
    )
    seen, documents = set(), []
    for row in rows[: DOCUMENTS_MAX * 3]:
        doc = row.document
        key = doc.original_id or doc.pk
        if key in seen:
            continue
        seen.add(key)
        doc.attachment_label = row.label
        documents.append(doc)
        if len(documents) >= DOCUMENTS_MAX:
            break
    return _attach_document_versions(documents)


def campaign_groups(campaign, request):
    """The groups shown on a campaign page: each {key, heading, items, total, more_url}, in display order."""
    base, plurals = statement_models()
    event = event_model()
    if base is None and event is None:
        return []
    private = public_pages_excluded()
    urls = _listing_urls(request, [base, event])
    groups = []

    statement_ids = []
    if base is not None:
        ranked = (
            base.objects.live()
            .exclude(private)
            .filter(campaign=campaign)
            .annotate(
                rank=Window(RowNumber(), partition_by=[F("kind")], order_by=[F("date").desc(), F("pk").desc()]),
                kind_total=Window(Count("pk"), partition_by=[F("kind")]),
            )
            .filter(rank__lte=PER_GROUP)
            .order_by("-date", "-pk")
        )
        by_kind = {}
        for item in ranked:
            by_kind.setdefault(item.kind, []).append(item)
            statement_ids.append(item.pk)
        kind_field = base._meta.get_field("kind")
        for kind, label in kind_field.choices:
            items = by_kind.get(kind)
            if not items:
                continue
            groups.append(
                {
                    "key": kind,
                    "heading": plurals.get(kind, label),
                    "items": items,
                    "total": items[0].kind_total,
                    "more_url": _with_query(urls.get(base), campaign=campaign.slug, kind=kind),
                }
            )

    if event is not None:
        events = list(
            event.objects.live()
            .exclude(private)
            .filter(campaign=campaign)
            .annotate(group_total=Window(Count("pk")))
            .order_by("-start", "-pk")[:PER_GROUP]
        )
        if events:
            groups.append(
                {
                    "key": "events",
                    "heading": _("Events"),
                    "items": events,
                    "total": events[0].group_total,
                    "more_url": _with_query(urls.get(event), campaign=campaign.slug),
                }
            )

    documents = _documents_for_pages(statement_ids)
    if documents:
        groups.append(
            {"key": "documents", "heading": _("Documents"), "items": documents, "total": len(documents), "more_url": ""}
        )
    return groups


def organization_activity(organization, request):
    """What an organization signed and co-sponsored on this site (live, public pages only), newest first."""
    context = {"signed": [], "cosponsored": []}
    private = None
    signatory = _model("statements", "StatementSignatory")
    if signatory is not None and _has_field(signatory, "organization"):
        private = public_pages_excluded()
        page_model = signatory._meta.get_field("page").related_model
        pages = (
            page_model.objects.live()
            .exclude(private)
            .filter(signatories__organization=organization)
            .distinct()
            .order_by(*(["-date"] if _has_field(page_model, "date") else []), "-pk")
        )
        context["signed"] = list(pages)
    cosponsor = _model("events", "EventCoSponsor")
    if cosponsor is not None and _has_field(cosponsor, "organization"):
        private = private if private is not None else public_pages_excluded()
        page_field = cosponsor._meta.get_field("page")
        page_model = page_field.related_model
        related_query = page_field.remote_field.related_name or "eventcosponsor"
        pages = (
            page_model.objects.live()
            .exclude(private)
            .filter(**{f"{related_query}__organization": organization})
            .distinct()
            .order_by(*(["-start"] if _has_field(page_model, "start") else []), "-pk")
        )
        context["cosponsored"] = list(pages)
    return context
