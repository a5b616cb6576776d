"""Language-prefixed views of the project package (sitemap, search and the like)."""

from django.conf import settings
from django.urls import path
from django.views.generic import RedirectView

from .document_text_view import document_text
from .search.views import search_view
from .views import confirm_sign_up

urlpatterns = [
    path("search/", search_view, name="wimn_search"),
    path("documents/<int:document_id>/text/", document_text, name="wimn_document_text"),
    path("mailing-list/confirm/<str:token>/", confirm_sign_up, name="wimn_confirm_sign_up"),
    # Wagtail's own front-end sign-in form would skip the admin's two-factor step: staff sign in there.
    path("_util/login/", RedirectView.as_view(url=settings.WAGTAIL_FRONTEND_LOGIN_URL, query_string=True)),
]
