"""The translation desk as staff and visitors see it: the editor panel, "mark as checked", the Translations
report and its export, the dashboard's counts, and the visitor's note when the English changed since."""

import csv
import io

import pytest

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import GroupPagePermission

from tests import snapshots
from tests.helpers import count_queries, soup, translated_home
from wimn_site import translation_status as desk
from wimn_site.factories import ContentPageFactory, TopicFactory, rich
from wimn_site.models import ContentPage, HomePage, TranslatorProfile

pytestmark = pytest.mark.django_db

NOTES = {
    "es": "La versión en inglés de esta página se actualizó",
    "pt": "A versão em inglês desta página foi atualizada",
    "fr": "La version anglaise de cette page a été mise à jour",
}


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_translated():
    """The home page (as tests/conftest.py's `home`) and a page in four languages, whose English then changed:
    every translation is stale. Built once for the module; plain ids."""
    home = translated_home()
    page = ContentPageFactory(parent=home, slug="who-we-are", title="Who we are", body_en=rich("A network."))
    publish(
        page,
        title_es="Quiénes somos",
        body_es=rich("Una red."),
        title_pt="Quem somos",
        body_pt=rich("Uma rede."),
        title_fr="Qui nous sommes",
        body_fr=rich("Un réseau."),
    )
    publish(page, body_en=rich("A global network of women's organizations."))
    return {"home": home.pk, "translated": page.pk}


@pytest.fixture(scope="module")
def built_translated(django_db_setup, django_db_blocker):
    return snapshots.build_once(django_db_blocker, build_translated)


@pytest.fixture
def desk_content(db, built_translated):
    """`build_translated`'s content, put back for each test (tests/snapshots.py)."""
    ids, snapshot = built_translated
    snapshots.restore(snapshot)
    return ids


@pytest.fixture
def home(desk_content):
    """The home page of tests/conftest.py's `home`, from this module's snapshot (`translated` is under it)."""
    return HomePage.objects.get(pk=desk_content["home"])


@pytest.fixture
def translated(desk_content):
    """A page in four languages, whose English then changed: every translation is stale."""
    return ContentPage.objects.get(pk=desk_content["translated"])


@pytest.fixture
def staff(desk_content, staff):
    """tests/conftest.py's `staff`, signed in after the content is put back: a restore empties every table."""
    return staff


@pytest.fixture
def english_only(home):
    return publish(ContentPageFactory(parent=home, slug="press", title="Press room", body_en=rich("Contact us.")))


def test_editor_panel_shows_each_language_and_links_to_the_english_changes(staff, translated):
    publish(translated, title_pt="Quem somos nós", body_pt=rich("Uma rede mundial."))  # PT follows the change
    html = soup(staff.get(f"/admin/pages/{translated.pk}/edit/"))
    panel = html.select_one(".wimn-translation-status")
    text = " ".join(panel.get_text(" ", strip=True).split())
    assert "ES stale since" in text and "PT up to date" in text and "FR stale since" in text
    compare = [a["href"] for a in panel.select("a") if "compare" in a["href"]]
    assert len(compare) == 2 and all(f"/admin/pages/{translated.pk}/revisions/compare/" in h for h in compare)
    assert staff.get(compare[0]).status_code == 200


def test_editor_panel_names_the_languages_a_draft_changes(staff, translated):
    translated.title_fr = "Qui sommes-nous"
    translated.save_revision()
    draft = soup(staff.get(f"/admin/pages/{translated.pk}/edit/")).select_one(".wimn-translation-status__draft")
    assert " ".join(draft.get_text().split()) == "This draft changes: Français."
    preview = draft.a["href"]
    assert preview == f"/admin/pages/{translated.pk}/view_draft/?mode=fr"
    assert soup(staff.get(preview)).h1.get_text(strip=True) == "Qui sommes-nous"  # the draft, in French


def test_mark_checked_after_an_english_typo_fix(staff, translated):
    content_type = ContentType.objects.get_for_model(type(translated))
    url = f"/admin/translations/checked/{content_type.pk}/{translated.pk}/fr/"
    assert "Mark Français as checked" in staff.get(url).content.decode()
    assert desk.statuses(translated)["fr"].state == desk.STALE  # a GET changes nothing
    response = staff.post(url)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{translated.pk}/edit/"
    assert desk.statuses(translated)["fr"].state == desk.UP_TO_DATE
    assert desk.statuses(translated)["es"].state == desk.STALE


@pytest.mark.parametrize(
    "path",
    ["/admin/translations/checked/{ct}/{pk}/en/", "/admin/translations/checked/{ct}/{pk}/de/",
     "/admin/translations/checked/{ct}/999999/fr/", "/admin/translations/checked/999999/{pk}/fr/",
     "/admin/translations/checked/{ct}/abc/fr/"],
)  # fmt: skip
def test_mark_checked_bad_addresses_are_404(staff, translated, path):
    content_type = ContentType.objects.get_for_model(type(translated))
    assert staff.post(path.format(ct=content_type.pk, pk=translated.pk)).status_code == 404


def test_mark_checked_needs_edit_permission(client, django_user_model, translated):
    content_type = ContentType.objects.get_for_model(type(translated))
    user = django_user_model.objects.create_user("reader", password="a-long-password-1")
    client.force_login(user)
    response = client.post(f"/admin/translations/checked/{content_type.pk}/{translated.pk}/fr/")
    assert response.status_code in (302, 403)
    assert desk.statuses(translated)["fr"].state == desk.STALE


