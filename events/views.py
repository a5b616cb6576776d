"""Calendars and the feed of the events section, found below the page they belong to (see urls.py)."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.dateformat import time_format
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail import hooks
from wagtail.models import Page

from campaigns.calendar import ical_components

from . import times
from .calendar import build_calendar
from .models import EventIndexPage, EventPage, available_in_q

# The subscribable calendar holds every upcoming event and those that ended in the last months.
RECENT_DAYS = 183
FEED_LIMIT = 500
NEW_EVENTS_IN_FEED = 20
ICS_TYPE = "text/calendar; charset=utf-8"


@require_safe
def page_file(request, path, name):
    """Route `path` like Wagtail does, then serve the calendar or feed file `name` of that page.

    The page must be live and visible to the visitor (Wagtail's serve hooks run, so a private
    event's calendar asks for a login like its page does); anything else is a 404.
    """
    if len(path) > 1000:
        raise Http404
    route = Page.route_for_request(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route
    if not page.live:
        raise Http404
    if isinstance(page, EventPage) and name == "event.ics":
        view = event_ics
    elif isinstance(page, EventIndexPage) and name == "calendar.ics":
        view = calendar_feed
    elif isinstance(page, EventIndexPage) and name == "feed.xml":
        view = EventFeed(page)
    else:
        raise Http404

    def serve_file(page, request, serve_args, serve_kwargs):
        return view(request) if isinstance(view, EventFeed) else view(request, page)

    # As Wagtail's own serve view: the page's hooks (view restrictions among them) wrap the response.
    chain = serve_file
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def ics_response(calendar, filename, attachment):
    response = HttpResponse(calendar.to_ical(), content_type=ICS_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_ics(request, event):
    """ "Add to calendar": one event as an .ics file to download, in the language of the URL."""
    language = translation.get_language()
    calendar = build_calendar([event], language, request)
    return ics_response(calendar, f"{event.slug}.ics", attachment=True)


def calendar_events(index, language, moment=None):
    """Upcoming events and those of the last months, available in `language`, soonest first."""
    moment = moment or times.now()
    since = moment - datetime.timedelta(days=RECENT_DAYS)
    return (
        index.events()
        .filter(end__gte=since)
        .filter(available_in_q(EventPage, language))
        .order_by("start", "pk")[:FEED_LIMIT]
    )


# The network's advocacy days (campaigns app) ride along in the subscribable calendar for a year ahead.
ADVOCACY_DAYS_AHEAD = 366


def calendar_feed(request, index):
    """The section's calendar to subscribe to (webcal), per language: only events translated into it,
    plus the advocacy days of the coming year (International Women's Day, the 16 Days, ...)."""
    language = translation.get_language()
    name = _("Women in Migration Network: events")
    today = times.now().date()
    days = ical_components(today, today + datetime.timedelta(days=ADVOCACY_DAYS_AHEAD), request=request)
    calendar = build_calendar(calendar_events(index, language), language, request, name=name, extra_components=days)
    return ics_response(calendar, f"wimn-events-{language}.ics", attachment=False)


class EventFeed(Feed):
    """Atom feed of the newest events in the language of the URL (only events translated into it)."""

    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Events of the Women in Migration Network")

    def subtitle(self):
        return self.index.intro or _("Side events, caucuses and webinars of the network.")

    def link(self):
        return self.index.get_url(self.request)

    def feed_url(self):
        return self.request.path

    def items(self):
        language = translation.get_language()
        return (
            self.index.events()
            .filter(available_in_q(EventPage, language))
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
            .prefetch_related("topics")[:NEW_EVENTS_IN_FEED]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        start = item.local_start
        when = f"{times.long_date(start, translation.get_language())}, {time_format(start, get_format('TIME_FORMAT'))}"
        return f"{when} {start.tzname()} ({times.zone_city(item.timezone)}). {item.summary}"

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]
