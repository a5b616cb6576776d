import django_filters

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FormPage, FormSubmission, Topic
from .spreadsheets import SafeExportIndexView
from .views import page_not_found
from .visibility import document_allowed_for


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
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
