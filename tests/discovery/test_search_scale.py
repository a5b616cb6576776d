"""Search on a generated archive: the fast query returns what a plain, unbounded ranking returns.

`wimn_site.search.query` ranks every visible match inside one hand-written SQL query and builds
headlines for the shown page only. These tests build a few hundred pages from a small vocabulary (so a
word matches most pages, with different counts, in titles and bodies, and ranks tie often) and check
that every page of results, and the total, equal those of the ORM's straightforward query: all visible
matches ranked with `ts_rank_cd`, then newest first, then by id.
"""

import datetime
import os
import random

import pytest

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction

from tests import snapshots
from tests.helpers import in_bulk
from wimn_site.factories import ContentPageFactory, DocumentFactory, create_site_root, rich
from wimn_site.models import ContentPage, SearchEntry
from wimn_site.models.search import SEARCH_CONFIGS
from wimn_site.search.indexing import FOLD_LANGUAGES, rebuild
from wimn_site.search.query import HEADLINE_CHARS, PER_PAGE, search
from wimn_site.search.text import fold
from wimn_site.visibility import public_document_versions, public_pages

pytestmark = pytest.mark.django_db

WORDS = {
    "en": "migrant women rights labour border care domestic workers policy network health family court "
    "asylum detention wages union campaign report violence".split(),
    "es": "mujeres migrantes derechos trabajo frontera cuidado trabajadoras política red salud familia "
    "asilo detención salarios sindicato campaña informe violencia".split(),
    "pt": "mulheres migrantes direitos trabalho fronteira cuidado trabalhadoras política rede saúde família "
    "asilo detenção salários sindicato campanha relatório violência migração".split(),
}
QUERIES = {
    "en": [
        "rights",
        "women",
        "workers",
        "detention",
        "border care",
        "migrant -wages",
        "asylum or union",
        '"domestic workers"',
    ],
    "es": ["derechos", "mujer", "trabajadora", "detención", "frontera cuidado", "asilo or sindicato"],
    "pt": ["direitos", "migracao", "saude familia", "detenção", "politica"],
}


def _sentence(rng, language, count):
    return " ".join(rng.choice(WORDS[language]) for _ in range(count)).capitalize() + "."


def _pages(rng, sections, outside, dates):
    for number in range(300):
        fields = {}
        for language in WORDS:
            fields[f"title_{language}"] = _sentence(rng, language, 4)[:-1]
            fields[f"intro_{language}"] = _sentence(rng, language, 10)
            fields[f"body_{language}"] = rich(*(_sentence(rng, language, rng.randint(15, 60)) for _ in range(2)))
        ContentPageFactory(
            parent=outside if number % 60 == 0 else sections[number % 3],
            slug=f"p{number}",
            title=fields["title_en"],
            first_published_at=rng.choice(dates),
            **fields,
        )


def build_archive(home):
    """300 pages in three languages (dates spread, repeated or missing), a section made private after
    indexing, a page unpublished behind the index's back, pages of another site, and library files."""
    rng = random.Random(2026)  # noqa: S311 - test data
    sections = [ContentPageFactory(parent=home, slug=f"section-{n}", title=f"Section {n}") for n in range(3)]
    outside = ContentPageFactory(parent=Page.get_first_root_node(), slug="other-site", title="Another site")
    dates = [datetime.datetime(2015 + n % 10, 1 + n % 12, 1, tzinfo=datetime.UTC) for n in range(40)] + [None]
    with in_bulk():
        _pages(rng, sections, outside, dates)
    for _ in range(6):
        DocumentFactory(title=_sentence(rng, "en", 4)[:-1], description=_sentence(rng, "en", 12), in_library=True)
    rebuild()
    PageViewRestriction.objects.create(page=sections[2], restriction_type="login")
    ContentPage.objects.filter(slug="p7").update(live=False)


