"""The XLIFF exchange in the admin: a page's "Translation file" screen, its download and its upload.

Anyone who may edit a page (translators included: they have `change_page`, not publish) downloads its English
as an XLIFF file for one language and uploads the translated file, which becomes a draft revision for review.
The work is `wimn_site.xliff`'s; this module holds the views, their URLs and the buttons that lead to them.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

from . import xliff
from .translation_status import MISSING, STALE, UP_TO_DATE, is_tracked, statuses

STATE_LABELS = {
    MISSING: _("translation missing"),
    UP_TO_DATE: _("translation up to date"),
    STALE: _("translation stale: the English changed since"),
}


def languages_for(user):
    """(code, name) of the languages `user` may bring a file in: those of their translator profile, if it names
    any (as in the editor, a translator tied to languages changes only those), else every one but English."""
    try:
        chosen = set(user.translator_profile.languages)
    except ObjectDoesNotExist:
        chosen = set()
    return [(code, name) for code, name in xliff.target_languages() if not chosen or code in chosen]


class XliffUploadForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the translation"))
    file = forms.FileField(
        label=_("Translated XLIFF file"),
        help_text=_("The file downloaded here for this page and language, with its targets filled."),
    )

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > xliff.max_bytes():
            raise forms.ValidationError(
                _("The file is larger than %(limit)s.") % {"limit": filesizeformat(xliff.max_bytes())}
            )
        return upload


def _editable_page(request, page_id):
    """The page, when `request.user` may edit it and it has text to translate."""
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not is_tracked(type(page)):
        raise Http404
    return page


@require_http_methods(["GET", "HEAD", "POST"])
def exchange(request, page_id):
    """Download links per language, and the upload form."""
    page = _editable_page(request, page_id)
    languages = languages_for(request.user)
    form = XliffUploadForm(request.POST or None, request.FILES or None, languages=languages)
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        upload = form.cleaned_data["file"]
        if page.permissions_for_user(request.user).page_locked():
            form.add_error(None, _("The page is locked: it cannot take a new draft now."))
        else:
            try:
                result = xliff.import_translation(page, language, upload.read(xliff.max_bytes() + 1), request.user)
            except xliff.XliffError as error:
                form.add_error("file", error.message)
            else:
                message = _("The %(language)s translation is saved as a draft for review: %(fields)s.") % {
                    "language": xliff.language_name(language),
                    "fields": ", ".join(result.translated),
                }
                messages.success(request, message)
                if result.untranslated:
                    messages.warning(
                        request,
                        _("Left as they were, not translated in full in the file: %(fields)s.")
                        % {"fields": ", ".join(result.untranslated)},
                    )
                return redirect("wagtailadmin_pages:edit", page.id)
    page_statuses = statuses(page)
    links = [
        {
            "code": code,
            "name": name,
            "state": STATE_LABELS.get(getattr(page_statuses.get(code), "state", MISSING)),
            "url": reverse("wimn_xliff_download", args=[page.id, code]),
        }
        for code, name in languages
    ]
    context = {"page": page, "form": form, "languages": links, "max_bytes": xliff.max_bytes()}
    return TemplateResponse(request, "wimn_site/xliff/exchange.html", context)


@require_GET
def download(request, page_id, language):
    page = _editable_page(request, page_id)
    if language not in dict(xliff.target_languages()):
        raise Http404
    if language not in dict(languages_for(request.user)):
        raise PermissionDenied
    response = HttpResponse(xliff.export_page(page, language), content_type=f"{xliff.MEDIA_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{xliff.filename(page, language)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("xliff/pages/<int:page_id>/", exchange, name="wimn_xliff_page"),
        path("xliff/pages/<int:page_id>/download/<str:language>/", download, name="wimn_xliff_download"),
    ]


def _button(page, user, priority):
    model = page.specific_class
    if page.is_root() or model is None or not is_tracked(model) or not page.permissions_for_user(user).can_edit():
        return []
    url = reverse("wimn_xliff_page", args=[page.id])
    return [Button(_("Translation file (XLIFF)"), url, icon_name="download", priority=priority)]


@hooks.register("register_page_header_buttons")
def header_button(page, user, view_name, next_url=None):
    return _button(page, user, priority=75)


@hooks.register("register_page_listing_more_buttons")
def listing_button(page, user, next_url=None):
    return _button(page, user, priority=55)
