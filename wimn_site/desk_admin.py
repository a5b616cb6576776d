"""The translation desk in the admin: the editor panel's content, "mark as checked", the Translations report
(filters, CSV/XLSX export) and the dashboard's counts per language."""

import django_filters

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import BigIntegerField, Case, CharField, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import get_snippet_models

from . import translation_status as desk
from .models import TranslationRecord
from .panels import STATUS_PANEL_HOOK
from .spreadsheets import SafeSpreadsheetExportMixin
from .translators import languages_for

LANGUAGE_NAMES = {code: settings.LANGUAGE_NATIVE_NAMES.get(code, name) for code, name in settings.LANGUAGES}
STATE_LABELS = {desk.MISSING: _("missing"), desk.UP_TO_DATE: _("up to date"), desk.STALE: _("stale")}
TRANSLATED_LANGUAGES = [(code, name) for code, name in LANGUAGE_NAMES.items() if code != desk.ENGLISH]


def is_staff(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def compare_url(page, status):
    """Wagtail's comparison of the English the translation was made from with the English now live."""
    if not status.is_stale or not status.source_revision_id or not page.live_revision_id:
        return ""
    if status.source_revision_id == page.live_revision_id:
        return ""
    return reverse(
        "wagtailadmin_pages:revisions_compare", args=(page.pk, status.source_revision_id, page.live_revision_id)
    )


@hooks.register(STATUS_PANEL_HOOK)
def status_panel_context(page, request):
    found = desk.statuses(page)
    content_type = ContentType.objects.get_for_model(type(page))
    rows = []
    for code, status in found.items():
        rows.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "status": status,
                "label": STATE_LABELS[status.state],
                "compare_url": compare_url(page, status),
                "check_url": reverse("wimn_translation_checked", args=(content_type.pk, page.pk, code))
                if status.is_stale
                else "",
            }
        )
    draft = reverse("wagtailadmin_pages:view_draft", args=(page.pk,))
    changed = [{"name": LANGUAGE_NAMES[code], "url": f"{draft}?mode={code}"} for code in desk.changed_languages(page)]
    return {"translation_rows": rows, "draft_languages": changed}


# --- Mark a language as checked ---------------------------------------------------------------------------


def _tracked_object(content_type_id, object_id):
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or not desk.is_tracked(model):
        raise Http404
    return get_object_or_404(model, pk=object_id)


def _can_edit(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return user.has_perm(f"{obj._meta.app_label}.change_{obj._meta.model_name}")


@user_passes_test(is_staff)
def mark_checked(request, content_type_id, object_id, language):
    if not object_id.isdigit() or language not in dict(TRANSLATED_LANGUAGES):
        raise Http404
    obj = _tracked_object(content_type_id, object_id)
    languages = languages_for(request.user)
    if not _can_edit(request.user, obj) or (languages is not None and language not in languages):
        raise PermissionDenied  # a translator tied to languages checks only those
    back = (
        reverse("wagtailadmin_pages:edit", args=(obj.pk,))
        if isinstance(obj, Page)
        else reverse("wimn_translations_report")
    )
    if request.method == "POST":
        desk.mark_checked(obj, language, user=request.user)
        messages.success(
            request,
            _("%(language)s of “%(title)s” marked as checked against the current English.")
            % {"language": LANGUAGE_NAMES[language], "title": obj},
        )
        return redirect(back)
    status = desk.statuses(obj)[language]
    return TemplateResponse(
        request,
        "wimn_site/admin/mark_checked.html",
        {"object": obj, "language": LANGUAGE_NAMES[language], "status": status, "back_url": back},
    )


# --- The Translations report --------------------------------------------------------------------------------


def records_with_state():
    """Every non-English TranslationRecord of a live page or a snippet, with its state, the English change
    date, and (pages) the page's path in the tree."""
    english = TranslationRecord.objects.filter(
        content_type=OuterRef("content_type"), object_id=OuterRef("object_id"), language=desk.ENGLISH
    )
    page = Page.objects.filter(pk=Cast(OuterRef("object_id"), BigIntegerField()), content_type=OuterRef("content_type"))
    return (
        TranslationRecord.objects.exclude(language=desk.ENGLISH)
        .annotate(
            english_fingerprint=Subquery(english.values("source_fingerprint")[:1]),
            english_changed_at=Subquery(english.values("changed_at")[:1]),
        )
        .annotate(
            state=Case(
                When(filled=False, then=Value(desk.MISSING)),
                When(source_fingerprint=F("english_fingerprint"), then=Value(desk.UP_TO_DATE)),
                default=Value(desk.STALE),
                output_field=CharField(),
            ),
            page_path=Subquery(page.values("path")[:1]),
            page_live=Subquery(page.values("live")[:1]),
        )
        .exclude(page_live=False)  # an unpublished page is nobody's translation work
    )


def visible_to(records, user):
    """Only what `user` may edit: the pages they can change, the snippets whose model they can change."""
    if user.is_superuser:
        return records
    pages = page_permission_policy.instances_user_has_permission_for(user, "change").values("pk")
    snippet_types = [
        ContentType.objects.get_for_model(model).pk
        for model in get_snippet_models()
        if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]
    return records.annotate(object_pk=Cast("object_id", BigIntegerField())).filter(
        Q(page_path__isnull=False, object_pk__in=pages) | Q(page_path__isnull=True, content_type__in=snippet_types)
    )


def section_choices():
    home_depth = 2  # the tree's root is depth 1, each site's home page depth 2, its sections depth 3
    return [(page.path, page.title) for page in Page.objects.filter(depth=home_depth + 1).order_by("path")]


def type_choices():
    models = {
        ct for ct in ContentType.objects.filter(pk__in=TranslationRecord.objects.values("content_type").distinct())
    }
    return sorted(
        ((ct.pk, ct.model_class()._meta.verbose_name.capitalize()) for ct in models if ct.model_class()),
        key=lambda c: str(c[1]),
    )


class TranslationsFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=TRANSLATED_LANGUAGES)
    state = django_filters.ChoiceFilter(label=_("Status"), choices=list(STATE_LABELS.items()))
    section = django_filters.ChoiceFilter(label=_("Section"), choices=section_choices, method="in_section")
    content_type = django_filters.ChoiceFilter(label=_("Type"), choices=type_choices)

    class Meta:
        model = TranslationRecord
        fields = ["language", "state", "section", "content_type"]

    def in_section(self, queryset, name, value):
        return queryset.filter(page_path__startswith=value)


