"""Language-prefixed views of the project package (sitemap, search and the like)."""

urlpatterns = []
