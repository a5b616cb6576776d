"""A pledge's history for visitors: its published versions, an earlier version, and a comparison of two."""

import datetime
from urllib.parse import urlsplit

import pytest

from wagtail.models import Revision

from statements.factories import PledgeCommitmentFactory, PledgePageFactory, StatementIndexPageFactory
from statements.models import PledgeCommitment, PledgePage, StatementIndexPage, history
from tests import snapshots
from tests.helpers import count_queries, soup, translated_home
from wimn_site.cache_invalidation import page_urls
from wimn_site.factories import rich

pytestmark = pytest.mark.django_db

NOTES = {
    "en": "Two commitments added.",
    "es": "Se añadieron dos compromisos.",
    "pt": "Dois compromissos acrescentados.",
    "fr": "Deux engagements ajoutés.",
}

REPORT = "Issue a report on the regional dialogues."
TITLES = {"es": "El compromiso de WIMN", "pt": "O compromisso da WIMN", "fr": "L'engagement de WIMN"}


def _publish(page):
    revision = page.save_revision()
    revision.publish()
    return revision


def _pledge(index, slug="pledge"):
    """A pledge published in May 2022 with one commitment, then updated in July 2023 (note in four languages)."""
    page = PledgePageFactory(
        parent=index,
        slug=slug,
        title="WIMN's pledge at the IMRF",
        **{f"title_{code}": title for code, title in TITLES.items()},
        **{f"summary_{code}": f"{title}." for code, title in TITLES.items()},
        last_updated=datetime.date(2022, 5, 20),
        body_en=rich("As follow up to the IMRF, WIMN pledges to:"),
        body_es=rich("Como seguimiento del FEMI, WIMN se compromete a:"),
    )
    PledgeCommitmentFactory(page=page, text="Center the voices of migrant women.", text_es="Centrar las voces.")
    first = _publish(PledgePage.objects.get(pk=page.pk))
    page = PledgePage.objects.get(pk=page.pk)
    page.last_updated = datetime.date(2023, 7, 4)
    for code, note in NOTES.items():
        setattr(page, f"update_note_{code}", note)
    existing = list(page.commitments.all())
    existing[0].status = "done"
    page.commitments = existing + [PledgeCommitment(text=REPORT, text_en=REPORT)]
    second = _publish(page)
    return PledgePage.objects.get(pk=page.pk), first, second


def build_pledge():
    """The home page and statements section (as the `home` and `index` fixtures) and the pledge of `_pledge`,
    built once for the module; plain ids."""
    index = StatementIndexPageFactory(parent=translated_home())
    page, first, second = _pledge(index)
    return {"index": index.pk, "page": page.pk, "revisions": [first.pk, second.pk]}


@pytest.fixture(scope="module")
def built_pledge(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_pledge)


@pytest.fixture
def pledged(db, built_pledge):
    """`build_pledge`'s content, put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_pledge
    snapshots.restore(snapshot)
    return ids


@pytest.fixture
def index(pledged):
    """The statements section of tests/statements/conftest.py's `index`, from this module's snapshot."""
    return StatementIndexPage.objects.get(pk=pledged["index"])


@pytest.fixture
def pledge(pledged):
    """(page, first, second): what `_pledge(index)` returns, from this module's snapshot."""
    return PledgePage.objects.get(pk=pledged["page"]), *(Revision.objects.get(pk=pk) for pk in pledged["revisions"])


@pytest.mark.parametrize(
    ("language", "heading", "current"),
    [
        ("en", "Versions of this pledge", "current version"),
        ("es", "Versiones de este compromiso", "versión actual"),
        ("pt", "Versões deste compromisso", "versão atual"),
        ("fr", "Versions de cet engagement", "version actuelle"),
    ],
)
def test_pledge_lists_its_published_versions_with_what_changed(client, pledge, language, heading, current):
    """Both published versions are listed, newest first, with their date and note in the visitor's language."""
    page, first, second = pledge
    html = soup(client.get(f"/{language}/statements/pledge/"))
    section = html.select_one(".pledge-versions")
    assert section.h2.get_text(strip=True) == heading
    items = section.select(".pledge-version")
    assert [i.time["datetime"] for i in items] == ["2023-07-04", "2022-05-20"]
    assert current in items[0].get_text()
    assert items[0].select_one(".pledge-version__note").get_text(strip=True) == NOTES[language]
    links = [a["href"] for a in section.select("a")]
    assert f"/{language}/statements/pledge/versions/{first.pk}/" in links
    assert f"/{language}/statements/pledge/versions/{first.pk}/compare/{second.pk}/" in links


