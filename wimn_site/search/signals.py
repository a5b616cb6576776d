"""Keep the search index current: pages on publish and unpublish, documents on save.

Deleting a page or a document removes its entries through the foreign keys (CASCADE). Privacy
(view restrictions) and the document library rule are checked again at search time, so a change
there needs no reindex.
"""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from . import indexing


@receiver(page_published, dispatch_uid="wimn-search-page-published")
def _published(sender, instance, **kwargs):
    indexing.safely(indexing.index_page, instance)


@receiver(page_unpublished, dispatch_uid="wimn-search-page-unpublished")
def _unpublished(sender, instance, **kwargs):
    indexing.safely(indexing.remove_page, instance)


@receiver(post_save, sender=settings.WAGTAILDOCS_DOCUMENT_MODEL, dispatch_uid="wimn-search-document-saved")
def _document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.safely(indexing.index_document_family, instance)
