from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import BaseStreamBlock
from ..frame import routed_child
from .mixins import TranslatedPageMixin


class HomePage(TranslatedPageMixin, Page):
    """The root of the public site in every language."""

    mission = models.CharField(
        _("mission"), max_length=300, blank=True, help_text=_("The network's mission in one sentence.")
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    # What the home page shows is chosen automatically (see wimn_site.home); these override it.
    featured_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("featured campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to feature the current campaign published most recently."),
    )
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to action leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead to the mailing-list sign-up page."),
    )
    cta_heading = models.CharField(
        _("call to action heading"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty for 'Stay informed, take action'."),
    )
    cta_text = models.CharField(
        _("call to action text"),
        max_length=300,
        blank=True,
        help_text=_("One sentence. Leave empty for a standard invitation to join the mailing list."),
    )

    content_panels = TranslatedPageMixin.content_panels + [
        FieldPanel("mission"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                InlinePanel(
                    "featured_statements",
                    max_num=3,
                    label=_("Pinned statements"),
                    help_text=_(
                        "Up to three statements shown first, in this order; the latest statements fill the rest."
                    ),
                ),
                FieldPanel("featured_campaign"),
            ],
            heading=_("Featured content"),
        ),
        MultiFieldPanel(
            [FieldPanel("cta_heading"), FieldPanel("cta_text"), FieldPanel("cta_page")],
            heading=_("Call to action"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("mission"), index.SearchField("intro")]

    translation_required_fields = ("title", "mission")
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    # read once with the copy kept for routing (wimn_site.frame.routing_pages), not on every request
    routing_prefetch = ("featured_statements",)

    class Meta:
        verbose_name = _("home page")

    # Its blocks come from the apps (wimn_site.home, through the `home_context` template tag).

    def route(self, request, path_components):
        """A section (a child listed in the site's frame) is fetched as its own class in one query; anything
        else is routed by Wagtail."""
        if path_components:
            child = routed_child(self, request, path_components[0])
            if child is not None:
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


class HomePageFeaturedStatement(Orderable):
    """A statement pinned to the top of the home page's latest statements."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_statements")
    statement = models.ForeignKey(
        "statements.StatementBasePage", verbose_name=_("statement"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("statement")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned statement")
        verbose_name_plural = _("pinned statements")


class ContentPage(TranslatedPageMixin, Page):
    """A general page: About, Contact, Members and the like."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = TranslatedPageMixin.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    translation_required_fields = ("title", "body")
    parent_page_types = ["wimn_site.HomePage", "wimn_site.ContentPage"]

    class Meta:
        verbose_name = _("content page")
