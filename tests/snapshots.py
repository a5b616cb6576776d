"""Database snapshots for tests: build some content once per test session, put it back in a fraction of a second.

Loading the demo site takes seconds (hundreds of pages, revisions, documents and the search index); many
tests only read it. `take()` copies every table of the test database (and every sequence's position) with
PostgreSQL's COPY; `restore()` deletes every row and copies the snapshot's back in one transaction. Inside a
test's own transaction (the `db` fixture) the restore is rolled back with the test; in a transactional test
(a browser test) it is committed, and pytest-django's flush empties it afterwards.

The snapshot is the whole database, content types and permissions included, so the ids it holds stay
consistent whatever ran before.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import translation


@dataclass(frozen=True)
class Snapshot:
    tables: dict  # table name -> COPY data (bytes)
    sequences: list  # (sequence name, last value, is_called)


def _tables(cursor):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    return [name for (name,) in cursor.fetchall()]


def take():
    """Copy every table and sequence of the current database (reads; run it inside the transaction to keep)."""
    with connection.cursor() as cursor:
        raw = cursor.cursor
        names = _tables(cursor)
        cursor.execute(
            " UNION ALL ".join(f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM \"{name}\")" for name in names)  # noqa: S608
        )
        filled = {name for (name,) in cursor.fetchall()}
        tables = dict.fromkeys(names, b"")  # an empty table is only emptied by restore()
        for name in sorted(filled):
            with raw.copy(f'COPY "{name}" TO STDOUT (FORMAT binary)') as copy:
                tables[name] = b"".join(bytes(block) for block in copy)
        cursor.execute(
            "SELECT schemaname || '.' || sequencename, last_value, last_value IS NOT NULL "
            "FROM pg_sequences WHERE schemaname = current_schema()"
        )
        sequences = cursor.fetchall()
    return Snapshot(tables=tables, sequences=sequences)


_can_skip_checks = {}


def _may_skip_foreign_key_checks(cursor):
    """True when this database user may turn triggers off for a transaction (a superuser, as on the embedded
    server): `session_replication_role = replica` does, foreign key checks included."""
    alias = connection.alias
    if alias not in _can_skip_checks:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        _can_skip_checks[alias] = bool(cursor.fetchone()[0])
    return _can_skip_checks[alias]


def restore(snapshot):
    """Replace the whole content of the database by `snapshot`, in one transaction, and move sequences past
    the snapshot's ids.

    Every table is emptied and the snapshot's rows (consistent: copied from one database at one moment) go
    back whole, so their foreign keys hold without checking them. Where the user may, the restore runs with
    triggers off (`session_replication_role = replica`): the checks of every foreign key to each row deleted
    or copied were two fifths of a restore. Otherwise they are deferred to the end (Django declares them
    deferrable) and checked once every table is back."""
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor
        skip_checks = _may_skip_foreign_key_checks(cursor)
        # DELETE, not TRUNCATE: a TRUNCATE gives each table (and its indexes) new files, 0.1-0.5 s for a test
        # database of mostly empty tables, where deleting their few rows takes a twentieth of that.
        deletes = "; ".join(f'DELETE FROM "{name}"' for name in snapshot.tables)  # noqa: S608 - our own table names
        if skip_checks:
            cursor.execute(f"SET LOCAL session_replication_role = replica; {deletes}")
        else:  # run the checks this transaction has pending, then defer them to the end
            cursor.execute(f"SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED; {deletes}")
        for name, data in snapshot.tables.items():
            if data:
                with raw.copy(f'COPY "{name}" FROM STDIN (FORMAT binary)') as copy:
                    copy.write(data)
        if snapshot.sequences:
            # Forward only: past the snapshot's rows, and never back. A sequence is not rolled back with the
            # test's transaction, and rows committed since the snapshot (Wagtail's root rows, put back after a
            # flush) keep their ids: a sequence set back under them would hand those ids out again.
            setval = "setval(%s, GREATEST(%s, COALESCE(pg_sequence_last_value(%s::regclass), 1)), true)"
            cursor.execute(
                "SELECT " + ", ".join([setval] * len(snapshot.sequences)),
                [arg for sequence, value, _called in snapshot.sequences for arg in (sequence, value or 1, sequence)],
            )
        if skip_checks:  # SET LOCAL lasts to the end of the test's transaction, not of this savepoint
            cursor.execute("SET LOCAL session_replication_role = origin")
        else:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED")  # back to default
    ContentType.objects.clear_cache()
    cache.clear()


def flush():
    """Empty the test database as pytest-django does after a transactional test (Django's `flush`)."""
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False, allow_cascade=False)


def build_once(django_db_blocker, build):
    """Run `build()` in a transaction that is rolled back; return its result and a snapshot of what it made.

    For a module- or session-scoped fixture: the content is built once, and each test `restore()`s it. It is
    built in English (a module fixture runs before the tests' own `_english_by_default`), and never on top of
    a demo kept committed for browser tests, which would end up in the snapshot.
    """
    with django_db_blocker.unblock():
        forget_committed(flush)
        with transaction.atomic(), translation.override("en"):
            result = build()
            snapshot = take()
            transaction.set_rollback(True)
    return result, snapshot


# --- A snapshot committed for tests that only read it -----------------------------------------------------
# Browser tests read the database through the live server's own connection, so their demo must be committed,
# and pytest-django empties the database after each of them (a flush: about a second with the restore). A
# visitor's test changes nothing: the demo committed for one is kept for the next (`keep_committed`), and the
# database is emptied only when a test that expects it empty, or writes, comes next (`forget_committed`).

_committed = {"snapshot": None, "fingerprint": None}


# Image renditions are a cache Wagtail fills on a page's first visit, as in production: not a change of content.
CACHE_TABLES = {"wagtailimages_rendition"}


def fingerprint():
    """Each table's row count and newest row version (xmin): an insert, an update or a delete changes it."""
    with connection.cursor() as cursor:
        parts = [
            f"SELECT '{name}', count(*), max(xmin::text::bigint) FROM \"{name}\""  # noqa: S608 - our own table names
            for name in _tables(cursor)
            if name not in CACHE_TABLES
        ]
        cursor.execute(" UNION ALL ".join(parts))
        return sorted(cursor.fetchall())


def keep_committed(snapshot):
    """Commit `snapshot` into the database unless it is there, untouched, already. Outside any transaction."""
    if _committed["snapshot"] is not snapshot or fingerprint() != _committed["fingerprint"]:
        restore(snapshot)
        _committed.update(snapshot=snapshot, fingerprint=fingerprint())


def changed_since_committed():
    """The tables whose rows changed since the kept snapshot was committed (a test wrote): empty if none."""
    if _committed["snapshot"] is None:
        return []
    return sorted({row[0] for row in set(fingerprint()) ^ set(_committed["fingerprint"])})


def forget_committed(flush):
    """Before a test that expects the usual empty database: if a snapshot is committed, empty it (`flush`)."""
    if _committed["snapshot"] is not None:
        _committed.update(snapshot=None, fingerprint=None)
        flush()
