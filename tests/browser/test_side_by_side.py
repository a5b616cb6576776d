"""Side-by-side translation in Chromium: a translator tied to Spanish picks Spanish in the language picker,
reads the English source beside each Spanish field (above it on a narrow screen), types the Spanish and saves
a draft; the English they could not change goes back untouched, so the save is not refused."""

import tempfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.contrib.auth.models import Group

from statements.factories import StatementIndexPageFactory, StatementPageFactory
from statements.models import StatementAttachment, StatementPage
from wimn_site import roles
from wimn_site.factories import DocumentFactory, rich
from wimn_site.models import TranslatorProfile

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-password-1"
# For a person to look at what the translator saw (/tmp/side_by_side.png here).
SCREENSHOT = Path(tempfile.gettempdir()) / "side_by_side.png"


def csp_violations(page):
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def test_translator_reads_the_english_beside_the_spanish_and_saves_a_draft(page, live_server, home, django_user_model):
    index = StatementIndexPageFactory(parent=home)
    roles.ensure_roles()
    statement = StatementPageFactory(
        parent=index,
        slug="joint-statement",
        title="Joint statement on the rights of women in migration",
        summary_en="Women's organizations call on States to protect migrant workers.",
        body_en=[
            ("heading", {"text": "What we ask", "level": "h2"}),
            *rich("The network calls on <b>States</b> to ratify the conventions.", "Migrant women must be heard."),
        ],
    )
    StatementAttachment.objects.create(page=statement, document=DocumentFactory(), label_en="Full report")
    statement.save_revision().publish()
    translator = django_user_model.objects.create_user("tomasa", "tomasa@example.org", PASSWORD)
    translator.groups.add(Group.objects.get(name=roles.TRANSLATORS))
    TranslatorProfile.objects.create(user=translator, languages=["es"])
    violations = csp_violations(page)

    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "tomasa")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/pages/{statement.pk}/edit/")

    title_es = page.locator("#id_title_es")
    assert not title_es.is_visible()  # the picker shows English first
    page.locator("button.locale-toggle", has_text="es").click()
    title_es.wait_for(state="visible")
    wrapper = page.locator("[data-wimn-side-by-side]", has=title_es)
    source = wrapper.locator("[data-wimn-source]")
    assert source.inner_text() == "Joint statement on the rights of women in migration"
    assert source.get_attribute("lang") == "en"
    assert wrapper.get_by_text("English source").is_visible()
    beside, field = source.bounding_box(), title_es.bounding_box()
    assert beside["x"] + beside["width"] <= field["x"] and abs(beside["y"] - field["y"]) < field["height"]

    body_es = page.locator("[data-wimn-side-by-side]", has=page.locator("#body_es-root"))
    body_source = body_es.locator("[data-wimn-source]")
    assert body_source.locator(".wimn-block__label").all_text_contents()[:2] == ["Heading", "Paragraph"]
    assert body_source.locator("b").inner_text() == "States"
    axe = Axe().run(page, context="[data-wimn-side-by-side]")
    serious = [v["id"] for v in axe.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert page.locator("[name=title_en]").count() == 0  # English is the source here, not theirs to change

    title_es.fill("Declaración conjunta sobre los derechos de las mujeres migrantes")
    page.fill("#id_summary_es", "Las organizaciones de mujeres piden a los Estados que protejan a las trabajadoras.")
    title_es.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOT))

    page.set_viewport_size({"width": 700, "height": 1000})
    above, field = source.bounding_box(), title_es.bounding_box()
    assert above["y"] + above["height"] <= field["y"]  # narrow: the English above the Spanish
    page.set_viewport_size({"width": 1600, "height": 1000})

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".error-message").count() == 0, page.locator(".error-message").all_inner_texts()
    draft = StatementPage.objects.get(pk=statement.pk).get_latest_revision_as_object()
    assert draft.title_es == "Declaración conjunta sobre los derechos de las mujeres migrantes"
    assert draft.summary_es.startswith("Las organizaciones de mujeres")
    assert draft.title_en == "Joint statement on the rights of women in migration"
    assert [a.label_en for a in draft.attachments.all()] == ["Full report"]
    assert violations == []
