import pytest

from django.apps import apps
from django.utils import translation

from modeltranslation.translator import translator
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils

from tests.helpers import assert_page_queries, raw_columns, soup
from wimn_site.factories import ContentPageFactory, ensure_tree_root, rich
from wimn_site.models import ContentPage, HomePage, Topic

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailTestUtils):
    def test_home_page_only_under_root(self, db):
        """A home page can be created only at the root of the tree."""
        root = ensure_tree_root()
        assert HomePage.can_create_at(root)
        assert not ContentPage.can_create_at(Page.get_first_root_node())

    def test_content_page_under_home(self, home):
        """Content pages live under the home page (and under each other)."""
        assert ContentPage.can_create_at(home)
        assert not HomePage.can_create_at(home)

    def test_home_page_max_count(self, home):
        assert not HomePage.can_create_at(Page.get_first_root_node())


def test_every_page_type_is_registered_for_translation():
    """Every concrete Page subclass of the project has TranslationOptions (else its fields are English-only)."""
    project_apps = {"wimn_site", "statements", "events", "campaigns"}
    missing = [
        model.__name__
        for model in apps.get_models()
        if issubclass(model, Page)
        and model._meta.app_label in project_apps
        and model not in translator.get_registered_models()
    ]
    assert missing == []


@pytest.mark.parametrize(
    "lang,title",
    [
        ("en", "Women in Migration Network"),
        ("es", "Red de Mujeres en la Migración"),
        ("pt", "Rede de Mulheres na Migração"),
        ("fr", "Réseau Femmes en migration"),
    ],
)
def test_home_renders_in_each_language(client, home, lang, title):
    """Each language's home page has the right <html lang>, the translated title and no fallback note."""
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == title
    assert not page.select(".translation-note")
    assert not page.find("meta", attrs={"name": "robots"})
    assert len(page.find_all("h1")) == 1


