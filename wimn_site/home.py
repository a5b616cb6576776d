"""What the home page shows: blocks the apps contribute (wimn_site.registry), the links to the site's sections
and the call to action.

* Each app registers its blocks under `wimn_home_sections` (latest statements and media alerts, the
  featured campaign, upcoming events, the coming-up advocacy days) and its section pages under
  `wimn_section_pages`; a block whose section page does not exist is left out without a query.
* Call to action: the chosen page, else the mailing-list sign-up form; its heading and text are the home
  page's own (translated) or standard invitations.
* The section pages and the call to action are read from the home page's children in the site's frame
  (wimn_site.frame), which the header menu reads anyway: links (title and URL), not pages.

Everything is restricted to live pages outside private sections and below this home page (`below`), and
each block stays at a fixed number of queries whatever the number of items.
"""

from django.utils import timezone

from wagtail.models import Page

from . import registry
from .compiled import descendant_paths
from .frame import Link, site_frame
from .models.forms import NEWSLETTER
from .visibility import public_pages


def below(queryset, low, high):
    """The live, public pages of `queryset` below the home page, in a compiled read (`wimn_site.compiled`): its
    `low` and `high` are the home page's `descendant_paths`."""
    return public_pages(queryset.filter(path__gt=low, path__lte=high))


def section_links(home, request):
    """The call-to-action page and the section pages the home page links to (`frame.Link`s), by name.

    Read from the home page's children in the site's frame (no query); only a chosen call-to-action page
    deeper in the tree costs a query of its own.
    """
    frame = site_frame(request) if request is not None else None
    if frame is None or frame.root is None or frame.root.pk != home.pk:
        frame = None
    children = frame.children if frame is not None else ()
    found = {name: frame.section(model) if frame else None for name, model in registry.section_pages().items()}
    chosen = None
    if home.cta_page_id:
        chosen = next((page for page in children if page.pk == home.cta_page_id), None)
        if chosen is None:
            deeper = below(Page.objects.filter(pk=home.cta_page_id), **descendant_paths(home)).first()
            chosen = Link.of(deeper, request) if deeper is not None else None
    newsletter = next((page for page in children if page.form_purpose == NEWSLETTER), None)
    found["cta"] = chosen or newsletter
    return found


def home_context(home, request):
    """The home page's blocks (in the grid, and full-width bands after it), links and stylesheets."""
    links = section_links(home, request)
    blocks = registry.contributions(registry.HOME_SECTIONS, home, request, links)
    return {
        "home_blocks": [block for block in blocks if not block.wide],
        "home_bands": [block for block in blocks if block.wide],
        "home_stylesheets": sorted({block.stylesheet for block in blocks if block.stylesheet}),
        "links": links,
        "now": timezone.now(),
    }
