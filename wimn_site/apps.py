from django.apps import AppConfig


class WimnSiteConfig(AppConfig):
    name = "wimn_site"
    verbose_name = "WIMN site"
