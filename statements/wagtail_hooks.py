"""What the statements section contributes to pages built elsewhere (wimn_site.registry): its section page, the
home page's latest statements and media alerts, a campaign's statements and an organization's signed ones."""

from urllib.parse import urlencode

from django.db.models import Count, F, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from campaigns.models import pages_showing
from wimn_site import registry
from wimn_site.compiled import ID, IDS, TEXT, compiled, descendant_paths
from wimn_site.demo_data import DemoData
from wimn_site.frame import localized, localized_columns
from wimn_site.home import below
from wimn_site.models.mixins import available_in_row
from wimn_site.related import page_columns, page_rows
from wimn_site.visibility import public_pages

from . import history_admin
from .models import (
    PledgePage,
    StatementAttachment,
    StatementBasePage,
    StatementIndexPage,
    StatementPage,
    StatementSignatory,
)
from .models.base import KIND_LABELS, KIND_PLURALS, KINDS, MEDIA_ALERT

LATEST_STATEMENTS = 4
LATEST_ALERTS = 3


@hooks.register(registry.SECTION_PAGES)
def statements_section():
    return {"statements": StatementIndexPage}


def latest_statements(home, request=None):
    """(statements, media alerts): the pinned ones first (in their order), then by date; one query. Teasers as
    rows (`related.page_rows`): title, URL, date, kind and summary in the active language, and `english` when
    the page is not translated into it."""
    pins = [pin.statement_id for pin in home.featured_statements.all()]  # read with the kept home page (frame)
    parts = {PINNED: [], NEWEST: [], ALERTS: []}
    for row in _latest_rows(pins=pins, **descendant_paths(home)):
        parts[row.pop("part")].append(row)
    pinned = sorted(parts[PINNED], key=lambda row: pins.index(row["pk"]))
    newest = sorted(parts[NEWEST], key=lambda row: (row["date"], row["pk"]), reverse=True)
    alerts = sorted(parts[ALERTS], key=lambda row: (row["date"], row["pk"]), reverse=True)
    return teasers((pinned + newest)[:LATEST_STATEMENTS], request), teasers(alerts, request)


PINNED, NEWEST, ALERTS = range(3)


@compiled(pins=IDS, low=TEXT, high=TEXT)
def _latest_rows(pins, low, high):
    """The pinned statements, the newest others (no media alerts), the newest media alerts not pinned: each row
    with its `part`."""
    pages = below(StatementBasePage.objects.all(), low, high)
    columns = (*page_columns("date", "kind", *localized_columns("summary")), "part")
    newest = pages.exclude(kind=MEDIA_ALERT).exclude(pk__any_of=pins).order_by("-date", "-pk")
    alerts = pages.filter(kind=MEDIA_ALERT).exclude(pk__any_of=pins).order_by("-date", "-pk")
    return (
        pages.filter(pk__any_of=pins)
        .annotate(part=Value(PINNED))
        .values(*columns)
        .union(
            newest.annotate(part=Value(NEWEST)).values(*columns)[:LATEST_STATEMENTS],
            alerts.annotate(part=Value(ALERTS)).values(*columns)[:LATEST_ALERTS],
            all=True,
        )
    )


def teasers(rows, request):
    """Teasers of the pages `rows` (dicts of their `page_columns`, with the kind, date and summary)."""
    language = translation.get_language()
    rows = page_rows(rows, request)
    for row in rows:
        row.kind_label = KIND_LABELS.get(row.kind, row.kind)
        row.summary = localized(vars(row), "summary")
        row.english = not available_in_row(StatementBasePage, vars(row), language)
    return rows


@hooks.register(registry.HOME_SECTIONS, order=10)
def latest_on_the_home_page(home, request, links):
    if not links.get("statements"):
        return None
    statements, alerts = latest_statements(home, request)
    if not (statements or alerts):
        return None
    return registry.HomeSection(
        key="statements",
        template="statements/includes/home_latest.html",
        context={"statements": statements, "alerts": alerts},
    )


def _listing_url(item_url):
    """The section an item belongs to: its parent's URL (statements are children of their section)."""
    return item_url.rstrip("/").rsplit("/", 1)[0] + "/" if item_url else ""


@compiled(campaign=ID)
def _statement_rows_of_a_campaign(campaign):
    """The newest few of each kind, with each kind's total."""
    return (
        public_pages(StatementBasePage.objects.filter(campaign=campaign))
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("kind")], order_by=[F("date").desc(), F("pk").desc()]),
            kind_total=Window(Count("pk"), partition_by=[F("kind")]),
        )
        .filter(rank__lte=registry.CAMPAIGN_ITEMS)
        .order_by("-date", "-pk")
        .values(*page_columns("kind", "date", "kind_total"))
    )


