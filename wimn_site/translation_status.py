"""The translation desk's knowledge: per page or snippet and per language, missing, up to date or stale.

A page's *source* is its English text: every field registered for translation (title, summary, body, ...)
and those of its inline rows (a pledge's commitments, a campaign's demands). Each time a page is published
(or a snippet saved), `record()` compares fingerprints (sha256 of those texts):

- English: when its fingerprint changes, the English row remembers the new one and the moment.
- Another language: when its own text changed in this save, it was translated (again) from the current
  English, so it takes the current English fingerprint; when it did not, it keeps the old one, and becomes
  *stale* the moment the English differs from what it was translated from.

A translator who checked a language after an English typo fix marks it checked (`mark_checked`).
What visitors read is what is published, so the desk follows published content; `changed_languages()`
tells which languages a pending revision changes (the review screen shows it).
"""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.signals import page_published

from .models.mixins import _filled, language_codes
from .models.translations import TranslationRecord  # noqa: F401 - also read as desk.TranslationRecord

ENGLISH = settings.LANGUAGE_CODE
MISSING, UP_TO_DATE, STALE = "missing", "up_to_date", "stale"
# Page columns wagtail-modeltranslation translates that are addresses, not text to translate.
NOT_TEXT = {"slug", "url_path"}


def translated_fields(model):
    """The names of `model`'s fields registered for translation (base names: `title`, `body`, ...)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(name for name in options.all_fields if name not in NOT_TEXT)


def translated_relations(model):
    """(relation name, related model) of the inline rows whose text is translated too."""
    relations = []
    for relation in get_all_child_relations(model):
        if translated_fields(relation.related_model):
            relations.append((relation.get_accessor_name(), relation.related_model))
    return sorted(relations, key=lambda pair: pair[0])


def is_tracked(model):
    return bool(translated_fields(model))


def _without_ids(value):
    """StreamField data without its blocks' ids, which are new each time an unsaved value is serialised."""
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    return value


def _text(obj, name, language):
    field = obj._meta.get_field(build_localized_fieldname(name, language))
    value = field.value_from_object(obj)
    if value is None:
        return ""
    if isinstance(field, StreamField):
        return json.dumps(_without_ids(json.loads(field.value_to_string(obj) or "[]")), sort_keys=True)
    return str(value)


def inline_rows(obj):
    """{relation: [row, ...]} of `obj`'s translated inline rows, read once for all four languages."""
    return {relation: list(getattr(obj, relation).all()) for relation, _model in translated_relations(type(obj))}


def texts(obj, language, rows=None):
    """Every translated text of `obj` in `language`, keyed `field` or `relation.N.field` (`rows`: inline_rows)."""
    values = {name: _text(obj, name, language) for name in translated_fields(type(obj))}
    for relation, related_model in translated_relations(type(obj)):
        related = rows[relation] if rows is not None else getattr(obj, relation).all()
        for index, row in enumerate(related):
            for name in translated_fields(related_model):
                values[f"{relation}.{index}.{name}"] = _text(row, name, language)
    return values


