"""How every page reads the rows it shows: plain querysets, one per relation, never one per item.

A page (or a listing's page of items) is fetched first; then each relation it shows is read with one
query for all of them (`prefetch`: a single page's plain relations are compiled reads, `wimn_site.compiled`,
anything else Django's `prefetch_related_objects`), and
documents are swapped for their originals carrying the language versions that may be offered, with one
query for every document of the page (`with_originals`). Statements, events, campaigns and the library
all read their topics, documents and organizations this way, so the templates find them already loaded.

Measured on the demo (docs/development.md, "Profiling a slow page"): a handful of these small queries cost
less than the single query with JSON subqueries they replace, which PostgreSQL took longer to plan and
Django longer to compile than to run.
"""

import functools
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import ForeignKey, ManyToManyField, Prefetch, Q, prefetch_related_objects
from django.db.models.fields.related_descriptors import ManyToManyDescriptor, ReverseManyToOneDescriptor

from wagtail.models import Page

from .compiled import ID, IDS, compiled
from .frame import Link, fallback_language, link_columns, localized, localized_columns, url_of
from .models.documents import WimnDocument
from .visibility import public_pages, visible_versions


def prefetch(instances, *lookups):
    """Read the relations `lookups` (names, `Related` or `Prefetch` objects) of `instances`, one query per
    relation. A single instance's plain relations (a name or `Related`: its rows by foreign key, or its own
    many-to-many) are compiled reads (`wimn_site.compiled`), kept as lists: `page.topics.all()` gives the
    list, to be read, not filtered further. Anything else goes through Django's `prefetch_related_objects`."""
    instances = [instance for instance in instances if instance is not None and instance.pk]
    if not instances or not lookups:
        return instances
    rest = []
    for lookup in lookups:
        if len(instances) == 1 and _read_compiled(instances[0], lookup):
            continue
        rest.append(lookup.prefetch() if isinstance(lookup, Related) else lookup)
    if rest:
        prefetch_related_objects(instances, *rest)
    return instances


@dataclass(frozen=True)
class Related:
    """A relation to read with its rows' own relations `select` loaded with them (`select_related`)."""

    lookup: str
    model: type
    select: tuple = ()

    def prefetch(self):
        return Prefetch(self.lookup, queryset=self.model.objects.select_related(*self.select))


def with_organization(lookup, model):
    """The rows of `lookup` (signatories, authors, co-sponsors, speakers) with their directory organization."""
    return Related(lookup, model, ("organization",))


def with_document(lookup, model, field="document"):
    """The rows of `lookup` with the document they attach (swap it for its original with `with_originals`)."""
    return Related(lookup, model, (field,))


def nothing(lookup, model):
    """The relation `lookup` read as empty, without a query (a body that places no footnote shows none)."""
    return Prefetch(lookup, queryset=model.objects.none())


def _read_compiled(instance, lookup):
    """Read the relation `lookup` of `instance` with a compiled read when it is a plain one; False otherwise."""
    if isinstance(lookup, str):
        name, select = lookup, ()
    elif isinstance(lookup, Related):
        name, select = lookup.lookup, lookup.select
    elif isinstance(lookup, Prefetch) and lookup.queryset is not None and lookup.queryset.query.is_empty():
        name, select = lookup.prefetch_to, None  # read as empty
    else:
        return False
    relation = _relation(type(instance), name, select or ())
    if relation is None or (isinstance(lookup, Prefetch) and lookup.to_attr):
        return False
    reader, cache_name, back = relation
    rows = [] if select is None else reader(pk=instance.pk)
    if back is not None:
        for row in rows:
            back.set_cached_value(row, instance)  # row.page is the page, as Django's prefetch leaves it
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[cache_name] = rows
    return True


@functools.cache
def _relation(model, name, select):
    """(compiled read of the rows by the instance's id, the name Django keeps them under, the rows' foreign key
    to the instance or None) for the relation `name` of `model`, when it is its rows by foreign key or its own
    many-to-many; else None."""
    if "__" in name:
        return None
    descriptor = getattr(model, name, None)
    if isinstance(descriptor, ManyToManyDescriptor):  # a kind of ReverseManyToOneDescriptor: asked first
        if descriptor.reverse or not isinstance(descriptor.field, ManyToManyField):
            return None
        field = descriptor.field
        rows = field.related_model._default_manager
        read = compiled(pk=ID)(lambda pk: rows.select_related(*select).filter(**{field.related_query_name(): pk}))
        return read, field.name, None
    if isinstance(descriptor, ReverseManyToOneDescriptor):
        field = descriptor.field
        if not isinstance(field, ForeignKey) or not field.target_field.primary_key:  # not a generic relation
            return None
        rows = field.model._default_manager
        read = compiled(pk=ID)(lambda pk: rows.select_related(*select).filter(**{field.name: pk}))
        return read, descriptor.rel.cache_name, field
    return None


