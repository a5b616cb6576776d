"""How the statements section reads its pages: a statement-like page with what it shows, and the listing's filters.

The section's route fetches a child as its own class (its type, then its row); then each relation the page
shows (topics, attached documents, signatories, commitments, authors, versions) is read with one query, the
way every page reads its rows (`wimn_site.related`). The listing's filter choices are three small queries.
Visibility is `wimn_site.visibility.public_pages`.
"""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import ExtractYear
from django.utils import translation

from wagtail.models import Page

from campaigns.models import CampaignPage
from wimn_site.compiled import ID, TEXT, child_paths, children, compiled
from wimn_site.models import Topic
from wimn_site.related import by_name, prefetch
from wimn_site.visibility import public_pages

# The page modules themselves, never the `statements.models` package: its __init__ imports index.py, which
# imports this module.
from .base import StatementBasePage


def fetch_child(index_page, slug):
    """The live child `slug` of the statements section as its specific class, its related rows read (one query
    per relation, see `StatementBasePage.related_lookups`), or None when there is no such live page.

    Two small queries (the child's id and type, then its specific row) cost less than one joining the three
    page types' tables, each with its body in four languages.
    """
    # Only live pages; view restrictions are enforced after routing by Wagtail (login or password form).
    found = _live_child(slug=slug, **child_paths(index_page))
    if not found:
        return None
    pk, content_type_id = found[0]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or not issubclass(model, StatementBasePage):  # a page type this helper does not know
        return Page.objects.get(pk=pk).specific
    found = _row_of(model)(pk=pk)
    if not found:
        return None
    page = found[0]
    page._cached_parent_obj = index_page
    prefetch([page], *page.related_lookups())
    return page


@compiled(low=TEXT, high=TEXT, depth=ID, slug=TEXT)
def _live_child(low, high, depth, slug):
    return children(Page.objects.filter(slug=slug, live=True), low, high, depth).values_list("pk", "content_type_id")


@functools.cache
def _row_of(model):
    """A compiled read of one `model` row by id."""
    return compiled(pk=ID)(lambda pk: model.objects.filter(pk=pk))


def filter_choices(base):
    """(topics, years, campaigns) for the listing's filters.

    Topics are all topics (sorted by their name in the current language); years those of the visible
    items, newest first; campaigns the visible campaign pages as (slug, title).
    """
    topics = by_name(Topic.objects.all())
    years = list(base.annotate(y=ExtractYear("date")).order_by("-y").values_list("y", flat=True).distinct())
    language = translation.get_language()
    local = f"title_{language}" if language in dict(settings.LANGUAGES) else "title_en"
    rows = public_pages(CampaignPage.objects.all()).order_by("-first_published_at").values("slug", "title_en", local)
    campaigns = [(row["slug"], row[local] or row["title_en"] or row["slug"]) for row in rows]
    return topics, [int(year) for year in years], campaigns
