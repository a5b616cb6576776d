"""The record's other kinds, listed beside statements: news coverage of the network, and partners' material reposted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import StatementStreamBlock
from .base import NEWS, REPOST, StatementBasePage, summary_panel, topics_and_campaign_panel

ARTICLE = "article"
INTERVIEW = "interview"
FORMATS = [(ARTICLE, _("Article")), (INTERVIEW, _("Interview"))]


class NewsCoveragePage(StatementBasePage):
    """News coverage of the network or an interview with its members, published by an outlet ("WIMN in the News").

    The page is the network's record of it: who published it, when, in which language, what it is about and
    perhaps a short quote; the piece itself stays with the outlet (`url`), so the link leaves the site.
    """

    outlet = models.CharField(
        _("outlet"), max_length=150, help_text=_("Who published it, e.g. Friedrich-Ebert-Stiftung.")
    )
    coverage_format = models.CharField(_("format"), max_length=20, choices=FORMATS, default=ARTICLE)
    url = models.URLField(_("link"), max_length=500, blank=True, help_text=_("The piece on the outlet's site."))
    piece_language = models.CharField(
        _("language of the piece"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    quote = models.TextField(
        _("quote"), blank=True, help_text=_("Optional: a short quote from the piece, exactly as published.")
    )
    body = StreamField(
        StatementStreamBlock(),
        blank=True,
        verbose_name=_("about it"),
        help_text=_("Optional: the network's introduction to the piece (who spoke, about what)."),
    )

    content_panels = StatementBasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), summary_panel()], heading=_("Publication date and summary")),
        MultiFieldPanel(
            [FieldPanel("outlet"), FieldPanel("coverage_format"), FieldPanel("url"), FieldPanel("piece_language")],
            heading=_("Where it was published"),
        ),
        FieldPanel("quote"),
        FieldPanel("body"),
        topics_and_campaign_panel(),
    ]
    search_fields = StatementBasePage.search_fields + [index.SearchField("outlet"), index.SearchField("body")]
    fixed_kind = NEWS
    template = "statements/news_coverage_page.html"

    class Meta:
        verbose_name = _("news coverage")
        verbose_name_plural = _("news coverage")

    def get_structured_data(self, request):
        data = super().get_structured_data(request)
        if self.url:
            data["isBasedOn"] = self.url
        return data


class RepostPage(StatementBasePage):
    """A partner's article or statement the network shares: its source, an excerpt, and "Continue reading" to the
    original (which leaves the site). The excerpt is the partner's text, kept short and as published."""

    source_name = models.CharField(_("source"), max_length=150, help_text=_("Who published the original, e.g. PICUM."))
    source_url = models.URLField(_("source's website"), max_length=500, blank=True)
    original_url = models.URLField(
        _("original"), max_length=500, blank=True, help_text=_("The original piece: the 'Continue reading' link.")
    )
    byline = models.CharField(
        _("byline"), max_length=300, blank=True, help_text=_("Optional: the authors as the original names them.")
    )
    excerpt = models.TextField(_("excerpt"), help_text=_("The opening of the original, as published. Keep it short."))
    original_language = models.CharField(
        _("language of the original"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    content_panels = StatementBasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), summary_panel()], heading=_("Date and summary")),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url"), FieldPanel("original_url"), FieldPanel("byline")],
            heading=_("The original"),
        ),
        MultiFieldPanel([FieldPanel("excerpt"), FieldPanel("original_language")], heading=_("Excerpt")),
        topics_and_campaign_panel(),
    ]
    search_fields = StatementBasePage.search_fields + [index.SearchField("source_name"), index.SearchField("excerpt")]
    fixed_kind = REPOST
    template = "statements/repost_page.html"

    class Meta:
        verbose_name = _("repost")
        verbose_name_plural = _("reposts")

    def get_structured_data(self, request):
        data = super().get_structured_data(request)
        data["author"] = {"@type": "Organization", "name": self.source_name}
        if self.original_url:
            data["isBasedOn"] = self.original_url
        return data
