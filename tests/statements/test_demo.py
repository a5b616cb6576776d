"""The demo content (statements/demo.yaml, built by statements/demo.py), loaded as `make run` loads it (once per
test session)."""

import pytest

from statements.models import OpEdPage, PledgePage, StatementBasePage, StatementIndexPage, StatementPage
from tests.helpers import soup
from wimn_site import translation_status as desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(demo):
    return StatementIndexPage.objects.get()


def test_demo_holds_the_pages_of_the_issue_translated_with_pdfs(index):
    """Seed statements, media alert, two comments, pledge and four op-eds; titles and summaries in four
    languages; bodies in English and Spanish; a PDF on every page, several with a Spanish version."""
    pages = list(
        StatementBasePage.objects.child_of(index).live().prefetch_related("attachments__document__translations")
    )
    kinds = [p.kind for p in pages]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "statement": 4,
        "comment": 2,
        "media_alert": 1,
        "pledge": 1,
        "op_ed": 4,
        "news": 1,
        "repost": 2,
    }
    not_in_french = [p.slug for p in pages if p.available_languages != ["en", "es", "pt", "fr"]]
    assert not_in_french == ["op-ed-human-cost-of-border-deterrence"]  # the desk's example of a missing one
    assert pages[0].__class__.objects.get(slug=not_in_french[0]).available_languages == ["en", "es", "pt"]
    assert all(len(p.body_en) and len(p.body_es) for p in StatementPage.objects.all())
    # Every page of the network's own has its PDF; news coverage and reposts point to the originals instead.
    assert all(p.attachments.all() for p in pages if p.kind not in ("news", "repost"))
    assert not any(p.attachments.all() for p in pages if p.kind in ("news", "repost"))
    spanish = [p for p in pages for a in p.attachments.all() if {t.language for t in a.document.translations.all()}]
    assert len(spanish) >= 5
    assert StatementPage.objects.get(kind="media_alert").dateline_es == "NUEVA YORK, 20 de mayo de 2022"


def test_demo_pdfs_carry_the_statements_text_and_each_version_its_own_title(index):
    """A statement's files are real documents: its text in the file's language, a title in that language."""
    pledge = PledgePage.objects.get(slug="imrf-pledge")
    original = pledge.attachments.get().document
    spanish = original.translations.get(language="es")
    assert spanish.title == pledge.title_es and "(Español)" not in spanish.title
    assert spanish.file_size > 5_000 and original.file_size > 5_000  # pages of text, not a one-line stand-in
    assert "Estados" in spanish.text and "States" in original.text


def test_demo_pledge_keeps_its_earlier_version(index):
    """The pledge was published twice: May 2022 (four planned commitments), then the July 2023 update."""
    pledge = PledgePage.objects.get()
    revisions = list(pledge.revisions.order_by("created_at", "pk"))
    assert len(revisions) == 2
    assert [c.status for c in revisions[0].as_object().commitments.all()] == ["planned"] * 4
    assert pledge.commitments.count() == 6
    assert pledge.commitments.filter(status="done").exists()
    assert str(pledge.last_updated) == "2023-07-04"


def test_demo_gives_the_translation_desk_a_stale_and_a_missing_translation(index):
    """The pledge's July 2023 update is not in Portuguese yet; one op-ed has no French."""
    pledge = PledgePage.objects.get()
    found = desk.statuses(pledge)
    assert found["pt"].state == desk.STALE and found["pt"].since.date().isoformat() == "2023-07-04"
    assert found["es"].state == desk.UP_TO_DATE and found["fr"].state == desk.UP_TO_DATE
    op_ed = OpEdPage.objects.get(slug="op-ed-human-cost-of-border-deterrence")
    assert desk.statuses(op_ed)["fr"].state == desk.MISSING
    others = [p for p in StatementBasePage.objects.child_of(index).specific() if p.pk not in (pledge.pk, op_ed.pk)]
    assert all(s.state == desk.UP_TO_DATE for p in others for s in desk.statuses(p).values())


def test_demo_op_eds_have_authors_and_versions(index):
    assert len([p for p in OpEdPage.objects.all() if p.language_versions.count() == 2]) == 2
    climate = OpEdPage.objects.get(slug="op-ed-climate-migrants")
    assert {v.language for v in climate.language_versions.all()} == {"es", "pt"}
    assert climate.authors.get().name == "Catherine Tactaquin"
    decent_work = OpEdPage.objects.get(slug="op-ed-decent-work-for-all")
    assert [a.name for a in decent_work.authors.all()] == ["Neha Misra", "Shannon Lederer"]


def test_demo_pages_render_light_in_every_language(client, index):
    """Every demo page renders in each language, under 60 KB of HTML. (That the queries do not grow with a page's
    rows is checked per page type in test_pages.py and test_listing.py; time is what `make profile` measures.)"""
    client.get("/en/statements/")  # warm the per-site caches
    for lang in ("en", "es", "pt", "fr"):
        assert client.get(f"/{lang}/statements/").status_code == 200
        for page in StatementBasePage.objects.child_of(index):
            response = client.get(f"/{lang}/statements/{page.slug}/")
            assert response.status_code == 200, page.slug
            assert len(response.content) < 60_000, f"{page.slug} is {len(response.content)} bytes"


def test_demo_2016_statement_in_spanish_carries_every_sentence_of_the_english(client, index):
    """The Spanish body of the 2016 statement is the English one translated in full (issue 12: every fact carried
    over): as many paragraphs and headings, the same notes in the same places, and the sentences the browser review
    found missing (migrants treated as less deserving; the five bodies of law to ratify)."""
    bodies = {}
    for language in ("en", "es"):
        page = soup(client.get(f"/{language}/statements/initial-elements-unga-summit-2016/"))
        bodies[language] = page.select_one(".statement__body")

    def shape(body):
        """The body's paragraphs, headings and list items in order, each with the notes it places."""
        return [
            (tag.name, [a.sup.get_text() for a in tag.select("a.footnote-ref")])
            for tag in body.find_all(["p", "h2", "li"])
        ]

    assert shape(bodies["es"]) == shape(bodies["en"])
    assert len(shape(bodies["en"])) == 4
    assert [a.sup.get_text() for a in bodies["es"].select("a.footnote-ref")] == ["[1]", "[2]", "[3]"]
    spanish = " ".join(bodies["es"].get_text(" ").split())
    assert "Tratar a las personas migrantes como menos merecedoras ha alimentado el racismo y la xenofobia." in spanish
    assert (
        "derechos humanos, derecho de los refugiados, derecho humanitario, derecho laboral y derecho penal." in spanish
    )
    assert "los Representantes Permanentes de Irlanda y Jordania" in spanish
