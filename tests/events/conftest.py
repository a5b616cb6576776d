import pytest

from tests.events.builders import event_maker, events_section


@pytest.fixture
def events_index(home):
    """The events section, translated into every language."""
    return events_section(home)


@pytest.fixture
def make_event(events_index):
    """Create an event in the section; start/end default to New York wall-clock times."""
    return event_maker(events_index)
