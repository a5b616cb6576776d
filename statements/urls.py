"""Language-prefixed views of this app: the RSS feeds of the statements section."""

from django.urls import path

from .feeds import statements_feed

urlpatterns = [
    path("feeds/statements/", statements_feed, name="statements_feed"),
    path("feeds/statements/<slug:kind>/", statements_feed, name="statements_kind_feed"),
]
