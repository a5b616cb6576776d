"""What the events section contributes to pages built elsewhere (wimn_site.registry): its section page, the
home page's upcoming events, a campaign's events and the events an organization took part in."""

from urllib.parse import urlencode

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, DateField, Window
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from campaigns.models import pages_showing
from wimn_site import registry
from wimn_site.compiled import ID, MOMENT, TEXT, compiled, descendant_paths
from wimn_site.demo_data import DemoData
from wimn_site.home import below
from wimn_site.related import page_columns, page_rows
from wimn_site.visibility import public_pages

from . import times
from .models import EventIndexPage, EventPage, EventParticipant
from .models.event import BODY_COLUMNS

UPCOMING_EVENTS = 3


@hooks.register(registry.SECTION_PAGES)
def events_section():
    return {"events": EventIndexPage}


@compiled(moment=MOMENT, low=TEXT, high=TEXT)
def _upcoming_events(moment, low, high):
    upcoming = below(EventPage.objects.filter(end__gte=moment), low, high).order_by("start", "pk")
    return upcoming.defer(*BODY_COLUMNS)[:UPCOMING_EVENTS]  # a card shows no body


@hooks.register(registry.HOME_SECTIONS, order=30)
def upcoming_on_the_home_page(home, request, links):
    if not links.get("events"):
        return None
    moment = times.now()
    events = _upcoming_events(moment=moment, **descendant_paths(home))
    if not events:
        return None
    for event in events:
        event.is_past = False  # it ends at or after `moment`, as the listing's cards know
    return registry.HomeSection(
        key="events",
        template="events/includes/home_upcoming.html",
        context={"events": events, "now": moment},
        stylesheet="css/events.css",
    )


@compiled(campaign=ID)
def _events_of_a_campaign(campaign):
    """The newest few, with the total."""
    events = public_pages(EventPage.objects.filter(campaign=campaign)).order_by("-start", "-pk")
    events = events.annotate(events_total=Window(Count("pk")))
    return events.values(*page_columns("start", "timezone", "events_total"))[: registry.CAMPAIGN_ITEMS]


@hooks.register(registry.CAMPAIGN_SECTIONS, order=20)
def events_of_a_campaign(campaign, request):
    """The newest few events of the campaign, dated in their own time zone, with the total; one query."""
    rows = page_rows(_events_of_a_campaign(campaign=campaign.pk), request)
    if not rows:
        return None
    for event in rows:
        event.display_date = event.start.astimezone(times.zone_of(event.timezone)).date()
    listing = rows[0].url.rstrip("/").rsplit("/", 1)[0] + "/" if rows[0].url else ""
    return registry.Section(
        key="events",
        heading=_("Events"),
        items=rows,
        item_template="campaigns/includes/related_page.html",
        total=rows[0].events_total,
        more_url=f"{listing}?{urlencode({'campaign': campaign.slug})}" if listing else "",
    )


@hooks.register(registry.CAMPAIGN_DOCUMENTS, order=20)
def programs_of_a_campaign(campaign):
    """(original id, day) of the programs of the campaign's events that visitors may see."""
    events = public_pages(EventPage.objects.filter(campaign=campaign, program__isnull=False))
    return events.annotate(
        root=Coalesce("program__original_id", "program_id"), day=Cast("start", DateField())
    ).values_list("root", "day")


@compiled(organization=ID)
def _events_of(organization):
    """The organization's events, newest first, each with its roles."""
    return (
        public_pages(EventPage.objects.filter(participants__organization=organization))
        .annotate(roles=ArrayAgg("participants__role", distinct=True))
        .order_by("-start", "-pk")
        .values(*page_columns("start", "timezone", "roles"))
    )


@hooks.register(registry.ORGANIZATION_SECTIONS, order=20)
def events_an_organization_took_part_in(organization, request):
    """The events where the organization had a role (organizer, co-sponsor, the organization a speaker spoke
    for...), newest first, each with its roles; one query."""
    events = page_rows(_events_of(organization=organization.pk), request)
    if not events:
        return None
    order = [role for role, _label in EventParticipant.ROLES]
    labels = dict(EventParticipant.ROLE_LABELS)
    for event in events:
        event.display_date = event.start.astimezone(times.zone_of(event.timezone)).date()
        event.role_labels = [labels[role] for role in sorted(event.roles, key=order.index) if role in labels]
    return registry.Section(
        key="events",
        heading=_("Events it took part in"),
        items=events,
        item_template="events/includes/organization_event.html",
        total=len(events),
    )


@hooks.register(registry.DEMO)
def events_demo():
    return DemoData(30, "events/demo.yaml", "events.demo.build")


@hooks.register(registry.REVIEWED_SECTIONS)
def events_reviewed():
    return registry.ReviewedSection(EventIndexPage, press_office=False)


@hooks.register(registry.CACHED_URLS)
def event_shown_on(page):
    """An event is also on its campaign hub and on the pages of the organizations that took part in it."""
    if not isinstance(page, EventPage):
        return []
    return pages_showing(page, [participant.organization for participant in page.participants.all()])
