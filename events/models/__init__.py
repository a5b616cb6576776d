"""Side events, caucuses and webinars, and the section that lists them.

Whether an event is upcoming or past is never stored: it is read from `end` against the clock at
request time, so an event moves to the past list (and its page says it is over) without an edit.

The modules depend on each other in one direction only, and are loaded in that order: `event` (the
event page, its people and co-sponsors), then `queries` (the one-query fetch of an event) and
`listing` (the section's filters and pages of events), which import `event`, then `index` (the
section), which imports all three. None of them imports this package.
"""

from .event import EventPage, EventParticipant, available_in_q
from .index import EventIndexPage

__all__ = ["EventIndexPage", "EventPage", "EventParticipant", "available_in_q"]
