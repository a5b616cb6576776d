"""Language-prefixed views of the project package (sitemap, search and the like)."""

from django.urls import path

from .search.views import search_view

urlpatterns = [
    path("search/", search_view, name="wimn_search"),
]
