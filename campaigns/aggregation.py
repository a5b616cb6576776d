"""What the rest of the site ties to a campaign or an organization, gathered from what the apps register
(wimn_site.registry) rather than curated by hand.

A campaign hub lists, group by group, the pages tagged to it (each app registers its groups under
`wimn_campaign_sections`: statements by kind, events), then the documents of those pages (each app
registers where its pages keep documents under `wimn_campaign_documents`). An organization's page lists
what it did (`wimn_organization_sections`: statements it signed, events it co-sponsored).

Each contribution is one query whatever the number of items; the documents' (original, date) pairs of all
contributions are one more, the documents with their language versions another (`wimn_site.related`, like
every page's documents).
"""

import functools

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from wimn_site import registry
from wimn_site.compiled import ID, compiled
from wimn_site.related import originals

DOCUMENTS_MAX = 12


def campaign_groups(campaign, request):
    """The groups shown on a campaign page (registry.Section), in hook order, then its documents."""
    groups = registry.contributions(registry.CAMPAIGN_SECTIONS, campaign, request)
    documents = campaign_documents(campaign)
    if documents:
        groups.append(
            registry.Section(
                key="documents",
                heading=_("Documents"),
                items=documents,
                item_template="campaigns/includes/related_document.html",
                total=len(documents),
            )
        )
    return groups


def campaign_documents(campaign):
    """The documents of a campaign (originals, with their offered language versions), newest link first.

    Each registered contribution gives a queryset of (original id, date) pairs of the documents its pages link,
    given the campaign's id: `values_list("root", "day")` of two annotations made in that order, so that every
    contribution's SQL has its columns in the same order; they are read together in one query (UNION ALL),
    compiled once (`wimn_site.compiled`). The originals outside
    private collections and their versions are one more (`wimn_site.related`).
    """
    contributions = tuple(hooks.get_hooks(registry.CAMPAIGN_DOCUMENTS))
    if not contributions:
        return []
    linked_on = {}
    for pk, day in _linked_documents(contributions)(campaign=campaign.pk):
        if pk not in linked_on or (day is not None and (linked_on[pk] is None or day > linked_on[pk])):
            linked_on[pk] = day
    if not linked_on:
        return []
    found = originals(linked_on)
    newest_first = sorted(found, key=lambda pk: (linked_on[pk] is not None, linked_on[pk] or 0, pk), reverse=True)
    return [found[pk] for pk in newest_first[:DOCUMENTS_MAX]]


@functools.cache
def _linked_documents(contributions):
    """A compiled read of (original id, date) of every document a campaign's pages link, from `contributions`
    (the registered functions)."""

    def build(campaign):
        parts = [function(campaign) for function in contributions]
        return parts[0].union(*parts[1:], all=True)

    return compiled(campaign=ID)(build)


def organization_sections(organization, request):
    """What an organization did on this site (live, public pages only), as registry.Section groups."""
    return registry.contributions(registry.ORGANIZATION_SECTIONS, organization, request)
