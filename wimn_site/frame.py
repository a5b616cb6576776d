"""The site's frame: what every public page shows around its content, built once per site and language.

The header menu, the footer's contact and social links, the handle the social tags name, the home page
(the breadcrumbs' first step) and its live public children (the menu, the home page's links to the
sections, and the route to them) are the same on every page of a site in one language. Built, they cost
two queries (the home page's children, the site settings) and their URLs; kept, one cache lookup.

They are kept in Django's cache under a key per site and language, with the version they were built
for (`wimn_site.kept`). `forget()` starts a new version, so every frame is rebuilt on its next request: the
site's one set of invalidation rules (wimn_site.cache_invalidation) calls it for every change that can show in a frame
(a page published, unpublished, moved or deleted, a setting or snippet saved). Frames hold plain values
(titles and URLs in their language), never model instances. The pages routes start from (the home page and
its sections, `routing_pages`) are kept under the same version as pickled instances, unpickled per request.
"""

import logging
import pickle
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError
from django.db.models import F, prefetch_related_objects
from django.http.request import split_domain_port
from django.utils import translation

from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from .kept import VERSION_KEY as VERSION_KEY  # re-exported: frame.forget() is what the invalidation rules call
from .kept import current_version, kept, request_version
from .kept import forget as forget
from .models.site_settings import SiteSettings
from .visibility import public_pages

ROOT_PATHS_KEY = "wimn:frame:site-root-paths"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Link:
    """A page of the frame, in one language: enough to link to it, and to route to it without loading it."""

    pk: int
    title: str
    url: str
    slug: str
    path: str
    url_path: str
    depth: int
    show_in_menus: bool = False
    app_label: str = ""
    model_name: str = ""
    form_purpose: str = ""

    @classmethod
    def of(cls, page, request, **extra):
        return cls(
            pk=page.pk,
            title=str(page.title),
            url=page.get_url(request) or "",
            slug=page.slug,
            path=page.path,
            url_path=page.url_path,
            depth=page.depth,
            show_in_menus=page.show_in_menus,
            **extra,
        )

    @classmethod
    def of_row(cls, row, url, **extra):
        """The link of a page read as a row (`LINK_COLUMNS`, see `link_columns()`) whose URL is known (`url_of`)."""
        return cls(
            pk=row["pk"],
            title=localized(row, "title"),
            url=url,
            slug=row["slug"],
            path=row["path"],
            url_path=row["url_path"],
            depth=row["depth"],
            show_in_menus=row["show_in_menus"],
            **extra,
        )

    def model(self):
        """The page's specific model class (None for a model no longer installed)."""
        try:
            return apps.get_model(self.app_label, self.model_name)
        except LookupError:
            return None


@dataclass(frozen=True)
class Frame:
    site_id: int
    language: str
    root: Link | None
    children: tuple = ()
    contact_email: str = ""
    social_links: tuple = ()
    twitter_handle: str = ""
    menu: tuple = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "menu", tuple(child for child in self.children if child.show_in_menus))

    def child(self, slug):
        return next((child for child in self.children if child.slug == slug), None)

    def section(self, model):
        """The first child of the home page of page type `model` (a section: statements, events, the directory)."""
        kind = (model._meta.app_label, model._meta.model_name)
        return next((child for child in self.children if (child.app_label, child.model_name) == kind), None)


