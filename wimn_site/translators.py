"""Translators in the editor: the English source beside each translation, and saves kept to one's languages.

Every page form (`TranslatedPageForm`, the `base_form_class` of `TranslatedPageMixin`) and the form of every
translated snippet (`TranslatedModelForm`, given to them by wimn_site.translators_admin) does two things:

- **Side by side.** Each field of another language than English (`title_es`, `body_pt`, an inline row's
  `label_fr`...) is rendered with the English source beside it, read-only: plain text as typed, rich text
  rendered, StreamField blocks rendered with their structure. For everyone who edits, not only translators.
- **Tied to languages.** A user whose `TranslatorProfile` names languages sees only those languages' fields
  editable; English, the other languages and the untranslated fields (slug, dates, topics, inline rows
  themselves) are shown read-only, and a POST that changes any of them anyway is refused with a form error,
  so nothing is saved. A value is compared with what the editor was given, as the editor would send it
  back (rich text through the editor's own format, StreamField blocks by type and content, not by id).
"""

import copy
import datetime
import functools
import json
import types

from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from modeltranslation.translator import NotRegistered, translator
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.forms.comments import CommentForm
from wagtail.blocks import BlockField
from wagtail.fields import RichTextField
from wagtail.rich_text import expand_db_html

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
# Fields a translator tied to languages may always send: whether Wagtail notifies them of comments.
ALWAYS_ALLOWED = frozenset({"comment_notifications"})
# Telepath renders every widget once with this name as a template for new rows; no source goes there.
TEMPLATE_NAME = "__NAME__"
SOURCE_TEMPLATE = "wimn_site/translators/english_source.html"


def language_names():
    return dict(settings.LANGUAGES)


