"""Related rows as JSON arrays built by PostgreSQL, and model instances made back from them.

A page two levels below home already spends most of its 12-query budget on the site's frame (site,
route, view restrictions, settings, menu), so the sections fetch a page and everything it shows in
one SELECT: each related table becomes an `ArraySubquery` of JSON objects (`json_rows`), and the
helpers below turn those objects back into unsaved, read-only model instances for the templates.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models.functions import JSONObject

from .models import WimnDocument
from .models.mixins import language_codes
from .visibility import visible_versions

LANGS = language_codes()

# The columns a download link needs (title, file, language, size) and the link to its original.
DOC_FIELDS = ("id", "collection_id", "title", "file", "language", "file_size", "original_id")


def localized(name):
    """The per-language columns of a translated field: title_en, title_es, ..."""
    return [f"{name}_{code}" for code in LANGS]


def json_rows(queryset, *fields, **expressions):
    """The rows of `queryset` as JSON objects of the named fields and expressions (for an ArraySubquery).

    Annotate + values: modeltranslation's `values(name=expression)` would select every column.
    """
    return queryset.annotate(json=JSONObject(**{f: f for f in fields}, **expressions)).values("json")


def document_versions_rows(root_id_ref):
    """An ArraySubquery of the language versions (translations) of the document whose id is `root_id_ref`
    that may be offered: never one in a private collection (wimn_site.visibility)."""
    versions = visible_versions(WimnDocument.objects.filter(original_id=root_id_ref)).order_by("language")
    return ArraySubquery(json_rows(versions, *DOC_FIELDS))


def document_from_row(row, versions=None):
    """A document from its JSON row; with `versions` (rows of its translations), `version_for()` and
    `versions()` work without another query."""
    document = WimnDocument(**{name: row.get(name) for name in DOC_FIELDS})
    if versions is not None:
        document._prefetched_objects_cache = {"translations": [document_from_row(v) for v in versions]}
    return document
