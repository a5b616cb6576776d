"""Pledges: commitments the network makes, each with its own status, kept with their history."""

from django.db import models
from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from wimn_site.models import TranslatedPageMixin

from ..blocks import StatementStreamBlock
from .base import PLEDGE, StatementBasePage, footnotes_panel, summary_panel, topics_and_campaign_panel
from .history import compare, published_revision, published_versions, version_text


class PledgePage(RoutablePageMixin, StatementBasePage):
    """A pledge (e.g. WIMN's IMRF pledge): an introduction, then the commitments as items with a status.

    Each published version is kept as a revision. Visitors see the list of published versions on the page
    (date and "what changed"), any earlier version at `versions/<revision id>/` and a comparison of two at
    `versions/<id>/compare/<id>/` (models/history.py); staff also compare any two revisions in the admin.
    """

    body = StreamField(
        StatementStreamBlock(),
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
        footnotes_panel(),
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

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin's preview would skip the per-language preview of TranslatedPageMixin.
        return TranslatedPageMixin.serve_preview(self, request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pledge_versions"] = published_versions(self) if self.pk else []
        return context

    def get_cached_paths(self):
        """The page and each earlier version (their list of versions and "current" mark change with a new
        publication), purged with the page in every language. Comparisons keep their text and expire alone."""
        return [*super().get_cached_paths(), *(f"/versions/{v.revision_id}/" for v in published_versions(self))]

    def _version(self, revision_id):
        revision = published_revision(self, revision_id)
        if revision is None:
            raise Http404
        version = revision.as_object()
        version.revision_id = revision.pk
        return version

    def _versions_url(self, request):
        return f"{self.get_url(request)}versions/"

    @path("versions/<int:revision_id>/", name="version")
    def version(self, request, revision_id):
        """An earlier published version, as visitors saw it (not indexed)."""
        version = self._version(revision_id)
        base = self._versions_url(request)
        return self.render(
            request,
            template="statements/pledge_version.html",
            context_overrides={
                "version": version,
                "version_commitments": list(version.commitments.all()),
                "noindex": True,
                "breadcrumbs_tail": [(_("Version of %(date)s") % {"date": _short(version)}, f"{base}{revision_id}/")],
            },
        )

    @path("versions/<int:old_id>/compare/<int:new_id>/", name="compare")
    def compare_versions(self, request, old_id, new_id):
        """What changed between two published versions, text added and removed marked (not indexed)."""
        old, new = self._version(old_id), self._version(new_id)
        rows = compare(version_text(old), version_text(new))
        base = self._versions_url(request)
        return self.render(
            request,
            template="statements/pledge_compare.html",
            context_overrides={
                "old": old,
                "new": new,
                "rows": rows,
                "has_changes": any(state != "same" for state, _segments in rows),
                "noindex": True,
                "breadcrumbs_tail": [(_("Comparison of versions"), f"{base}{old_id}/compare/{new_id}/")],
            },
        )

    def query_related(self):
        return {**super().query_related(), "commitments": list(self.commitments.all())}


def _short(version):
    """A version's date for a breadcrumb: its "last updated" date, else its publication date."""
    return date_format(version.last_updated or version.date, "DATE_FORMAT")


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
