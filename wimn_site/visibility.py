"""What the public may see: live pages outside private sections, and the files those pages use.

One rule, used by the document serve view, the library, site search, feeds, the sitemap and every page
that offers a download, so they always agree. It is decided per document *family* (an original and its
language versions):

* a family whose original sits in a collection with a view restriction (or below one) is never public;
  Wagtail's serve view asks for the collection's password or a login instead;
* otherwise the family is public while a live page outside any private section uses one of its files,
  or when staff have published the original to the library on purpose (`in_library`, off for new
  uploads). A file attached to a draft or to an embargoed media alert therefore stays closed until the
  scheduler publishes the page, at its minute;
* a language version follows its family, unless it is itself in a private collection.

"Use" is read from Wagtail's reference index, which records every link from a page to a document
(foreign keys, StreamField blocks, rich text links, inline panels) for every page type. For a live page
it reflects the published content, not a draft. Every rule is a subquery (no query runs while a queryset
is built), so listings keep a constant number of queries.

A file used only by a live page in a private section is served to the visitors that page lets in
(`document_allowed_for`), and never listed.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import translation

from wagtail.documents.permissions import permission_policy
from wagtail.models import Page, PageViewRestriction, ReferenceIndex

from .models.documents import WimnDocument, private_collection_exists
from .models.restrictions import UnderRestriction


def private_page_exists(path_ref="path"):
    """True when the page at `path_ref` (a column name of the outer query) is in a private section (one SQL
    condition, `UnderRestriction`)."""
    return UnderRestriction(path_ref, PageViewRestriction, "page")


def public_pages(queryset=None):
    """Live pages outside any private section (Wagtail's `.public()` without its extra query)."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(live=True).exclude(private_page_exists())


def visible_versions(queryset):
    """The files of `queryset` outside private collections (language versions that may be offered)."""
    return queryset.exclude(private_collection_exists())


def _page_references(family_ids):

    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(WimnDocument),
        to_object_id__in=family_ids,
    )


def _family_ids_of_outer_original():
    """Ids (as text, like the reference index's) of the family of the original at OuterRef(OuterRef('pk'))."""

    return Subquery(
        WimnDocument.objects.filter(Q(pk=OuterRef(OuterRef("pk"))) | Q(original_id=OuterRef(OuterRef("pk"))))
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )


def public_documents():
    """Originals of public families: what the library lists (see the module docstring for the rule)."""
    return built_once(_public_documents).all()  # a copy: the caller may filter or read it


def public_document_versions():
    """Every file (originals and language versions) that may be served and found: what site search shows."""
    return built_once(_public_document_versions).all()


def built_once(build, *args):
    """The queryset `build(*args)` makes, built once per process (building a rule like these takes about 1 ms,
    on every download and library page). It must hold no value of a request, only content-type ids, which key
    it with `args` and the language. Shared: callers take a copy (`.all()`) before filtering or reading it."""
    types = (ContentType.objects.get_for_model(Page).pk, ContentType.objects.get_for_model(WimnDocument).pk)
    return _built(build, args, types, translation.get_language())


@functools.lru_cache(maxsize=64)  # a few rules x four languages x content-type ids
def _built(build, args, types_key, language):
    return build(*args)


def _public_documents():
    live_page_ids = public_pages(Page.objects.annotate(key=Cast("pk", CharField()))).values("key")
    used_by_live_pages = _page_references(_family_ids_of_outer_original()).filter(object_id__in=Subquery(live_page_ids))
    return visible_versions(WimnDocument.objects.filter(original__isnull=True)).filter(
        Q(in_library=True) | Exists(used_by_live_pages)
    )


def _public_document_versions():
    public_ids = _public_documents().values("pk")
    return visible_versions(WimnDocument.objects.all()).filter(Q(pk__in=public_ids) | Q(original_id__in=public_ids))


def document_allowed_for(document, request):
    """May this request download `document`? Public files; files of live private pages whose restriction
    the visitor has passed; every file for staff who may use it in the admin.

    A file in a private collection is Wagtail's to guard (its serve-view hook asks for the collection's
    password or a login before this is called); it is never public through a page.
    """

    if public_document_versions().filter(pk=document.pk).exists():
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        if permission_policy.user_has_any_permission_for_instance(user, ["change", "choose"], document):
            return True
    if visible_versions(WimnDocument.objects.filter(pk=document.original_id or document.pk)).count() == 0:
        return False  # the family's original is in a private collection
    root_id = document.original_id or document.pk
    family = WimnDocument.objects.filter(Q(pk=root_id) | Q(original_id=root_id)).values_list("pk", flat=True)
    page_ids = _page_references([str(pk) for pk in family]).values_list("object_id", flat=True)
    for page in Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids if pk.isdigit()]):
        restrictions = page.get_view_restrictions()
        if all(restriction.accept_request(request) for restriction in restrictions):
            return True
    return False
