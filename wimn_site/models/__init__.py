from .documents import WimnDocument
from .forms import FormPage
from .library import DocumentLibraryPage
from .mixins import EnglishBaseColumnsMixin, TranslatedPageMixin
from .pages import ContentPage, HomePage, HomePageFeaturedStatement
from .scheduler import ScheduledTaskRun
from .search import SearchEntry
from .security import RateCounter
from .site_settings import SiteSettings
from .submissions import FormSubmission
from .taxonomy import Topic
from .translations import TranslationRecord, TranslatorProfile

__all__ = [
    "ContentPage",
    "DocumentLibraryPage",
    "EnglishBaseColumnsMixin",
    "FormPage",
    "FormSubmission",
    "HomePage",
    "HomePageFeaturedStatement",
    "RateCounter",
    "ScheduledTaskRun",
    "SearchEntry",
    "SiteSettings",
    "Topic",
    "TranslatedPageMixin",
    "TranslationRecord",
    "TranslatorProfile",
    "WimnDocument",
]
