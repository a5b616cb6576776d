import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.helpers import raw_columns
from wimn_site.models import ContentPage

pytestmark = pytest.mark.django_db


def content_form(**overrides):
    data = {
        "title_en": "Members",
        "title_es": "Miembros",
        "title_pt": "",
        "title_fr": "",
        "slug": "members",
        "intro_en": "Who we are.",
        "intro_es": "Quiénes somos.",
        "body_en": streamfield([("paragraph", rich_text("<p>Our members.</p>"))]),
        "body_es": streamfield([("paragraph", rich_text("<p>Nuestros miembros.</p>"))]),
        "body_pt": streamfield([]),
        "body_fr": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_staff_create_and_publish_a_content_page_in_two_languages(staff, home):
    """The admin's create form publishes a page with English and Spanish text; base columns hold English."""
    url = reverse("wagtailadmin_pages:add", args=("wimn_site", "contentpage", home.pk))
    assert staff.get(url).status_code == 200
    response = staff.post(url, {**content_form(), "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ContentPage.objects.get(slug="members")
    assert page.live
    assert (page.title_en, page.title_es) == ("Members", "Miembros")
    assert raw_columns(Page, page.pk, "title")["title"] == "Members"
    assert page.is_available_in("es") and not page.is_available_in("fr")
    assert "Nuestros miembros." in staff.get("/es/members/").content.decode()


def test_staff_form_errors_keep_the_input(staff, home):
    """A missing English title gives a form error and the Spanish text typed is still in the form."""
    url = reverse("wagtailadmin_pages:add", args=("wimn_site", "contentpage", home.pk))
    response = staff.post(url, content_form(title_en=""))
    assert response.status_code == 200
    assert response.context["form"].errors.get("title_en")
    assert "Miembros" in response.content.decode()
    assert not ContentPage.objects.filter(slug="members").exists()


def test_staff_edit_spanish_in_spanish_admin_keeps_english_base(staff, home, about):
    """An editor whose admin is in Spanish edits the Spanish title; base columns stay English."""
    url = reverse("wagtailadmin_pages:edit", args=(about.pk,))
    data = content_form(title_en="About us", title_es="Sobre nosotras", slug="about")
    response = staff.post(url, {**data, "action-publish": "publish"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    row = raw_columns(Page, about.pk, "title", "title_es", "slug")
    assert row == {"title": "About us", "title_es": "Sobre nosotras", "slug": "about"}


def test_admin_pages_make_no_third_party_requests(staff, home):
    """The dashboard and the page explorer load nothing from elsewhere: no Gravatar, no release check."""
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore", args=[home.pk])):
        html = staff.get(url).content.decode()
        assert "gravatar.com" not in html
        assert "releases.wagtail.io" not in html
        assert "data-w-upgrade" not in html


def test_the_admin_menu_speaks_the_staff_members_language(staff):
    """The topics menu item is translated like the rest of the menu (it was English in every language)."""
    menu = staff.get("/admin/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Temas" in menu and '"Topics"' not in menu
