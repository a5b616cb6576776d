from django.apps import AppConfig


class WimnSiteConfig(AppConfig):
    name = "wimn_site"
    verbose_name = "WIMN site"

    def ready(self):
        # Imported for their signal receivers: the cached sitemap, the search index, the translation desk.
        from . import sitemaps, translation_status  # noqa: F401
        from .page_cache import connect_signals
        from .search import signals  # noqa: F401

        connect_signals()
