"""Migration 0007 keeps the mailing list made before the double opt-in: those sign-ups count as confirmed (the
daily purge would otherwise take them for abandoned ones), and an address that signed up twice through one
form keeps one sign-up, its latest, so the new one-per-address rule can hold."""

import datetime

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wimn_site.factories import FormPageFactory

BEFORE = [("wimn_site", "0006_document_visibility_and_rate_counters")]
AFTER = [("wimn_site", "0007_visitor_data")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_earlier_sign_ups_stay_confirmed_and_duplicates_keep_the_latest(home):
    join = FormPageFactory(parent=home)  # its table is the same before and after
    day = datetime.timedelta(days=1)
    try:
        Submission = migrate(BEFORE).get_model("wimn_site", "FormSubmission")
        rows = {}
        for key, email, age, purpose in [
            ("first", "carol@example.org", 30 * day, "newsletter"),
            ("again", "Carol@Example.org", 2 * day, "newsletter"),
            ("other", "ana@example.org", 20 * day, "newsletter"),
            ("message", "carol@example.org", 10 * day, "contact"),
            ("message again", "carol@example.org", 1 * day, "contact"),
        ]:
            row = Submission.objects.create(page_id=join.pk, purpose=purpose, email=email, language="en")
            Submission.objects.filter(pk=row.pk).update(submitted_at=row.submitted_at - age)
            rows[key] = row.pk

        Submission = migrate(AFTER).get_model("wimn_site", "FormSubmission")
        kept = {row.pk: row for row in Submission.objects.all()}
        assert set(kept) == {rows["again"], rows["other"], rows["message"], rows["message again"]}
        assert kept[rows["again"]].confirmed_at == kept[rows["again"]].submitted_at
        assert kept[rows["other"]].confirmed_at == kept[rows["other"]].submitted_at
        assert kept[rows["message"]].confirmed_at is None
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
