"""Fetch an event page with what it shows: its row, then one query per relation (`wimn_site.related`).

The section routes to an event itself: one SELECT brings the event with its program document, then its
speakers and co-sponsors (with their directory organization), its topics, and the program's original with
its language versions are read with one query each. `EventPage.read_related()` turns them into what the
template shows, which `fetch_event` attaches to the event (`fetched_related`).
"""

from wimn_site.compiled import ID, TEXT, child_paths, children, compiled
from wimn_site.related import prefetch

from .event import EventPage


@compiled(low=TEXT, high=TEXT, depth=ID, slug=TEXT)
def _live_event_at(low, high, depth, slug):
    return children(EventPage.objects.filter(slug=slug, live=True), low, high, depth).select_related("program")


def fetch_event(index, slug, request=None):
    """The live event `slug` of the section `index` with what it shows attached (`fetched_related`), or None."""
    found = _live_event_at(slug=slug, **child_paths(index))
    event = found[0] if found else None
    if event is not None:
        prefetch([event], *event.related_lookups())
        event.fetched_related = event.read_related(request)
    return event
