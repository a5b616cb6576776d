"""Behaviour shared by every translated model and page."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, PageViewRestriction

from ..compiled import ID, TEXT, TEXTS, compiled
from ..kept import kept
from ..panels import TranslationStatusPanel
from ..translators import TranslatedPageForm
from .translations import TranslationRecord


@compiled(content_type=ID, object_id=TEXT, languages=TEXTS)
def _translation_records(content_type, object_id, languages):
    return TranslationRecord.objects.filter(content_type=content_type, object_id=object_id, language__any_of=languages)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


class EnglishBaseColumnsMixin(models.Model):
    """Saves with English active, so the base columns (`title`, `name`, ...) always hold English.

    modeltranslation fills a base column from whatever language is active when the row is saved; an
    editor working in a Spanish admin would otherwise write Spanish into `title`.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return super().save(*args, **kwargs)


def _filled(value):
    """True when a translated value holds content (an empty StreamField or `<p></p>` counts as empty)."""
    if value is None:
        return False
    if hasattr(value, "raw_data"):  # StreamValue: filled when one block holds something
        return any(
            _filled(block.get("value")) if isinstance(block.get("value"), str) else True for block in value.raw_data
        )
    text = str(value).strip()
    return bool(text) and text not in ("<p></p>", "<p><br></p>", "<p><br/></p>")


RESTRICTED_PATHS_KEY = "wimn:frame:restricted-paths"


def may_be_restricted(path):
    """False when no view restriction can apply to the page at tree path `path`: no restricted page, and no alias
    of one, is the page or one of its ancestors (Wagtail's rule, `TranslatedPageMixin.get_view_restrictions`).
    Read from the restricted pages' paths kept with the frame (`kept`: a restriction saved or deleted forgets
    it), so a public page is served without asking the database; True sends the page to the exact query."""
    return any(path.startswith(prefix) for prefix in kept(RESTRICTED_PATHS_KEY, _restricted_paths))


def _restricted_paths():
    restricted = PageViewRestriction.objects.values("page_id")
    return tuple(
        Page.objects.filter(Q(pk__in=restricted) | Q(alias_of_id__in=restricted)).values_list("path", flat=True)
    )


def available_in_row(model, row, language):
    """`is_available_in` for a page of `model` read as a row (a dict of `values()`) holding `<field>_<language>`
    for the model's `translation_required_fields`."""
    if language == settings.LANGUAGE_CODE:
        return True
    return all(
        _filled(row.get(build_localized_fieldname(name, language))) for name in model.translation_required_fields
    )


_choice_labels = {}


class ChoiceLabelsMixin:
    """`get_<field>_display()` from a {value: label} table made once per field and language in this process.

    Django builds the table on every call, turning every lazy label of the field into text to hash it: a listing
    of 24 organizations showing three choices each translated about 600 labels per request.
    """

    def _get_FIELD_display(self, field):  # noqa: N802 - Django's name, which get_<field>_display calls
        value = getattr(self, field.attname)
        key = (field.model._meta.label_lower, field.name, translation.get_language())
        labels = _choice_labels.get(key)
        if labels is None:
            labels = _choice_labels[key] = {choice: str(label) for choice, label in field.flatchoices}
        try:
            return labels.get(value, value)
        except TypeError:  # a value that cannot be a key (none of ours): Django's own way
            return super()._get_FIELD_display(field)


class TranslatedPageMixin(ChoiceLabelsMixin, EnglishBaseColumnsMixin):
    """A page whose text exists per language, with a notion of which languages are ready.

    A language is *available* when every field in `translation_required_fields` is filled in it.
    Only available languages go into hreflang, sitemaps and feeds; the others still render, with
    the English text under a visible note and `noindex`.
    """

    translation_required_fields = ("title",)
    og_type = "website"  # shared as (components/social_meta.html); statements are articles
    # Every translated page's editor opens with its translations' state (subclasses add their fields after).
    content_panels = [TranslationStatusPanel(), *Page.content_panels]
    # The methods the page answers (wimn_site.wagtail_hooks refuses others with 405); forms add POST.
    allowed_methods = ("GET", "HEAD")
    base_form_class = TranslatedPageForm  # side-by-side English; translators kept to their languages

    class Meta:
        abstract = True

    def is_available_in(self, language):
        if language == settings.LANGUAGE_CODE:
            return True
        return all(
            _filled(getattr(self, build_localized_fieldname(name, language), None))
            for name in self.translation_required_fields
        )

    @property
    def preview_modes(self):
        """One preview per language, so an editor sees each translation as a visitor would."""
        return [(code, name) for code, name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in language_codes() else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
        return response

    def get_view_restrictions(self):
        """Wagtail's rule (the restrictions of this page and of its ancestors, an alias answering with its
        source's), checked before every page is served, in one query instead of two: the ancestors are the
        pages whose paths begin this page's path. None at all when the frame's list of restricted paths shows
        that none can apply (`may_be_restricted`), the case of nearly every page."""
        if not self.path:
            return super().get_view_restrictions()
        if not may_be_restricted(self.path):
            return PageViewRestriction.objects.none()  # no restricted page above or at this one: no query
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        sources = Page.objects.filter(path__in=paths).annotate(source=Coalesce("alias_of_id", "id")).values("source")
        return PageViewRestriction.objects.filter(page_id__in=sources)

    @property
    def available_languages(self):
        return [code for code in language_codes() if self.is_available_in(code)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = translation.get_language()
        context["translation_missing"] = not self.is_available_in(language)
        if not context["translation_missing"] and language != settings.LANGUAGE_CODE:
            context["english_updated_at"] = self.english_updated_since_translation(language)
        return context

    def english_updated_since_translation(self, language):
        """When the English changed after `language` was last translated or checked (the translation desk's
        records, wimn_site.translation_status), or None while the translation is up to date. One query."""
        records = {
            r.language: r
            for r in _translation_records(
                content_type=ContentType.objects.get_for_model(type(self)).pk,
                object_id=str(self.pk),
                languages=[settings.LANGUAGE_CODE, language],
            )
        }
        english, translated = records.get(settings.LANGUAGE_CODE), records.get(language)
        if english is None or translated is None or translated.source_fingerprint == english.source_fingerprint:
            return None
        return english.changed_at
