"""RSS feeds of the statements section, one per language (the URL prefix) and one per kind.

A feed carries only the items available in its language (title and summary translated), so a
Spanish reader never gets English items under a Spanish feed. Embargoed media alerts are not live
until their minute, so they are not in any feed before then.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone, translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wimn_site.site_urls import absolute_url
from wimn_site.visibility import public_pages

from .models import KIND_LABELS, StatementBasePage, StatementIndexPage
from .models.base import KIND_PLURALS, available_in_q

FEED_ITEMS = 30


class LanguageRssFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


class StatementsFeed(Feed):
    """Built per request (see `statements_feed`), so the request and language it keeps are its own."""

    feed_type = LanguageRssFeed

    def __init__(self, request):
        self.request = request
        self.language = translation.get_language()

    def get_object(self, request, kind=None):
        if kind is not None and kind not in KIND_LABELS:
            raise Http404("Unknown kind")
        index = public_pages(StatementIndexPage.objects.all()).first()
        if index is None:
            raise Http404("No statements section")
        return {"index": index, "kind": kind}

    def title(self, obj):
        native = settings.LANGUAGE_NATIVE_NAMES.get(self.language, self.language)
        if obj["kind"]:
            return _("Women in Migration Network: %(kind)s (%(language)s)") % {
                "kind": str(KIND_PLURALS[obj["kind"]]).lower(),
                "language": native,
            }
        return _("Women in Migration Network: statements (%(language)s)") % {"language": native}

    def link(self, obj):
        url = obj["index"].get_url(self.request)
        if obj["kind"]:
            url += f"?kind={obj['kind']}"
        return url

    def description(self, obj):
        return obj["index"].intro or _(
            "Statements, media alerts, pledges and op-eds of the Women in Migration Network."
        )

    def items(self, obj):
        items = (
            public_pages(StatementBasePage.objects.child_of(obj["index"]))
            .filter(available_in_q(StatementBasePage, self.language))
            .order_by("-date", "-pk")
        )
        if obj["kind"]:
            items = items.filter(kind=obj["kind"])
        return items[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return absolute_url(self.request, item.get_url(self.request))

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        # The publication date at noon in the site's time zone (the date is what visitors see).
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [str(item.kind_label)]


@require_safe
def statements_feed(request, kind=None):
    return StatementsFeed(request)(request, kind=kind)
