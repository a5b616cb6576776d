from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from ..library import library_listing
from ..listing import FilteredListingMixin
from .mixins import TranslatedPageMixin


class DocumentLibraryPage(FilteredListingMixin, TranslatedPageMixin, Page):
    """The public document library: every public document of the site, filterable, downloaded in the
    visitor's language. Which documents are public is decided in `wimn_site.visibility`."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))

    content_panels = TranslatedPageMixin.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    translation_required_fields = ("title",)
    parent_page_types = ["wimn_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("document library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library_listing(request))
        return context
