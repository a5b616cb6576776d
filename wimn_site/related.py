"""How every page reads the rows it shows: plain querysets, one per relation, never one per item.

A page (or a listing's page of items) is fetched first; then each relation it shows is read with one
query for all of them (Django's `prefetch_related_objects` with the `Prefetch` objects built here), and
documents are swapped for their originals carrying the language versions that may be offered, with one
query for every document of the page (`with_originals`). Statements, events, campaigns and the library
all read their topics, documents and organizations this way, so the templates find them already loaded.

Measured on the demo (docs/development.md, "Profiling a slow page"): a handful of these small queries cost
less than the single query with JSON subqueries they replace, which PostgreSQL took longer to plan and
Django longer to compile than to run.
"""

from django.db.models import Prefetch, Q, prefetch_related_objects

from wagtail.models import Page

from .frame import Link
from .models.documents import WimnDocument
from .visibility import public_pages, visible_versions


def prefetch(instances, *lookups):
    """Read the relations `lookups` (names or `Prefetch` objects) of `instances`, one query per relation."""
    instances = [instance for instance in instances if instance is not None and instance.pk]
    if instances and lookups:
        prefetch_related_objects(instances, *lookups)
    return instances


def with_organization(lookup, model):
    """The rows of `lookup` (signatories, authors, co-sponsors, speakers) with their directory organization."""
    return Prefetch(lookup, queryset=model.objects.select_related("organization"))


def with_document(lookup, model, field="document"):
    """The rows of `lookup` with the document they attach (swap it for its original with `with_originals`)."""
    return Prefetch(lookup, queryset=model.objects.select_related(field))


def versions_prefetch():
    """The language versions of originals that may be offered (none in a private collection), by language."""
    return Prefetch("translations", queryset=visible_versions(WimnDocument.objects.all()).order_by("language", "pk"))


def originals(root_ids):
    """{id: original} for the originals `root_ids` outside private collections, each with its offered language
    versions prefetched (`versions()`, `version_for()` read no more). One query for all of them."""
    ids = {pk for pk in root_ids if pk}
    if not ids:
        return {}
    rows = list(
        visible_versions(WimnDocument.objects.filter(Q(pk__in=ids) | Q(original_id__in=ids))).order_by("language", "pk")
    )
    found = {row.pk: row for row in rows if row.pk in ids}
    for original in found.values():
        original._prefetched_objects_cache = {"translations": []}
    for row in rows:
        original = found.get(row.original_id)
        if original is not None:
            WimnDocument.original.field.set_cached_value(row, original)
            original._prefetched_objects_cache["translations"].append(row)
    return found


def original_id(document):
    """The id of the original of `document` (itself when it is one)."""
    return document.original_id or document.pk


def with_originals(rows, field="document"):
    """`rows` (attachments, say) with their document `field` (loaded with them, see `with_document`) replaced by
    its original carrying its versions; rows whose original is in a private collection are left out. One query."""
    rows = [row for row in rows if getattr(row, f"{field}_id", None)]
    found = originals(original_id(getattr(row, field)) for row in rows)
    kept = []
    for row in rows:
        original = found.get(original_id(getattr(row, field)))
        if original is not None:
            setattr(row, field, original)
            kept.append(row)
    return kept


def page_links(page_ids, request):
    """{id: `frame.Link`} of the pages `page_ids` that visitors may see (a statement's or an event's campaign): a
    title and a URL, not the page, which a select_related would load with every column. One query."""
    ids = {pk for pk in page_ids if pk}
    if not ids:
        return {}
    return {page.pk: Link.of(page, request) for page in public_pages(Page.objects.filter(pk__in=ids))}


def by_name(topics):
    """Topics (or anything with a translated `name`) sorted by the name in the active language."""
    return sorted(topics, key=lambda topic: (topic.name or "").casefold())
