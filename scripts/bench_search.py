"""Measure site search on a generated corpus: ≥10,000 pages in four languages, in a scratch database.

    .venv/bin/python scripts/dbrun.py .venv/bin/python scripts/bench_search.py [--pages 10000] [--reuse]

Run through dbrun.py (or with DATABASE_URL set): the script creates its own database
`<name>_bench_search` next to the one in DATABASE_URL (dropped and recreated unless --reuse), migrates
it, generates content pages whose text in each language is drawn from that language's real vocabulary
(the project's .po catalogs), rebuilds the search index, then times searches:

* the search function alone (one SQL query: ranked page of results, its total, headlines),
* the whole /<lang>/search/ view through Django's test client (routing, template, base page),
* a query with no match in the visitor's language that falls back to English.

Besides the pages, `--private` pages (20) are made private after indexing: their entries stay in the
index and must be left out at search time. `--documents N` adds N document families (an English original
and three translations, titled and described in their language; two in three published to the library,
the others public because a page links them) and times the library rule that search applies to files.
The text, the documents and the queries each come from their own seeded generator, so a run with --reuse
times the same queries as the run that generated the data.

It prints p50/p95/p99/max in milliseconds for each language.
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
LANGUAGES = ("en", "es", "pt", "fr")


def scratch_database(url, reuse):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench_search"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and not reuse:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), bool(exists)


def vocabulary():
    """Words per language from the project's catalogs: msgids for English, msgstrs for the others."""
    words = {code: set() for code in LANGUAGES}
    token = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
    for po in BASE_DIR.glob("**/locale/*/LC_MESSAGES/django.po"):
        if ".venv" in po.parts:
            continue
        language = po.parts[-3]
        if language not in words:
            continue
        text = po.read_text(encoding="utf-8")
        for msgid, msgstr in re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', text, flags=re.MULTILINE):
            words["en"].update(w.lower() for w in token.findall(re.sub(r"%\(\w+\)s|<[^>]+>", " ", msgid)))
            words[language].update(w.lower() for w in token.findall(re.sub(r"%\(\w+\)s|<[^>]+>", " ", msgstr)))
    return {code: sorted(found) for code, found in words.items()}