def test_drafts_and_scheduled_revisions_are_not_versions(client, pledge):
    """A saved draft and a revision only scheduled to go live are not listed, and their addresses are 404."""
    page, first, second = pledge
    page.update_note_en = "A draft note nobody published."
    draft = page.save_revision()
    page.update_note_en = "Scheduled for later."
    scheduled = page.save_revision(approved_go_live_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC))
    html = soup(client.get("/en/statements/pledge/"))
    assert len(html.select(".pledge-version")) == 2
    assert "nobody published" not in html.get_text() and "Scheduled for later" not in html.get_text()
    for revision in (draft, scheduled):
        assert client.get(f"/en/statements/pledge/versions/{revision.pk}/").status_code == 404
        assert client.get(f"/en/statements/pledge/versions/{first.pk}/compare/{revision.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("language", "notice", "status"),
    [
        ("en", "This is an earlier version of this pledge", "Planned"),
        ("es", "Esta es una versión anterior de este compromiso", "Previsto"),
        ("pt", "Esta é uma versão anterior deste compromisso", "Previsto"),
        ("fr", "Ceci est une version antérieure de cet engagement", "Prévu"),
    ],
)
def test_earlier_version_shows_what_visitors_saw_then_and_is_not_indexed(client, pledge, language, notice, status):
    page, first, second = pledge
    response = client.get(f"/{language}/statements/pledge/versions/{first.pk}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert notice in html.select_one(".version-notice").get_text()
    commitments = html.select(".commitment")
    assert len(commitments) == 1
    assert commitments[0].select_one(".status").get_text() == status
    assert html.select_one(".pledge__updated time")["datetime"] == "2022-05-20"
    if language == "es":
        assert "Centrar las voces." in commitments[0].get_text()
        assert "Como seguimiento del FEMI" in html.select_one(".statement__body").get_text()
    # The current page itself stays indexable.
    assert not soup(client.get(f"/{language}/statements/pledge/")).select('meta[name="robots"]')


@pytest.mark.parametrize(("language", "added"), [("en", "added"), ("es", "añadido"), ("fr", "ajouté")])
def test_comparison_marks_added_and_removed_text(client, pledge, language, added):
    page, first, second = pledge
    response = client.get(f"/{language}/statements/pledge/versions/{first.pk}/compare/{second.pk}/")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    inserted = " ".join(i.get_text() for i in html.select(".diff ins"))
    removed = " ".join(d.get_text() for d in html.select(".diff del"))
    assert "Issue a report on the regional dialogues." in inserted
    assert added in inserted
    # The first commitment changed status: the old status is removed, the new one added.
    assert {"Planned", "Previsto", "Prévu"} & set(removed.replace(":", " ").split())
    unchanged = [r.get_text() for r in html.select(".diff__row--same")]
    assert any("WIMN pledges to:" in text or "WIMN se compromete a:" in text for text in unchanged)
    changed = html.select_one(".diff__row--changed")
    assert "Center the voices" in changed.get_text() or "Centrar las voces" in changed.get_text()


def test_same_version_compared_with_itself_says_so(client, pledge):
    page, first, second = pledge
    html = soup(client.get(f"/es/statements/pledge/versions/{second.pk}/compare/{second.pk}/"))
    assert "Las dos versiones tienen el mismo texto." in html.get_text()
    assert not html.select(".diff ins, .diff del")


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
def test_bad_version_addresses_are_404_in_the_visitors_language(client, index, pledge, language):
    """Unknown ids, another page's revisions, non-numbers and out-of-range numbers: a 404 page in the language."""
    page, first, second = pledge
    other, other_first, _other_second = _pledge(index, slug="other")
    titles = {
        "en": "Page not found",
        "es": "Página no encontrada",
        "pt": "Página não encontrada",
        "fr": "Page introuvable",
    }
    base = f"/{language}/statements/pledge/versions"
    for path in (
        f"{base}/999999/",
        f"{base}/{other_first.pk}/",
        f"{base}/{first.pk}/compare/{other_first.pk}/",
        f"{base}/abc/",
        f"{base}/-1/",
        f"{base}/0/",
        f"{base}/99999999999999999999/",
        f"{base}/{first.pk}/compare/99999999999/",
        f"{base}/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        html = soup(response)
        assert html.html["lang"] == language
        if language in titles:
            assert html.h1.get_text(strip=True) == titles[language]


def test_history_queries_do_not_grow_with_the_number_of_versions(client, pledge):
    """The page, an earlier version and a comparison run as many queries with 2 versions as with 8."""
    page, first, second = pledge
    urls = [
        "/es/statements/pledge/",
        f"/es/statements/pledge/versions/{first.pk}/",
        f"/es/statements/pledge/versions/{first.pk}/compare/{second.pk}/",
    ]
    for url in urls:
        client.get(url)  # warm: the site's frame
    few = [count_queries(client, url)[1] for url in urls]
    for n in range(6):
        page = PledgePage.objects.get(pk=page.pk)
        page.update_note_es = f"Cambio {n}."
        _publish(page)
    responses = [count_queries(client, url) for url in urls]
    assert all(r.status_code == 200 for r, _n in responses)
    assert len(soup(responses[0][0]).select(".pledge-version")) == 8
    assert [n for _r, n in responses] == few


def test_demo_pledge_history_shows_the_2022_pledge_and_its_2023_update(client, demo):
    """The seed's pledge (IMRF 2022) and its update (LAST UPDATED 4/JUL/23) are two published versions."""
    page = PledgePage.objects.get(slug="imrf-pledge")
    for language in ("en", "es", "pt", "fr"):
        html = soup(client.get(f"/{language}/statements/imrf-pledge/"))
        items = html.select(".pledge-version")
        assert [i.time["datetime"] for i in items] == ["2023-07-04", "2022-05-20"], language
        earlier = [a["href"] for a in items[1].select("a") if "/versions/" in a["href"]][0]
        old = soup(client.get(earlier))
        assert len(old.select(".commitment")) == 4
        assert {s.get_text() for s in old.select(".commitment .status")} == {
            "en": {"Planned"},
            "es": {"Previsto"},
            "pt": {"Previsto"},
            "fr": {"Prévu"},
        }[language]
    assert page.commitments.count() == 6


def test_publishing_purges_every_version_page(pledge):
    """A new publication changes the list of versions on each earlier version: the caches forget them all."""
    page, first, second = pledge
    assert page.get_cached_paths() == ["/", f"/versions/{first.pk}/", f"/versions/{second.pk}/"]
    stale = [urlsplit(url).path for url in page_urls(page)]
    assert f"/en/statements/pledge/versions/{first.pk}/" in stale
    assert "/en/statements/pledge/" in stale


def test_comparison_work_is_bounded_for_very_long_texts(monkeypatch):
    """Past the bounds, a changed line is shown removed and added whole, and so are two versions' lines:
    anyone may ask for any pair of versions, and the matcher's work grows with the product of the sizes."""
    words = " ".join(f"w{n}" for n in range(600))
    assert history._segments(words, words + " more") == [("removed", words), ("added", words + " more")]
    assert history._segments("a b c", "a b c more")[0] == ("equal", "a b ")  # short lines: word by word
    monkeypatch.setattr(history, "MAX_LINE_PAIRS", 3)
    rows = history.compare(["same", "old"], ["same", "new"])
    assert rows == [
        ("removed", [("removed", "same")]),
        ("removed", [("removed", "old")]),
        ("added", [("added", "same")]),
        ("added", [("added", "new")]),
    ]


def test_a_new_note_is_added_whole_not_compared_with_the_next_commitment():
    """The seed's 2023 update: statuses changed and a note came under a commitment. Each commitment is compared
    with itself, the note is added whole; an unrelated line is never diffed word by word against it."""
    old = ["Intro", "Planned: Center the voices of migrant women.", "Planned: Work with states and the UN System."]
    new = [
        "Intro",
        "In progress: Center the voices of migrant women.",
        "    WIMN has initiated the LIGA program.",
        "In progress: Work with states and the UN System.",
        "Done: Disseminate insights.",
    ]
    rows = history.compare(old, new)
    assert rows == [
        ("same", [("equal", "Intro")]),
        (
            "changed",
            [("removed", "Planned: "), ("added", "In progress: "), ("equal", "Center the voices of migrant women.")],
        ),
        ("added", [("added", "    WIMN has initiated the LIGA program.")]),
        (
            "changed",
            [("removed", "Planned: "), ("added", "In progress: "), ("equal", "Work with states and the UN System.")],
        ),
        ("added", [("added", "Done: Disseminate insights.")]),
    ]
    # a line with nothing alike is removed whole and its replacement added whole
    assert history.compare(["Planned: Work with the Hub."], ["Done: A report on dialogues."]) == [
        ("removed", [("removed", "Planned: Work with the Hub.")]),
        ("added", [("added", "Done: A report on dialogues.")]),
    ]


def test_an_update_note_not_yet_translated_is_marked_english(client, pledge):
    """The 'Last updated' line shows the English note when there is none in the visitor's language: marked
    lang="en" on the pledge and on the version's page, so a screen reader reads it in English."""
    page, first, second = pledge
    page.update_note_pt = ""
    _publish(page)
    for url in ("/pt/statements/pledge/", f"/pt/statements/pledge/versions/{page.get_latest_revision().pk}/"):
        note = soup(client.get(url)).select_one(".pledge__updated .pledge__update-note")
        assert note.get_text() == NOTES["en"] and note["lang"] == "en", url
    note = soup(client.get("/es/statements/pledge/")).select_one(".pledge__updated .pledge__update-note")
    assert note.get_text() == NOTES["es"] and not note.has_attr("lang")
