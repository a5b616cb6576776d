from django.db.models import Case, F, Value, When
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wimn_site import registry
from wimn_site.compiled import ID, TEXT, compiled, descendant_paths
from wimn_site.demo_data import DemoData
from wimn_site.frame import localized_columns
from wimn_site.home import below

from .models import AdvocacyCalendarPage, AdvocacyDay, CampaignIndexPage, CampaignPage, Organization, upcoming

COMING_UP_DAYS = 4


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "acronym", "region", "sector", "relation"]
    list_filter = ["region", "sector", "relation"]
    search_fields = ["name", "acronym"]


class NextOccurrenceColumn(Column):
    """The dates an advocacy day next comes round, so staff can check the rule they entered."""

    def get_value(self, instance):
        if not instance.has_fixed_dates:
            return _("Ongoing")
        nxt = instance.next_occurrence()
        return AdvocacyDay.describe(*nxt) if nxt else _("Over")


class AdvocacyDayViewSet(SnippetViewSet):
    model = AdvocacyDay
    icon = "date"
    menu_label = _("Advocacy calendar")
    menu_order = 320
    add_to_admin_menu = True
    list_display = [
        "admin_title",  # the name, with "(Example)" for demo content
        Column("rule_label", label=_("When")),
        NextOccurrenceColumn("next", label=_("Next")),
    ]
    list_filter = ["rule"]
    search_fields = ["name"]
    ordering = ["month", "day", "date", "name_en"]


register_snippet(OrganizationViewSet)
register_snippet(AdvocacyDayViewSet)


@hooks.register(registry.SECTION_PAGES)
def campaigns_sections():
    return {"campaigns": CampaignIndexPage, "calendar": AdvocacyCalendarPage}


@compiled(chosen=ID, low=TEXT, high=TEXT)
def _featured_campaign(chosen, low, high):
    card = ("url_path", "is_current", "start_date", "end_date", *localized_columns("title"))
    card += localized_columns("intro")
    return (
        below(CampaignPage.objects.all(), low, high)
        .select_related("hero_image")
        .only("hero_image", *dict.fromkeys(card))  # the card's columns (campaign_card.html), not the body's
        .annotate(chosen=Case(When(pk=chosen, then=Value(0)), default=Value(1)))
        .order_by("chosen", "-is_current", F("last_published_at").desc(nulls_last=True), "-pk")[:1]
    )


@hooks.register(registry.HOME_SECTIONS, order=20)
def featured_on_the_home_page(home, request, links):
    """The editor's choice when it is live, else the current campaign published most recently, else the latest."""
    if not links.get("campaigns"):
        return None
    found = _featured_campaign(chosen=home.featured_campaign_id or 0, **descendant_paths(home))
    if not found:
        return None
    campaign = found[0]
    return registry.HomeSection(
        key="campaign",
        template="campaigns/includes/home_featured.html",
        context={"campaign": campaign},
        stylesheet="css/campaigns.css",
    )


@hooks.register(registry.HOME_SECTIONS, order=40)
def coming_up_on_the_home_page(home, request, links):
    """The next advocacy days (ongoing ones first), as a band below the other blocks."""
    if not links.get("calendar"):
        return None
    occurrences = upcoming(limit=COMING_UP_DAYS)
    if not occurrences:
        return None
    return registry.HomeSection(
        key="coming-up",
        template="campaigns/includes/home_coming_up.html",
        context={"occurrences": occurrences},
        stylesheet="css/campaigns.css",
        wide=True,
    )


@hooks.register(registry.DEMO)
def campaigns_demo():
    return DemoData(10, "campaigns/demo.yaml", "campaigns.demo.build")


@hooks.register(registry.REVIEWED_SECTIONS)
def campaigns_reviewed():
    return registry.ReviewedSection(CampaignIndexPage, press_office=False)
