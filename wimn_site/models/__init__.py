from .documents import WimnDocument
from .library import DocumentLibraryPage
from .mixins import EnglishBaseColumnsMixin, TranslatedPageMixin
from .pages import ContentPage, HomePage
from .site_settings import SiteSettings
from .taxonomy import Topic

__all__ = [
    "ContentPage",
    "DocumentLibraryPage",
    "EnglishBaseColumnsMixin",
    "HomePage",
    "SiteSettings",
    "Topic",
    "TranslatedPageMixin",
    "WimnDocument",
]
