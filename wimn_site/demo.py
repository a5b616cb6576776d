"""Builds the core's demo content from wimn_site/demo.yaml (see wimn_site.demo_data for the format): topics,
the home page, About and Contact, the document library, the forms and the site settings."""

from .demo_data import bodies, included
from .factories import (
    ContentPageFactory,
    DocumentFactory,
    DocumentLibraryPageFactory,
    FormPageFactory,
    TopicFactory,
    create_site_root,
    translated,
)
from .models import FormPage, SiteSettings, Topic


def page_fields(node):
    """The translated fields of a page node (title required; body as paragraphs), and its English title."""
    fields = {}
    for name in node.value:
        if name == "slug":
            continue
        values = bodies(node[name]) if name == "body" else node[name].translated(required=())
        fields.update(translated(name, values))
    titles = node["title"].translated()
    fields["title"] = titles["en"]
    return fields


def load_library(home, data, examples):
    """The document library page and the files uploaded on their own for it."""
    spec = data["library"]
    library = DocumentLibraryPageFactory(
        parent=home, slug=spec["slug"].text(blank=False), show_in_menus=True, **page_fields(spec)
    )
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    notes = data["demo_file_note"].translated(required=("en", "es", "pt", "fr"))
    for entry in included(data["library_documents"], examples):
        year = entry["year"].number(blank=False)
        original = None
        versions = entry["versions"]
        if not isinstance(versions.value, dict) or "en" not in versions.value:
            raise versions.error("a title and description per language, English first")
        for language in versions.value:
            version = versions[language]
            if language not in notes:
                raise version.error("a version in en, es, pt or fr")
            description = version["description"].text(blank=False)
            document = DocumentFactory(
                title=version["title"].text(blank=False),
                language=language,
                doc_type=entry["type"].text(blank=False),
                year=year,
                description=description,
                original=original,
                in_library=original is None,  # published on their own: no page links them
                paragraphs=[description, notes[language]],
                date=str(year),
            )
            if original is None:
                original = document
                slugs = [topic.text(blank=False) for topic in entry.get("topics").items()]
                document.topics.set([topics[slug] for slug in slugs if slug in topics])
    return library


def build(data, examples=True):
    """Create the site root and its general pages from `data`; returns the home page."""
    for topic in included(data["topics"], examples):
        names = topic["name"].translated()
        TopicFactory(slug=topic["slug"].text(blank=False), name=names["en"], **translated("name", names))
    home = create_site_root(**page_fields(data["home"]))
    about, contact = data["about"], data["contact"]
    ContentPageFactory(parent=home, slug=about["slug"].text(blank=False), show_in_menus=True, **page_fields(about))
    contact_page = ContentPageFactory(
        parent=home, slug=contact["slug"].text(blank=False), show_in_menus=True, **page_fields(contact)
    )
    load_library(home, data, examples)
    join, write = data["join"], data["write"]
    FormPageFactory(parent=home, slug=join["slug"].text(blank=False), purpose=FormPage.NEWSLETTER, **page_fields(join))
    FormPageFactory(
        parent=contact_page, slug=write["slug"].text(blank=False), purpose=FormPage.CONTACT, **page_fields(write)
    )
    site_settings = SiteSettings.for_site(home.get_site())
    for name in ("contact_email", "facebook_url", "twitter_handle", "instagram_url"):
        setattr(site_settings, name, data["site_settings"][name].text())
    site_settings.save()
    return home