def translation_languages():
    """The languages one translates into: every site language but English, as (code, name)."""
    return [(code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def describe_languages(codes):
    names = language_names()
    return ", ".join(str(names.get(code, code)) for code in codes)


def languages_for(user):
    """The languages `user` may edit, or None when they are not limited (no profile, or an empty one)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        profile = user.translator_profile
    except ObjectDoesNotExist:
        return None
    return frozenset(profile.languages) or None


@functools.cache
def translated_fields(model):
    """{localized field name: (field name, language)} for a model registered with modeltranslation."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {
        localized.name: (name, localized.language)
        for name, localized_fields in options.all_fields.items()
        for localized in localized_fields
    }


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a form field of its own, e.g. comment_notifications
        return None


# Read-only renderings -------------------------------------------------------------------------------------


def _empty(text):
    return format_html('<span class="wimn-readonly__empty">{}</span>', text)


def rich_text_html(source):
    return format_html('<div class="wimn-rich-text">{}</div>', mark_safe(expand_db_html(source or "")))  # noqa: S308 - editor HTML, whitelisted on save


def render_block(block, value):
    """A block's value as read-only HTML that keeps its structure: each StreamField block under its label,
    a StructBlock as a list of its labelled parts, a ListBlock as a list; rich text rendered."""
    if value is None:
        return ""
    if isinstance(block, blocks.StreamBlock):
        if not len(value):
            return ""
        children = format_html_join(
            "",
            '<li class="wimn-block"><span class="wimn-block__label">{}</span>'
            '<div class="wimn-block__content">{}</div></li>',
            ((capfirst(child.block.label), render_block(child.block, child.value)) for child in value),
        )
        return format_html('<ol class="wimn-stream">{}</ol>', children)
    if isinstance(block, blocks.ListBlock):
        items = format_html_join(
            "", '<li class="wimn-block__item">{}</li>', ((render_block(block.child_block, item),) for item in value)
        )
        return format_html('<ul class="wimn-list">{}</ul>', items) if len(value) else ""
    if isinstance(block, blocks.StructBlock):
        parts = [
            (capfirst(child.label), render_block(child, value.get(name))) for name, child in block.child_blocks.items()
        ]
        parts = [(label, html) for label, html in parts if html not in ("", None)]
        return format_html('<dl class="wimn-struct">{}</dl>', format_html_join("", "<dt>{}</dt><dd>{}</dd>", parts))
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value.source)
    if isinstance(block, blocks.BooleanBlock):
        return _("Yes") if value else _("No")
    if isinstance(block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
        labels = dict(block.field.choices)
        chosen = value if isinstance(value, list | tuple) else [value]
        return ", ".join(str(labels.get(v, v)) for v in chosen if v not in ("", None))
    return _plain(value)


def _plain(value):
    if value in ("", None):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if isinstance(value, datetime.date | datetime.time):
        return formats.localize(value)
    return format_html('<span class="wimn-plain">{}</span>', str(value))


def display_value(field, model_field, value):
    """A form field's value as read-only HTML (the value as the form would show it: pks for choosers)."""
    if isinstance(field, BlockField):
        html = render_block(field.block, value)
    elif isinstance(model_field, RichTextField):
        html = rich_text_html(value) if value else ""
    elif isinstance(field, forms.ModelMultipleChoiceField):
        pks = [pk for pk in (value or []) if pk not in ("", None)]
        html = ", ".join(str(obj) for obj in field.queryset.filter(pk__in=pks)) if pks else ""
    elif isinstance(field, forms.ModelChoiceField):
        obj = field.queryset.filter(pk=value).first() if value not in ("", None) else None
        html = str(obj) if obj is not None else ""
    elif isinstance(field, forms.BooleanField):
        html = _("Yes") if value else _("No")
    elif isinstance(field, forms.ChoiceField):
        labels = dict(field.choices)
        html = str(labels.get(value, value)) if value not in ("", None) else ""
    else:
        html = _plain(value)
    return html or _empty(_("Empty"))


class ReadOnlyWidget(forms.Widget):
    """Shows a value a translator may not change; sends nothing back (the field is disabled)."""

    def __init__(self, describe, language=None):
        super().__init__()
        self.describe = describe
        self.language = language

    def render(self, name, value, attrs=None, renderer=None):
        if name == TEMPLATE_NAME:
            return ""
        attrs = self.build_attrs(self.attrs, attrs)
        return format_html(
            '<div class="w-field__textoutput wimn-readonly" id="{}" data-wimn-readonly{}>{}</div>',
            attrs.get("id", name),
            format_html(' lang="{}"', self.language) if self.language else "",
            self.describe(value),
        )

    def value_from_datadict(self, data, files, name):
        return None

    def value_omitted_from_data(self, data, files, name):
        return True


# The English source beside a field ------------------------------------------------------------------------


class EnglishSourceMixin:
    """Added to a translated field's own widget class: renders the English source, then the widget."""

    english_source = None  # a callable giving the rendered English
    english_input_id = ""  # the English field's input, for plain text (side_by_side.js keeps it in step)

    def _with_source(self, name, attrs, rendered):
        if name == TEMPLATE_NAME or self.english_source is None:
            return rendered
        field_id = (attrs or {}).get("id") or self.attrs.get("id") or name
        return render_to_string(
            SOURCE_TEMPLATE,
            {
                "field_id": field_id,
                "source": self.english_source(),
                "plain": bool(self.english_input_id),
                "english_input_id": self.english_input_id,
                "rendered_field": rendered,
            },
        )

    def render(self, name, value, attrs=None, renderer=None):
        if self.english_input_id and name != TEMPLATE_NAME:
            # A screen reader gives a plain field's English as its description.
            attrs = dict(attrs or {})
            field_id = attrs.get("id") or name
            attrs["aria-describedby"] = " ".join(filter(None, [attrs.get("aria-describedby"), f"{field_id}-english"]))
        return self._with_source(name, attrs, super().render(name, value, attrs, renderer))


class EnglishSourceWithErrorsMixin(EnglishSourceMixin):
    """For widgets that render themselves with their errors (StreamField): wrap that rendering, once."""

    def render_with_errors(self, name, value, attrs=None, errors=None, renderer=None):
        rendered = super().render_with_errors(name, value, attrs=attrs, errors=errors, renderer=renderer)
        return self._with_source(name, attrs, rendered)

    def render(self, name, value, attrs=None, renderer=None):
        return self.render_with_errors(name, value, attrs=attrs, errors=None, renderer=renderer)


@functools.cache
def _source_widget_class(widget_class):
    """The widget class plus the English source; a subclass, so Wagtail's telepath adapters still apply."""
    mixin = EnglishSourceWithErrorsMixin if hasattr(widget_class, "render_with_errors") else EnglishSourceMixin
    # Same name: Wagtail styles a field by its widget's class name (w-field--admin_page_chooser...).
    return types.new_class(widget_class.__name__, (mixin, widget_class))


def english_source_html(form, base_name, field, model_field):
    """The English value of `base_name` on the form's object, rendered read-only (once per form and field)."""
    cache = form.__dict__.setdefault("_wimn_english_sources", {})
    if base_name not in cache:
        english_name = f"{base_name}_{SOURCE_LANGUAGE}"
        value = getattr(form.instance, english_name, None)
        if isinstance(field, BlockField):
            html = render_block(field.block, value)
        elif isinstance(model_field, RichTextField):
            html = rich_text_html(value) if value else ""
        else:
            html = str(value or "")
        cache[base_name] = html
    return cache[base_name]


def add_english_sources(form):
    """Give each editable field of another language than English its English source."""
    model = form._meta.model
    for name, (base_name, language) in translated_fields(model).items():
        field = form.fields.get(name)
        if language == SOURCE_LANGUAGE or field is None or field.disabled:
            continue
        model_field = _model_field(model, name)
        widget = field.widget
        widget.__class__ = _source_widget_class(type(widget))
        widget.english_source = functools.partial(english_source_html, form, base_name, field, model_field)
        english_name = f"{base_name}_{SOURCE_LANGUAGE}"
        plain = not isinstance(field, BlockField) and not isinstance(model_field, RichTextField)
        widget.english_input_id = form[english_name].auto_id if plain and english_name in form.fields else ""


# Limits of a translator ----------------------------------------------------------------------------------


def _allowed(form, languages):
    names = {name for name, (_base, language) in translated_fields(form._meta.model).items() if language in languages}
    return names | ALWAYS_ALLOWED


def _structural(name):
    return name in ("id", DELETION_FIELD_NAME, ORDERING_FIELD_NAME)


def restrict(form, languages):
    """Make every field outside `languages` read-only: disabled (its value is kept whatever is posted) and
    shown, not edited. The widgets the form had are kept to read what a POST sent anyway."""
    model = form._meta.model
    allowed = _allowed(form, languages)
    translated = translated_fields(model)
    originals = form.__dict__.setdefault("_wimn_original_widgets", {})
    for name, field in form.fields.items():
        if name in allowed or _structural(name):
            continue
        originals[name] = field.widget
        field.disabled = True
        language = translated.get(name, (None, None))[1]
        describe = functools.partial(display_value, field, _model_field(model, name))
        field.widget = ReadOnlyWidget(describe, language=language)


def _child_forms(form):
    """(formset, child form, index) for the inline rows of a form, without the comments."""
    for formset in getattr(form, "formsets", {}).values():
        if issubclass(formset.form, CommentForm):
            continue
        for index, child in enumerate(formset.forms):
            yield formset, child, index


def _sent(form, name):
    """Whether the POST carries a value for the field (a disabled input sends nothing: that is no change)."""
    html_name = form.add_prefix(name)
    return any(
        key == html_name or key.startswith((f"{html_name}-", f"{html_name}_")) for key in (*form.data, *form.files)
    )


def _without_keys(state):
    """A Draftail content state without its random block keys (they differ each time text is loaded)."""
    if isinstance(state, dict):
        for block in state.get("blocks", []):
            if isinstance(block, dict):
                block.pop("key", None)
    return state


def _rich_key(widget, html):
    formatted = widget.format_value(html or "")
    try:
        return _without_keys(json.loads(formatted))
    except (TypeError, ValueError):
        return formatted


def block_key(block, value):
    """A comparable form of a block value: types and content, not block ids nor how rich text was keyed."""
    if isinstance(block, blocks.StreamBlock):
        return [(child.block_type, block_key(child.block, child.value)) for child in value or []]
    if isinstance(block, blocks.ListBlock):
        return [block_key(block.child_block, item) for item in value or []]
    if isinstance(block, blocks.StructBlock):
        value = value or {}
        return {name: block_key(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.RichTextBlock):
        return _rich_key(block.field.widget, value.source if value is not None else "")
    if value is None:
        return ""
    prepared = block.get_prep_value(value)
    return "" if prepared is None else prepared


def _differs(form, name):
    """Whether the POST changes field `name` from what the form was given."""
    field = form.fields[name]
    widget = form.__dict__.get("_wimn_original_widgets", {}).get(name, field.widget)
    initial = form.get_initial_for_field(field, name)
    try:
        data = widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
        if isinstance(field, BlockField):
            return block_key(field.block, initial) != block_key(field.block, data)
        if isinstance(_model_field(form._meta.model, name), RichTextField):
            return _rich_key(widget, initial) != _rich_key(widget, data)
    except (KeyError, IndexError, TypeError, ValueError, ValidationError, ObjectDoesNotExist):
        return True  # what was sent cannot even be read as this field: not the form as it was given
    probe = copy.copy(field)
    probe.disabled = False
    return probe.has_changed(initial, data)


def _deleted(formset, child):
    if not formset.can_delete:
        return False
    name = child.add_prefix(DELETION_FIELD_NAME)
    return child.fields[DELETION_FIELD_NAME].to_python(child.data.get(name)) is True


def _moved(formset, child, index):
    """Whether an existing row leaves its place: a new order number, or the id of another row (or another
    page's) posted in its place, which would reorder the rows or reach rows the form was not given."""
    if formset.can_order and _sent(child, ORDERING_FIELD_NAME) and _differs(child, ORDERING_FIELD_NAME):
        return True
    rows = list(formset.get_queryset())
    return index >= len(rows) or child.instance is None or child.instance.pk != rows[index].pk


def _label(form, name):
    return str(form.fields[name].label or name)


def changes_outside(form, languages):
    """What a POST changes that a translator of `languages` may not change: [(form, field name or None, text)]."""
    allowed = _allowed(form, languages)
    found = [
        (form, name, _label(form, name))
        for name in form.fields
        if name not in allowed and not _structural(name) and _sent(form, name) and _differs(form, name)
    ]
    for formset, child, index in _child_forms(form):
        existing = index < formset.initial_form_count()
        deleted = _deleted(formset, child)
        row = _("%(rows)s, row %(number)s") % {
            "rows": capfirst(formset.model._meta.verbose_name_plural),
            "number": index + 1,
        }
        if not existing:
            if not deleted and any(_sent(child, n) and _differs(child, n) for n in child.fields if not _structural(n)):
                found.append((None, None, _("%(row)s (a new row)") % {"row": row}))
            continue
        if deleted:
            found.append((None, None, _("%(row)s (removed)") % {"row": row}))
            continue
        if _moved(formset, child, index):
            found.append((None, None, _("%(row)s (moved)") % {"row": row}))
        found += [(None, None, f"{row}: {text}") for _form, _name, text in changes_outside(child, languages)]
    return found


class TranslatorFormMixin:
    """Side-by-side English for everyone; for a translator tied to languages, only those languages' fields,
    and a refusal of any POST that changes anything else. Needs `for_user` (Wagtail's admin forms have it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.translator_languages = languages_for(getattr(self, "for_user", None))
        forms_here = [self, *(child for _formset, child, _index in _child_forms(self))]
        for form in forms_here:
            if self.translator_languages is not None:
                restrict(form, self.translator_languages)
            add_english_sources(form)

    def clean(self):
        cleaned_data = super().clean()
        if self.translator_languages is not None and self.is_bound:
            self.refuse_changes_outside_languages()
        return cleaned_data

    def refuse_changes_outside_languages(self):
        changes = changes_outside(self, self.translator_languages)
        if not changes:
            return
        languages = describe_languages(sorted(self.translator_languages))
        for form, name, _text in changes:
            if form is self and name in self.fields:
                self.add_error(
                    name,
                    ValidationError(
                        _("Not yours to change: you translate into %(languages)s."),
                        code="translator_language",
                        params={"languages": languages},
                    ),
                )
        self.add_error(
            None,
            ValidationError(
                _("Nothing was saved: you translate into %(languages)s, and this would change %(fields)s."),
                code="translator_language",
                params={"languages": languages, "fields": "; ".join(str(text) for _f, _n, text in changes)},
            ),
        )


class TranslatedPageForm(TranslatorFormMixin, WagtailAdminPageForm):
    """The base form of every translated page (TranslatedPageMixin.base_form_class)."""


class TranslatedModelForm(TranslatorFormMixin, WagtailAdminModelForm):
    """The base form of translated snippets (set by wimn_site.translators_admin)."""
