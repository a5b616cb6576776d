"""How search entries are stored, for searches over thousands of matches (see wimn_site.search.query).

* Each entry's vector stays in its row (storage MAIN) instead of the TOAST table. A page's vector (2-4 kB)
  is just over PostgreSQL's 2 kB threshold, so ranking the matches of a search fetched every one of them
  through a TOAST index lookup; most of the time of a search with thousands of matches went there. With
  MAIN a vector stays in the row whenever it fits in a page (the row's long text moves out instead). The
  UPDATE rewrites the vectors already stored (`|| ''::tsvector` returns the same vector; an unchanged
  value would keep its TOAST pointer).
* Each language's GIN index keeps a pending list of new rows of at most 512 kB (PostgreSQL's default is
  4 MB), since every search reads that list in full. Only the parameter changes: the indexes are altered
  in place, not rebuilt.
"""

import django.contrib.postgres.indexes
from django.db import migrations, models

TABLE = "wimn_site_searchentry"
LANGUAGES = ("en", "es", "pt", "fr")


def gin_index(code, **options):
    return django.contrib.postgres.indexes.GinIndex(
        condition=models.Q(("language", code)), fields=["search_vector"], name=f"search_vector_{code}", **options
    )


class Migration(migrations.Migration):
    dependencies = [
        ("wimn_site", "0008_translation_desk"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                *(migrations.RemoveIndex(model_name="searchentry", name=f"search_vector_{code}") for code in LANGUAGES),
                *(
                    migrations.AddIndex(model_name="searchentry", index=gin_index(code, gin_pending_list_limit=512))
                    for code in LANGUAGES
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    sql=[f"ALTER INDEX search_vector_{code} SET (gin_pending_list_limit = 512)" for code in LANGUAGES],
                    reverse_sql=[
                        f"ALTER INDEX search_vector_{code} RESET (gin_pending_list_limit)" for code in LANGUAGES
                    ],
                ),
            ],
        ),
        migrations.RunSQL(
            sql=[
                f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN",
                f"UPDATE {TABLE} SET search_vector = search_vector || ''::tsvector WHERE search_vector IS NOT NULL",
            ],
            reverse_sql=[f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED"],
        ),
    ]
