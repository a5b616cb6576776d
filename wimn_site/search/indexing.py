"""Turn live pages and documents into search entries: one per page and available language, one per file.

The text of a page is derived from what modeltranslation registers for its class (title, summary,
intro, mission, StreamField and rich text, ...), so statements, events and campaigns are indexed
without this module knowing them. A page type may refine what is indexed:

* `search_exclude = True` keeps it out (a thank-you page, say);
* `search_kind` (a string or lazy string) names its type in results; otherwise `kind_label` when it
  has one, else its verbose name;
* `search_date` (attribute, property or method returning a date) dates it; otherwise the first of
  `date`, `start`, `start_date`, `publication_date`, else its first publication.
"""

import datetime
import logging
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Q, Value
from django.utils import translation

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from ..models import WimnDocument
from ..models.mixins import language_codes
from ..models.search import SEARCH_CONFIGS, SearchEntry
from ..visibility import public_pages, visible_versions
from .text import MAX_TEXT_CHARS, clean, fold

logger = logging.getLogger(__name__)

# Languages whose entries also carry an accent-folded copy of their text (weight C), matched by the folded
# query: their stemmers keep accents in some stems ("declaración" -> 'declar', but "declaracion" ->
# 'declaracion'), and visitors on a phone often type without them. English has none.
FOLD_LANGUAGES = {"es", "pt", "fr"}
NOT_TEXT = {"title", "slug", "url_path", "seo_title", "draft_title"}
DATE_ATTRIBUTES = ("search_date", "date", "start", "start_date", "publication_date")
CHUNK = 500


def text_fields(model):
    """The translated fields whose text goes into the entry (title aside), in declaration order."""
    try:
        names = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return []
    order = {field.name: index for index, field in enumerate(model._meta.get_fields())}
    return sorted((name for name in names if name not in NOT_TEXT), key=lambda name: order.get(name, 0))


def _field_text(model, page, name, language):
    value = getattr(page, build_localized_fieldname(name, language), None)
    if not value:
        return ""
    field = model._meta.get_field(name)
    if isinstance(field, StreamField):
        return " ".join(str(part) for part in field.stream_block.get_searchable_content(value) if part)
    if isinstance(field, RichTextField):
        return get_text_for_indexing(str(value))
    if isinstance(field, (models.CharField, models.TextField)):
        return str(value)
    return ""


def _as_date(value):
    if callable(value):
        value = value()
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def page_date(page):
    for name in DATE_ATTRIBUTES:
        found = _as_date(getattr(page, name, None))
        if found:
            return found
    return _as_date(page.first_published_at) or _as_date(page.last_published_at)


def page_kind(page):
    label = getattr(page, "search_kind", None) or getattr(page, "kind_label", None) or page._meta.verbose_name
    text = str(label)
    return text[:1].upper() + text[1:]


def page_languages(page):
    if hasattr(page, "is_available_in"):
        return [code for code in language_codes() if page.is_available_in(code)]
    return [language_codes()[0]]


def page_entries(page):
    """Unsaved entries for a specific page, one per available language."""
    if getattr(page, "search_exclude", False):
        return []
    model = type(page)
    date = page_date(page)
    entries = []
    for language in page_languages(page):
        if language not in SEARCH_CONFIGS:
            continue
        with translation.override(language):
            title = clean(getattr(page, build_localized_fieldname("title", language), "") or page.title, 255)
            text = clean(" ".join(_field_text(model, page, name, language) for name in text_fields(model)))
            kind = clean(page_kind(page), 100)
        entries.append(_entry(language, title, text, date, kind, page=page))
    return entries


def document_entry(document):
    with translation.override(document.language):
        kind = clean(str(document.get_doc_type_display()), 100)
    date = datetime.date(document.year, 1, 1) if document.year else _as_date(document.created_at)
    text = document.description
    if "text" not in document.get_deferred_fields() and document.text:  # what the file says (its text page)
        text = f"{text}\n{document.text}"
    return _entry(document.language, clean(document.title, 255), clean(text), date, kind, document=document)


