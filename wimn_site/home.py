"""What the home page shows, chosen automatically with the editor's overrides (HomePage fields).

* Latest statements: the pinned ones (HomePageFeaturedStatement, in their order) then the most recent
  statements, joint statements, comments, pledges and op-eds; beside them the latest media alerts.
  Both lists come from one query (a window function numbers each group).
* Featured campaign: the editor's choice when it is live, else the current campaign published most
  recently, else the latest campaign.
* Upcoming events: the next three events not yet over.
* Coming up: the next advocacy days from the campaigns' calendar (ongoing ones first).
* Call to action: the chosen page, else the mailing-list sign-up form; its heading and text are the
  home page's own (translated) or standard invitations.
* Links to the statements, events, campaigns and calendar sections, read with the call to action from
  the home page's children, which the header menu fetches anyway (wimn_site.navigation).

Everything is restricted to live pages outside private sections and below this home page, and stays
at a fixed number of queries (one per section) whatever the number of items. A section whose listing
page (a child of the home page) does not exist is left out without a query, so the page works at every
stage of the site.
"""

from django.apps import apps
from django.db.models import Case, F, IntegerField, OuterRef, Subquery, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from wagtail.models import Page

from .navigation import root_children
from .visibility import public_pages

LATEST_STATEMENTS = 4
LATEST_ALERTS = 3
UPCOMING_EVENTS = 3
COMING_UP_DAYS = 4


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _below(home, queryset):
    return public_pages(queryset.filter(path__startswith=home.path, depth__gt=home.depth))


def latest_statements(home):
    """(statements, media alerts): pinned first, then by date; one query."""
    statement_model = _model("statements.StatementBasePage")
    if statement_model is None:
        return [], []
    from .models import HomePageFeaturedStatement

    pinned = HomePageFeaturedStatement.objects.filter(page_id=home.pk, statement_id=OuterRef("pk")).values(
        "sort_order"
    )[:1]
    rows = (
        _below(home, statement_model.objects.all())
        .annotate(pin=Subquery(pinned, output_field=IntegerField()))
        .annotate(
            group=Case(
                When(pin__isnull=False, then=Value(0)), When(kind="media_alert", then=Value(1)), default=Value(0)
            )
        )
        .annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("group")],
                order_by=[F("pin").asc(nulls_last=True), F("date").desc(), F("pk").desc()],
            )
        )
        .filter(row__lte=max(LATEST_STATEMENTS, LATEST_ALERTS))
        .order_by("group", "row")
    )
    statements, alerts = [], []
    for row in rows:
        if row.group == 0 and len(statements) < LATEST_STATEMENTS:
            statements.append(row)
        elif row.group == 1 and len(alerts) < LATEST_ALERTS:
            alerts.append(row)
    return statements, alerts


def featured_campaign(home):
    campaign_model = _model("campaigns.CampaignPage")
    if campaign_model is None:
        return None
    chosen = home.featured_campaign_id or 0
    return (
        _below(home, campaign_model.objects.all())
        .select_related("hero_image")
        .annotate(chosen=Case(When(pk=chosen, then=Value(0)), default=Value(1)))
        .order_by("chosen", "-is_current", F("last_published_at").desc(nulls_last=True), "-pk")
        .first()
    )


def upcoming_events(home):
    event_model = _model("events.EventPage")
    if event_model is None:
        return []
    return list(
        _below(home, event_model.objects.filter(end__gte=timezone.now())).order_by("start", "pk")[:UPCOMING_EVENTS]
    )


def coming_up():
    if _model("campaigns.AdvocacyDay") is None:
        return []
    from campaigns.calendar import upcoming

    return upcoming(limit=COMING_UP_DAYS)


def section_links(home, request):
    """The call-to-action page and the section pages the home page links to (base Page rows).

    Read from the home page's children, which the header menu fetches anyway (one shared query); only a
    chosen call-to-action page deeper in the tree costs a query of its own.
    """
    from .models import FormPage

    labels = {
        "statements": "statements.StatementIndexPage",
        "events": "events.EventIndexPage",
        "calendar": "campaigns.AdvocacyCalendarPage",
        "campaigns": "campaigns.CampaignIndexPage",
        "library": "wimn_site.DocumentLibraryPage",
    }
    children = root_children(request, home)
    found = {}
    for name, label in labels.items():
        app_label, model_name = label.lower().split(".")
        found[name] = next((p for p in children if (p.type_app, p.type_model) == (app_label, model_name)), None)
    chosen = None
    if home.cta_page_id:
        chosen = next((p for p in children if p.pk == home.cta_page_id), None)
        if chosen is None:
            chosen = _below(home, Page.objects.filter(pk=home.cta_page_id)).first()
    newsletter = next((p for p in children if p.form_purpose == FormPage.NEWSLETTER), None)
    found["cta"] = chosen or newsletter
    return found


def home_sections(home, request):
    """The home page's sections; a section whose listing page does not exist is skipped without a query."""
    links = section_links(home, request)
    statements, alerts = latest_statements(home) if links["statements"] else ([], [])
    return {
        "latest_statements": statements,
        "media_alerts": alerts,
        "campaign": featured_campaign(home) if links["campaigns"] else None,
        "events": upcoming_events(home) if links["events"] else [],
        "occurrences": coming_up() if links["calendar"] else [],
        "links": links,
        "now": timezone.now(),
    }