def fingerprint(obj, language=ENGLISH, rows=None):
    """sha256 of the non-empty texts (so an inline row added in English leaves the other languages' alone)."""
    filled = {key: value for key, value in texts(obj, language, rows).items() if value not in ("", "[]")}
    payload = json.dumps(filled, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def is_filled(obj, language):
    """Is there a translation at all? Pages: their required fields are filled (what the site itself uses to
    offer a language); snippets: some field whose English is filled is filled in `language`."""
    if language == ENGLISH:
        return True
    if hasattr(obj, "is_available_in"):
        return obj.is_available_in(language)
    names = translated_fields(type(obj))
    return any(
        _filled(getattr(obj, build_localized_fieldname(name, ENGLISH), None))
        and _filled(getattr(obj, build_localized_fieldname(name, language), None))
        for name in names
    )


def _key(obj):
    if isinstance(obj, Page):  # its own content type, without loading the specific row (it may be gone)
        return ContentType.objects.get_for_id(obj.content_type_id), str(obj.pk)
    return ContentType.objects.get_for_model(type(obj)), str(obj.pk)


STATE = ("filled", "source_fingerprint", "own_fingerprint", "changed_at", "changed_by_id", "source_revision_id")


def _state(row):
    return tuple(getattr(row, name) for name in STATE)


@transaction.atomic
def record(obj, user=None, revision=None, when=None):
    """Bring the desk up to date with `obj` as it is now (just published or saved): rows are written only
    where something changed, new ones in one insert."""
    if not is_tracked(type(obj)):
        return
    when = when or timezone.now()
    content_type, object_id = _key(obj)
    existing = {
        r.language: r
        for r in TranslationRecord.objects.select_for_update().filter(content_type=content_type, object_id=object_id)
    }
    rows = inline_rows(obj)
    source = fingerprint(obj, ENGLISH, rows)
    records = []
    english = existing.get(ENGLISH)
    if english is None:
        english = TranslationRecord(content_type=content_type, object_id=object_id, language=ENGLISH)
    records.append((english, _state(english)))
    if english.source_fingerprint != source:
        english.source_fingerprint = english.own_fingerprint = source
        english.changed_at, english.changed_by, english.source_revision = when, user, revision
    english.filled = True
    for language in language_codes():
        if language == ENGLISH:
            continue
        row = existing.get(language) or TranslationRecord(
            content_type=content_type, object_id=object_id, language=language
        )
        records.append((row, _state(row)))
        own = fingerprint(obj, language, rows)
        filled = is_filled(obj, language)
        if row.pk is None or own != row.own_fingerprint or (filled and not row.filled):
            # first seen, or this language's text changed in this save: translated from the current English
            row.source_fingerprint, row.source_revision = source, revision
            row.changed_at, row.changed_by = when, user
        row.own_fingerprint, row.filled = own, filled
    changed = [row for row, before in records if row.pk is not None and _state(row) != before]
    TranslationRecord.objects.bulk_create([row for row, _before in records if row.pk is None])
    for row in changed:
        row.save()


def mark_checked(obj, language, user=None):
    """A translator read `language` against the current English and found nothing to change."""
    record(obj)
    content_type, object_id = _key(obj)
    english = TranslationRecord.objects.get(content_type=content_type, object_id=object_id, language=ENGLISH)
    TranslationRecord.objects.filter(content_type=content_type, object_id=object_id, language=language).update(
        source_fingerprint=english.source_fingerprint,
        source_revision=english.source_revision,
        changed_at=timezone.now(),
        changed_by=user,
    )


def record_untracked(when_published=True):
    """Record every live page and every snippet the desk has no record of yet (content made before the desk
    existed, or by factories without a publishing step): their translations count as made from the English
    they stand beside. Run by `setup_site` and after the demo loads; returns how many were recorded."""
    recorded = 0
    for model in translator.get_registered_models():
        if not is_tracked(model) or model._meta.abstract or _is_inline_row(model):
            continue
        if issubclass(model, Page):
            if model is Page or model._meta.proxy:
                continue
            objects = model.objects.live().exact_type(model)
        else:
            objects = model.objects.all()
        content_type = ContentType.objects.get_for_model(model)
        known = set(
            TranslationRecord.objects.filter(content_type=content_type, language=ENGLISH).values_list(
                "object_id", flat=True
            )
        )
        for obj in objects.exclude(pk__in=[int(pk) for pk in known if pk.isdigit()]):
            when = getattr(obj, "last_published_at", None) if when_published else None
            record(obj, when=when)
            recorded += 1
    return recorded


def backdate(obj, moment):
    """Records of `obj` changed after `moment` are dated `moment` (demo content that tells a history)."""
    content_type, object_id = _key(obj)
    TranslationRecord.objects.filter(content_type=content_type, object_id=object_id, changed_at__gt=moment).update(
        changed_at=moment
    )


def forget(obj):
    content_type, object_id = _key(obj)
    TranslationRecord.objects.filter(content_type=content_type, object_id=object_id).delete()


@dataclass(frozen=True)
class Status:
    language: str
    state: str  # MISSING, UP_TO_DATE or STALE
    since: object = None  # stale: when the English changed; up to date: when translated or checked
    source_revision_id: int | None = None  # the revision this language was translated from
    english_revision_id: int | None = None  # the revision of the current English

    @property
    def is_stale(self):
        return self.state == STALE


def statuses_from_records(records):
    """{language: Status} for the non-English languages, from one object's TranslationRecords."""
    by_language = {r.language: r for r in records}
    english = by_language.get(ENGLISH)
    result = {}
    for language in language_codes():
        if language == ENGLISH:
            continue
        row = by_language.get(language)
        if english is None or row is None or not row.filled:
            result[language] = Status(language, MISSING)
        elif row.source_fingerprint == english.source_fingerprint:
            result[language] = Status(language, UP_TO_DATE, row.changed_at, row.source_revision_id)
        else:
            result[language] = Status(
                language, STALE, english.changed_at, row.source_revision_id, english.source_revision_id
            )
    return result


def statuses(obj):
    content_type, object_id = _key(obj)
    return statuses_from_records(TranslationRecord.objects.filter(content_type=content_type, object_id=object_id))


def english_changed_at(obj):
    content_type, object_id = _key(obj)
    row = TranslationRecord.objects.filter(content_type=content_type, object_id=object_id, language=ENGLISH).first()
    return row.changed_at if row else None


def changed_languages(page):
    """The languages whose text the page's latest draft changes against what is live (for the review screen);
    for a page never published, the languages its draft has."""
    page = page.specific
    draft = page.get_latest_revision_as_object()
    if not page.live:
        return [code for code in language_codes() if is_filled(draft, code)]
    if not page.has_unpublished_changes:
        return []
    live = type(page).objects.get(pk=page.pk)
    return [code for code in language_codes() if fingerprint(draft, code) != fingerprint(live, code)]


# --- Receivers (connected in WimnSiteConfig.ready) -------------------------------------------------------


@receiver(page_published, dispatch_uid="wimn-translation-status-published")
def page_was_published(sender, instance, revision=None, **kwargs):
    record(instance.specific, user=getattr(revision, "user", None), revision=revision)


@receiver(post_delete, dispatch_uid="wimn-translation-status-deleted")
def object_was_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        if sender is type(instance) and not instance._meta.proxy:  # once per page, whatever its type
            forget(instance)
    elif is_tracked(sender) and not _is_inline_row(sender):
        forget(instance)


@receiver(post_save, dispatch_uid="wimn-translation-status-saved")
def snippet_was_saved(sender, instance, raw=False, **kwargs):
    """Snippets (organizations, topics, days) have no publishing step: every save is what visitors read."""
    if raw or issubclass(sender, Page) or not is_tracked(sender) or _is_inline_row(sender):
        return
    record(instance)


def _is_inline_row(model):
    """A page's inline row (a commitment, a demand): its text is part of its page's source."""
    return any(isinstance(field, ParentalKey) for field in model._meta.get_fields())
