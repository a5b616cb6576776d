import calendar
import datetime
from dataclasses import dataclass

import django_filters

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.dates import MONTHS as DJANGO_MONTHS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from wimn_site.blocks import BaseStreamBlock
from wimn_site.compiled import ID, TEXT, child_paths, children, compiled
from wimn_site.listing import FilteredListingMixin, ListingFilterSet, paginate_in_one_query, with_total
from wimn_site.models import EnglishBaseColumnsMixin, TranslatedPageMixin
from wimn_site.models.mixins import ChoiceLabelsMixin
from wimn_site.related import page_links, prefetch
from wimn_site.visibility import public_pages

from . import dates
from .aggregation import campaign_groups, organization_sections

LOGO_SPECS = "max-{160x80,320x160}"


class Organization(ChoiceLabelsMixin, EnglishBaseColumnsMixin, index.Indexed, ClusterableModel):
    """A member, partner or coalition of the network, or another body (government, UN agency).

    Statements link their signatories and events their participants here, so each organization's
    page can show what it signed and took part in. For a coalition or body the network belongs to, its
    `memberships` say how (a member, a steering-committee seat, a partner that is not a formal member) and when.
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

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The organization's own name; give translations only where it has an official one."),
    )
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
        InlinePanel(
            "memberships",
            heading=_("The network's membership"),
            label=_("Membership"),
            help_text=_(
                "For a coalition or body the network belongs to or sits in: its role there, and when. Keep a row "
                "for a membership that ended (with its last year), and add one when the role changed."
            ),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("acronym"), index.AutocompleteField("name")]

    class Meta:
        # English order everywhere (modeltranslation would sort "name" by the active language's column, where
        # most names are empty and fall back); the directory sorts by the name each visitor reads.
        ordering = ["name_en"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.shown_acronym else self.name

    @property
    def shown_acronym(self):
        """The acronym in the active language (English when it has none) to show after the name, or "" when the
        name holds it already ("Investigación de la OIM")."""
        return self.acronym if self.acronym and self.acronym not in self.name else ""

    def membership_list(self):
        """The network's memberships here: current ones first (the longest-standing first), then past ones, the
        most recently ended first. Reads the prefetched rows when the listing fetched them."""
        rows = list(self.memberships.all())
        current = sorted(
            (row for row in rows if not row.is_past), key=lambda row: (row.start_year or 9999, row.pk or 0)
        )
        past = sorted((row for row in rows if row.is_past), key=lambda row: (-row.end_year, row.pk or 0))
        return current + past

    @staticmethod
    def name_order(language=None):
        """An ordering expression on the name shown in `language` (its translation, else the English name)."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        column = f"name_{language}" if language in dict(settings.LANGUAGES) else "name_en"
        return Lower(Coalesce(NullIf(F(column), Value("")), F("name_en")))


def this_year():
    return timezone.localdate().year


