"""The statements section: one listing of statements, media alerts, pledges, op-eds, news coverage and reposts."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from wimn_site.listing import FilteredListingMixin
from wimn_site.models import TranslatedPageMixin

from .listing import statement_listing
from .queries import fetch_child


class StatementIndexPage(FilteredListingMixin, TranslatedPageMixin, Page):
    """The statements section (one per site): everything the network says, newest first, filterable."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = TranslatedPageMixin.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wimn_site.HomePage"]
    subpage_types = [
        "statements.StatementPage",
        "statements.PledgePage",
        "statements.OpEdPage",
        "statements.NewsCoveragePage",
        "statements.RepostPage",
    ]
    max_count = 1
    template = "statements/statement_index_page.html"

    class Meta:
        verbose_name = _("statements section")

    def route(self, request, path_components):
        """Serve a child with its related rows fetched in one query (see models/queries.py)."""
        if path_components and self.live:
            child = fetch_child(self, path_components[0])
            if child is None:
                raise Http404
            return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(statement_listing(self, request))
        return context
