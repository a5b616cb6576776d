"""What a served event costs: the section's fetch attaches what the page shows."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.factories import EventCoSponsorFactory, EventPersonFactory
from events.models.queries import fetch_event
from wimn_site.factories import TopicFactory


@pytest.mark.django_db
def test_a_fetched_event_carries_what_it_shows(events_index, make_event):
    """The section's fetch attaches participants by role, topics and program: reading them costs no query."""
    event = make_event(slug="caucus")
    event.topics.set([TopicFactory(slug="labour")])
    event.save()
    EventPersonFactory(page=event, name="Ana", is_moderator=True)
    EventCoSponsorFactory(page=event, organization_name_en="Government of Canada")
    fetched = fetch_event(events_index, "caucus")
    with CaptureQueriesContext(connection) as queries:
        related = fetched.related_objects()
    assert len(queries) == 0
    assert [person.name for person in related["roles"]["moderator"]] == ["Ana"]
    assert [sponsor.organization_display for sponsor in related["roles"]["co-sponsor"]] == ["Government of Canada"]
    assert [topic.slug for topic in related["topics"]] == ["labour"]
    assert related["program"] is None