def _entry(language, title, text, date, kind, **target):
    text = text[:MAX_TEXT_CHARS]
    folded = ""
    if language in FOLD_LANGUAGES:
        candidate = fold(f"{title} {text}")
        folded = candidate if candidate != f"{title} {text}" else ""
    return SearchEntry(language=language, title=title, text=text, folded=folded, date=date, kind=kind, **target)


def _vector(entry):
    """The entry's weighted vector, computed by PostgreSQL with its language's stemmer in the INSERT itself
    (writing the row and then updating it left every row twice in the table)."""
    config = SEARCH_CONFIGS[entry.language]
    return (
        SearchVector(Value(entry.title), weight="A", config=config)
        + SearchVector(Value(entry.text), weight="B", config=config)
        + SearchVector(Value(entry.folded), weight="C", config=config)
    )


def _write(entries):
    """Save entries with their vectors, each language's rows side by side (a search then reads fewer
    table pages: the rows of the other languages are not in between)."""
    entries = sorted(entries, key=lambda entry: entry.language)
    for entry in entries:
        entry.search_vector = _vector(entry)
    return len(SearchEntry.objects.bulk_create(entries, batch_size=CHUNK))


def _merge_pending_lists():
    """Move what a bulk load left in the GIN indexes' pending lists into the indexes proper.

    PostgreSQL adds new rows to a GIN index's pending list, which every search reads in full until VACUUM
    (or the list's size limit) merges it; after a rebuild that is hundreds of pages. Needs to own the
    indexes, like VACUUM; without that, autovacuum does it later.
    """
    try:
        with connection.cursor() as cursor:
            for index in SearchEntry._meta.indexes:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index.name])
    except DatabaseError:
        logger.warning("Could not merge the search indexes' pending lists", exc_info=True)


def indexable_pages():
    return public_pages(Page.objects.filter(depth__gt=1))


def indexable_documents():
    """Files outside private collections. Whether a file is public changes when a page that uses it is
    published or unpublished, so that rule (wimn_site.visibility) is applied at search time instead."""
    return visible_versions(WimnDocument.objects.all())


def index_page(page):
    """(Re)index one page: its entries are replaced, or removed when it is not live and public."""
    page = page.specific
    with transaction.atomic():
        SearchEntry.objects.filter(page_id=page.pk).delete()
        if indexable_pages().filter(pk=page.pk).exists():
            return _write(page_entries(page))
    return 0


def remove_page(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()


def index_document_family(document):
    """(Re)index a document with its language versions (saving one can change what the others show)."""
    root_id = document.original_id or document.pk
    family = WimnDocument.objects.filter(Q(pk=root_id) | Q(original_id=root_id))
    with transaction.atomic():
        SearchEntry.objects.filter(document__in=family).delete()
        versions = indexable_documents().defer(None).filter(pk__in=family.values("pk"))
        return _write([document_entry(doc) for doc in versions])


def rebuild():
    """Replace the whole index: every live public page in each available language, and every document."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        count = 0
        rows = list(indexable_pages().order_by("path").values_list("pk", "content_type_id"))
        by_type = defaultdict(list)
        for pk, content_type_id in rows:
            by_type[content_type_id].append(pk)
        for content_type_id, ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            for start in range(0, len(ids), CHUNK):
                entries = []
                for page in model.objects.filter(pk__in=ids[start : start + CHUNK]):
                    entries.extend(page_entries(page))
                count += _write(entries)
        ids = list(indexable_documents().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), CHUNK):  # with their text, read a chunk at a time
            documents = WimnDocument.objects.defer(None).filter(pk__in=ids[start : start + CHUNK])
            count += _write([document_entry(document) for document in documents])
    _merge_pending_lists()
    return count


def safely(function, *args):
    """Run an indexing step from a signal: a search problem must never stop a publish or an upload."""
    try:
        return function(*args)
    except Exception:
        logger.exception("Search indexing failed in %s", function.__name__)
        return 0
