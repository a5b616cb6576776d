"""Op-eds by network members, published by outside outlets."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from campaigns.models import OrganizationOrName
from wimn_site.related import with_organization

from ..blocks import StatementStreamBlock
from .base import OP_ED, StatementBasePage, footnotes_panel, summary_panel, topics_and_campaign_panel


class OpEdPage(StatementBasePage):
    """An op-ed published elsewhere: who wrote it, where it ran, an excerpt, and its versions in other languages.

    The page itself is the network's record of it; the full text stays with the outlet (`original_url`).
    """

    outlet = models.CharField(_("outlet"), max_length=150, help_text=_("Where it was published, e.g. openDemocracy."))
    original_url = models.URLField(_("original URL"), max_length=500, help_text=_("The op-ed on the outlet's site."))
    original_language = models.CharField(
        _("language of the original"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    body = StreamField(
        StatementStreamBlock(),
        blank=True,
        verbose_name=_("excerpt"),
        help_text=_("Optional: a short excerpt or the network's introduction. Keep quotes short."),
    )

    content_panels = StatementBasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), summary_panel()], heading=_("Publication date and summary")),
        MultiFieldPanel(
            [FieldPanel("outlet"), FieldPanel("original_url"), FieldPanel("original_language")],
            heading=_("Where it was published"),
        ),
        InlinePanel("authors", heading=_("Authors"), label=_("author"), min_num=1),
        FieldPanel("body"),
        footnotes_panel(),
        InlinePanel("language_versions", heading=_("Versions in other languages"), label=_("version")),
        InlinePanel("attachments", heading=_("Attached documents"), label=_("document")),
        topics_and_campaign_panel(),
    ]
    search_fields = StatementBasePage.search_fields + [index.SearchField("outlet"), index.SearchField("body")]
    fixed_kind = OP_ED
    template = "statements/op_ed_page.html"

    class Meta:
        verbose_name = _("op-ed")
        verbose_name_plural = _("op-eds")

    def related_lookups(self):
        return [*super().related_lookups(), with_organization("authors", OpEdAuthor), "language_versions"]

    def query_related(self):
        return {
            **super().query_related(),
            "authors": list(self.authors.all()),
            "language_versions": list(self.language_versions.all()),
        }

    def get_structured_data(self, request):
        data = super().get_structured_data(request)
        authors = self.related_context()["authors"]
        if authors:
            data["author"] = [author.schema_person() for author in authors]
        if self.original_url:
            data["isBasedOn"] = self.original_url
        return data


class OpEdAuthor(OrganizationOrName, Orderable):
    """An author of an op-ed: name, role, and the organization she writes from (from the directory or typed)."""

    page = ParentalKey(OpEdPage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=200, blank=True, help_text=_("e.g. International Coordinator"))

    organization_required = False
    panels = [FieldPanel("name"), FieldPanel("role"), *OrganizationOrName.organization_panels]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def schema_person(self):
        """The author as a schema.org Person, for the op-ed's structured data."""
        person = {"@type": "Person", "name": self.name}
        if self.role:
            person["jobTitle"] = self.role
        if self.organization_display:
            person["affiliation"] = {"@type": "Organization", "name": self.organization_display}
        return person


class OpEdVersion(Orderable):
    """The same op-ed in another language, often at another outlet."""

    page = ParentalKey(OpEdPage, on_delete=models.CASCADE, related_name="language_versions")
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title in that language"), max_length=300)
    outlet = models.CharField(_("outlet"), max_length=150, blank=True, help_text=_("Leave empty if the same."))
    url = models.URLField(_("URL"), max_length=500)

    panels = [FieldPanel("language"), FieldPanel("title"), FieldPanel("outlet"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("version in another language")
        verbose_name_plural = _("versions in other languages")

    def __str__(self):
        return f"{self.title} ({self.language})"

    def clean(self):
        super().clean()
        if self.page_id and self.language == getattr(self.page, "original_language", None):
            raise ValidationError({"language": _("This is the language of the original.")})
