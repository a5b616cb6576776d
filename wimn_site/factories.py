"""Factories shared by the tests and the demo content (fixed seed, so demo data is reproducible)."""

import factory
import factory.random
import wagtail_factories

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from .demo_documents import statement_pdf
from .models import ContentPage, DocumentLibraryPage, FormPage, HomePage, Topic, WimnDocument

factory.random.reseed_random("wimn")


def rich(*paragraphs):
    """A StreamField value of paragraph blocks from plain strings (HTML allowed)."""
    return [("paragraph", RichText(p if p.lstrip().startswith("<") else f"<p>{p}</p>")) for p in paragraphs]


def translated(field, values):
    """{"en": ..., "es": ...} → {"field_en": ..., "field_es": ...}; missing languages are stored empty."""
    out = {}
    for code in ("en", "es", "pt", "fr"):
        value = values.get(code)
        if value is None:
            value = [] if field in ("body",) else ""
        out[f"{field}_{code}"] = value
    return out


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name = factory.SelfAttribute("name_en")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Women in Migration Network"
    title_en = factory.SelfAttribute("title")
    slug = "home"
    mission_en = "Advancing the human rights of women in migration."


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Page {n}")
    title_en = factory.SelfAttribute("title")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro_en = "An introduction."
    body_en = factory.LazyFunction(lambda: rich("Some text in English."))


class DocumentLibraryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DocumentLibraryPage

    title = "Documents"
    title_en = factory.SelfAttribute("title")
    slug = "documents"


class FormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FormPage

    title = "Join the mailing list"
    title_en = factory.SelfAttribute("title")
    slug = "join"
    purpose = FormPage.NEWSLETTER
    intro_en = "News and calls to action from the network, a few times a month."


def minimal_pdf(text="WIMN"):
    """A small valid one-page PDF carrying `text` (ASCII), so demo and test downloads are real files."""
    safe = text.encode("latin-1", "replace").decode("latin-1").replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 14 Tf 72 720 Td ({safe[:90]}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def document_file(o):
    """A one-line placeholder PDF, or with `paragraphs` a real few-pages PDF of the title and text in the
    document's language (`wimn_site.demo_documents.statement_pdf`)."""
    name = f"{slugify(o.title)[:60] or 'document'}-{o.language}.pdf"
    if o.paragraphs:
        date = o.date or getattr(o, "year", None)
        return ContentFile(statement_pdf(o.title, o.language, date, o.paragraphs), name=name)
    return ContentFile(minimal_pdf(o.title), name=name)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document; `DocumentFactory(title=..., language="es", paragraphs=[...], date=date(2023, 7, 4))` writes
    a real PDF of that text (see `wimn_site.demo_documents`), else a one-line placeholder."""

    class Meta:
        model = WimnDocument

    class Params:
        paragraphs = None  # strings (rich-text HTML allowed) or ("heading", text) pairs
        date = None  # a date or a line of text under the title; the year when empty

    title = factory.Sequence(lambda n: f"Document {n}")
    language = "en"
    doc_type = "statement"
    file = factory.LazyAttribute(document_file)


def ensure_tree_root():
    """Wagtail's default Locale, root collection and page tree root (a flushed test database has none)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", title_en="Root", slug="root"))
    return root


def remove_welcome_page():
    """Wagtail's initial "Welcome" page (a plain Page, slug "home") makes way for ours."""
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()


def create_site_root(**kwargs):
    """The home page under Wagtail's root, with the default Site pointing to it."""
    root = ensure_tree_root()
    remove_welcome_page()
    home = HomePageFactory(parent=root, **kwargs)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "WIMN"}
    )
    return home
