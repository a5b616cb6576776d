from .documents import WimnDocument
from .mixins import EnglishBaseColumnsMixin, TranslatedPageMixin
from .pages import ContentPage, HomePage
from .site_settings import SiteSettings
from .taxonomy import Topic

__all__ = [
    "ContentPage",
    "EnglishBaseColumnsMixin",
    "HomePage",
    "SiteSettings",
    "Topic",
    "TranslatedPageMixin",
    "WimnDocument",
]
