"""The events section's listing: filters (year, format, topic, campaign, upcoming/past) and pagination.

A constant number of queries whatever the number of events: one for the filter options (years,
topics, campaigns), then the paginator's count and page.
"""

import django_filters

from django import forms
from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Value,
    When,
)
from django.db.models.expressions import Func
from django.db.models.functions import Cast, Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage
from wimn_site.listing import ListingFilterSet, paginate
from wimn_site.models import Topic

from .. import times
from .event import EventPage

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


def filter_options(events):
    """Years, topics and campaigns to filter by, in one query (a UNION of three small SELECTs).

    Years and topics are those of the section's events; campaigns are every live campaign (so a link
    from a campaign without events yet is a valid, empty filter), flagged `listed` when it has events.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    empty = [Value("", output_field=CharField()) for _code in codes]
    years = (
        events.annotate(local_year=LocalYear())
        .annotate(kind=Value("year"), key=Cast("local_year", CharField()), listed=Value(True))
        .annotate(**{f"label_{code}": value for code, value in zip(codes, empty, strict=True)})
        .values_list("kind", "key", "listed", *[f"label_{code}" for code in codes])
        .distinct()
        .order_by()
    )
    topics = (
        Topic.objects.filter(Exists(events.filter(topics=OuterRef("pk"))))
        .annotate(kind=Value("topic"), key=F("slug"), listed=Value(True))
        .annotate(**{f"label_{code}": Coalesce(F(f"name_{code}"), Value("")) for code in codes})
        .values_list("kind", "key", "listed", *[f"label_{code}" for code in codes])
        .order_by()
    )
    campaigns = (
        CampaignPage.objects.live()
        .annotate(kind=Value("campaign"), key=F("slug"), listed=Exists(events.filter(campaign=OuterRef("pk"))))
        .annotate(**{f"label_{code}": Coalesce(F(f"title_{code}"), Value("")) for code in codes})
        .values_list("kind", "key", "listed", *[f"label_{code}" for code in codes])
        .order_by()
    )
    options = {"year": [], "topic": [], "campaign": []}
    for kind, key, listed, *labels in years.union(topics, campaigns, all=True):
        options[kind].append((key, dict(zip(codes, labels, strict=True)), listed))
    year_options = sorted((int(key) for key, _labels, _listed in options["year"]), reverse=True)
    topic_options = sorted((Option(key, labels) for key, labels, _listed in options["topic"]), key=sort_key)
    campaign_options = sorted(
        (Option(key, labels, listed) for key, labels, listed in options["campaign"]), key=sort_key
    )
    return year_options, topic_options, campaign_options


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
    year_options, topic_options, campaign_options = filter_options(events)
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
    page_obj = paginate(request, ordered(filters.qs, moment, when))
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
    return CampaignPage.objects.live().filter(slug=slug).first()


def when_links(filters):
    """The "all / upcoming / past" switch as plain links that keep the other filters."""
    current = filters.values.get("when", "")
    return [
        {"label": label, "query": filters.querystring(when=value or None), "current": current == value}
        for value, label in (("", _("All events")), (WHEN_UPCOMING, _("Upcoming")), (WHEN_PAST, _("Past")))
    ]