class CoalitionMembership(ChoiceLabelsMixin, Orderable):
    """The network's place in a coalition or other body, over a period: "a member", "a seat on the steering
    committee", "a partner, not a formal member", "member until 2019".

    A row with an end year is a past membership; without one it lasts. A change of role is a new row, so the
    history stays readable on the organization's page and in the directory.
    """

    MEMBER, STEERING_COMMITTEE, PARTNER, OBSERVER = "member", "steering-committee", "partner", "observer"
    ROLES = [
        (MEMBER, _("Member")),
        (STEERING_COMMITTEE, _("Steering committee")),
        (PARTNER, _("Partner, not a formal member")),
        (OBSERVER, _("Observer")),
    ]
    FIRST_YEAR = 1900

    organization = ParentalKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=ROLES, default=MEMBER)
    start_year = models.PositiveSmallIntegerField(
        _("since (year)"), null=True, blank=True, help_text=_("Leave empty when the year is not known.")
    )
    end_year = models.PositiveSmallIntegerField(
        _("until (year)"),
        null=True,
        blank=True,
        help_text=_("The last year of a membership that ended; leave empty while it lasts."),
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("For example 'A contributor to its Spotlight Report'.")
    )

    panels = [FieldRowPanel([FieldPanel("role"), FieldPanel("start_year"), FieldPanel("end_year")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        errors = {}
        latest = this_year()
        for name in ("start_year", "end_year"):
            year = getattr(self, name)
            if year is not None and not self.FIRST_YEAR <= year <= latest:
                errors[name] = _("Give a year between %(first)s and %(last)s.") % {
                    "first": self.FIRST_YEAR,
                    "last": latest,
                }
        if not errors and self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The membership cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.end_year is not None

    @property
    def label(self):
        """The role and period in the active language: "Steering committee since 2009", "Member until 2019"."""
        role = self.get_role_display()
        if self.start_year and self.end_year:
            return _("%(role)s from %(start)s to %(end)s") % {
                "role": role,
                "start": self.start_year,
                "end": self.end_year,
            }
        if self.end_year:
            return _("%(role)s until %(end)s") % {"role": role, "end": self.end_year}
        if self.start_year:
            return _("%(role)s since %(start)s") % {"role": role, "start": self.start_year}
        return str(role)


# --- Campaigns --------------------------------------------------------------------------------------


class OrganizationOrName(models.Model):
    """Who a page names: an organization of the directory (linked, and named in the visitor's language), or,
    for one not in it (a government, a UN agency), its name as typed.

    Statement signatories, op-ed authors' affiliations, event co-sponsors and speakers share it, so each
    links to the directory the same way and each organization's page can list what it took part in.
    """

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose from the organizations directory when it is there."),
    )
    organization_name = models.CharField(
        _("organization name"),
        max_length=255,
        blank=True,
        help_text=_(
            "For an organization not in the directory (a government or UN agency, say); with one chosen, "
            "how to write its name when it differs (in another language, for instance)."
        ),
    )

    # Must a row name an organization? A signatory or co-sponsor must; a speaker may speak for herself.
    organization_required = True
    organization_panels = [FieldPanel("organization"), FieldPanel("organization_name")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.organization_required and not self.organization_id and not (self.organization_name or "").strip():
            # where the name is translated, the form shows it per language: the error goes with the English one
            field = "organization_name_en" if hasattr(self, "organization_name_en") else "organization_name"
            raise ValidationError({field: _("Choose an organization or type its name.")})

    @property
    def organization_display(self):
        """The name to show: the row's own wording for a language other than English when it has one, else the
        directory's name in the visitor's language, else the name as typed."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        own = getattr(self, f"organization_name_{language}", None)
        if self.organization_id and self.organization:
            return own if own and language != settings.LANGUAGE_CODE else self.organization.name
        return self.organization_name or ""

    @property
    def organization_label(self):
        """The name with the directory's acronym after it, when the name does not hold it already."""
        name = self.organization_display
        acronym = self.organization.acronym if self.organization_id and self.organization else ""
        return f"{name} ({acronym})" if acronym and acronym not in name else name


class FiledUnderCampaign(models.Model):
    """The topics a statement or event is filed under, and the campaign it belongs to (which then lists it)."""

    topics = ParentalManyToManyField("wimn_site.Topic", blank=True, verbose_name=_("topics"))
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The campaign this belongs to; it is then listed on the campaign's page."),
    )

    class Meta:
        abstract = True


class CampaignIndexPage(TranslatedPageMixin, Page):
    """Lists the network's current and past campaigns."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = TranslatedPageMixin.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wimn_site.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count = 1

    class Meta:
        verbose_name = _("campaigns index")

    def route(self, request, path_components):
        """Serve a campaign fetched with its demands and milestones (see fetch_campaign)."""
        if path_components and self.live:
            campaign = self.fetch_campaign(path_components[0])
            if campaign is None:
                raise Http404
            campaign._cached_parent_obj = self
            return campaign.route(request, path_components[1:])
        return super().route(request, path_components)

    def fetch_campaign(self, slug):
        """The child campaign `slug` with its hero image, its demands and milestones read (one query each,
        `wimn_site.related`)."""
        found = _campaign_at(slug=slug, **child_paths(self))
        campaign = found[0] if found else None
        if campaign is not None:
            prefetch([campaign], "demands", "milestones")
        return campaign

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = sorted(
            public_pages(CampaignPage.objects.child_of(self))
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions"),
            key=CampaignPage.sort_key,
        )
        context["current_campaigns"] = [c for c in campaigns if c.is_current]
        context["past_campaigns"] = [c for c in campaigns if not c.is_current]
        return context


@compiled(low=TEXT, high=TEXT, depth=ID, slug=TEXT)
def _campaign_at(low, high, depth, slug):
    return children(CampaignPage.objects.filter(slug=slug), low, high, depth).select_related("hero_image")


class CampaignPage(TranslatedPageMixin, Page):
    """A campaign around a UN process: what the network demands, its timeline, and all that is tagged to it.

    Statements, pledges, op-eds and events point here through their own `campaign` field, so the
    campaign page gathers them without editors curating lists by hand.
    """

    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(_("hero image alt text"), max_length=250, blank=True)
    is_current = models.BooleanField(_("current campaign"), default=True)
    start_date = models.DateField(
        _("started"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a campaign without a fixed start; it is then shown as ongoing."),
    )
    end_date = models.DateField(
        _("ended"), null=True, blank=True, help_text=_("Leave empty while the campaign goes on, or when it has no end.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    demands_heading = models.CharField(
        _("heading of the demands"),
        max_length=200,
        blank=True,
        help_text=_("For example 'Our four priority concerns'. Defaults to 'Our demands'."),
    )

    content_panels = TranslatedPageMixin.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image")),
        MultiFieldPanel(
            [FieldPanel("is_current"), FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("demands_heading"), InlinePanel("demands", label=_("Demand"))], heading=_("Priority demands")
        ),
        InlinePanel("milestones", heading=_("Timeline"), label=_("Milestone")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translation_required_fields = ("title", "intro")
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        if self.hero_image_id and not (self.hero_alt_en or self.hero_alt or "").strip():
            raise ValidationError({"hero_alt_en": _("Describe the hero image for people who cannot see it.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})

    @property
    def is_ongoing(self):
        """A current campaign without dates: an ongoing effort rather than a dated one."""
        return self.is_current and not self.start_date and not self.end_date

    @property
    def dates_label(self):
        """When the campaign runs, in months of the active language: "March 2021 – May 2022", "Since March 2021",
        "Until May 2022", "Ongoing" for a current one without dates, "" for a past one without dates."""
        start, end = self.start_date, self.end_date
        if start and end:
            if (start.year, start.month) == (end.year, end.month):
                return dates.month_year(start)
            return pgettext("date range", "%(start)s – %(end)s") % {
                "start": dates.month_year(start),
                "end": dates.month_year(end),
            }
        if start:
            return _("Since %(date)s") % {"date": dates.month_year(start)}
        if end:
            return _("Until %(date)s") % {"date": dates.month_year(end)}
        return str(_("Ongoing")) if self.is_current else ""

    def sort_key(self):
        """Listings: campaigns with dates first, the most recent (end, else start) first; then those without,
        the most recently published first."""
        latest = self.end_date or self.start_date
        published = self.first_published_at.timestamp() if self.first_published_at else 0
        return (latest is None, -(latest.toordinal() if latest else 0), -published, self.pk or 0)

    def demand_list(self):
        """The demands in order: as the section's fetch read them when served, else from the database (or from
        the editor's unsaved form in a preview)."""
        return list(self.demands.all())

    def timeline(self, request=None):
        """The milestones in date order, each knowing whether it is past, and linking (`link`, a title and URL)
        to the page it names when visitors may see it."""
        items = sorted(self.milestones.all(), key=lambda m: (m.date, m.sort_order or 0))
        links = page_links([item.link_page_id for item in items], request)
        today = timezone.localdate()
        for item in items:
            item.is_past = (item.end_date or item.date) < today
            item.link = links.get(item.link_page_id)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["demands"] = self.demand_list()
        context["timeline"] = self.timeline(request)
        context["groups"] = campaign_groups(self, request)
        return context


class CampaignDemand(Orderable):
    """One of the campaign's priority demands, in the order the network ranks them."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="demands")
    title = models.CharField(_("demand"), max_length=300, help_text=_("The demand in one sentence."))
    detail = models.TextField(_("explanation"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("detail", widget=forms.Textarea(attrs={"rows": 3}))]

    class Meta(Orderable.Meta):
        verbose_name = _("demand")
        verbose_name_plural = _("demands")

    def __str__(self):
        return self.title


class CampaignMilestone(Orderable):
    """A dated step of the process the campaign follows: a draft published, a revision expected, the forum."""

    PRECISIONS = [
        ("day", _("On the day")),
        ("week", _("During the week of")),
        ("month", _("During the month")),
    ]

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("For steps lasting several days."))
    precision = models.CharField(
        _("precision"),
        max_length=10,
        choices=PRECISIONS,
        default="day",
        help_text=_("'During the week of' for a date only expected, 'During the month' when the day is unknown."),
    )
    label = models.CharField(_("label"), max_length=250, help_text=_("For example 'Zero draft published'."))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("link to a page"),
    )
    link_url = models.URLField(_("or link elsewhere"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("end_date"), FieldPanel("precision")]),
        FieldPanel("label"),
        FieldPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    @property
    def when(self):
        """The date as the timeline shows it, in the active language."""
        if self.precision == "month":
            return dates.month_year(self.date)
        if self.precision == "week":
            return _("week of %(date)s") % {"date": dates.full_date(self.date)}
        return dates.span(self.date, self.end_date)


# --- Organizations directory ------------------------------------------------------------------------


class OrganizationFilters(ListingFilterSet):
    region = django_filters.ChoiceFilter(choices=Organization.REGIONS, label=_("Region"), empty_label=_("All regions"))
    sector = django_filters.ChoiceFilter(choices=Organization.SECTORS, label=_("Sector"), empty_label=_("All sectors"))
    relation = django_filters.ChoiceFilter(
        choices=Organization.RELATIONS, label=_("Relation to the network"), empty_label=_("All relations")
    )


DIRECTORY_PER_PAGE = 24


@compiled()
def _directory_first_page():
    return with_total(OrganizationDirectoryPage.organizations())[:DIRECTORY_PER_PAGE]


class OrganizationDirectoryPage(FilteredListingMixin, RoutablePageMixin, TranslatedPageMixin, Page):
    """The member and partner organizations, filterable by region, sector and relation.

    Each organization has its own address below this page (`/<lang>/members/<slug>/`), which lists
    what it signed and co-sponsored on this site.
    """

    intro = models.TextField(_("introduction"), blank=True)
    per_page = DIRECTORY_PER_PAGE

    content_panels = TranslatedPageMixin.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wimn_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("organizations directory")

    @staticmethod
    def organizations():
        return (
            Organization.objects.select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by(Organization.name_order(), "pk")
        )

    @path("")
    def directory(self, request):
        filters = OrganizationFilters(request.GET, self.organizations())
        # the whole directory, unfiltered: its first page is a compiled read
        first_page = _directory_first_page if not filters and self.per_page == DIRECTORY_PER_PAGE else None
        page_obj = paginate_in_one_query(request, filters.qs, per_page=self.per_page, first_page=first_page)
        prefetch(list(page_obj.object_list), "memberships")  # the network's memberships: one query for the page
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "filter_query": filters.querystring(),
                "page_obj": page_obj,
                "organizations": page_obj.object_list,
                # Each organization's address is the directory's followed by its slug (`organization` below).
                "directory_url": self.get_url(request),
                "noindex": bool(filters) or page_obj.number > 1,
            },
        )

    def get_sitemap_urls(self, request=None):
        """The directory and every organization's page (called once per language by the site's sitemap)."""
        urls = super().get_sitemap_urls(request)
        base = urls[0]["location"]
        slugs = Organization.objects.order_by("slug").values_list("slug", flat=True)
        return urls + [{"location": f"{base}{slug}/", "lastmod": urls[0].get("lastmod")} for slug in slugs]

    @path("<slug:slug>/")
    def organization(self, request, slug):
        if len(slug) > 100:
            raise Http404
        organization = get_object_or_404(self.organizations(), slug=slug)
        prefetch([organization], "memberships")
        return self.render(
            request,
            template="campaigns/organization_detail.html",
            context_overrides={"organization": organization, "groups": organization_sections(organization, request)},
        )


def pages_showing(page, organizations=()):
    """Absolute URLs of the campaign hub and the organization pages that list `page` (the caches purge them
    with it): its campaign, and the directory pages of `organizations`."""
    urls = []
    campaign = getattr(page, "campaign", None)
    if campaign is not None and campaign.live:
        urls.append(campaign.get_full_url())
    slugs = sorted({organization.slug for organization in organizations if organization is not None})
    directory = OrganizationDirectoryPage.objects.live().first() if slugs else None
    if directory is not None and directory.get_full_url():
        urls += [f"{directory.get_full_url()}{slug}/" for slug in slugs]
    return urls


# --- Advocacy calendar ------------------------------------------------------------------------------


# Django's own month names, so that a date's "May" reads "mayo" in Spanish everywhere on the site.
MONTHS = list(DJANGO_MONTHS.items())


def _day_in_year(year, month, day):
    """The date `day` `month` in `year`; 29 February falls on the 28th in a common year."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


class AdvocacyDay(EnglishBaseColumnsMixin, models.Model):
    """A day, season or venue the network marks every year (or once): International Women's Day, CSW, the 16 Days.

    Staff describe when it happens with a rule simple enough to fill in without help; the site works out
    the next occurrence, shows it on the calendar page and under "coming up" on the home page, and the
    events calendar feed includes it (see `campaigns.calendar`).
    """

    YEARLY_DATE = "yearly-date"
    YEARLY_RANGE = "yearly-range"
    YEARLY_MONTH = "yearly-month"
    ONCE = "once"
    NO_FIXED_DATE = "no-fixed-date"
    RULES = [
        (YEARLY_DATE, _("Every year on the same day (e.g. 8 March)")),
        (YEARLY_RANGE, _("Every year over the same days (e.g. 25 November to 10 December)")),
        (YEARLY_MONTH, _("Every year during one month (e.g. each March)")),
        (ONCE, _("Once, on given dates")),
        (NO_FIXED_DATE, _("No fixed dates: ongoing, or whenever it meets (e.g. a UN committee's sessions)")),
    ]

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    rule = models.CharField(
        _("when it happens"),
        max_length=20,
        choices=RULES,
        default=YEARLY_DATE,
        help_text=_(
            "Then fill in 'Every year' (the month and day; for several days also the month and day it ends; "
            "for a whole month the month only) or 'Once' (the date, and the last day if it lasts several days). "
            "Without fixed dates, fill in neither: it is listed as ongoing, never in the calendar's dates."
        ),
    )
    month = models.PositiveSmallIntegerField(_("month"), choices=MONTHS, null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True, help_text=_("Day of the month, 1 to 31."))
    end_month = models.PositiveSmallIntegerField(_("until month"), choices=MONTHS, null=True, blank=True)
    end_day = models.PositiveSmallIntegerField(_("until day"), null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    end_date = models.DateField(_("until date"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True, help_text=_("For example 'New York'."))
    link = models.URLField(_("link"), blank=True, help_text=_("Where to learn more (the UN page, the campaign)."))
    description = models.TextField(_("description"), blank=True)
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_('Demo content that is not part of the network\'s record; the admin labels it "Example".'),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("rule"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("month"), FieldPanel("day")]),
                FieldRowPanel([FieldPanel("end_month"), FieldPanel("end_day")]),
            ],
            heading=_("Every year"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("end_date")])],
            heading=_("Once"),
        ),
        FieldPanel("venue"),
        FieldPanel("link"),
        FieldPanel("description"),
        FieldPanel("is_example"),
    ]

    class Meta:
        ordering = ["month", "day", "date", "name_en"]
        verbose_name = _("advocacy day")
        verbose_name_plural = _("advocacy days")

    def __str__(self):
        return self.name

    @property
    def admin_title(self):
        """The name in the admin's listing, marked when it is demo content the network's record does not hold."""
        if self.is_example:
            # Translators: marks demo content the network's record does not hold, in the admin's listings
            return _("%(title)s (Example)") % {"title": self.name}
        return self.name

    admin_title.fget.short_description = _("name")

    # Validation keeps only the fields the chosen rule uses, so the stored rule is never ambiguous.
    def clean(self):
        super().clean()
        errors = {}
        required = {
            self.YEARLY_DATE: ("month", "day"),
            self.YEARLY_RANGE: ("month", "day", "end_month", "end_day"),
            self.YEARLY_MONTH: ("month",),
            self.ONCE: ("date",),
        }.get(self.rule, ())
        for name in required:
            if getattr(self, name) in (None, ""):
                errors[name] = _("Required for this rule.")
        for month_field, day_field in (("month", "day"), ("end_month", "end_day")):
            month, day = getattr(self, month_field), getattr(self, day_field)
            if month and day and not 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000: a leap year
                errors[day_field] = _("This month has no such day.")
        if self.rule == self.ONCE and self.date and self.end_date and self.end_date < self.date:
            errors["end_date"] = _("The end date is before the start date.")
        if self.rule == self.YEARLY_RANGE and not errors and (self.month, self.day) == (self.end_month, self.end_day):
            errors["end_day"] = _(
                "A span of days ends on another day; for one day choose 'Every year on the same day'."
            )
        if errors:
            raise ValidationError(errors)
        keep = set(required) | ({"end_date"} if self.rule == self.ONCE else set())
        for name in ("month", "day", "end_month", "end_day", "date", "end_date"):
            if name not in keep:
                setattr(self, name, None)

    @property
    def is_recurring(self):
        return self.rule in (self.YEARLY_DATE, self.YEARLY_RANGE, self.YEARLY_MONTH)

    @property
    def has_fixed_dates(self):
        return self.rule != self.NO_FIXED_DATE

    def occurrence_in(self, year):
        """(start, end) of the occurrence starting in `year`, for a yearly rule (None for a one-off)."""
        if self.rule == self.YEARLY_DATE:
            start = _day_in_year(year, self.month, self.day)
            return start, start
        if self.rule == self.YEARLY_RANGE:
            start = _day_in_year(year, self.month, self.day)
            end_year = year + 1 if (self.end_month, self.end_day) < (self.month, self.day) else year
            return start, _day_in_year(end_year, self.end_month, self.end_day)
        if self.rule == self.YEARLY_MONTH:
            return datetime.date(year, self.month, 1), _day_in_year(year, self.month, 31)
        return None

    def _occurrences_from_year(self, first_year):
        if self.rule == self.NO_FIXED_DATE:  # never in the calendar's dates
            return
        if self.rule == self.ONCE:
            if self.date:
                yield self.date, self.end_date or self.date
            return
        if not self.month:  # an incomplete rule (saved outside the admin) has no occurrences
            return
        for year in range(max(first_year, datetime.MINYEAR), datetime.MAXYEAR):
            yield self.occurrence_in(year)

    def next_occurrence(self, on=None):
        """(start, end) of the first occurrence not over by `on` (today by default), or None.

        An occurrence under way on that day counts: on 30 November the 16 Days (25 November to
        10 December) are ongoing, so their current occurrence is returned.
        """
        on = on or timezone.localdate()
        for start, end in self._occurrences_from_year(on.year - 1):
            if end >= on:
                return start, end
        return None

    def occurrences_between(self, start, end):
        """Every (start, end) occurrence overlapping the days from `start` to `end` inclusive."""
        found = []
        for occ_start, occ_end in self._occurrences_from_year(start.year - 1):
            if occ_start > end:
                break
            if occ_end >= start:
                found.append((occ_start, occ_end))
        return found

    @property
    def rule_label(self):
        """The rule in words, in the active language ("Every year on 8 March")."""
        if self.rule == self.YEARLY_DATE and self.month and self.day:
            return _("Every year on %(date)s") % {"date": dates.day_month(datetime.date(2000, self.month, self.day))}
        if self.rule == self.YEARLY_RANGE and self.month and self.end_month:
            return _("Every year from %(start)s to %(end)s") % {
                "start": dates.day_month(datetime.date(2000, self.month, self.day)),
                "end": dates.day_month(datetime.date(2000, self.end_month, self.end_day)),
            }
        if self.rule == self.YEARLY_MONTH and self.month:
            return _("Every year in %(month)s") % {"month": dates.month_name_of(self.month)}
        if self.rule == self.ONCE and self.date:
            return dates.span(self.date, self.end_date)
        if self.rule == self.NO_FIXED_DATE:
            return str(_("Ongoing, no fixed dates"))
        return ""

    @staticmethod
    def describe(start, end):
        """An occurrence in words: a whole month as "March 2027", otherwise its dates."""
        if start != end and dates.whole_month(start, end):
            return dates.month_year(start)
        return dates.span(start, end)


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an advocacy day: from `start` to `end`, both included."""

    day: AdvocacyDay
    start: datetime.date
    end: datetime.date
    ongoing: bool = False  # under way on the day it was looked up from

    def __iter__(self):  # unpacks as (day, start, end)
        return iter((self.day, self.start, self.end))

    @property
    def label(self):
        """The occurrence's dates in the active language."""
        return AdvocacyDay.describe(self.start, self.end)


