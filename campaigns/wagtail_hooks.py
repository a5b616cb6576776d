from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organization


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = "Organizations"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "acronym", "region", "sector", "relation"]
    list_filter = ["region", "sector", "relation"]
    search_fields = ["name", "acronym"]


register_snippet(OrganizationViewSet)
