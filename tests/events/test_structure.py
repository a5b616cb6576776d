"""How the events app's modules depend on each other, and what a served event costs."""

import ast
from pathlib import Path

import grimp
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.factories import EventCoSponsorFactory, EventPersonFactory
from events.models.queries import fetch_event
from wimn_site.factories import TopicFactory

APP = Path(__file__).resolve().parents[2] / "events"


def app_modules():
    return [path for path in APP.rglob("*.py") if "migrations" not in path.parts]


def test_no_import_cycles_among_the_events_modules():
    """No module of the app imports, directly or through others, a module that imports it back."""
    graph = grimp.build_graph("events", cache_dir=None)
    cycles = []
    for module in sorted(graph.modules):
        if ".migrations" in module:
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain and ".migrations" not in imported:
                cycles.append(" -> ".join((module, *chain)))
    assert cycles == []


def test_events_modules_import_nothing_inside_functions():
    """Imports are at module level: one placed in a function to dodge a cycle hides a wrong layer."""
    nested = set()
    for path in app_modules():
        tree = ast.parse(path.read_text(), filename=str(path))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                for node in ast.walk(function):
                    if isinstance(node, ast.Import | ast.ImportFrom):
                        nested.add(f"{path.relative_to(APP.parent)}:{node.lineno}")
    assert sorted(nested) == []


@pytest.mark.django_db
def test_a_fetched_event_carries_what_it_shows(events_index, make_event):
    """The section's fetch attaches people, co-sponsors, topics and program: reading them costs no query."""
    event = make_event(slug="caucus")
    event.topics.set([TopicFactory(slug="labour")])
    event.save()
    EventPersonFactory(page=event, name="Ana", is_moderator=True)
    EventCoSponsorFactory(page=event, name_en="Government of Canada")
    fetched = fetch_event(events_index, "caucus")
    with CaptureQueriesContext(connection) as queries:
        related = fetched.related_objects()
    assert len(queries) == 0
    assert [person.name for person in related["people"]] == ["Ana"]
    assert [sponsor.display_name for sponsor in related["cosponsors"]] == ["Government of Canada"]
    assert [topic.slug for topic in related["topics"]] == ["labour"]
    assert related["program"] is None