@compiled()
def _all_days():
    return AdvocacyDay.objects.all()


def upcoming(limit=None, on=None, days=None):
    """The next occurrence of each advocacy day not over by `on` (today), soonest first; ongoing ones first."""
    on = on or timezone.localdate()
    days = _all_days() if days is None else days
    found = []
    for day in days:
        nxt = day.next_occurrence(on)
        if nxt is not None:
            start, end = nxt
            found.append(Occurrence(day, start, end, ongoing=start <= on <= end))
    found.sort(key=lambda occ: (occ.start, occ.end, occ.day.name))
    return found[:limit] if limit else found


def occurrences_between(start_date, end_date, days=None):
    """Every occurrence of every advocacy day overlapping `start_date`..`end_date` (inclusive), by start date.

    Returns a list of `Occurrence` objects, which unpack as (day, start, end).
    """
    if end_date < start_date:
        return []
    days = AdvocacyDay.objects.all() if days is None else days
    found = [
        Occurrence(day, start, end) for day in days for start, end in day.occurrences_between(start_date, end_date)
    ]
    found.sort(key=lambda occ: (occ.start, occ.end, occ.day.name))
    return found


class AdvocacyCalendarPage(TranslatedPageMixin, Page):
    """The days, seasons and venues the network marks, in the order they next come round."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = TranslatedPageMixin.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wimn_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("advocacy calendar")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        days = list(AdvocacyDay.objects.all())
        context["upcoming"] = upcoming(days=days, on=today)
        past = [day for day in days if day.next_occurrence(today) is None and day.date]
        context["past"] = sorted(past, key=lambda day: day.date, reverse=True)
        undated = [day for day in days if not day.has_fixed_dates]
        context["without_dates"] = sorted(undated, key=lambda day: (day.name or "").casefold())
        context["today"] = today
        return context