def test_report_lists_stale_first_and_filters(staff, translated, english_only):
    response = staff.get("/admin/reports/translations/")
    assert response.status_code == 200
    rows = [" ".join(tr.get_text(" ", strip=True).split()) for tr in soup(response).select("table.listing tbody tr")]
    assert rows[0].startswith("Who we are") and "stale" in rows[0]
    assert any(row.startswith("Press room") and "missing" in row for row in rows)
    only = staff.get("/admin/reports/translations/?language=pt&state=missing")
    titles = [a.get_text(strip=True) for a in soup(only).select("table.listing tbody tr td a")]
    assert "Press room" in titles and "Who we are" not in titles


@pytest.mark.parametrize("query", ["language=de", "state=broken", "content_type=abc", "section=%00", "page=999"])
def test_report_bad_filters_are_not_errors(staff, translated, query):
    assert staff.get(f"/admin/reports/translations/?{query}").status_code in (200, 404)


def test_report_exports_csv_and_xlsx(staff, translated, english_only):
    response = staff.get("/admin/reports/translations/?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    stale = [row for row in rows if row["Page or snippet"] == "Who we are"]
    assert {row["Language"] for row in stale} == {"es", "pt", "fr"} and {row["Status"] for row in stale} == {"stale"}
    xlsx = staff.get("/admin/reports/translations/?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_report_query_count_is_flat(staff, home):
    def queries():
        staff.get("/admin/reports/translations/")
        return count_queries(staff, "/admin/reports/translations/")[1]

    for n in range(3):
        publish(ContentPageFactory(parent=home, slug=f"page-{n}", title=f"Page {n}", body_en=rich("Text.")))
    TopicFactory(slug="topic", name_en="Topic")
    few = queries()
    for n in range(3, 20):
        publish(ContentPageFactory(parent=home, slug=f"page-{n}", title=f"Page {n}", body_en=rich("Text.")))
        TopicFactory(slug=f"topic-{n}", name_en=f"Topic {n}")
    assert queries() == few


def test_dashboard_counts_per_language(staff, translated, english_only):
    html = soup(staff.get("/admin/"))
    panel = html.find(id="wimn-translations-panel-heading").find_parent("section")
    rows = {
        tr.td.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")[1:]]
        for tr in panel.select("tbody tr")
    }
    assert rows["Español"] == ["1", "1"]  # one stale (who-we-are), one missing (press)


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
def test_visitors_see_when_the_english_changed_since_their_translation(client, translated, language):
    html = soup(client.get(f"/{language}/who-we-are/"))
    note = html.select_one(".translation-note--stale")
    assert note is not None and note["lang"] == language
    assert NOTES[language] in note.get_text(" ", strip=True)
    link = note.select_one("a[hreflang=en]")
    assert link["href"] == "/en/who-we-are/"
    assert client.get("/en/who-we-are/").status_code == 200
    assert soup(client.get("/en/who-we-are/")).select_one(".translation-note--stale") is None


def test_no_note_when_the_translation_is_up_to_date(client, translated):
    publish(translated, title_es="Quiénes somos nosotras", body_es=rich("Una red mundial."))
    assert soup(client.get("/es/who-we-are/")).select_one(".translation-note--stale") is None
    assert soup(client.get("/fr/who-we-are/")).select_one(".translation-note--stale") is not None


def test_the_note_shows_the_date_in_the_visitors_language(client, translated):
    changed = desk.english_changed_at(translated)
    with translation.override("es"):
        expected = changed.strftime("%Y")
    note = soup(client.get("/es/who-we-are/")).select_one(".translation-note--stale").get_text(" ", strip=True)
    assert expected in note and " de " in note


def test_report_export_neutralises_formulas(staff, home):
    publish(
        ContentPageFactory(
            parent=home, slug="formula", title='=HYPERLINK("http://evil.example/","x")', body_en=rich("A.")
        )
    )
    rows = b"".join(staff.get("/admin/reports/translations/?export=csv").streaming_content).decode()
    assert '"=HYPERLINK' not in rows and "'=HYPERLINK" in rows


def test_report_shows_only_what_the_user_may_edit(client, django_user_model, home, translated, english_only):
    group = Group.objects.create(name="About editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=translated, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user("narrow", password="a-long-password-1")
    user.groups.add(group)
    client.force_login(user)
    titles = {a.get_text(strip=True) for a in soup(client.get("/admin/reports/translations/")).select("tbody tr td a")}
    assert "Who we are" in titles and "Press room" not in titles


def test_unpublished_pages_leave_the_report(staff, translated):
    translated.unpublish()
    titles = [a.get_text(strip=True) for a in soup(staff.get("/admin/reports/translations/")).select("tbody tr td a")]
    assert "Who we are" not in titles


def test_a_translator_marks_only_their_own_languages_checked(client, django_user_model, translated):
    user = django_user_model.objects.create_superuser("tomasa", "t@example.org", "a-long-password-1")
    TranslatorProfile.objects.create(user=user, languages=["es"])
    client.force_login(user)
    content_type = ContentType.objects.get_for_model(type(translated))
    client.post(f"/admin/translations/checked/{content_type.pk}/{translated.pk}/pt/")
    assert desk.statuses(translated)["pt"].state == desk.STALE
    client.post(f"/admin/translations/checked/{content_type.pk}/{translated.pk}/es/")
    assert desk.statuses(translated)["es"].state == desk.UP_TO_DATE
