from django.apps import AppConfig


class WimnSiteConfig(AppConfig):
    name = "wimn_site"
    verbose_name = "WIMN site"

    def ready(self):
        from . import (
            login_throttle,  # noqa: F401  (connects the login signal receivers)
            sitemaps,  # noqa: F401  (drops the cached sitemap when pages change)
        )
