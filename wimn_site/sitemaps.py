"""`/sitemap.xml`: every live public page in each language where it is available, with hreflang alternates.

Built here rather than with django.contrib.sitemaps because slugs are shared by all languages (only the
prefix differs) and each language of a page is listed only when `is_available_in` says it is ready, with
`xhtml:link` alternates to the other ready languages and `x-default` to English.

Pages are read as base rows plus, per page type, only the columns its `translation_required_fields`
need, so the sitemap costs one query per page type, not per page. A page type whose routable sub-views
deserve their own entries (an organization's detail page, say) overrides Wagtail's
`get_sitemap_urls(request)`; it is then called once per available language and its locations are listed
with the same alternates. Past 10,000 URLs `/sitemap.xml` becomes a sitemap index of parts (`?p=1`, ...).

Documents' "Read online" text pages (wimn_site.read_online) follow the pages: each file visitors may download
(`visibility.public_document_versions`) that has text, in the language it is written in, with its family's
other languages as alternates; a family that a live public page carries in full (a statement, whose page is
its HTML version) is left to that page. One query, whatever the number of files.

The XML is cached and dropped whenever a page, a document or a collection is saved, deleted or moved, or a
view restriction changes.
"""

from collections import defaultdict
from urllib.parse import urlsplit, urlunsplit
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
    get_page_models,
)
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models.documents import WimnDocument
from .models.mixins import language_codes
from .read_online import document_page_models
from .site_urls import absolute_url, canonical_site, host_and_port
from .visibility import public_document_versions, public_pages

CACHE_KEY = "wimn-sitemap:{site}:{host}"
CACHE_SECONDS = 60 * 60
CACHE_VERSION_KEY = "wimn-sitemap-version"
URLS_PER_FILE = 10_000  # the protocol allows 50,000 URLs or 50 MB; with alternates 10,000 stay far below


def _language_available(page, language):
    if hasattr(page, "is_available_in"):
        return page.is_available_in(language)
    return language == settings.LANGUAGE_CODE


def _specific_for_availability(rows):
    """Specific instances loaded with only the columns `is_available_in` reads, one query per page type."""
    by_type = defaultdict(list)
    for row in rows:
        by_type[row["content_type_id"]].append(row["id"])
    pages = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if Page.get_sitemap_urls is not getattr(model, "get_sitemap_urls", Page.get_sitemap_urls):
            queryset = model.objects.filter(pk__in=ids)  # its own sitemap URLs may need any field
        else:
            columns = ["id", "url_path", "depth", "path", "last_published_at", "latest_revision_created_at"]
            for name in getattr(model, "translation_required_fields", ()):
                columns += [build_localized_fieldname(name, code) for code in language_codes()]
            queryset = model.objects.filter(pk__in=ids).only(*columns)
        for page in queryset:
            pages[page.pk] = page
    return pages


def _on_this_host(request, location):
    """A page's own sitemap location (built from the Site's hostname) on this site's address."""
    parts = urlsplit(location)
    return absolute_url(request, urlunsplit(("", "", parts.path, parts.query, "")))


def sitemap_urls(request, site):
    """[(location, lastmod, {language: url})] for the site, each language of each page once."""
    root = site.root_page
    rows = list(
        public_pages(Page.objects.filter(path__startswith=root.path, depth__gte=root.depth))
        .order_by("path")
        .values("id", "content_type_id")
    )
    pages = _specific_for_availability(rows)
    prefix_length = len(root.url_path) - 1
    entries = []
    for row in rows:
        page = pages.get(row["id"])
        if page is None:
            continue
        languages = [code for code in language_codes() if _language_available(page, code)]
        lastmod = page.last_published_at or page.latest_revision_created_at
        if Page.get_sitemap_urls is not type(page).get_sitemap_urls:
            per_language = {}
            for code in languages:
                with translation.override(code):
                    per_language[code] = [
                        _on_this_host(request, entry["location"]) for entry in page.get_sitemap_urls(request)
                    ]
            for index in range(len(per_language.get(settings.LANGUAGE_CODE, []))):
                alternates = {
                    code: locations[index] for code, locations in per_language.items() if index < len(locations)
                }
                for code in alternates:
                    entries.append((alternates[code], lastmod, alternates))
            continue
        relative = page.url_path[prefix_length:]
        alternates = {code: absolute_url(request, f"/{code}{relative}") for code in languages}
        for code in languages:
            entries.append((alternates[code], lastmod, alternates))
    return entries + document_text_urls(request)


