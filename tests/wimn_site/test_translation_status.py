"""The translation desk's states (wimn_site.translation_status): missing, up to date, stale, and back."""

import pytest

from wimn_site import translation_status as desk
from wimn_site.factories import ContentPageFactory, TopicFactory, rich

pytestmark = pytest.mark.django_db


SPANISH = {"title_es": "Sobre la red", "body_es": rich("En la ONU.")}
FRENCH = {"title_fr": "À propos du réseau", "body_fr": rich("À l'ONU.")}


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def page(home):
    page = ContentPageFactory(
        parent=home, slug="about-the-network", title="About the network", body_en=rich("We work at the UN.")
    )
    return publish(page)


def states(obj):
    return {language: status.state for language, status in desk.statuses(obj).items()}


def test_a_page_is_translated_when_its_required_fields_are(page):
    publish(page, title_es="Sobre la red")  # the body (required for a content page) is still English only
    assert states(page)["es"] == desk.MISSING


def test_a_page_in_english_only_is_missing_everywhere_else(page):
    assert states(page) == {"es": desk.MISSING, "pt": desk.MISSING, "fr": desk.MISSING}


def test_translating_makes_a_language_up_to_date(page):
    publish(page, title_es="Sobre la red", body_es=rich("Trabajamos en la ONU."))
    assert states(page) == {"es": desk.UP_TO_DATE, "pt": desk.MISSING, "fr": desk.MISSING}


def test_an_english_change_makes_translations_stale_since_that_moment(page):
    publish(
        page,
        title_es="Sobre la red",
        body_es=rich("En la ONU."),
        title_fr="À propos du réseau",
        body_fr=rich("À l'ONU."),
    )
    before = desk.english_changed_at(page)
    publish(page, body_en=rich("We work at the UN, in Geneva and New York."))
    found = desk.statuses(page)
    assert found["es"].state == desk.STALE and found["fr"].state == desk.STALE
    assert found["es"].since == desk.english_changed_at(page) and found["es"].since > before
    assert found["pt"].state == desk.MISSING


def test_republishing_without_english_changes_keeps_translations_up_to_date(page):
    publish(page, title_es="Sobre la red", body_es=rich("En la ONU."))
    publish(page, show_in_menus=True)  # not a text: not part of the source
    publish(page)
    assert states(page)["es"] == desk.UP_TO_DATE


def test_retranslating_or_marking_checked_brings_a_stale_language_back(page, django_user_model):
    publish(
        page,
        title_es="Sobre la red",
        body_es=rich("En la ONU."),
        title_fr="À propos du réseau",
        body_fr=rich("À l'ONU."),
    )
    publish(page, title_en="About our network")
    publish(page, title_es="Sobre nuestra red")  # the Spanish follows the change
    assert states(page)["es"] == desk.UP_TO_DATE and states(page)["fr"] == desk.STALE
    translator = django_user_model.objects.create_user("tomasa")
    desk.mark_checked(page, "fr", user=translator)  # a typo fix in English: the French still reads right
    assert states(page)["fr"] == desk.UP_TO_DATE


def test_emptying_a_translation_makes_it_missing(page):
    publish(page, title_es="Sobre la red", body_es=rich("En la ONU."))
    publish(page, title_es="")
    assert states(page)["es"] == desk.MISSING


def test_snippets_are_followed_on_every_save(db):
    topic = TopicFactory(slug="imrf", name_en="IMRF", name_es="FEMI")
    assert states(topic)["es"] == desk.UP_TO_DATE and states(topic)["fr"] == desk.MISSING
    topic.name_en = "International Migration Review Forum"
    topic.save()
    assert states(topic)["es"] == desk.STALE


def test_deleting_forgets(page):
    publish(page, title_es="Sobre la red", body_es=rich("En la ONU."))
    page.delete()
    assert not desk.TranslationRecord.objects.filter(object_id=str(page.pk)).exists()


def test_changed_languages_of_a_draft(page):
    publish(page, title_es="Sobre la red", body_es=rich("En la ONU."))
    page.title_es = "Sobre nuestra red"
    page.save_revision()
    page.refresh_from_db()
    assert desk.changed_languages(page) == ["es"]
