"""Search one language with its own stemmer; results carry a highlighted snippet.

The visitor's words go to PostgreSQL's `websearch_to_tsquery` as a bound parameter: it accepts any
text (quotes, operators, `' OR 1=1--`), so a query can match nothing but cannot fail. NUL and control
characters are removed and the length is capped before that (wimn_site.search.text).

Two queries per search: the page of results with its total (`COUNT(*) OVER ()`), ranked with
`ts_rank_cd`, then `ts_headline` for those few rows only (it is the costly part).
"""

import os
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Q, Window
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..models.search import SEARCH_CONFIGS, SearchEntry
from ..visibility import private_page_exists, public_document_versions
from .indexing import FOLD_LANGUAGES
from .text import clean_query, fold

PER_PAGE = 10
START, STOP = "\ue000", "\ue001"  # never present in indexed text (removed by text.clean)
HEADLINE_OPTIONS = (
    f'StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "'
)
TITLE_OPTIONS = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"


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


def _tsquery(text, language):
    config = SEARCH_CONFIGS[language]
    query = SearchQuery(text, config=config, search_type="websearch")
    folded = fold(text)
    if language in FOLD_LANGUAGES and folded != text:
        query = query | SearchQuery(folded, config=config, search_type="websearch")
    return query


def _visible(root):
    """Entries of live public pages of this site, and of documents the library shows."""
    pages = Q(page__isnull=False, page__live=True) & ~Q(private_page_exists("page__path"))
    if root is not None:
        pages &= Q(page__path__startswith=root.path)
    return pages | Q(document_id__in=public_document_versions().values("pk"))


def matching(text, language, root=None):
    """The entries of `language` matching `text`, visible to the public, best first (unevaluated)."""
    query = _tsquery(text, language)
    return (
        SearchEntry.objects.filter(language=language, search_vector=query)
        .filter(_visible(root))
        .annotate(rank=SearchRank(F("search_vector"), query, cover_density=True))
        .order_by("-rank", F("date").desc(nulls_last=True), "pk")
    )


def _headlines(ids, text, language):
    """{id: (title, snippet)} with the words marked, for a handful of entries."""
    if not ids:
        return {}
    config = SEARCH_CONFIGS[language]
    folded = fold(text)
    query_sql = "websearch_to_tsquery(%s::regconfig, %s)"
    params = [config, text]
    if language in FOLD_LANGUAGES and folded != text:
        query_sql += " || websearch_to_tsquery(%s::regconfig, %s)"
        params += [config, folded]
    # Only constants are formatted in; every value is a bound parameter.
    table = SearchEntry._meta.db_table
    select = (
        "SELECT e.id, ts_headline(%s::regconfig, e.title, q.query, %s), ts_headline(%s::regconfig, e.text, q.query, %s)"
    )
    sql = f"{select} FROM {table} e, (SELECT {query_sql} AS query) q WHERE e.id = ANY(%s)"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [config, TITLE_OPTIONS, config, HEADLINE_OPTIONS, *params, list(ids)])
        return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}


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
    offset = (number - 1) * per_page
    rows = list(
        matching(text, language, root)
        .annotate(total=Window(Count("pk")))
        .values(
            "pk",
            "title",
            "kind",
            "date",
            "language",
            "page_id",
            "document_id",
            "total",
            page_url_path=F("page__url_path"),
            document_file=F("document__file"),
            document_size=F("document__file_size"),
        )[offset : offset + per_page]
    )
    if not rows:
        return [], 0
    headlines = _headlines([row["pk"] for row in rows], text, language)
    prefix = len(root.url_path) - 1 if root is not None else 0
    results = []
    for row in rows:
        title, snippet = headlines.get(row["pk"], (row["title"], ""))
        if row["document_id"]:
            filename = os.path.basename(row["document_file"] or "")
            url = reverse("wagtaildocs_serve", args=(row["document_id"], filename))
        else:
            url = f"/{row['language']}{(row['page_url_path'] or '/')[prefix:]}"
        results.append(
            Result(
                title=marked(title),
                snippet=marked(snippet),
                url=url,
                kind=row["kind"],
                date=row["date"],
                language=row["language"],
                is_document=bool(row["document_id"]),
                file_type=os.path.splitext(row["document_file"] or "")[1].lstrip(".").upper(),
                file_size=row["document_size"],
            )
        )
    return results, rows[0]["total"]