def with_versions(documents):
    """`documents` (originals, read already), each carrying its offered language versions (a prefetch of
    `translations` outside private collections, by language): one query for all of them (compiled once,
    `wimn_site.compiled`)."""
    by_pk = {document.pk: document for document in documents}
    _carry_versions(by_pk, _versions_of(ids=list(by_pk)) if by_pk else ())
    return documents


def _carry_versions(originals_by_pk, rows):
    """Each original of `originals_by_pk` carries, as its prefetched `translations`, its versions among `rows`
    (in their order), and each version knows its original."""
    for original in originals_by_pk.values():
        original._prefetched_objects_cache = {**getattr(original, "_prefetched_objects_cache", {}), "translations": []}
    for row in rows:
        original = originals_by_pk.get(row.original_id)
        if original is not None:
            WimnDocument.original.field.set_cached_value(row, original)
            original._prefetched_objects_cache["translations"].append(row)


@compiled(ids=IDS)
def _versions_of(ids):
    return visible_versions(WimnDocument.objects.filter(original_id__any_of=ids)).order_by("language", "pk")


def originals(root_ids):
    """{id: original} for the originals `root_ids` outside private collections, each with its offered language
    versions prefetched (`versions()`, `version_for()` read no more). One query for all of them."""
    ids = {pk for pk in root_ids if pk}
    if not ids:
        return {}
    rows = _families(ids=ids)
    found = {row.pk: row for row in rows if row.pk in ids}
    _carry_versions(found, rows)
    return found


@compiled(ids=IDS)
def _families(ids):
    """The files of the families `ids` outside private collections, by language."""
    return visible_versions(WimnDocument.objects.filter(Q(pk__any_of=ids) | Q(original_id__any_of=ids))).order_by(
        "language", "pk"
    )


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
    title and a URL read as a row, not the page, whose instance would read every column. One query (one more for
    pages outside the request's site, whose URL the page itself knows)."""
    ids = {pk for pk in page_ids if pk}
    if not ids:
        return {}
    links, elsewhere = {}, []
    for row in _link_rows(ids=ids):
        url = url_of(row["url_path"], request)
        if url is None:
            elsewhere.append(row["pk"])
        else:
            links[row["pk"]] = Link.of_row(row, url)
    if elsewhere:
        links.update({page.pk: Link.of(page, request) for page in Page.objects.filter(pk__in=elsewhere)})
    return links


@compiled(ids=IDS)
def _link_rows(ids):
    return public_pages(Page.objects.filter(pk__any_of=ids)).values(*link_columns())


def page_columns(*fields):
    """What `page_rows` reads of each page (a queryset's `values()`, in the active language), and `fields`."""
    return tuple(dict.fromkeys(("pk", "url_path", *localized_columns("title"), *fields)))


def page_rows(rows, request):
    """Pages as plain rows for a list of links (a campaign's statements, an organization's events), from the
    dicts of a queryset's `.values(*page_columns(...))`: `pk`, `title` in the active language, `url`, and
    the other columns, as attributes. No page instances: an instance reads every column, a body in four
    languages each."""
    rows = [
        SimpleNamespace(
            title=localized(row, "title"),
            title_lang=fallback_language(row, "title"),  # "en" when shown in English for want of a translation
            url=url_of(row["url_path"], request),
            **row,
        )
        for row in rows
    ]
    elsewhere = [row.pk for row in rows if row.url is None]
    if elsewhere:  # pages outside the request's site know their address; one more query
        urls = {page.pk: page.get_url(request) or "" for page in Page.objects.filter(pk__in=elsewhere)}
        for row in rows:
            if row.url is None:
                row.url = urls.get(row.pk, "")
    return rows


def by_name(topics):
    """Topics (or anything with a translated `name`) sorted by the name in the active language."""
    return sorted(topics, key=lambda topic: (topic.name or "").casefold())
