from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

# The PostgreSQL text-search configuration (stemmer and stop words) of each site language.
SEARCH_CONFIGS = {"en": "english", "es": "spanish", "pt": "portuguese", "fr": "french"}


class SearchEntry(models.Model):
    """One page or document in one language, as site search sees it.

    Wagtail's own index keeps every language of a page in one entry under one stemmer; this table holds
    a row per language with a vector built by that language's stemmer, so a Spanish query meets Spanish
    text with Spanish stemming. Rows are written by `wimn_site.search.indexing` (on publish, unpublish,
    document save, and by `manage.py rebuild_search_index`); visibility is checked again when searching.
    """

    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    kind = models.CharField(max_length=100, help_text="The type shown with the result, in the entry's language.")
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)
    # The title and text without accents, for languages whose stemmer keeps them (pt, fr): lets
    # "migracao" find "migração". Empty when it would repeat the text.
    folded = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    search_vector = SearchVectorField(null=True)

    class Meta:
        # One GIN index per language; a search reads the pending list of new rows in full, so it is kept
        # short (512 kB rather than 4 MB) and merged into the index more often.
        indexes = [
            GinIndex(
                fields=["search_vector"],
                name=f"search_vector_{code}",
                condition=Q(language=code),
                gin_pending_list_limit=512,
            )
            for code in SEARCH_CONFIGS
        ]
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="search_one_entry_per_page_language"),
            models.UniqueConstraint(fields=["document"], name="search_one_entry_per_document"),
            models.CheckConstraint(
                condition=Q(page__isnull=False, document__isnull=True) | Q(page__isnull=True, document__isnull=False),
                name="search_entry_is_page_or_document",
            ),
        ]

    def __str__(self):
        return f"{self.language}: {self.title}"