def test_root_redirects_by_accept_language(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/pt/"
    assert "Accept-Language" in response["Vary"]


def test_root_redirect_defaults_to_english(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response["Location"] == "/en/"


def test_switcher_links_the_same_page_in_every_language(client, about):
    page = soup(client.get("/es/about/"))
    links = {a["hreflang"]: a["href"] for a in page.select(".lang-switcher a")}
    assert links == {"en": "/en/about/", "es": "/es/about/", "pt": "/pt/about/", "fr": "/fr/about/"}
    assert page.select_one('.lang-switcher a[aria-current="true"]')["hreflang"] == "es"


def test_hreflang_lists_only_available_languages_and_x_default(client, about):
    """About is translated into Spanish only: hreflang has en, es and x-default, not pt or fr."""
    page = soup(client.get("/en/about/"))
    alternates = {
        link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate") if link.get("hreflang")
    }
    assert set(alternates) == {"en", "es", "x-default"}
    assert alternates["x-default"].endswith("/en/about/")
    assert alternates["es"] == "http://testserver/es/about/"


def test_untranslated_page_shows_english_under_a_note_with_noindex(client, about):
    response = client.get("/fr/about/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "fr"
    note = page.select_one(".translation-note")
    assert note is not None and "anglais" in note.get_text()  # the note is in French
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.h1.get_text(strip=True) == "About us"  # the English text
    assert "The network works at the UN." in page.get_text()


def test_translated_page_has_no_note(client, about):
    page = soup(client.get("/es/about/"))
    assert not page.select(".translation-note")
    assert page.h1.get_text(strip=True) == "Quiénes somos"
    assert "La red trabaja en la ONU." in page.get_text()


def test_empty_paragraph_counts_as_untranslated(home):
    page = ContentPageFactory(parent=home, title="X", slug="x", title_pt="X pt", body_pt=rich("<p></p>"))
    assert not page.is_available_in("pt")
    assert page.available_languages == ["en"]


@pytest.mark.parametrize("path", ["/xx/", "/xx/about/", "/de/", "/about/", "/%00/"])
def test_unknown_prefix_gives_a_404_in_the_browser_language(client, about, path):
    """A path without a valid language prefix is a 404 (no redirect guess), in the Accept-Language language."""
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "es"
    assert page.h1.get_text(strip=True) == "Página no encontrada"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize("path", ["/pt/no-such-page/", "/pt/about/nothing/", "/pt/%00/", "/pt/about/%ff/"])
def test_unknown_path_gives_a_404_in_the_prefix_language(client, about, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "pt"
    assert page.h1.get_text(strip=True) == "Página não encontrada"


def test_odd_query_string_is_ignored_on_a_content_page(client, about):
    assert client.get("/en/about/?page=abc&q=%00").status_code == 200


def test_404_under_a_prefix_uses_the_prefix_language(client, home):
    response = client.get("/fr/nothing-here/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "fr"


def test_base_columns_stay_english_when_saved_in_another_language(home):
    """Saving with Spanish active writes Spanish to title_es but keeps English in the base `title`."""
    page = ContentPageFactory(parent=home, title="Statement", slug="statement", title_es="Declaración")
    with translation.override("es"):
        page = ContentPage.objects.get(pk=page.pk)
        page.title = "Declaración revisada"  # writes title_es
        page.save()
    page.refresh_from_db()
    row = raw_columns(Page, page.pk, "title", "title_en", "title_es")
    assert row == {"title": "Statement", "title_en": "Statement", "title_es": "Declaración revisada"}


def test_topic_base_column_stays_english(db):
    with translation.override("fr"):
        topic = Topic(slug="climate", name_en="Climate", name_fr="Climat")
        topic.save()
    assert raw_columns(Topic, topic.pk, "name")["name"] == "Climate"


def test_header_navigation_and_footer(client, about):
    page = soup(client.get("/es/"))
    nav = page.find("nav", attrs={"aria-label": "Principal"})
    assert [a.get_text(strip=True) for a in nav.find_all("a")] == ["Quiénes somos"]
    assert nav.a["href"] == "/es/about/"
    assert page.find("footer").find("a", href="mailto:wimninfo@womeninmigration.org")


def test_skip_link_and_landmarks(client, home):
    page = soup(client.get("/en/"))
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main" and page.find("main", id="main")
    assert page.find("header") and page.find("footer")


def test_home_and_content_page_query_counts(client, about):
    """The first request after a change rebuilds what is kept with the frame (menu, settings, and the pages every
    route starts from) within 13 queries; the next ones read only what the page itself shows."""
    assert_page_queries(client, "/en/", 13)
    assert_page_queries(client, "/en/", 0)  # no sections here, so no blocks: all of it was kept
    assert_page_queries(client, "/es/about/", 3)  # the Spanish frame: the home page's children, once
    assert_page_queries(client, "/es/about/", 1)  # the translation desk's record for the stale-translation note


def test_no_third_party_requests_in_html(client, about):
    """Every src/href that loads a resource is on our own host."""
    page = soup(client.get("/en/about/"))
    for tag in page.find_all(["script", "img", "iframe", "source"]):
        src = tag.get("src") or ""
        assert not src.startswith(("http://", "https://", "//")), src
    for link in page.find_all("link", rel=lambda r: r and ("stylesheet" in r or "icon" in r or "preload" in r)):
        assert link["href"].startswith("/"), link["href"]


def test_security_headers(client, home):
    response = client.get("/en/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "May 20, 2022"), ("es", "20 de mayo de 2022"), ("pt", "20 de maio de 2022"), ("fr", "20 mai 2022")],
)
def test_dates_are_written_with_each_languages_month_names(language, expected):
    """Month names come in lower case in es/pt/fr (Django's Portuguese catalog capitalizes them)."""
    import datetime

    from django.template.defaultfilters import date

    with translation.override(language):
        assert date(datetime.date(2022, 5, 20), "DATE_FORMAT") == expected


def test_public_pages_leave_out_pages_in_private_sections_as_wagtail_does(home):
    """`public_pages` (one SQL condition on every public query) keeps the live pages outside private sections:
    the same pages as Wagtail's own `.live().public()`, for a restriction on the page, on an ancestor or on a
    sibling, also inside a subquery (where Django renames the tables)."""
    from wagtail.models import PageViewRestriction

    from wimn_site.visibility import public_pages

    open_section = ContentPageFactory(parent=home, slug="open", title="Open")
    private_section = ContentPageFactory(parent=home, slug="members", title="Members")
    inside = ContentPageFactory(parent=private_section, slug="minutes", title="Minutes")
    deeper = ContentPageFactory(parent=inside, slug="2024", title="2024")
    beside = ContentPageFactory(parent=open_section, slug="beside", title="Beside")
    alone = ContentPageFactory(parent=open_section, slug="alone", title="Alone")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    PageViewRestriction.objects.create(page=alone, restriction_type="password", password="x")  # noqa: S106
    ContentPageFactory(parent=open_section, slug="draft", title="Draft", live=False)
    expected = set(Page.objects.live().public().values_list("pk", flat=True))
    assert set(public_pages().values_list("pk", flat=True)) == expected
    assert {open_section.pk, beside.pk, home.pk} <= expected
    assert not {private_section.pk, inside.pk, deeper.pk, alone.pk} & expected
    in_subquery = ContentPage.objects.filter(pk__in=public_pages(Page.objects.all()).values("pk"))
    assert set(in_subquery.values_list("pk", flat=True)) == set(
        ContentPage.objects.filter(pk__in=expected).values_list("pk", flat=True)
    )


def test_choice_labels_are_those_of_the_active_language(db):
    """`get_<field>_display()` (ChoiceLabelsMixin: a table per field and language, made once) answers Django's label
    in each language, and a value outside the choices as it is."""
    from campaigns.models import Organization

    field = Organization._meta.get_field("relation")
    organization = Organization(name="PICUM", relation="member")
    for language in ("en", "es", "fr", "en"):
        with translation.override(language):
            assert organization.get_relation_display() == str(dict(field.flatchoices)["member"])
    with translation.override("en"):
        english = organization.get_relation_display()
    with translation.override("es"):
        assert organization.get_relation_display() != english  # the Spanish label, not the English one kept
        organization.relation = "retired"
        assert organization.get_relation_display() == "retired"
