"""Translators in the admin: who translates into which languages (Settings > Translators), the side-by-side
script and styles in the editors, and the translators' form on translated snippets (wimn_site.translators)."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_permission_codename, get_user_model
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from modeltranslation.translator import translator
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import TranslatorProfile
from .translators import TranslatedModelForm, describe_languages, languages_for, translation_languages


class UserManagersOnly(ModelPermissionPolicy):
    """Whatever is done with a translator entry (list, add, edit, delete) takes the permission to change
    users: it decides what a person may edit, as their groups do."""

    def __init__(self, model):
        super().__init__(model, auth_model=settings.AUTH_USER_MODEL)

    def _get_permission_codenames(self, actions):
        return {get_permission_codename("change", self.auth_model._meta)}

    def _get_permission_name(self, action):
        return f"{self.app_label}.{get_permission_codename('change', self.auth_model._meta)}"


class TranslatorProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=translation_languages,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They may change only these languages' fields; English and the rest are shown to them read-only."),
    )

    class Meta:
        model = TranslatorProfile
        fields = ["user", "languages"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda user: (
            f"{user.get_full_name()} ({user.get_username()})" if user.get_full_name() else user.get_username()
        )
        if self.instance.pk:
            self.fields["user"].disabled = True
            self.fields["user"].help_text = _("To tie someone else to languages, add a new translator.")

    def clean_languages(self):
        chosen = set(self.cleaned_data["languages"])
        # In the site's order, once each; MultipleChoiceField already refuses codes that are not offered.
        return [code for code, _name in translation_languages() if code in chosen]


def languages_column(profile):
    return describe_languages(profile.languages)


class TranslatorViewSet(ModelViewSet):
    """Ties staff members to the languages they translate into (wimn_site.models.TranslatorProfile)."""

    model = TranslatorProfile
    icon = "user"
    menu_label = _("Translators")
    menu_name = "translators"
    add_to_settings_menu = True
    menu_order = 610
    copy_view_enabled = False
    list_display = ["user", Column("languages", label=_("Languages"), accessor=languages_column)]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    permission_policy = UserManagersOnly(TranslatorProfile)

    def get_form_class(self, for_update=False):
        return TranslatorProfileForm


@hooks.register("register_admin_viewset")
def register_translators():
    return TranslatorViewSet("translators")


@hooks.register("insert_editor_js")
def side_by_side_assets():
    """The English beside each translation: styles and a small script (wimn_site.translators renders it)."""
    return format_html(
        '<link rel="stylesheet" href="{}">\n<script src="{}" defer></script>',
        static("wimn_site/admin/side_by_side.css"),
        static("wimn_site/admin/side_by_side.js"),
    )


def give_translated_snippets_the_translators_form():
    """Every translated model edited through its own admin form (snippets: topics, organizations, advocacy
    days; the apps need not know) gets TranslatedModelForm, unless it chose a form of its own. Found through
    modeltranslation's registry, as wagtail-modeltranslation patches them; before any form class is built."""
    for model in translator.get_registered_models():
        if issubclass(model, Page) or getattr(model, "base_form_class", None) is not None:
            continue
        model.base_form_class = TranslatedModelForm


give_translated_snippets_the_translators_form()


@hooks.register("before_edit_page")
def no_reverting_for_limited_translators(request, page):
    """Reverting to an earlier revision brings back every language and field of it at once: not for a
    translator tied to languages (their form compares with the revision they revert to, not with now)."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name == "revisions_revert" and languages_for(request.user) is not None:
        return permission_denied(request)
    return None
