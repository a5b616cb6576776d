"""What the events tests build, as plain functions: the fixtures of tests/events/conftest.py use them, and so
do modules that build their content once (tests/snapshots.py), where a fixture cannot be called."""

import datetime
import zoneinfo

from events.factories import EventIndexPageFactory, EventPageFactory

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def events_section(parent):
    """The events section, translated into every language."""
    return EventIndexPageFactory(
        parent=parent,
        title="Events",
        title_es="Eventos",
        title_pt="Eventos",
        title_fr="Événements",
        show_in_menus=True,
    )


def event_maker(section):
    """A function that creates an event in `section`; start/end default to New York wall-clock times."""

    def make(start=None, hours=1.5, **kwargs):
        if start is not None and start.tzinfo is None:
            start = start.replace(tzinfo=NEW_YORK)
        if start is not None:
            kwargs.setdefault("start", start)
            kwargs.setdefault("end", start + datetime.timedelta(hours=hours))
        return EventPageFactory(parent=section, **kwargs)

    return make
