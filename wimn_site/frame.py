"""The site's frame: what every public page shows around its content, built once per site and language.

The header menu, the footer's contact and social links, the handle the social tags name, the home page
(the breadcrumbs' first step) and its live public children (the menu, the home page's links to the
sections, and the route to them) are the same on every page of a site in one language. Built, they cost
two queries (the home page's children, the site settings) and their URLs; kept, one cache lookup.

They are kept in Django's cache under a key per site and language, with the version they were built
for. `forget()` starts a new version, so every frame is rebuilt on its next request: the site's one set
of invalidation rules (wimn_site.cache_invalidation) calls it for every change that can show in a frame
(a page published, unpublished, moved or deleted, a setting or snippet saved). Frames hold plain values
(titles and URLs in their language), never model instances.
"""

import contextvars
import pickle
import time
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import F, Q
from django.http.request import split_domain_port
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site

from .models.site_settings import SiteSettings
from .visibility import public_pages

VERSION_KEY = "wimn:frame:version"
# The version the current request works with (set by SiteMiddleware), for code that has no request at hand.
_request_version = contextvars.ContextVar("wimn_frame_version", default=None)
ROOT_PATHS_KEY = "wimn:frame:site-root-paths"
RESTRICTED_PATHS_KEY = "wimn:frame:restricted-paths"
# A frame is rebuilt when its version is replaced. The timeout bounds how long one is kept after a change no
# signal reports (a queryset.update() in a script, SQL by hand): ten minutes, at two queries per language.
TIMEOUT = 600


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


def kept(key, make, request=None):
    """The value kept under `key` for the current version, else `make()` kept for it.

    Also for other small, plain values every visitor sees alike that are derived from the site's content (the
    library's filter options): they are as fresh as the frame, since every change that can alter them forgets it.

    The version is read once per request (by SiteMiddleware, kept on `request` and, for code that has no request,
    in a context variable while the request is served); a value this process already holds for that version is
    used as it is, so a request usually costs one cache lookup in all, for the version. Outside a request, one
    lookup reads the version and the value. Values are shared between the requests of a process: never change
    one in place.
    """
    version = getattr(request, "_wimn_frame_version", None) or _request_version.get()
    if version is None:
        values = cache.get_many([VERSION_KEY, key])
        version = values.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, _new_version(), None)
            version = cache.get(VERSION_KEY)
        if request is not None:
            request._wimn_frame_version = version
        found = values.get(key)
    else:
        found = _held(key, version)
        if found is None:
            found = cache.get(key)
    if found is not None and found[0] == version:
        _hold(key, found)
        return found[1]
    value = make()
    cache.set(key, (version, value), TIMEOUT)
    _hold(key, (version, value))
    return value


# This process's copies of kept values: {key: (version, value, when)}. As fresh as the shared cache's (same
# version, same timeout), without its lookup. Few keys: one per site and language, per allowed host, per option.
_process_copies = {}
PROCESS_COPIES_MAX = 256


def _held(key, version):
    found = _process_copies.get(key)
    if found is None or found[0] != version or time.monotonic() - found[2] > TIMEOUT:
        return None
    return found[:2]


def _hold(key, found):
    if len(_process_copies) >= PROCESS_COPIES_MAX:
        _process_copies.clear()
    if key not in _process_copies or _process_copies[key][0] != found[0]:
        _process_copies[key] = (*found, time.monotonic())


def current_version(request):
    """The frame version this request works with, read once (one cache lookup)."""
    version = getattr(request, "_wimn_frame_version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, _new_version(), None)
            version = cache.get(VERSION_KEY)
        request._wimn_frame_version = version
    return version


def forget():
    """Every site's frame is stale from now on (rebuilt on its next request)."""
    cache.set(VERSION_KEY, _new_version(), None)


def _new_version():
    return time.time_ns()


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
    child = model.objects.filter(pk=link.pk, slug=slug, path__startswith=parent.path, depth=parent.depth + 1).first()
    if child is not None:
        child._cached_parent_obj = parent
    return child


class SiteMiddleware:
    """Gives Wagtail the request's Site, and the sites' root paths every page URL is built from, from the cache
    (same version as the frames): Wagtail otherwise looks each up, one query, on every request that serves a page
    or builds a page's URL.

    The Site is found by Wagtail's own rule (`Site._find_for_request`) and kept per hostname and port; its home
    page is still read from the database by the route (as its own class, so never stale). Goes after
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
        token = _request_version.set(version)
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


def may_be_restricted(path):
    """False when no view restriction can apply to the page at tree path `path`: no restricted page, and no alias
    of one, is the page or one of its ancestors (Wagtail's rule, `TranslatedPageMixin.get_view_restrictions`).
    Read from the restricted pages' paths kept with the frame (`kept`: a restriction saved or deleted forgets
    it), so a public page is served without asking the database; True sends the page to the exact query."""
    return any(path.startswith(prefix) for prefix in kept(RESTRICTED_PATHS_KEY, _restricted_paths))


def _restricted_paths():
    restricted = PageViewRestriction.objects.values("page_id")
    return tuple(
        Page.objects.filter(Q(pk__in=restricted) | Q(alias_of_id__in=restricted)).values_list("path", flat=True)
    )
