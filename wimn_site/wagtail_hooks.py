import django_filters

from django import forms
from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import desk_admin, registry, translators_admin, two_factor, xliff_admin  # noqa: F401 - their hooks
from .models import DocumentLibraryPage, FormPage, FormSubmission, Topic
from .spreadsheets import SafeExportIndexView
from .views import method_not_allowed, page_not_found
from .visibility import document_allowed_for


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


class FormSubmissionFilterSet(WagtailFilterSet):
    sign_up = django_filters.ChoiceFilter(
        label=_("Sign-up"),
        choices=[("confirmed", _("confirmed")), ("pending", _("waiting for confirmation"))],
        method="filter_sign_up",
        widget=forms.RadioSelect,
        empty_label=pgettext_lazy("sign-ups", "All"),  # plain "All" would override Wagtail's own
    )

    class Meta:
        model = FormSubmission
        fields = ["purpose", "language", "page"]

    def filter_sign_up(self, queryset, name, value):
        return queryset.filter(purpose=FormPage.NEWSLETTER, confirmed_at__isnull=value == "pending")


class FormSubmissionAdminForm(forms.ModelForm):
    def validate_unique(self):
        """Also check one sign-up per address and form, which involves the form and purpose that staff do not
        edit (Django skips a rule on fields a form leaves out): a duplicate address is a form error, not a 500."""
        super().validate_unique()
        try:
            self.instance.validate_constraints()
        except ValidationError as error:
            self.add_error(None, error)


class FormSubmissionViewSet(ModelViewSet):
    """Mailing-list sign-ups and contact messages, newest first, with a CSV/XLSX export safe to open."""

    model = FormSubmission
    index_view_class = SafeExportIndexView
    icon = "mail"
    menu_label = _("Form submissions")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["submitted_at", "purpose", "sign_up_status", "name", "email", "organization", "language"]
    filterset_class = FormSubmissionFilterSet
    list_export = [
        "submitted_at",
        "purpose",
        "confirmed_at",
        "name",
        "email",
        "organization",
        "message",
        "language",
        "consent",
        "consent_text",
    ]
    inspect_view_fields = [
        "submitted_at",
        "page",
        "purpose",
        "confirmed_at",
        "name",
        "email",
        "organization",
        "message",
        "language",
        "consent",
        "consent_text",
    ]
    search_fields = ["name", "email", "organization", "message"]
    form_fields = ["name", "email", "organization", "message", "consent"]

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(self.model, form=FormSubmissionAdminForm, fields=self.form_fields)


@hooks.register("register_admin_viewset")
def register_form_submissions():
    return FormSubmissionViewSet("form_submissions")


READ_ONLY = ("GET", "HEAD")


@hooks.register("before_serve_page", order=-100)
def refuse_methods_the_page_does_not_take(page, request, serve_args, serve_kwargs):
    """Wagtail serves a page to any method: PUT, DELETE or POST to a page that is only read is a 405
    (`allowed_methods` on the page type; a form page also takes POST)."""
    allowed = getattr(page, "allowed_methods", READ_ONLY)
    if request.method not in allowed:
        return method_not_allowed(request, allowed)
    return None


@hooks.register("before_serve_document", order=-100)
def refuse_methods_other_than_reading(document, request):
    """A file is only downloaded: any other method is a 405, before a password or visibility check."""
    if request.method not in READ_ONLY:
        return method_not_allowed(request, READ_ONLY)
    return None


@hooks.register("before_serve_document", order=10)
def serve_only_what_pages_show(document, request):
    """A file is served while a live, public page uses it or staff have published it to the library
    (wimn_site.visibility); otherwise it does not exist for the visitor. Runs after Wagtail's own hook,
    which has already asked for a private collection's password or login."""
    if document.collection.get_view_restrictions().exists():
        return None
    if document_allowed_for(document, request):
        return None
    return page_not_found(request)


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/verify/", two_factor.verify, name="wimn_2fa_verify"),
        path("2fa/setup/", two_factor.setup, name="wimn_2fa_setup"),
        path("2fa/recovery-codes/", two_factor.recovery_codes, name="wimn_2fa_recovery_codes"),
        path("2fa/", two_factor.manage, name="wimn_2fa_manage"),
        path("2fa/new-recovery-codes/", two_factor.new_recovery_codes, name="wimn_2fa_new_recovery_codes"),
        path("2fa/turn-off/", two_factor.turn_off, name="wimn_2fa_turn_off"),
        path("2fa/reset/<int:user_id>/", two_factor.reset_user, name="wimn_2fa_reset_user"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("wimn_2fa_manage"),
        "label": _("Two-step sign-in"),
        "help_text": _("Codes from an authenticator app, and recovery codes for when your phone is lost."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if two_factor.can_reset_others(request_user) and user.pk != request_user.pk:
        yield Button(
            _("Reset two-step sign-in"),
            reverse("wimn_2fa_reset_user", args=[user.pk]),
            priority=100,
            attrs={"data-wimn-2fa-reset": ""},
        )


@hooks.register(registry.SECTION_PAGES)
def library_section():
    return {"library": DocumentLibraryPage}


# --- Deleting pages takes the right to publish them (wimn_site.roles) ---------------------------------
# Wagtail lets anyone who may edit a page delete it while it is not live. Translators, moderators and press
# officers may edit drafts and pages in review (an embargoed alert among them): they must not be able to
# make one disappear, revisions and all.


def may_delete(user, page):
    return user.is_superuser or page.permissions_for_user(user).can_publish()


@hooks.register("before_delete_page")
def refuse_delete_without_publish(request, page):
    if not may_delete(request.user, page):
        return permission_denied(request)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_delete_without_publish(request, action_type, objects, action_class_instance):
    if action_type == "delete" and not all(may_delete(request.user, obj) for obj in objects if isinstance(obj, Page)):
        return permission_denied(request)
    return None
