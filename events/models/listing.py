"""The events section's listing: filters (year, format, topic, campaign, upcoming/past) and pagination.

A constant number of queries whatever the number of events: three for the filter options (years,
topics, campaigns; kept with the site's frame, so usually none), then the page of events with their total.
"""

import django_filters

from django import forms
from django.conf import settings
from django.db.models import BooleanField, Case, DateTimeField, Exists, F, IntegerField, OuterRef, Value, When
from django.db.models.expressions import Func
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage
from wimn_site.frame import kept
from wimn_site.listing import ListingFilterSet, paginate_in_one_query
from wimn_site.models import Topic
from wimn_site.visibility import public_pages

from .. import times
from .event import BODY_COLUMNS, EventPage

WHEN_UPCOMING, WHEN_PAST = "upcoming", "past"


class LocalYear(Func):
    """The year of `start` on the calendar of the event's own zone (a New Year's Eve event in Manila is 1 January)."""

    template = "EXTRACT(YEAR FROM timezone(%(expressions)s))::integer"
    output_field = IntegerField()

    def __init__(self, **extra):
        super().__init__(F("timezone"), F("start"), **extra)


def with_timing(queryset, moment):
    """Annotate `is_past` (the event has ended at `moment`), computed by the database per request."""
    return queryset.annotate(
        is_past=Case(When(end__lt=moment, then=Value(True)), default=Value(False), output_field=BooleanField())
    )


def ordered(queryset, moment, when):
    """Upcoming soonest first, past newest first; both together: upcoming ones, then past ones."""
    if when == WHEN_UPCOMING:
        return queryset.filter(end__gte=moment).order_by("start", "pk")
    if when == WHEN_PAST:
        return queryset.filter(end__lt=moment).order_by("-start", "-pk")
    upcoming_start = Case(When(end__gte=moment, then=F("start")), default=None, output_field=DateTimeField())
    return with_timing(queryset, moment).order_by("is_past", upcoming_start.asc(nulls_last=True), "-start", "pk")


class Option:
    """A filter choice (topic or campaign) with its label in the current language."""

    def __init__(self, slug, labels, listed=True):
        self.slug = slug
        language = translation.get_language()
        self.name = self.title = labels.get(language) or labels.get(settings.LANGUAGE_CODE) or slug
        self.listed = listed

    def __str__(self):
        return self.name


def kept_filter_options(index, request):
    """`filter_options` of the section `index` in the active language, kept with the site's frame
    (`wimn_site.frame.kept`: forgotten with every change to pages, topics or settings), so a request usually
    reads them with no query."""
    language = translation.get_language()
    return kept(f"wimn:events:options:{index.pk}:{language}", lambda: filter_options(index.events()), request)


def filter_options(events):
    """Years, topics and campaigns to filter by, in three small queries.

    Years and topics are those of the section's events; campaigns are every campaign visitors may see (so a
    link from a campaign without events yet is a valid, empty filter), flagged `listed` when it has events.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    years = events.annotate(local_year=LocalYear()).order_by().values_list("local_year", flat=True).distinct()
    topics = Topic.objects.filter(Exists(events.filter(topics=OuterRef("pk")))).values("slug", *label_columns("name"))
    campaigns = (
        public_pages(CampaignPage.objects.all())
        .annotate(listed=Exists(events.filter(campaign=OuterRef("pk"))))
        .values("slug", "listed", *label_columns("title"))
    )
    year_options = sorted((int(year) for year in years), reverse=True)
    topic_options = sorted((Option(row["slug"], labels(row, "name", codes)) for row in topics), key=sort_key)
    campaign_options = sorted(
        (Option(row["slug"], labels(row, "title", codes), row["listed"]) for row in campaigns), key=sort_key
    )
    return year_options, topic_options, campaign_options


def label_columns(name):
    return [f"{name}_{code}" for code, _name in settings.LANGUAGES]


def labels(row, name, codes):
    return {code: row[f"{name}_{code}"] or "" for code in codes}


def sort_key(option):
    return option.name.casefold()


class EventFilters(ListingFilterSet):
    when = django_filters.ChoiceFilter(
        choices=[(WHEN_UPCOMING, WHEN_UPCOMING), (WHEN_PAST, WHEN_PAST)], method="keep", widget=forms.HiddenInput
    )
    year = django_filters.ChoiceFilter(label=_("Year"), empty_label=_("All years"), method="in_local_year")
    format = django_filters.ChoiceFilter(choices=EventPage.FORMATS, label=_("Format"), empty_label=_("All formats"))
    topic = django_filters.ChoiceFilter(field_name="topics__slug", label=_("Topic"), empty_label=_("All topics"))
    campaign = django_filters.ChoiceFilter(
        field_name="campaign__slug", label=_("Campaign"), empty_label=_("All campaigns")
    )

    def keep(self, queryset, name, value):
        return queryset  # upcoming or past orders the listing (`ordered`), it removes nothing by itself

    def in_local_year(self, queryset, name, value):
        return queryset.annotate(local_year=LocalYear()).filter(local_year=int(value))


def event_listing(index, request):
    """Template context of the events section for `request`."""
    moment = times.now()
    events = index.events()
    year_options, topic_options, campaign_options = kept_filter_options(index, request)
    filters = EventFilters(
        request.GET,
        events,
        choices={
            "year": [(str(year), str(year)) for year in year_options],
            "topic": [(topic.slug, topic.name) for topic in topic_options],
            "campaign": [(campaign.slug, campaign.title) for campaign in campaign_options],
        },
    )
    # Every live campaign is a valid filter (a campaign's page links here before it has events); the
    # select shows those with events, and the one chosen.
    active_campaign = next((c for c in campaign_options if c.slug == filters.values.get("campaign")), None)
    shown = [c for c in campaign_options if c.listed or c is active_campaign]
    filters.form.fields["campaign"].choices = [("", _("All campaigns")), *[(c.slug, c.title) for c in shown]]
    when = filters.values.get("when", "")
    context = {
        "filters": filters,
        "filter_query": filters.querystring(),
        "when": when,
        "when_links": when_links(filters),
        "now": moment,
        # Filtered views and later pages repeat what the plain listing shows: kept out of search engines.
        "noindex": bool(filters) or request.GET.get("page", "1") != "1",
    }
    if filters.invalid:
        context.update(page_obj=None, upcoming=[], past=[])
        return context
    page_obj = paginate_in_one_query(request, ordered(filters.qs, moment, when).defer(*BODY_COLUMNS))
    items = list(page_obj.object_list)
    for event in items:
        event.is_past = event.end < moment
    context.update(
        page_obj=page_obj,
        upcoming=[event for event in items if not event.is_past],
        past=[event for event in items if event.is_past],
        active_campaign=active_campaign,
        active_campaign_page=campaign_page(active_campaign.slug) if active_campaign else None,
    )
    return context


def campaign_page(slug):
    return public_pages(CampaignPage.objects.filter(slug=slug)).first()


def when_links(filters):
    """The "all / upcoming / past" switch as plain links that keep the other filters."""
    current = filters.values.get("when", "")
    return [
        {"label": label, "query": filters.querystring(when=value or None), "current": current == value}
        for value, label in (("", _("All events")), (WHEN_UPCOMING, _("Upcoming")), (WHEN_PAST, _("Past")))
    ]