def percentiles(samples):
    ordered = sorted(samples)

    def at(fraction):
        return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]

    return {
        "p50": statistics.median(ordered),
        "p95": at(0.95),
        "p99": at(0.99),
        "max": ordered[-1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300, help="searches timed per language and mode")
    parser.add_argument(
        "--documents",
        type=int,
        default=0,
        help="document families (four files each); off by default while the library rule takes seconds at this scale",
    )
    parser.add_argument("--private", type=int, default=20, help="pages made private after indexing")
    parser.add_argument("--reuse", action="store_true", help="keep an existing generated database")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL"):
        sys.exit("Run through scripts/dbrun.py or set DATABASE_URL.")
    url, existed = scratch_database(os.environ["DATABASE_URL"], args.reuse)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "wimn_site.settings.test"
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client

    from wagtail.models import PageViewRestriction
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from wimn_site.factories import DocumentFactory, create_site_root, rich
    from wimn_site.models import ContentPage, HomePage, SearchEntry, WimnDocument
    from wimn_site.search.indexing import rebuild
    from wimn_site.search.query import search

    settings.ALLOWED_HOSTS = ["*"]
    # Wagtail's own (single-stemmer) index is not what is measured; don't spend time filling it.
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
    words = vocabulary()
    print("vocabulary:", {code: len(found) for code, found in words.items()})
    # Reproducible test data, not security: one generator each for pages, documents and queries.
    rng = random.Random(2026)  # noqa: S311
    document_rng = random.Random(2027)  # noqa: S311
    query_rng = random.Random(2028)  # noqa: S311

    def sentence(language, count, generator=rng):
        return " ".join(generator.choice(words[language]) for _ in range(count)).capitalize() + "."

    call_command("migrate", interactive=False, verbosity=0)
    call_command("sync_page_translation_fields", interactive=False, verbosity=0)
    if not (existed and HomePage.objects.exists()):
        started = time.perf_counter()
        call_command("update_translation_fields", verbosity=0)
        home = create_site_root(**{f"title_{code}": f"WIMN {code}" for code in LANGUAGES}, title="WIMN en")
        sections = []
        with transaction.atomic():
            for number in range(10):
                section = ContentPage(title=f"Section {number}", title_en=f"Section {number}", slug=f"s{number}")
                home.add_child(instance=section)
                sections.append(section)
        made = 0
        with disable_reference_index_auto_update():
            while made < args.pages:
                with transaction.atomic():
                    for _ in range(min(500, args.pages - made)):
                        fields = {"slug": f"p{made}", "title": sentence("en", 6)[:-1]}
                        for code in LANGUAGES:
                            fields[f"title_{code}"] = sentence(code, 6)[:-1]
                            fields[f"intro_{code}"] = sentence(code, 25)
                            fields[f"body_{code}"] = rich(*(sentence(code, rng.randint(40, 90)) for _ in range(3)))
                        fields["title"] = fields["title_en"]
                        sections[made % len(sections)].add_child(instance=ContentPage(**fields))
                        made += 1
                print(f"  {made} pages", flush=True)
        print(f"generated {made} pages in {time.perf_counter() - started:.0f} s")
    if args.documents and not WimnDocument.objects.exists():
        started = time.perf_counter()
        pages = list(ContentPage.objects.filter(slug__startswith="p").order_by("pk")[: args.documents])
        for number in range(args.documents):
            original = DocumentFactory(
                title=sentence("en", 6, document_rng)[:-1],
                description=sentence("en", 30, document_rng),
                in_library=number % 3 != 0,
                year=2000 + number % 26,
            )
            for code in LANGUAGES[1:]:
                DocumentFactory(
                    title=sentence(code, 6, document_rng)[:-1],
                    description=sentence(code, 30, document_rng),
                    language=code,
                    original=original,
                    year=original.year,
                )
            if number % 3 == 0 and pages:
                page = pages[number % len(pages)]
                page.body_en = list(page.body_en.raw_data) + [{"type": "document", "value": {"document": original.pk}}]
                page.save()  # records the link in Wagtail's reference index
        print(f"generated {args.documents * len(LANGUAGES)} documents in {time.perf_counter() - started:.0f} s")
    PageViewRestriction.objects.filter(page__slug__startswith="p").delete()
    started = time.perf_counter()
    entries = rebuild()
    print(f"rebuild_search_index: {entries} entries in {time.perf_counter() - started:.1f} s")
    print(
        "entries per language:",
        dict(SearchEntry.objects.values_list("language").annotate(n=django.db.models.Count("pk"))),
    )
    private = ContentPage.objects.filter(slug__startswith="p").order_by("pk")[
        :: max(1, args.pages // max(1, args.private))
    ]
    for page in list(private)[: args.private]:
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    print(f"{args.private} pages made private after indexing")
    if WimnDocument.objects.exists():
        # Search shows a file only if the library rule allows it; time that rule alone (capped at 60 s).
        from wimn_site.visibility import public_document_versions

        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = '60s'")
            try:
                shown = public_document_versions().count()
            except django.db.OperationalError:
                shown = "over 60 s"
        print(f"library rule (public_document_versions): {shown} files in {time.perf_counter() - started:.2f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wimn_site_searchentry")

    root = HomePage.objects.get()
    client = Client()
    queries = {}
    for code in LANGUAGES:
        singles = [query_rng.choice(words[code]) for _ in range(args.queries // 2)]
        pairs = [f"{query_rng.choice(words[code])} {query_rng.choice(words[code])}" for _ in range(args.queries // 2)]
        queries[code] = singles + pairs
    print(f"\n{args.queries} queries per language (half one word, half two words); milliseconds")
    print(f"{'language':<9}{'mode':<16}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>7}{'  avg hits':>11}")
    for code in LANGUAGES:
        timings, hits = [], []
        for text in queries[code]:
            started = time.perf_counter()
            _results, total = search(text, code, root=root)
            timings.append((time.perf_counter() - started) * 1000)
            hits.append(total)
        row = percentiles(timings)
        print(
            f"{code:<9}{'search()':<16}"
            + "".join(f"{row[k]:7.1f}" for k in ("p50", "p95", "p99", "max"))
            + f"{statistics.mean(hits):11.0f}"
        )
        timings = []
        for text in queries[code]:
            started = time.perf_counter()
            response = client.get(f"/{code}/search/", {"q": text})
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        row = percentiles(timings)
        print(f"{code:<9}{'whole view':<16}" + "".join(f"{row[k]:7.1f}" for k in ("p50", "p95", "p99", "max")))
    # Selective queries: a quoted three-word phrase taken from a random entry's text (few matches).
    print("quoted phrases from the corpus (selective)")
    for code in LANGUAGES:
        ids = list(
            SearchEntry.objects.filter(language=code, page__isnull=False).order_by("pk").values_list("pk", flat=True)
        )
        chosen = query_rng.sample(ids, min(len(ids), args.queries))
        texts = list(SearchEntry.objects.filter(pk__in=chosen).order_by("pk").values_list("text", flat=True))
        timings, hits = [], []
        for text in texts:
            words_in_text = text.split()
            start = query_rng.randrange(max(1, len(words_in_text) - 3))
            phrase = '"' + " ".join(words_in_text[start : start + 3]).strip(".,") + '"'
            started = time.perf_counter()
            _results, total = search(phrase, code, root=root)
            timings.append((time.perf_counter() - started) * 1000)
            hits.append(total)
        row = percentiles(timings)
        print(
            f"{code:<9}{'search()':<16}"
            + "".join(f"{row[k]:7.1f}" for k in ("p50", "p95", "p99", "max"))
            + f"{statistics.mean(hits):11.1f}"
        )
    # English words searched in Spanish: nothing matches, the English results are offered.
    timings = []
    for text in queries["en"][: args.queries // 2]:
        started = time.perf_counter()
        response = client.get("/es/search/", {"q": text + "zz " + text})
        timings.append((time.perf_counter() - started) * 1000)
    row = percentiles(timings)
    print(f"{'es':<9}{'no match view':<16}" + "".join(f"{row[k]:7.1f}" for k in ("p50", "p95", "p99", "max")))
    timings = []
    for text in queries["en"][: args.queries // 2]:
        started = time.perf_counter()
        client.get("/es/search/", {"q": text})
        timings.append((time.perf_counter() - started) * 1000)
    row = percentiles(timings)
    print(f"{'es→en':<9}{'fallback view':<16}" + "".join(f"{row[k]:7.1f}" for k in ("p50", "p95", "p99", "max")))


if __name__ == "__main__":
    main()
