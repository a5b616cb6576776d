"""Search one language with its own stemmer; results carry a highlighted snippet.

The visitor's words go to PostgreSQL's `websearch_to_tsquery` as a bound parameter: it accepts any
text (quotes, operators, `' OR 1=1--`), so a query can match nothing but cannot fail. NUL and control
characters are removed and the length is capped before that (wimn_site.search.text).

One SQL query per search, in three steps:

1. `hits`: every visible match (GIN index on the language's vectors), carrying only its id, date and
   `ts_rank_cd`. Ranking reads each match's vector, which is kept in the row itself
   (wimn_site.models.search), so it costs a microsecond or so a match instead of a TOAST lookup.
   Visibility is tested against the few pages that must not be shown (not live, outside the site,
   inside a private section), found once per query, rather than by joining every match to its page.
2. `shown`: the page of results, by rank, then date, then id; the total is `COUNT(*)` of `hits`.
3. Only for those rows: titles, types, URLs and `ts_headline` (the costly function), the snippet from
   the first `HEADLINE_CHARS` of the text, or from all of it when the words only come later.

It is written as SQL because building the equivalent ORM query (the document-library rule is a nest
of subqueries) cost several times the database's own time; the library rule itself is still the
ORM's (`public_document_versions`), compiled once per process.
"""

import os
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.models import Page, PageViewRestriction

from ..models import WimnDocument
from ..models.search import SEARCH_CONFIGS, SearchEntry
from ..visibility import public_document_versions
from .indexing import FOLD_LANGUAGES
from .text import clean_query, fold

PER_PAGE = 10
START, STOP = "\ue000", "\ue001"  # never present in indexed text (removed by text.clean)
HEADLINE_OPTIONS = (
    f'StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "'
)
TITLE_OPTIONS = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"
# ts_headline parses the whole text it is given (about 0.15 ms a thousand characters): the snippet is
# looked for in this much of it first.
HEADLINE_CHARS = 4000

_compiled_documents = {}


@dataclass
class Result:
    title: str
    snippet: str
    url: str
    kind: str
    date: date | None
    language: str
    is_document: bool
    file_type: str = ""
    file_size: int | None = None


def _public_documents_sql():
    """(sql, params) selecting the ids of files the library shows; compiled once per content-type ids."""
    key = (ContentType.objects.get_for_model(WimnDocument).pk, ContentType.objects.get_for_model(Page).pk)
    if key not in _compiled_documents:
        _compiled_documents.clear()
        _compiled_documents[key] = public_document_versions().values("pk").query.sql_with_params()
    return _compiled_documents[key]


def _tsquery_sql(text, language):
    """SQL for the tsquery of `text` (OR its accent-folded form where the stemmer keeps accents)."""
    config = SEARCH_CONFIGS[language]
    sql, params = "websearch_to_tsquery(%s::regconfig, %s)", [config, text]
    folded = fold(text)
    if language in FOLD_LANGUAGES and folded != text:
        sql += " || websearch_to_tsquery(%s::regconfig, %s)"
        params += [config, folded]
    return sql, params


def _sql(text, language, root, limit, offset):
    tables = {
        "entry": SearchEntry._meta.db_table,
        "page": Page._meta.db_table,
        "restriction": PageViewRestriction._meta.db_table,
        "document": WimnDocument._meta.db_table,
    }
    query_sql, query_params = _tsquery_sql(text, language)
    documents_sql, documents_params = _public_documents_sql()
    config = SEARCH_CONFIGS[language]
    # Table names and the compiled document rule are the only text formatted in; values are parameters.
    sql = f"""
        WITH hits AS MATERIALIZED (
            SELECT e.id, e.date, ts_rank_cd(e.search_vector, q.query) AS rank
            FROM {tables["entry"]} e, (SELECT {query_sql} AS query) q
            WHERE e.language = %s AND e.search_vector @@ q.query AND (
                (e.page_id IS NOT NULL AND e.page_id NOT IN (
                    SELECT p.id FROM {tables["page"]} p
                    WHERE NOT p.live OR p.path NOT LIKE %s OR p.path LIKE ANY (ARRAY(
                        SELECT rp.path || '%%'
                        FROM {tables["restriction"]} vr JOIN {tables["page"]} rp ON rp.id = vr.page_id
                    ))
                ))
                OR e.document_id IN ({documents_sql})
            )
        ),
        shown AS (
            SELECT id, rank, date FROM hits ORDER BY rank DESC, date DESC NULLS LAST, id LIMIT %s OFFSET %s
        )
        SELECT e.id, e.kind, e.date, e.language, e.document_id, p.url_path, d.file, d.file_size,
               (SELECT COUNT(*) FROM hits),
               ts_headline(%s::regconfig, e.title, q.query, %s),
               CASE WHEN size.whole OR strpos(lead.snippet, %s) > 0 THEN lead.snippet
                    ELSE ts_headline(%s::regconfig, e.text, q.query, %s) END
        FROM shown s
        JOIN {tables["entry"]} e ON e.id = s.id
        CROSS JOIN (SELECT {query_sql} AS query) q
        CROSS JOIN LATERAL (SELECT length(e.text) <= %s AS whole) size
        CROSS JOIN LATERAL (
            SELECT ts_headline(
                %s::regconfig,
                CASE WHEN size.whole THEN e.text ELSE regexp_replace(left(e.text, %s), '\\S*$', '') END,
                q.query,
                %s
            ) AS snippet
        ) lead
        LEFT JOIN {tables["page"]} p ON p.id = e.page_id
        LEFT JOIN {tables["document"]} d ON d.id = e.document_id
        ORDER BY s.rank DESC, s.date DESC NULLS LAST, s.id
    """  # noqa: S608
    params = [
        *query_params,
        language,
        (root.path if root is not None else "") + "%",
        *documents_params,
        limit,
        offset,
        config,
        TITLE_OPTIONS,
        START,
        config,
        HEADLINE_OPTIONS,
        *query_params,
        HEADLINE_CHARS,
        config,
        HEADLINE_CHARS,
        HEADLINE_OPTIONS,
    ]
    return sql, params


def marked(text):
    """Escape the text, then turn the highlight markers into <mark>."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped


def search(raw, language, number=1, per_page=PER_PAGE, root=None):
    """(results, total) for the page `number` of the search for `raw` in `language`.

    An empty query (after cleaning) gives ([], 0) without touching the database.
    """
    text = clean_query(raw)
    if not text or language not in SEARCH_CONFIGS:
        return [], 0
    sql, params = _sql(text, language, root, per_page, (number - 1) * per_page)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        return [], 0
    prefix = len(root.url_path) - 1 if root is not None else 0
    results = []
    for _pk, kind, day, entry_language, document_id, url_path, file, size, _total, title, snippet in rows:
        if document_id:
            url = reverse("wagtaildocs_serve", args=(document_id, os.path.basename(file or "")))
        else:
            url = f"/{entry_language}{(url_path or '/')[prefix:]}"
        results.append(
            Result(
                title=marked(title),
                snippet=marked(snippet or ""),
                url=url,
                kind=kind,
                date=day,
                language=entry_language,
                is_document=bool(document_id),
                file_type=os.path.splitext(file or "")[1].lstrip(".").upper(),
                file_size=size,
            )
        )
    return results, rows[0][8]
