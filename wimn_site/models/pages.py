from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BaseStreamBlock
from .mixins import TranslatedPageMixin


class HomePage(TranslatedPageMixin, Page):
    """The root of the public site in every language."""

    mission = models.CharField(
        _("mission"), max_length=300, blank=True, help_text=_("The network's mission in one sentence.")
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("mission"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("mission"), index.SearchField("intro")]

    translation_required_fields = ("title", "mission")
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class ContentPage(TranslatedPageMixin, Page):
    """A general page: About, Contact, Members and the like."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    translation_required_fields = ("title", "body")
    parent_page_types = ["wimn_site.HomePage", "wimn_site.ContentPage"]

    class Meta:
        verbose_name = _("content page")