@pytest.fixture(scope="module")
def archive_snapshot(django_db_setup, django_db_blocker):
    """The archive built once for this module's tests (a few seconds), as a snapshot (tests/snapshots.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = create_site_root(title="Women in Migration Network")
        build_archive(home)
        snapshot = snapshots.take()
        transaction.set_rollback(True)
    return snapshot, home.pk


@pytest.fixture
def archive(db, archive_snapshot):
    """The archive's home page, its content put back inside the test's transaction."""
    snapshot, home_pk = archive_snapshot
    snapshots.restore(snapshot)
    return Page.objects.get(pk=home_pk).specific


def unbounded(text, language, root):
    """Every visible match in `language`, ranked the plain way (the ORM, no bound, no shortcut)."""
    config = SEARCH_CONFIGS[language]
    query = SearchQuery(text, search_type="websearch", config=config)
    if language in FOLD_LANGUAGES and fold(text) != text:
        query |= SearchQuery(fold(text), search_type="websearch", config=config)
    pages = public_pages(Page.objects.filter(path__startswith=root.path))
    return (
        SearchEntry.objects.filter(language=language, search_vector=query)
        .filter(Q(page__in=pages.values("pk")) | Q(document__in=public_document_versions().values("pk")))
        .annotate(rank=SearchRank(F("search_vector"), query, cover_density=True))
        .order_by("-rank", F("date").desc(nulls_last=True), "id")
        .select_related("page", "document")
    )


def url_of(entry, root):
    if entry.document_id:
        return reverse("wagtaildocs_serve", args=(entry.document_id, os.path.basename(entry.document.file.name)))
    return f"/{entry.language}{entry.page.url_path[len(root.url_path) - 1 :]}"


def test_every_page_of_results_is_the_unbounded_ranking(archive):
    """Each query's total and every page of results (order included) equal the plain ORM ranking."""
    longest = 0
    for language, queries in QUERIES.items():
        for text in queries:
            expected = [url_of(entry, archive) for entry in unbounded(text, language, archive)]
            longest = max(longest, len(expected))
            for number in range(1, (len(expected) - 1) // PER_PAGE + 2):
                results, total = search(text, language, number=number, root=archive)
                assert total == len(expected), (language, text, number)
                shown = [result.url for result in results]
                assert shown == expected[(number - 1) * PER_PAGE : number * PER_PAGE], (language, text, number)
    assert longest > 10 * PER_PAGE  # some queries give many pages of tied and untied ranks


def test_the_archive_leaves_out_what_visitors_may_not_see(archive):
    """Private sections, unpublished pages and other sites' pages stay out, though their entries are indexed."""
    private = ContentPage.objects.get(slug="section-2").get_descendants()
    other_site = ContentPage.objects.get(slug="other-site").get_descendants()
    hidden = set((private | other_site).values_list("slug", flat=True)) | {"p7"}
    assert SearchEntry.objects.filter(page__slug__in=hidden, language="en").count() > 100
    shown, number = [], 1
    while results := search("rights", "en", number=number, root=archive)[0]:
        shown += [result.url.rstrip("/").rsplit("/", 1)[-1] for result in results]
        number += 1
    assert len(shown) == search("rights", "en", root=archive)[1] > 50
    assert not hidden & set(shown)


class TestHeadlines:
    @pytest.fixture
    def long_page(self, home):
        filler = " ".join(["solidarity across borders"] * (HEADLINE_CHARS // 10))
        return ContentPageFactory(
            parent=home,
            slug="long",
            title="Annual report",
            body_en=rich(f"Caucus notes. {filler}", f"{filler} The tribunal ruled for the workers."),
        )

    def test_words_past_the_first_part_of_a_long_text_are_still_shown(self, long_page):
        rebuild()
        [result], _total = search("tribunal", "en")
        assert "<mark>tribunal</mark>" in result.snippet

    def test_words_early_in_a_long_text_are_shown_from_its_start(self, long_page):
        rebuild()
        [result], _total = search("caucus", "en")
        assert "<mark>Caucus</mark> notes" in result.snippet