def _carried_by_a_page():
    """A condition on a document (annotated with its family's `root`): a live public page of a type whose
    pages carry their documents' full text (`wimn_document_pages`) uses a file of its family."""
    models = document_page_models()
    if not models:
        return None
    page_types = [model for model in get_page_models() if issubclass(model, tuple(models))]
    family = (
        WimnDocument.objects.filter(Q(pk=OuterRef(OuterRef("root"))) | Q(original_id=OuterRef(OuterRef("root"))))
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    live_page_ids = public_pages(Page.objects.annotate(key=Cast("pk", CharField()))).values("key")
    return Exists(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            content_type__in=list(ContentType.objects.get_for_models(*page_types).values()),
            to_content_type=ContentType.objects.get_for_model(WimnDocument),
            to_object_id__in=Subquery(family),
            object_id__in=Subquery(live_page_ids),
        )
    )


def document_text_urls(request):
    """[(location, lastmod, {language: url})] of the public files' text pages, each in its file's language."""
    files = public_document_versions().filter(text_chars__gt=0).annotate(root=Coalesce("original_id", "pk"))
    carried = _carried_by_a_page()
    if carried is not None:
        files = files.exclude(carried)
    codes = language_codes()
    families = defaultdict(dict)
    lastmods = {}
    for pk, root, language, created_at in files.order_by("root", "pk").values_list(
        "pk", "root", "language", "created_at"
    ):
        language = language if language in codes else settings.LANGUAGE_CODE
        if language in families[root]:
            continue  # two files of one family in one language: the first is the family's text in it
        with translation.override(language):
            families[root][language] = absolute_url(request, reverse("wimn_document_text", args=[pk]))
        lastmods[families[root][language]] = created_at
    return [(url, lastmods[url], alternates) for alternates in families.values() for url in alternates.values()]


def render_sitemap(entries):
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for location, lastmod, alternates in entries:
        out.append(f"<url><loc>{escape(location)}</loc>")
        if lastmod:
            out.append(f"<lastmod>{lastmod.date().isoformat()}</lastmod>")
        if len(alternates) > 1:
            for code, url in alternates.items():
                out.append(f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(url)}/>')
            default = alternates.get(settings.LANGUAGE_CODE)
            if default:
                out.append(f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(default)}/>')
        out.append("</url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def render_index(request, parts):
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for number in range(1, parts + 1):
        out.append(f"<sitemap><loc>{escape(absolute_url(request, f'/sitemap.xml?p={number}'))}</loc></sitemap>")
    out.append("</sitemapindex>")
    return "\n".join(out) + "\n"


def _documents(request, site):
    """{"index": xml or None, 1: xml, 2: xml, ...}: one urlset, or an index of parts past URLS_PER_FILE."""
    entries = sitemap_urls(request, site)
    if len(entries) <= URLS_PER_FILE:
        return {"index": None, 1: render_sitemap(entries)}
    chunks = [entries[start : start + URLS_PER_FILE] for start in range(0, len(entries), URLS_PER_FILE)]
    documents = {"index": render_index(request, len(chunks))}
    for number, chunk in enumerate(chunks, start=1):
        documents[number] = render_sitemap(chunk)
    return documents


@require_safe
def sitemap_xml(request):
    """The sitemap; past URLS_PER_FILE entries it is an index of parts at ?p=1, ?p=2, ..."""
    site = Site.find_for_request(request)
    if site is None:
        return HttpResponse(render_sitemap([]), content_type="application/xml; charset=utf-8")
    version = cache.get(CACHE_VERSION_KEY, 0)
    # Built from the Site's address for canonical requests, so all of those share one copy (site_urls).
    address = "site" if canonical_site(request) else ":".join(map(str, host_and_port(request)))
    key = CACHE_KEY.format(site=site.pk, host=address) + f":{version}"
    documents = cache.get(key)
    if documents is None:
        documents = _documents(request, site)
        cache.set(key, documents, CACHE_SECONDS)
    part = request.GET.get("p")
    if part is None:
        body = documents["index"] or documents[1]
    elif part.isdigit() and len(part) < 6 and int(part) in documents:
        body = documents[int(part)]
    else:
        raise Http404("No such sitemap part")
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=600"
    return response


def invalidate(**kwargs):
    """Any change to the page tree or its privacy makes the cached sitemap stale."""
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 1, None)


@receiver(post_save)
@receiver(post_delete)
def _page_changed(sender, instance, **kwargs):
    if isinstance(instance, (Page, PageViewRestriction, Site, WimnDocument, Collection, CollectionViewRestriction)):
        invalidate()


for _signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    _signal.connect(invalidate, dispatch_uid=f"wimn-sitemap-{_signal}")
