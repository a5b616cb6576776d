"""Statements, joint statements, comments on drafts and media alerts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from campaigns.models import OrganizationOrName
from wimn_site.related import with_organization
from wimn_site.translators import TranslatedPageForm

from ..blocks import StatementStreamBlock
from .base import (
    MEDIA_ALERT,
    STATEMENT_KINDS,
    StatementBasePage,
    footnotes_panel,
    summary_panel,
    topics_and_campaign_panel,
)


class StatementPageForm(TranslatedPageForm):
    """Offers only the statement kinds (pledges and op-eds are page types of their own)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].choices = STATEMENT_KINDS


EMBARGO_HELP = _(
    "<p><strong>Embargo:</strong> to publish a media alert at a set minute, open the <em>Status</em> panel (top "
    "right), choose <em>Set schedule</em>, enter the <em>go live date/time</em>, choose <em>Save "
    "schedule</em>, then <em>Schedule to publish</em> in the menu next to <em>Save draft</em>. The page stays "
    "hidden everywhere on the public site (page, listings, feeds, search) until that minute, then goes live "
    "without anyone clicking. All four languages go live together.</p>"
)


class StatementPage(StatementBasePage):
    """What the network says: a statement, a joint statement, a comment on a UN draft, or a media alert.

    A media alert adds a dateline and a press contact, and is usually embargoed: staff schedule its
    go-live minute (Wagtail's `go_live_at`) and the scheduler publishes it then.
    """

    body = StreamField(StatementStreamBlock(), blank=True, verbose_name=_("body"))
    dateline = models.CharField(
        _("dateline"),
        max_length=150,
        blank=True,
        help_text=_("Media alerts: place and date at the start of the text, e.g. 'NEW YORK, 20 May 2022'."),
    )
    press_contact_name = models.CharField(_("press contact"), max_length=150, blank=True)
    press_contact_email = models.EmailField(_("press contact email"), blank=True)
    press_contact_phone = models.CharField(_("press contact phone"), max_length=50, blank=True)

    content_panels = StatementBasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("date"), summary_panel()],
            heading=_("Kind, date and summary"),
        ),
        FieldPanel("body"),
        footnotes_panel(),
        InlinePanel("signatories", heading=_("Signatories"), label=_("signatory")),
        InlinePanel("attachments", heading=_("Attached documents"), label=_("document")),
        MultiFieldPanel(
            [
                HelpPanel(content=EMBARGO_HELP),
                FieldPanel("dateline"),
                FieldPanel("press_contact_name"),
                FieldPanel("press_contact_email"),
                FieldPanel("press_contact_phone"),
            ],
            heading=_("Media alert"),
        ),
        topics_and_campaign_panel(),
    ]
    search_fields = StatementBasePage.search_fields + [index.SearchField("body"), index.SearchField("dateline")]
    base_form_class = StatementPageForm
    template = "statements/statement_page.html"

    class Meta:
        verbose_name = _("statement or media alert")
        verbose_name_plural = _("statements and media alerts")

    def clean(self):
        super().clean()
        if self.kind == MEDIA_ALERT and not (self.press_contact_email or self.press_contact_phone):
            raise ValidationError(
                {"press_contact_email": _("A media alert needs a press contact: give an email or a phone number.")}
            )

    def related_lookups(self):
        return [*super().related_lookups(), with_organization("signatories", StatementSignatory)]

    def query_related(self):
        return {**super().query_related(), "signatories": list(self.signatories.all())}

    def get_structured_data(self, request):
        data = super().get_structured_data(request)
        if self.is_media_alert and self.dateline:
            data["dateline"] = self.dateline
        return data


class StatementSignatory(OrganizationOrName, Orderable):
    """An organization that signed a statement: one from the directory, or a name for those not in it."""

    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="signatories")

    panels = OrganizationOrName.organization_panels

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.organization_display
