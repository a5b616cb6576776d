from django.apps import AppConfig


class WimnSiteConfig(AppConfig):
    name = "wimn_site"
    verbose_name = "WIMN site"

    def ready(self):
        # Imported for their signal receivers: the cached sitemap, the search index, the translation desk,
        # the caches' invalidation, the work done after a response.
        from . import after_response, cache_invalidation, sitemaps, translation_status  # noqa: F401
        from .search import signals  # noqa: F401
