"""What the public may see: live pages outside private sections, and the documents of the library.

Used by the document library, site search and the sitemap, so the three always agree. Every rule is a
subquery (no query runs while the queryset is built), so callers keep a constant number of queries.

The document rule, for a document *family* (an original and its language versions):

* only originals with `in_library` ticked are listed; their versions are offered when they too are
  ticked (an unticked version stays internal);
* a document in a collection with a view restriction (or below one) is never public: Wagtail's serve
  view would ask for a login or password anyway;
* a family that no page uses (uploaded on its own for the library) is public;
* a family that pages use is public only when at least one of those pages is live and outside a private
  section. A file attached only to drafts (an unpublished statement, an embargoed media alert) stays
  hidden until that page goes live.

"Use" is read from Wagtail's reference index, which records every link from a page to a document
(foreign keys, StreamField blocks, rich text links, inline panels) for every page type, so statements,
events and campaigns count without this module knowing their models. For a live page the index reflects
its published content, not its draft.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Length, Substr

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex


def private_page_exists(path_ref="path"):
    """An EXISTS that is true when the page at `path_ref` (an OuterRef name) is in a private section."""
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef(path_ref), 1, Length("page__path"))))


def public_pages(queryset=None):
    """Live pages outside any private section (Wagtail's `.public()` without its extra query)."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(live=True).exclude(private_page_exists())


def _private_collection_exists(path_ref="collection__path"):
    return Exists(
        CollectionViewRestriction.objects.filter(
            collection__path=Substr(OuterRef(path_ref), 1, Length("collection__path"))
        )
    )


def visible_versions(queryset):
    """Language versions that may be offered: ticked for the library and not in a private collection."""
    return queryset.filter(in_library=True).exclude(_private_collection_exists())


def public_documents():
    """Originals of the public document library (see the module docstring for the rule)."""
    from .models import WimnDocument

    doc_type = ContentType.objects.get_for_model(WimnDocument)
    page_type = ContentType.objects.get_for_model(Page)
    family_ids = (
        WimnDocument.objects.filter(Q(pk=OuterRef(OuterRef("pk"))) | Q(original_id=OuterRef(OuterRef("pk"))))
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    used_by_pages = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=doc_type, to_object_id__in=Subquery(family_ids)
    )
    live_page_ids = public_pages(Page.objects.annotate(key=Cast("pk", CharField()))).values("key")
    used_by_live_pages = used_by_pages.filter(object_id__in=Subquery(live_page_ids))
    return visible_versions(WimnDocument.objects.filter(original__isnull=True)).filter(
        ~Exists(used_by_pages) | Exists(used_by_live_pages)
    )


def public_document_versions():
    """Every visible file (originals and versions) whose family is public: what site search indexes."""
    from .models import WimnDocument

    public_ids = public_documents().values("pk")
    return visible_versions(WimnDocument.objects.all()).filter(Q(pk__in=public_ids) | Q(original_id__in=public_ids))
