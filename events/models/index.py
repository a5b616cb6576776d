"""The events section: the page that lists the events and serves each of them."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from wimn_site.listing import FilteredListingMixin
from wimn_site.models import TranslatedPageMixin
from wimn_site.visibility import public_pages

from .event import EventPage
from .listing import event_listing
from .queries import fetch_event


class EventIndexPage(FilteredListingMixin, TranslatedPageMixin, Page):
    """The events section: upcoming events soonest first, then past events newest first, with filters.

    Its URL followed by `calendar.ics` is the section's subscribable calendar, and by `feed.xml` its
    Atom feed of new events, in the language of the URL (see urls.py).
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = TranslatedPageMixin.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wimn_site.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1
    translation_required_fields = ("title",)

    class Meta:
        verbose_name = _("events index")

    def events(self):
        """Events of this section that visitors may see (wimn_site.visibility), for listings, feeds and calendars."""
        return public_pages(EventPage.objects.child_of(self))

    def route(self, request, path_components):
        """Serve an event fetched with what it shows (see queries.fetch_event)."""
        if path_components and self.live:
            event = fetch_event(self, path_components[0], request)
            if event is None:
                raise Http404
            event._cached_parent_obj = self
            return event.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_cached_paths(self):
        """The section, its calendar and its feed: purged together when an event changes."""
        return ["/", "/calendar.ics", "/feed.xml"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_listing(self, request))
        url = self.get_url(request) or ""
        context["calendar_url"] = f"{url}calendar.ics"
        context["feed_url"] = f"{url}feed.xml"
        return context