def localized_columns(name):
    """(`name` in the active language, `name` in English): the columns a row needs for a translated field."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    codes = {code for code, _name in settings.LANGUAGES}
    return f"{name}_{language if language in codes else settings.LANGUAGE_CODE}", f"{name}_{settings.LANGUAGE_CODE}"


def localized(row, name):
    """A translated field of a row read with `localized_columns(name)`: the active language's, else the English
    (modeltranslation's fallback, as `page.title` reads it)."""
    local, english = localized_columns(name)
    return row.get(local) or row.get(english) or ""


def fallback_language(row, name):
    """ "en" when a row's `name` (read with `localized_columns`) shows its English fallback in the active language,
    for a `lang` attribute; else ""."""
    local, english = localized_columns(name)
    return settings.LANGUAGE_CODE if local != english and not row.get(local) and row.get(english) else ""


def link_columns():
    """The columns `Link.of_row` reads (a page's `values()`), in the active language."""
    return ("pk", "slug", "path", "url_path", "depth", "show_in_menus", *localized_columns("title"))


def url_of(url_path, request):
    """The URL in the active language of the page at `url_path`, when it is on the request's site: its home page's
    URL (from the frame) followed by the rest of its path, what `page.get_url(request)` answers, without the page.
    None when the page is elsewhere (ask the page itself)."""
    frame = site_frame(request) if request is not None else None
    root = frame.root if frame is not None else None
    if root is None or not root.url or not url_path or not url_path.startswith(root.url_path):
        return None
    return root.url + url_path[len(root.url_path) :]


def site_frame(request):
    """The frame of the request's site in the active language (None outside any site); kept on the request."""
    language = translation.get_language()
    found = getattr(request, "_wimn_frame", None)
    if found is not None and found.language == language:
        return found
    site = Site.find_for_request(request)
    if site is None:
        return None
    frame = kept(f"wimn:frame:{site.pk}:{language}", lambda: build(site, request, language), request)
    request._wimn_frame = frame
    return frame


def build(site, request, language):
    """The frame of `site` in `language`, from the database: two queries."""
    with translation.override(language):
        root = site.root_page
        children = public_pages(root.get_children()).annotate(
            type_app=F("content_type__app_label"),
            type_model=F("content_type__model"),
            form_purpose=F("formpage__purpose"),
        )
        site_settings = SiteSettings.for_site(site)
        return Frame(
            site_id=site.pk,
            language=language,
            root=Link.of(root, request),
            children=tuple(
                Link.of(
                    page,
                    request,
                    app_label=page.type_app,
                    model_name=page.type_model,
                    form_purpose=page.form_purpose or "",
                )
                for page in children
            ),
            contact_email=site_settings.contact_email,
            social_links=tuple(site_settings.social_links),
            twitter_handle=site_settings.twitter_handle,
        )


def routed_child(parent, request, slug):
    """The live child `slug` of the site's home page `parent`, as its specific class in one query (Wagtail's
    route reads the base row, then the specific one), with its parent cached; None when the frame does not
    list it (then Wagtail's own route decides)."""
    frame = site_frame(request) if request is not None else None
    if frame is None or frame.root is None or frame.root.pk != parent.pk:
        return None
    link = frame.child(slug)
    model = link.model() if link is not None else None
    if model is None or not issubclass(model, Page):
        return None
    child = routing_page(request, link.pk)
    if not isinstance(child, model) or child.slug != slug or child.path != link.path:
        found = model.objects.filter(pk=link.pk, slug=slug, path__startswith=parent.path, depth=parent.depth + 1)
        child = found.first()
    if child is not None:
        child._cached_parent_obj = parent
    return child


def routing_pages(site, request=None):
    """{pk: pickled page} of `site`'s home page and its live public children, each as its own class: the pages
    every route starts from, kept with the frame (same version, so a publish, a move or a deletion of any page
    rebuilds them). Kept pickled, so each request works on instances of its own: one query per page type to
    build, none on a request."""

    def make():
        root = Page.objects.get(pk=site.root_page_id).specific
        pages = [root, *public_pages(root.get_children()).specific()]
        for page in pages:
            if getattr(page, "routing_prefetch", ()):  # rows the page reads on every request
                prefetch_related_objects([page], *page.routing_prefetch)
            # treebeard answers get_children() of a page without children with nothing, without asking the
            # database; a kept copy's count may be older than its children (a child's first publish commits
            # before the frame is forgotten), so the copies always ask
            page.numchild = max(page.numchild, 1)
            page._wimn_kept_copy = True  # never saved (`refuse_to_save_a_kept_copy`): its count is not the tree's
        return {page.pk: pickle.dumps(page, pickle.HIGHEST_PROTOCOL) for page in pages}

    return kept(f"wimn:frame:pages:{site.pk}", make, request)


def refuse_to_save_a_kept_copy(sender, instance, **kwargs):
    """pre_save: a routing page's kept copy says it has children whatever the tree holds, and may be older than
    the row; saving one would write both over the row. Code that changes a page reads it from the database."""
    if getattr(instance, "_wimn_kept_copy", False):
        raise RuntimeError(f"{instance!r} is a copy kept for routing (wimn_site.frame); read the page to change it")


def routing_page(request, pk):
    """A fresh copy of the kept routing page `pk` of the request's site (see `routing_pages`), else None: also
    when the copy no longer unpickles (kept by code since changed, a page type renamed or removed), and the
    route then reads the page from the database."""
    pages = getattr(request, "_wimn_routing_pages", None)
    found = pages.get(pk) if pages else None
    if found is None:
        return None
    try:
        return pickle.loads(found)  # noqa: S301 - our own objects
    except Exception:  # noqa: BLE001 - any failure to unpickle: the copy is only a shortcut
        logger.warning("A kept routing page (%s) no longer unpickles; routing from the database", pk, exc_info=True)
        return None


class SiteMiddleware:
    """Gives Wagtail the request's Site, and the sites' root paths every page URL is built from, from the cache
    (same version as the frames): Wagtail otherwise looks each up, one query, on every request that serves a page
    or builds a page's URL.

    The Site is found by Wagtail's own rule (`Site._find_for_request`) and kept per hostname and port; its home
    page, as its own class, and the sections under it come from `routing_pages` (kept with the frame). Goes after
    CommonMiddleware, which refuses a host not in ALLOWED_HOSTS before it is used as a key.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        version = None
        if not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            key = f"wimn:frame:site:{hostname}:{request.get_port()}"
            try:
                version = current_version(request)
                site = kept(key, lambda: Site._find_for_request(request), request)
            except DatabaseError:  # the database is down: Wagtail's own lookup fails in the view (a 503)
                site = None
            if site is not None:
                # a copy of its own: the Site carries its home page, on which Wagtail caches the specific page
                request._wagtail_site = pickle.loads(pickle.dumps(site))  # noqa: S301 - our own object
                # what `page.get_url(request)` reads first (Wagtail's own cache lookup otherwise)
                request._wagtail_cached_site_root_paths = kept(ROOT_PATHS_KEY, Site.get_site_root_paths, request)
        with request_version(version):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before Wagtail's page view, and only then: the pages its route starts from, from `routing_pages`
        (the home page, on which Wagtail's route begins with `site.root_page.localized.specific`, and the
        sections `routed_child` hands on)."""
        site = getattr(request, "_wagtail_site", None)
        if view_func is not wagtail_serve or site is None or hasattr(request, "_wimn_routing_pages"):
            return None
        try:
            request._wimn_routing_pages = routing_pages(site, request)
        except DatabaseError:  # the database is down: the view answers (a 503)
            return None
        home = routing_page(request, site.root_page_id)
        if home is not None:
            site.root_page = home
        return None
