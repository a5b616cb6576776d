"""Pledges: commitments the network makes, each with its own status, kept with their history."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from wimn_site.blocks import BaseStreamBlock

from .base import PLEDGE, StatementBasePage, summary_panel, topics_and_campaign_panel


class PledgePage(StatementBasePage):
    """A pledge (e.g. WIMN's IMRF pledge): an introduction, then the commitments as items with a status.

    Each published version is kept as a revision, so staff can compare what changed between updates
    (History → Compare in the admin) and visitors see when it was last updated.
    """

    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("The text before the commitments."),
    )
    last_updated = models.DateField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_("Shown to visitors. Change it when you update the commitments or their status."),
    )
    update_note = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("A sentence for visitors on the latest update, shown under the 'last updated' date."),
    )

    content_panels = StatementBasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), summary_panel()], heading=_("Date and summary")),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("last_updated"), FieldPanel("update_note")], heading=_("Last update")),
        InlinePanel("commitments", heading=_("Commitments"), label=_("commitment"), min_num=1),
        InlinePanel("attachments", heading=_("Attached documents"), label=_("document")),
        topics_and_campaign_panel(),
    ]
    search_fields = StatementBasePage.search_fields + [index.SearchField("body")]
    fixed_kind = PLEDGE
    template = "statements/pledge_page.html"

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def related_lookups(self):
        return [*super().related_lookups(), "commitments"]

    def query_related(self):
        return {**super().query_related(), "commitments": list(self.commitments.all())}


class PledgeCommitment(Orderable):
    """One commitment of a pledge, with where it stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    STATUSES = [(PLANNED, _("Planned")), (IN_PROGRESS, _("In progress")), (DONE, _("Done"))]

    page = ParentalKey(PledgePage, on_delete=models.CASCADE, related_name="commitments")
    text = models.TextField(_("commitment"))
    status = models.CharField(_("status"), max_length=20, choices=STATUSES, default=PLANNED)
    note = models.TextField(_("note"), blank=True, help_text=_("Progress so far, or why the status changed."))

    panels = [FieldPanel("text"), FieldPanel("status"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.text[:80]
