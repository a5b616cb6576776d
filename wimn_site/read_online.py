"""A document read on the site instead of downloaded, for a reader on a slow phone.

Every document the library lists gets a "Read online" link beside its download:

* a document attached to a page that carries its full text (a statement page: the page types the apps
  register under `wimn_document_pages`, see wimn_site.registry) links that live, public page;
* any other document whose file had text links `/<lang>/documents/<id>/text/`, the text read from the PDF
  when it was saved (wimn_site.document_text), on a page of the site in the visitor's language.

The text page follows the file's visibility exactly like the download (wimn_site.visibility and the
serve-view hooks): a file in a private collection only for visitors its restriction lets in, otherwise
only while `document_allowed_for` says the file may be served. Anything else is a 404, like the file.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Subquery
from django.db.models.functions import Cast
from django.urls import reverse

from wagtail.models import Page, ReferenceIndex, get_page_models

from . import registry
from .compiled import TEXTS, compiled
from .models.documents import WimnDocument
from .related import page_links
from .visibility import document_allowed_for, public_pages


def document_page_models():
    """The page types whose pages are the HTML version of the documents they attach."""
    models = []
    for found in registry.contributions(registry.DOCUMENT_PAGES):
        models.extend(found if isinstance(found, (list, tuple)) else [found])
    return models


def is_document_page(page):
    models = tuple(document_page_models())
    return bool(models) and isinstance(page, models)


def text_url(document):
    """The address of `document`'s text page in the active language, or "" when its file had no text."""
    if document is None or not getattr(document, "text_chars", 0):
        return ""
    return reverse("wimn_document_text", args=[document.pk])


def pages_carrying(originals, request):
    """{original id: frame.Link} of the live public page (of a `wimn_document_pages` type) that attaches one
    of the files of each original's family. Originals should carry their versions (`related.with_versions`).
    Two queries whatever the number of documents, none when no app registers such page types."""
    models = document_page_models()
    originals = [document for document in originals if document is not None]
    if not models or not originals:
        return {}
    root_of = {}
    for original in originals:
        for version in original.versions():
            root_of[str(version.pk)] = original.pk
    references = _carrier_references(tuple(models))(ids=list(root_of))
    page_of = {}
    for document_id, page_id in references:
        if page_id.isdigit():
            page_of.setdefault(root_of[document_id], int(page_id))
    links = page_links(page_of.values(), request)
    return {root: links[page_id] for root, page_id in page_of.items() if page_id in links}


@functools.cache
def _carrier_references(models):
    """A compiled read (`wimn_site.compiled`) of the references from live public pages of the types `models`
    (and their subclasses) to the documents `ids` (text, as the reference index keeps them), as (document
    id, page id) text pairs, page ids in order: one per set of page types."""
    return compiled(ids=TEXTS)(lambda ids: _references_from(models).filter(to_object_id__any_of=ids))


def _references_from(models):
    page_types = [model for model in get_page_models() if issubclass(model, models)]  # and their subclasses
    live_page_ids = public_pages(Page.objects.annotate(key=Cast("pk", CharField()))).values("key")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            content_type__in=sorted(t.pk for t in ContentType.objects.get_for_models(*page_types).values()),
            to_content_type=ContentType.objects.get_for_model(WimnDocument),
        )
        .filter(object_id__in=Subquery(live_page_ids))
        .order_by("object_id")
        .values_list("to_object_id", "object_id")
    )


def may_read(document, request):
    """The download's rule (wimn_site.wagtail_hooks): a private collection's restriction, else visibility."""
    restrictions = list(document.collection.get_view_restrictions())
    if restrictions:
        return all(restriction.accept_request(request) for restriction in restrictions)
    return document_allowed_for(document, request)
