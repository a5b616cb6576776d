"""What every statement-like page shares: date, kind, summary, topics, campaign and attached documents."""

import datetime
import json

from wagtail_footnotes.models import Footnote

from django import forms
from django.conf import settings
from django.db import models
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaigns.models import FiledUnderCampaign
from wimn_site.models import TranslatedPageMixin
from wimn_site.related import by_name, nothing, page_links, with_document, with_originals
from wimn_site.site_urls import absolute_url

STATEMENT = "statement"
JOINT_STATEMENT = "joint_statement"
COMMENT = "comment"
MEDIA_ALERT = "media_alert"
PLEDGE = "pledge"
OP_ED = "op_ed"
NEWS = "news"
REPOST = "repost"

# The kinds a StatementPage can have; pledges and op-eds are page types of their own.
STATEMENT_KINDS = [
    (STATEMENT, _("Statement")),
    (JOINT_STATEMENT, _("Joint statement")),
    (COMMENT, _("Comment on a draft")),
    (MEDIA_ALERT, _("Media alert / press release")),
]
KINDS = STATEMENT_KINDS + [
    (PLEDGE, _("Pledge")),
    (OP_ED, _("Op-ed")),
    (NEWS, _("In the news")),
    (REPOST, _("From our partners")),
]
KIND_LABELS = dict(KINDS)
# The publisher named in the pages' structured data (in English in every language, like the logo).
ORGANIZATION_NAME = "Women in Migration Network"
# Plural names, for feed titles and filter headings.
KIND_PLURALS = {
    STATEMENT: _("Statements"),
    JOINT_STATEMENT: _("Joint statements"),
    COMMENT: _("Comments on drafts"),
    MEDIA_ALERT: _("Media alerts"),
    PLEDGE: _("Pledges"),
    OP_ED: _("Op-eds"),
    NEWS: _("In the news"),
    REPOST: _("From our partners"),
}


def available_in_q(model, language):
    """A Q matching rows of `model` whose required translated fields are filled in `language` (in SQL)."""
    q = models.Q()
    if language == settings.LANGUAGE_CODE:
        return q
    for name in model.translation_required_fields:
        column = f"{name}_{language}"
        q &= models.Q(**{f"{column}__isnull": False}) & ~models.Q(**{column: ""})
    return q


def summary_panel():
    """The summary as a short text box (it is two or three sentences)."""
    return FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3}))


def footnotes_panel():
    """The page's footnotes (wagtail-footnotes), each with its text in every language; the body's "Fn" button
    places a reference to one of them."""
    return InlinePanel(
        "footnotes",
        heading=_("Footnotes"),
        label=_("footnote"),
        help_text=_(
            "Add a footnote here, then place it in the text with the Fn button. Footnotes are numbered in the "
            "order they first appear in the text; a footnote not placed in the text is not shown."
        ),
    )


def topics_and_campaign_panel():
    """Topics as checkboxes (a short, shared list) and the campaign as a page chooser."""
    return MultiFieldPanel(
        [FieldPanel("topics", widget=forms.CheckboxSelectMultiple), FieldPanel("campaign")],
        heading=_("Topics and campaign"),
    )


