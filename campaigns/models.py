from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from wimn_site.blocks import BaseStreamBlock
from wimn_site.models import EnglishBaseColumnsMixin, TranslatedPageMixin


class Organization(EnglishBaseColumnsMixin, index.Indexed, models.Model):
    """A member, partner or coalition of the network, or another body (government, UN agency).

    Statements link their signatories and events their co-sponsors here, so each organization's
    page can show what it signed and co-sponsored.
    """

    REGIONS = [
        ("africa", _("Africa")),
        ("asia-pacific", _("Asia and the Pacific")),
        ("europe", _("Europe")),
        ("latin-america", _("Latin America and the Caribbean")),
        ("mena", _("Middle East and North Africa")),
        ("north-america", _("North America")),
        ("global", _("Global")),
    ]
    SECTORS = [
        ("womens-rights", _("Women's rights")),
        ("migrant-rights", _("Migrant rights")),
        ("human-rights", _("Human rights")),
        ("labour", _("Labour")),
        ("development", _("Development")),
        ("faith", _("Faith")),
        ("research", _("Research")),
        ("government", _("Government")),
        ("un-body", _("UN body")),
    ]
    RELATIONS = [
        ("member", _("Member")),
        ("partner", _("Partner")),
        ("coalition", _("Coalition the network belongs to")),
        ("other", _("Other")),
    ]

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    website = models.URLField(_("website"), blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True, help_text=_("Leave empty for global bodies."))
    region = models.CharField(_("region"), max_length=20, choices=REGIONS, default="global")
    sector = models.CharField(_("sector"), max_length=20, choices=SECTORS)
    relation = models.CharField(_("relation to the network"), max_length=20, choices=RELATIONS, default="other")
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("country"), FieldPanel("region")], heading=_("Where")),
        FieldPanel("sector"),
        FieldPanel("relation"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("acronym"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class CampaignIndexPage(TranslatedPageMixin, Page):
    """Lists the network's current and past campaigns."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wimn_site.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count = 1

    class Meta:
        verbose_name = _("campaigns index")


class CampaignPage(TranslatedPageMixin, Page):
    """A campaign around a UN process: what the network demands, its timeline, and all that is tagged to it."""

    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(_("hero image alt text"), max_length=250, blank=True)
    is_current = models.BooleanField(_("current campaign"), default=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image")),
        FieldPanel("is_current"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translation_required_fields = ("title", "intro")
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")
