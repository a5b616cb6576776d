import datetime
import zoneinfo

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.fixture
def events_index(home):
    """The events section, translated into every language."""
    return EventIndexPageFactory(
        parent=home,
        title="Events",
        title_es="Eventos",
        title_pt="Eventos",
        title_fr="Événements",
        show_in_menus=True,
    )


@pytest.fixture
def make_event(events_index):
    """Create an event in the section; start/end default to New York wall-clock times."""

    def make(start=None, hours=1.5, **kwargs):
        if start is not None and start.tzinfo is None:
            start = start.replace(tzinfo=NEW_YORK)
        if start is not None:
            kwargs.setdefault("start", start)
            kwargs.setdefault("end", start + datetime.timedelta(hours=hours))
        return EventPageFactory(parent=events_index, **kwargs)

    return make