@hooks.register(registry.CAMPAIGN_SECTIONS, order=10)
def statements_of_a_campaign(campaign, request):
    """One group per kind (statements, joint statements, ... op-eds): the newest few, each kind's total and a
    link to the listing filtered to the campaign and kind; one query."""
    rows = page_rows(_statement_rows_of_a_campaign(campaign=campaign.pk), request)
    by_kind = {}
    for row in rows:
        row.display_date = row.date
        by_kind.setdefault(row.kind, []).append(row)
    groups = []
    for kind, _label in KINDS:
        items = by_kind.get(kind)
        if items:
            listing = _listing_url(items[0].url)
            query = urlencode({"campaign": campaign.slug, "kind": kind})
            groups.append(
                registry.Section(
                    key=kind,
                    heading=KIND_PLURALS[kind],
                    items=items,
                    item_template="campaigns/includes/related_page.html",
                    total=items[0].kind_total,
                    more_url=f"{listing}?{query}" if listing else "",
                )
            )
    return groups


@hooks.register(registry.CAMPAIGN_DOCUMENTS, order=10)
def documents_of_a_campaign(campaign):
    """(original id, page date) of the documents attached to the campaign's pages that visitors may see."""
    attached = StatementAttachment.objects.filter(
        page__in=public_pages(StatementBasePage.objects.filter(campaign=campaign))
    )
    return attached.annotate(root=Coalesce("document__original_id", "document_id"), day=F("page__date")).values_list(
        "root", "day"
    )


@compiled(organization=ID)
def _statements_signed_by(organization):
    return (
        public_pages(StatementPage.objects.filter(signatories__organization=organization))
        .distinct()
        .order_by("-date", "-pk")
        .values(*page_columns("date"))
    )


@hooks.register(registry.ORGANIZATION_SECTIONS, order=10)
def statements_an_organization_signed(organization, request):
    pages = page_rows(_statements_signed_by(organization=organization.pk), request)
    for page in pages:
        page.display_date = page.date
    if not pages:
        return None
    return registry.Section(
        key="signed",
        heading=_("Statements it signed"),
        items=pages,
        item_template="campaigns/includes/related_page.html",
        total=len(pages),
    )


@hooks.register(registry.DEMO)
def statements_demo():
    return DemoData(20, "statements/demo.yaml", "statements.demo.build")


@hooks.register(registry.REVIEWED_SECTIONS)
def statements_reviewed():
    return registry.ReviewedSection(StatementIndexPage, press_office=True)


@hooks.register(registry.CACHED_URLS)
def statement_shown_on(page):
    """A statement is also in the section's feeds, on its campaign hub and on its signatories' pages."""
    if not isinstance(page, StatementBasePage):
        return []
    site = page.get_site()
    if site is None:
        return []
    with translation.override("en"):  # the caches expand /en/ to every language
        feeds = [site.root_url + reverse("statements_feed")]
        feeds += [site.root_url + reverse("statements_kind_feed", args=[kind]) for kind, _label in KINDS]
    organizations = [s.organization for s in getattr(page, "signatories", StatementSignatory.objects.none()).all()]
    return feeds + pages_showing(page, organizations)


@hooks.register(registry.DOCUMENT_PAGES)
def statement_pages_carry_their_documents():
    """A statement, pledge or op-ed page is the HTML version of the files it attaches: the library's "Read
    online" links the page itself, not a text extract of the PDF (wimn_site.read_online)."""
    return [StatementBasePage]


@hooks.register("register_admin_urls")
def pledge_history_admin_urls():
    """Withdrawing a published version of a pledge from its public history, and restoring it."""
    return [
        path("pledges/<int:page_id>/versions/", history_admin.versions_view, name="statements_pledge_versions"),
        path(
            "pledges/<int:page_id>/versions/<int:revision_id>/withdraw/",
            history_admin.withdraw_view,
            name="statements_pledge_version_withdraw",
        ),
        path(
            "pledges/<int:page_id>/versions/<int:revision_id>/restore/",
            history_admin.restore_view,
            name="statements_pledge_version_restore",
        ),
    ]


@hooks.register("register_page_header_buttons")
def pledge_history_button(page, user, view_name, next_url=None):
    if page.specific_class and issubclass(page.specific_class, PledgePage):
        yield history_admin.PledgeVersionsButton(page=page)


@hooks.register("register_log_actions")
def pledge_history_log_actions(actions):
    actions.register_action(history_admin.WITHDRAW_ACTION)(history_admin.WithdrawnFormatter)
    actions.register_action(history_admin.RESTORE_ACTION)(history_admin.RestoredFormatter)
