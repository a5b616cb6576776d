from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AdvocacyDay, Organization


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
        nxt = instance.next_occurrence()
        return AdvocacyDay.describe(*nxt) if nxt else _("Over")


class AdvocacyDayViewSet(SnippetViewSet):
    model = AdvocacyDay
    icon = "date"
    menu_label = _("Advocacy calendar")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", Column("rule_label", label=_("When")), NextOccurrenceColumn("next", label=_("Next"))]
    list_filter = ["rule"]
    search_fields = ["name"]
    ordering = ["month", "day", "date", "name_en"]


register_snippet(OrganizationViewSet)
register_snippet(AdvocacyDayViewSet)