def object_label(record):
    return str(record.content_object) if record.content_object is not None else ""


def object_url(record):
    obj = record.content_object
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=(obj.pk,))
    if obj is not None and type(obj) in get_snippet_models():
        return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=(obj.pk,))
    return ""


class StateColumn(Column):
    def get_value(self, instance):
        label = STATE_LABELS[instance.state]
        if instance.state == desk.STALE:
            return format_html(
                "{} <small>({})</small>",
                label,
                _("English changed %(date)s") % {"date": instance.english_changed_at.strftime("%d %b %Y")},
            )
        return label


class TranslationsReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Translations")
    header_icon = "globe"
    filterset_class = TranslationsFilterSet
    index_url_name = "wimn_translations_report"
    index_results_url_name = "wimn_translations_report_results"
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Page or snippet"), accessor=object_label, get_url=object_url),
        Column("language_name", label=_("Language"), accessor=lambda r: LANGUAGE_NAMES[r.language]),
        StateColumn("state", label=_("Status")),
        Column(
            "type", label=_("Type"), accessor=lambda r: r.content_type.model_class()._meta.verbose_name.capitalize()
        ),
        Column("english_changed_at", label=_("English last changed")),
        Column("changed_at", label=_("Translated or checked")),
    ]
    list_export = ["title", "language", "state", "type", "english_changed_at", "changed_at", "admin_url"]
    export_headings = {
        "title": _("Page or snippet"),
        "language": _("Language"),
        "state": _("Status"),
        "type": _("Type"),
        "english_changed_at": _("English last changed"),
        "changed_at": _("Translated or checked"),
        "admin_url": _("Edit in the admin"),
    }

    def get_queryset(self):
        # stale first, then missing, then up to date; within each, the pages whose English changed last first
        severity = Case(
            When(state=desk.STALE, then=Value(0)), When(state=desk.MISSING, then=Value(1)), default=Value(2)
        )
        return (
            visible_to(records_with_state(), self.request.user)
            .select_related("content_type")
            .prefetch_related("content_object")
            .order_by(severity, F("english_changed_at").desc(nulls_last=True), "object_id", "language")
        )

    def decorate_paginated_queryset(self, object_list):
        for record in object_list:
            record.title = object_label(record)
            record.type = record.content_type.model_class()._meta.verbose_name.capitalize()
            record.admin_url = object_url(record)
        return object_list

    def to_row_dict(self, item):
        item.title = object_label(item)
        item.type = item.content_type.model_class()._meta.verbose_name.capitalize()
        item.admin_url = object_url(item)
        return super().to_row_dict(item)


@hooks.register("register_admin_urls")
def translation_desk_urls():
    report = TranslationsReportView
    return [
        path("reports/translations/", report.as_view(), name="wimn_translations_report"),
        path(
            "reports/translations/results/", report.as_view(results_only=True), name="wimn_translations_report_results"
        ),
        path(
            "translations/checked/<int:content_type_id>/<str:object_id>/<str:language>/",
            mark_checked,
            name="wimn_translation_checked",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translations_report_menu_item():
    return MenuItem(_("Translations"), reverse("wimn_translations_report"), icon_name="globe", order=50)


# --- The dashboard's counts ----------------------------------------------------------------------------------


def language_counts(user):
    """[(code, name, stale, missing)] over the pages and snippets `user` may edit: one query."""
    counts = {
        row["language"]: row
        for row in visible_to(records_with_state(), user)
        .values("language")
        .annotate(
            stale=Count("pk", filter=Q(state=desk.STALE)),
            missing=Count("pk", filter=Q(state=desk.MISSING)),
        )
        .order_by()
    }
    return [
        (code, name, counts.get(code, {}).get("stale", 0), counts.get(code, {}).get("missing", 0))
        for code, name in TRANSLATED_LANGUAGES
    ]


class TranslationsDashboardPanel(Component):
    name = "wimn_translations"
    order = 150
    template_name = "wimn_site/admin/translations_dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        report = reverse("wimn_translations_report")
        return {
            "rows": [
                {
                    "name": name,
                    "stale": stale,
                    "missing": missing,
                    "stale_url": f"{report}?language={code}&state=stale",
                    "missing_url": f"{report}?language={code}&state=missing",
                }
                for code, name, stale, missing in language_counts(self.user)
            ],
            "report_url": report,
        }


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    panels.append(TranslationsDashboardPanel(request.user))
