"""Factories for the statements app, shared by the tests and the demo content."""

import datetime

import factory
import wagtail_factories

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wimn_site.factories import DocumentFactory, minimal_pdf, rich

from .models import (
    NewsCoveragePage,
    OpEdAuthor,
    OpEdPage,
    OpEdVersion,
    PledgeCommitment,
    PledgePage,
    RepostPage,
    StatementAttachment,
    StatementIndexPage,
    StatementPage,
    StatementSignatory,
)


class StatementIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StatementIndexPage

    title = "Statements"
    title_en = factory.SelfAttribute("title")
    title_es = "Declaraciones"
    title_pt = "Declarações"
    title_fr = "Déclarations"
    slug = "statements"
    intro_en = "What the network says."


class StatementBaseFactory(wagtail_factories.PageFactory):
    """Title and summary in English only unless given; `topics` takes a list of Topic rows."""

    title = factory.Sequence(lambda n: f"Statement {n}")
    title_en = factory.SelfAttribute("title")
    slug = factory.Sequence(lambda n: f"statement-{n}")
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n % 900))
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}.")
    summary_en = factory.SelfAttribute("summary")

    # A list of Topic rows; ClusterableModel takes it in the constructor and saves it with the page.
    topics = factory.LazyFunction(list)


class StatementPageFactory(StatementBaseFactory):
    class Meta:
        model = StatementPage

    kind = "statement"
    body_en = factory.LazyFunction(
        lambda: rich("The network calls on States to respect the rights of women in migration.")
    )


class MediaAlertFactory(StatementPageFactory):
    kind = "media_alert"
    dateline = "NEW YORK, 20 May 2022"
    dateline_en = factory.SelfAttribute("dateline")
    press_contact_name = "Press office"
    press_contact_email = "press@example.org"


class PledgePageFactory(StatementBaseFactory):
    class Meta:
        model = PledgePage

    title = factory.Sequence(lambda n: f"Pledge {n}")
    slug = factory.Sequence(lambda n: f"pledge-{n}")
    body_en = factory.LazyFunction(lambda: rich("As follow-up, the network pledges to act."))
    last_updated = datetime.date(2023, 7, 4)


class OpEdPageFactory(StatementBaseFactory):
    class Meta:
        model = OpEdPage

    title = factory.Sequence(lambda n: f"Op-ed {n}")
    slug = factory.Sequence(lambda n: f"op-ed-{n}")
    outlet = "openDemocracy"
    original_url = factory.Sequence(lambda n: f"https://www.opendemocracy.net/en/op-ed-{n}/")


class NewsCoveragePageFactory(StatementBaseFactory):
    class Meta:
        model = NewsCoveragePage

    title = factory.Sequence(lambda n: f"In the news {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    outlet = "Friedrich-Ebert-Stiftung"
    coverage_format = "interview"
    url = factory.Sequence(lambda n: f"https://www.fes.de/en/interview-{n}")
    body_en = factory.LazyFunction(lambda: rich("WIMN members spoke with the outlet about the IMRF."))
    piece_language = "en"


class RepostPageFactory(StatementBaseFactory):
    class Meta:
        model = RepostPage

    title = factory.Sequence(lambda n: f"Partner post {n}")
    slug = factory.Sequence(lambda n: f"repost-{n}")
    source_name = "PICUM"
    source_url = "https://picum.org/"
    original_url = factory.Sequence(lambda n: f"https://picum.org/post-{n}/")
    excerpt = "BRUSSELS, 7 April 2016 - On the occasion of World Health Day …"
    excerpt_en = factory.SelfAttribute("excerpt")
    original_language = "en"


class StatementSignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementSignatory

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    organization_name = factory.Sequence(lambda n: f"Organization {n}")


class StatementAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementAttachment

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    document = factory.SubFactory(DocumentFactory)


class PledgeCommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeCommitment

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    text = factory.Sequence(lambda n: f"Commitment {n}")
    text_en = factory.SelfAttribute("text")
    status = "planned"


class OpEdAuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpEdAuthor

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    name = factory.Sequence(lambda n: f"Author {n}")


class OpEdVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpEdVersion

    sort_order = factory.Sequence(int)  # rows keep the order they were made in (Orderable)

    language = "es"
    title = factory.Sequence(lambda n: f"Artículo {n}")
    url = factory.Sequence(lambda n: f"https://www.opendemocracy.net/es/articulo-{n}/")


def _pdf(title, code):
    return ContentFile(minimal_pdf(f"{title} [{code}]"), name=f"{slugify(title)[:50] or 'document'}-{code}.pdf")


def attach_document(page, title, languages=("en",), label="", doc_type="statement"):
    """Attach a generated PDF to `page`, with one version per language (the first is the original)."""
    original = DocumentFactory(
        title=title, language=languages[0], doc_type=doc_type, year=page.date.year, file=_pdf(title, languages[0])
    )
    for code in languages[1:]:
        DocumentFactory(
            title=f"{title} ({code})",
            language=code,
            original=original,
            doc_type=doc_type,
            year=page.date.year,
            file=_pdf(title, code),
        )
    StatementAttachmentFactory(page=page, document=original, label=label or "", label_en=label or "")
    return original
