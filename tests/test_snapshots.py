"""The kept demo of visitors' browser tests is only as safe as its check that a test changed nothing
(tests/snapshots.py): the fingerprint must see every committed insert, update and delete."""

import pytest

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction

from wagtail.models import Page

from tests import snapshots
from wimn_site.models import Topic


@pytest.mark.django_db(transaction=True)  # each write committed on its own, as the live server's are
def test_the_fingerprint_sees_every_committed_insert_update_and_delete():
    before = snapshots.fingerprint()
    topic = Topic.objects.create(name="Care work", slug="care-work")
    inserted = snapshots.fingerprint()
    assert inserted != before
    Topic.objects.filter(pk=topic.pk).update(name="Care")
    updated = snapshots.fingerprint()
    assert updated != inserted
    Topic.objects.filter(pk=topic.pk).delete()
    assert snapshots.fingerprint() != updated


@pytest.mark.django_db(transaction=True)
def test_a_kept_snapshot_is_emptied_before_a_test_that_expects_an_empty_database(django_db_blocker):
    snapshot = snapshots.take()
    Topic.objects.create(name="Care work", slug="care-work")
    snapshots.keep_committed(snapshots.take())
    assert not snapshots.changed_since_committed()
    Topic.objects.create(name="Climate", slug="climate")
    assert Topic._meta.db_table in snapshots.changed_since_committed()
    emptied = []
    snapshots.forget_committed(flush=lambda: emptied.append(snapshots.restore(snapshot)))
    assert emptied and not Topic.objects.exists()
    snapshots.forget_committed(flush=lambda: emptied.append("again"))
    assert len(emptied) == 1  # nothing kept any more: nothing to empty


@pytest.mark.django_db(transaction=True)
def test_a_restore_never_sets_a_sequence_back_under_committed_rows():
    """Sequences are not rolled back with a test's transaction: a restore that set them back to an older
    snapshot's position would hand out again the ids of rows committed since (a duplicate key in a later test)."""
    older = snapshots.take()
    committed = Topic.objects.create(name="Care work", slug="care-work")
    with transaction.atomic():  # a test's transaction: restored, then rolled back
        snapshots.restore(older)
        transaction.set_rollback(True)
    assert Topic.objects.get() == committed
    assert Topic.objects.create(name="Climate", slug="climate").pk > committed.pk


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_the_content_and_keeps_content_types_and_permissions():
    """The flush after a transactional test keeps what the migrations' post_migrate handlers made
    (tests/conftest.py `_flush_with_delete`), so it need not make them again."""

    def rows():  # the same rows, not made again with new ids
        return sorted(ContentType.objects.values_list("pk", flat=True)), sorted(
            Permission.objects.values_list("pk", flat=True)
        )

    kept = rows()
    Topic.objects.create(name="Care work", slug="care-work")
    snapshots.flush()
    assert not Topic.objects.exists()
    assert rows() == kept and kept[0] and kept[1]
    assert ContentType.objects.get_for_model(Topic, for_concrete_model=True).model_class() is Topic
    assert Permission.objects.filter(codename="add_topic").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("superuser", [True, False], ids=["checks-off-while-restoring", "checks-deferred"])
def test_a_restore_puts_the_rows_back_and_leaves_foreign_key_checks_on(superuser, monkeypatch):
    """A superuser restores with triggers off (no foreign key checks while the consistent rows go back); any
    other user with the checks deferred. Either way the checks are on again for the rest of the test."""
    with connection.cursor() as cursor:
        if superuser and not snapshots._may_skip_foreign_key_checks(cursor):
            pytest.skip("the database user of DATABASE_URL may not turn triggers off (the embedded server's may)")
    Topic.objects.create(name="Care work", slug="care-work")
    snapshot = snapshots.take()
    Topic.objects.all().delete()
    monkeypatch.setitem(snapshots._can_skip_checks, connection.alias, superuser)
    snapshots.restore(snapshot)
    assert list(Topic.objects.values_list("slug", flat=True)) == ["care-work"]
    with connection.cursor() as cursor:
        cursor.execute("SHOW session_replication_role")
        assert cursor.fetchone()[0] == "origin"
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        Page.objects.filter(depth=1).update(locale_id=999_999)