class StatementBasePage(FiledUnderCampaign, TranslatedPageMixin, Page):
    """The columns every statement-like page shares, in one table.

    Statements, pledges and op-eds inherit from it, so the statements section can list, filter and
    paginate all of them in one ordered query (and a feed can carry them together). Not creatable
    on its own.
    """

    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        help_text=_("The publication date shown to visitors; listings and feeds are ordered by it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=STATEMENT, db_index=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Two or three sentences, shown in listings and feeds and when the page is shared."),
    )

    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("kind")]
    translation_required_fields = ("title", "summary")
    is_creatable = False
    parent_page_types = ["statements.StatementIndexPage"]
    subpage_types = []

    # The kind a page type always has (None: chosen by the editor).
    fixed_kind = None
    # Shared as an article (components/social_meta.html reads it).
    og_type = "article"
    # Related rows by context name, once read (see related_context).
    _related = None

    class Meta:
        verbose_name = _("statement-like page")
        ordering = ["-date", "-pk"]

    def save(self, *args, **kwargs):
        if self.fixed_kind:
            self.kind = self.fixed_kind
        return super().save(*args, **kwargs)

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def is_media_alert(self):
        return self.kind == MEDIA_ALERT

    def related_lookups(self):
        """The relations the page shows, which the section's fetch reads with one query each (`wimn_site.related`,
        `models.queries.fetch_child`) before `related_context` uses them. Footnotes are read here once, so each
        paragraph of the body finds them without a query of its own; a body that places none in any language
        shows none (wagtail-footnotes lists only the notes the text places), so they are not read."""
        footnotes = "footnotes" if self.places_footnotes() else nothing("footnotes", Footnote)
        return ["topics", with_document("attachments", StatementAttachment), footnotes]

    def places_footnotes(self):
        """Whether the body places a footnote in any language (wagtail-footnotes' `<footnote id="...">` tag)."""
        bodies = (getattr(self, build_localized_fieldname("body", code), None) for code, _name in settings.LANGUAGES)
        return any("<footnote " in json.dumps(list(body.raw_data), default=str) for body in bodies if body)

    def related_context(self):
        """Related rows for the template and the structured data, by name, read once: from what the section's
        fetch loaded when served, else (previews, other callers) from the page's possibly unsaved relations.
        Attached documents come as their originals with their language versions (one query)."""
        if self._related is None:
            self._related = self.query_related()
        return self._related

    def query_related(self):
        return {"topics": by_name(self.topics.all()), "attachments": with_originals(self.attachments.all())}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.related_context())
        context["index_page"] = index_page = self.get_parent()
        context["index_url"] = index_page.get_url(request) if index_page is not None else ""
        # The campaign as a link (title, URL), when visitors may see it.
        context["campaign"] = page_links([self.campaign_id], request).get(self.campaign_id)
        return context

    def get_structured_data(self, request):
        """A schema.org NewsArticle (statements, media alerts) or Article (pledges, op-eds), which base.html's
        `{% structured_data %}` (wimn_site.templatetags.wimn_seo) writes as JSON-LD after the breadcrumbs."""
        language = translation.get_language()
        url = absolute_url(request, request.path)
        publisher = {
            "@type": "Organization",
            "name": ORGANIZATION_NAME,
            "alternateName": "WIMN",
            "url": absolute_url(request, f"/{language}/"),
            "logo": {"@type": "ImageObject", "url": absolute_url(request, static("img/logo.svg"))},
        }
        data = {
            "@context": "https://schema.org",
            "@type": "Article" if self.kind in (PLEDGE, OP_ED, NEWS, REPOST) else "NewsArticle",
            "headline": self.title[:110],
            "name": self.title,
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "datePublished": self.date.isoformat(),
            "inLanguage": language if self.is_available_in(language) else settings.LANGUAGE_CODE,
            "articleSection": str(self.kind_label),
            "isAccessibleForFree": True,
            "publisher": publisher,
            "author": publisher,
        }
        modified = getattr(self, "last_updated", None) or (self.last_published_at and self.last_published_at.date())
        if modified:
            data["dateModified"] = modified.isoformat()
        if self.summary:
            data["description"] = self.summary
        topics = self.related_context()["topics"]
        if topics:
            data["keywords"] = ", ".join(t.name for t in topics)
        return data


class StatementAttachment(Orderable):
    """A document attached to a statement-like page; visitors get its version in their language."""

    page = ParentalKey(StatementBasePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose the original; its versions in other languages are offered automatically."),
    )
    label = models.CharField(
        _("label"), max_length=200, blank=True, help_text=_("Defaults to the document title, e.g. 'Full statement'.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")
