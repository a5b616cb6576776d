"""What the apps contribute to pages built elsewhere, registered the way Wagtail's own `register_*` hooks work.

The core (this package) knows no app by name, and the campaigns hub knows neither statements nor events.
Where one of them shows another's content, the app that owns the content registers a function under one of
these hook names in its `wagtail_hooks.py`:

``wimn_section_pages``
    () -> {name: page model}: the section pages of the site (a statements section, an events section, ...).
    The home page links them as `links.<name>`, found among its children.

``wimn_home_sections``
    (home, request, links) -> HomeSection or None: a block of the home page (latest statements, upcoming
    events, the featured campaign, ...), in hook order.

``wimn_campaign_sections``
    (campaign, request) -> [Section]: what a campaign hub lists of the pages tagged to it.

``wimn_campaign_documents``
    (campaign id) -> queryset of (original document id, date) pairs: the documents the campaign's pages that
    visitors may see link, with the date each link counts from (see `campaigns.aggregation`). Always a
    queryset, its shape the same for every campaign: it is compiled once (`wimn_site.compiled`).

``wimn_organization_sections``
    (organization, request) -> Section or None: what an organization of the directory did on the site
    (statements it signed, events it co-sponsored).

``wimn_reviewed_sections``
    () -> ReviewedSection: a section page model whose pages go through the "Review" workflow before they
    are published (wimn_site.roles); `press_office=True` lets press officers write there.

``wimn_cached_urls``
    (page) -> [absolute URLs]: other addresses that show `page` and go stale when it changes (a section's
    feeds, its campaign hub, the pages of the organizations it names); the caches purge them with the page
    (wimn_site.cache_invalidation), in every language.

``wimn_document_pages``
    () -> [page models]: page types whose pages carry the full text of the documents they attach (a statement
    page is the HTML version of its PDF). The library's "Read online" link of such a document goes to the live
    public page that attaches it, instead of the text read from the file (wimn_site.read_online).

``wimn_demo``
    () -> wimn_site.demo_data.DemoData(order, "app/demo.yaml", "app.demo.build"): the app's demo data file
    and the dotted path of the function that builds it under the home page (`build(home, data, examples)`);
    lower orders load first (organizations before what cites them).

`contributions()` calls the functions of one hook in their registration order (Wagtail's `order=`).
"""

from dataclasses import dataclass, field

from wagtail import hooks

SECTION_PAGES = "wimn_section_pages"
HOME_SECTIONS = "wimn_home_sections"
CAMPAIGN_SECTIONS = "wimn_campaign_sections"
CAMPAIGN_DOCUMENTS = "wimn_campaign_documents"
ORGANIZATION_SECTIONS = "wimn_organization_sections"
REVIEWED_SECTIONS = "wimn_reviewed_sections"
CACHED_URLS = "wimn_cached_urls"
DOCUMENT_PAGES = "wimn_document_pages"
DEMO = "wimn_demo"

CAMPAIGN_ITEMS = 5  # items of each group a campaign hub shows before "the full list"


@dataclass
class HomeSection:
    """A block of the home page: its template (given `section`), what it shows, and where it stands."""

    key: str
    template: str
    context: dict = field(default_factory=dict)
    stylesheet: str = ""  # a static path the block needs, linked once in the page's head
    wide: bool = False  # a full-width band below the grid of sections


@dataclass
class ReviewedSection:
    """A section whose pages are reviewed before publishing, and whether the press office writes in it."""

    model: type
    press_office: bool = False


@dataclass
class Section:
    """A group of items shown on a campaign or organization page, with a link to the whole listing."""

    key: str
    heading: str
    items: list
    item_template: str
    total: int = 0
    more_url: str = ""
    stylesheet: str = ""


def contributions(hook_name, *args):
    """The non-empty results of every function registered for `hook_name`, in hook order; lists are flattened."""
    found = []
    for function in hooks.get_hooks(hook_name):
        result = function(*args)
        if isinstance(result, list):
            found.extend(result)
        elif result:
            found.append(result)
    return found


def section_pages():
    """{name: page model} of every registered section page."""
    pages = {}
    for mapping in contributions(SECTION_PAGES):
        pages.update(mapping)
    return pages
