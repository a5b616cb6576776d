from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FormSubmission, Topic
from .views import method_not_allowed, page_not_found
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


class FormSubmissionViewSet(ModelViewSet):
    """Mailing-list sign-ups and contact messages, newest first, with a CSV/XLSX export."""

    model = FormSubmission
    icon = "mail"
    menu_label = _("Form submissions")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["submitted_at", "purpose", "name", "email", "organization", "language"]
    list_filter = ["purpose", "language", "page"]
    list_export = ["submitted_at", "purpose", "name", "email", "organization", "message", "language", "consent"]
    search_fields = ["name", "email", "organization", "message"]
    form_fields = ["name", "email", "organization", "message", "consent"]


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
