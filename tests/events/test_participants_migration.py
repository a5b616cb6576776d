"""The data migration that turned speakers, moderators and co-sponsors into participants with roles
(events/migrations/0005_event_participants.py): nothing is lost, in rows or in revisions."""

import importlib

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

migration = importlib.import_module("events.migrations.0005_event_participants")

PERSON = {
    "id": 7,
    "sort_order": 1,
    "name": "Carol Barton",
    "role": "Co-convenor",
    "role_en": "Co-convenor",
    "role_es": "Coconvocante",
    "role_pt": "Coconvocadora",
    "role_fr": "Co-coordinatrice",
    "organization_name": "Women in Migration Network",
    "organization": None,
    "is_moderator": True,
}
SPEAKER = {
    "id": 3,
    "sort_order": 0,
    "name": "Neha Misra",
    "role": "",
    "role_en": "",
    "role_es": None,
    "role_pt": None,
    "role_fr": None,
    "organization_name": "",
    "organization": 12,
    "is_moderator": False,
}
COSPONSOR = {
    "id": 9,
    "sort_order": 0,
    "organization": None,
    "organization_name": "Government of Canada",
    "organization_name_en": "Government of Canada",
    "organization_name_es": "Gobierno del Canadá",
    "organization_name_pt": None,
    "organization_name_fr": "Gouvernement du Canada",
}


def test_people_then_cosponsors_in_their_order_with_every_language():
    rows = migration.participants_of([PERSON, SPEAKER], [COSPONSOR, {**COSPONSOR, "sort_order": None, "id": 1}])
    assert [(row["sort_order"], row["role"], row["name"] or row["organization_name"]) for row in rows] == [
        (0, "speaker", "Neha Misra"),
        (1, "moderator", "Carol Barton"),
        (2, "co-sponsor", "Government of Canada"),
        (3, "co-sponsor", "Government of Canada"),
    ]
    speaker, moderator, cosponsor, _unordered = rows
    assert speaker["organization"] == 12 and speaker["position_es"] == ""
    assert [moderator[f"position_{code}"] for code in ("en", "es", "pt", "fr")] == [
        "Co-convenor",
        "Coconvocante",
        "Coconvocadora",
        "Co-coordinatrice",
    ]
    assert moderator["organization_name_en"] == "Women in Migration Network"
    assert [cosponsor[f"organization_name_{code}"] for code in ("en", "es", "pt", "fr")] == [
        "Government of Canada",
        "Gobierno del Canadá",
        "",
        "Gouvernement du Canada",
    ]
    assert cosponsor["name"] == "" and cosponsor["position"] == ""


def test_a_revision_keeps_its_people_and_cosponsors_as_participants():
    content = {"pk": 40, "title": "Caucus", "speakers": [PERSON], "cosponsors": [COSPONSOR]}
    converted = migration.revision_content(content)
    assert "speakers" not in converted and "cosponsors" not in converted
    assert converted["title"] == "Caucus"
    assert [(row["pk"], row["page"], row["role"]) for row in converted["participants"]] == [
        (None, 40, "moderator"),
        (None, 40, "co-sponsor"),
    ]
    assert content["speakers"] == [PERSON]  # the original is not changed in place


def test_a_revision_without_them_is_left_alone():
    content = {"pk": 40, "title": "Caucus", "participants": []}
    assert migration.revision_content(content) is content


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_copies_rows_and_revisions_on_a_real_database(home):
    """Back to 0004, old rows made there, forward again: every row, and a draft's people, survive."""
    from wagtail.models import Revision

    from events.factories import EventIndexPageFactory, EventPageFactory

    page = EventPageFactory(parent=EventIndexPageFactory(parent=home), slug="caucus")  # its table stays the same
    revision = page.save_revision()
    Revision.objects.filter(pk=revision.pk).update(
        content={**revision.content, "speakers": [{"name": "Ana", "is_moderator": False}], "cosponsors": []}
    )
    try:
        apps = migrate([("events", "0004_campaign_help_text")])
        apps.get_model("events", "EventPerson").objects.create(
            page_id=page.pk,
            sort_order=0,
            name="Carol Barton",
            role="Co-convenor",
            role_en="Co-convenor",
            role_fr="Co-coordinatrice",
            organization_name="WIMN",
            is_moderator=True,
        )
        apps.get_model("events", "EventCoSponsor").objects.create(
            page_id=page.pk,
            sort_order=0,
            organization_name="Government of Canada",
            organization_name_en="Government of Canada",
            organization_name_fr="Gouvernement du Canada",
        )
        apps = migrate([("events", "0005_event_participants")])
        rows = apps.get_model("events", "EventParticipant").objects.filter(page_id=page.pk).order_by("sort_order")
        assert [(row.role, row.name, row.position_fr, row.organization_name_fr) for row in rows] == [
            ("moderator", "Carol Barton", "Co-coordinatrice", ""),
            ("co-sponsor", "", "", "Gouvernement du Canada"),
        ]
        content = Revision.objects.get(pk=revision.pk).content
        assert "speakers" not in content
        assert [(row["role"], row["name"]) for row in content["participants"]] == [("speaker", "Ana")]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
