"""What a change makes stale: one set of rules for the caching proxy and the in-app page cache.

Two caches may hold public pages for anonymous visitors (docs/development.md, "Caching"):

- a caching proxy in front (Varnish with deploy/varnish/wimn.vcl, or a CDN), purged through
  `wagtail.contrib.frontend_cache` (settings: WAGTAILFRONTENDCACHE);
- the in-app page cache (wimn_site.page_cache), for a site served without a proxy.

Both are told the same thing, by `invalidate_urls()` or `invalidate_everything()`, once the change's
transaction has committed:

- a page published, unpublished (also by the embargo scheduler), saved live or deleted: the page and its
  extra addresses (`get_cached_paths()`, e.g. an event's .ics), every ancestor up to the home page (the
  listings it appears in), the sitemap, the pages that show it (its campaign, the organizations it names,
  the section's feeds and calendars: the `wimn_cached_urls` hook of the app that owns it), each in all four
  languages;
- a page moved, or anything else that visitors can see saved or deleted (a snippet such as an
  organization or a topic, a document or image, the site settings, a menu): everything, because these
  show on many pages. The proxy gets one PURGE of `PURGE_ALL_PATH`, which the VCL turns into a ban of
  the host; the in-app cache starts a new generation.

Writes that change nothing public (drafts, revisions, logs, sessions, sign-in bookkeeping, form
submissions, the translation desk's records) invalidate nothing.
"""

import copy
import logging
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import frame, page_cache, registry

logger = logging.getLogger(__name__)

PURGE_ALL_PATH = "/.well-known/wimn-purge-all"

# Writes that change no public page (besides page_cache.QUIET_MODELS).
QUIET_MODELS = page_cache.QUIET_MODELS | {
    "wimn_site.translationrecord",
    "wimn_site.translatorprofile",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.workflow",
    "wagtailcore.workflowtask",
    "wagtailcore.workflowpage",
    "wagtailcore.task",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailusers.userprofile",
    "wagtailsearch.indexentry",
    "wimn_site.searchentry",
    "auth.group",
    "auth.permission",
    "contenttypes.contenttype",
    "django_cache.cacheentry",
    "migrations.migration",
}


def languages():
    return [code for code, _name in settings.LANGUAGES]


def in_every_language(url):
    """The URL in each language (its /en/ prefix swapped), or itself when it has none."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    if len(segments) < 3 or segments[1] not in languages():
        return [url]
    return [urlunsplit(parts._replace(path="/".join(["", code, *segments[2:]]))) for code in languages()]


def page_urls(page):
    """Every absolute URL a change to `page` makes stale (before the language expansion)."""
    # A copy: Wagtail keeps the site root paths it looks up on the page object itself, and this may run
    # while the page is being saved, before its Site exists (the copy keeps that stale lookup to itself).
    page = copy.copy(page.specific)
    urls = []
    full_url = page.get_full_url()
    if full_url:
        urls += [full_url + path.lstrip("/") for path in page.get_cached_paths()]
        root = urlsplit(full_url)
        urls.append(urlunsplit((root.scheme, root.netloc, "/sitemap.xml", "", "")))
    for ancestor in page.get_ancestors().filter(depth__gte=2).live().specific():
        url = ancestor.get_full_url()
        if url:  # a listing and its own files (an events section's calendar.ics and feed.xml)
            urls += [url + path.lstrip("/") for path in ancestor.get_cached_paths()]
    for function in hooks.get_hooks(registry.CACHED_URLS):
        urls += [url for url in function(page) if url]
    return urls


def invalidate_urls(urls):
    frame.forget()  # any change that purges a page may show in the menu, footer or settings
    expanded = list(dict.fromkeys(url for given in urls for url in in_every_language(given)))
    if not expanded:
        return
    page_cache.forget_urls(expanded)
    try:
        purge_urls_from_cache(expanded)
    except Exception:  # a proxy that cannot be reached must not fail a publish; its TTL bounds the damage
        logger.exception("Could not purge %s URLs from the frontend cache", len(expanded))


def invalidate_everything():
    frame.forget()
    page_cache.forget_everything()
    roots = {site.root_url for site in Site.objects.all()}
    try:
        purge_urls_from_cache([root + PURGE_ALL_PATH for root in roots])
    except Exception:
        logger.exception("Could not purge the frontend cache")


def _after_commit(function, *args):
    transaction.on_commit(lambda: function(*args))


def _page_after_commit(page):
    """Purge what `page` shows on once its change commits; its URLs are worked out then (they cost queries,
    which a transaction that is rolled back, or saves a page several times, should not pay)."""
    transaction.on_commit(lambda: invalidate_urls(page_urls(page)))


def _is_page_part(model):
    """A page's inline row (a signatory, a commitment): saved with its page, purged with it."""
    return any(isinstance(field, ParentalKey) for field in model._meta.get_fields())


def _quiet(sender):
    meta = getattr(sender, "_meta", None)
    if meta is None or getattr(sender, "__module__", "") == "__fake__":  # a migration's historical model
        return True
    return (
        meta.label_lower in QUIET_MODELS
        or _is_page_part(sender)
        or getattr(sender, "purged_by_its_writer", False)  # its only writer purges what it changes
    )


# --- Receivers (connected in WimnSiteConfig.ready) -----------------------------------------------------


@receiver(page_published, dispatch_uid="wimn-invalidate-published")
@receiver(page_unpublished, dispatch_uid="wimn-invalidate-unpublished")
def page_changed(sender, instance, **kwargs):
    _page_after_commit(instance)


@receiver(post_page_move, dispatch_uid="wimn-invalidate-moved")
@receiver(page_slug_changed, dispatch_uid="wimn-invalidate-slug-changed")
def page_was_moved(sender, instance, **kwargs):
    _after_commit(invalidate_everything)


@receiver(pre_delete, dispatch_uid="wimn-invalidate-page-deleted")
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and sender is not Page:
        _after_commit(invalidate_urls, page_urls(instance))


@receiver(post_save, dispatch_uid="wimn-invalidate-saved")
@receiver(post_delete, dispatch_uid="wimn-invalidate-deleted")
@receiver(m2m_changed, dispatch_uid="wimn-invalidate-m2m")
def something_changed(sender, instance=None, update_fields=None, raw=False, **kwargs):
    if raw or _quiet(sender):
        return
    if isinstance(instance, Page):
        # A page saved live without publishing (a script, a factory): the same as publishing it. Draft saves
        # only touch the draft columns, and unpublished pages show nowhere.
        if page_cache.changes_public_pages(sender, update_fields) and instance.live and sender is not Page:
            _page_after_commit(instance)
        return
    if kwargs.get("signal") is m2m_changed and kwargs.get("action", "").startswith("pre_"):
        return
    _after_commit(invalidate_everything)
