"""Builds the statements section's demo content from statements/demo.yaml (see wimn_site.demo_data for the format):
statements, a media alert, comments on drafts, the pledge with its July 2023 update, op-eds, news coverage of the
network and partners' posts it shared."""

import datetime
import re
import uuid

from wagtail_footnotes.models import Footnote

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import PageLogEntry, Revision

from campaigns.models import CampaignPage, Organization
from wimn_site.demo_data import LANGUAGES
from wimn_site.demo_documents import statement_pdf
from wimn_site.factories import DocumentFactory, rich, translated
from wimn_site.models import Topic
from wimn_site.translation_status import backdate

from .factories import (
    MediaAlertFactory,
    NewsCoveragePageFactory,
    OpEdPageFactory,
    PledgePageFactory,
    RepostPageFactory,
    StatementIndexPageFactory,
    StatementPageFactory,
)
from .models import OpEdAuthor, OpEdVersion, PledgeCommitment, StatementAttachment, StatementSignatory
from .models.base import STATEMENT_KINDS

NOTE = re.compile(r"\[\[note (\d+)\]\]")
DOC_TYPES = {"comment": "comment", "media_alert": "media_release", "pledge": "pledge"}


class _Context:
    """What the demo links to when the other apps' demo content exists (organizations, campaigns, topics)."""

    def __init__(self, examples):
        self.examples = examples
        self.organizations = {o.slug: o for o in Organization.objects.all()}
        self.campaigns = {c.slug: c for c in CampaignPage.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}

    def campaign(self, node):
        slug = node.text()
        return self.campaigns.get(slug) if slug else None

    def topic_list(self, node):
        return [self.topics[slug] for slug in (t.text(blank=False) for t in node.items()) if slug in self.topics]


def _note_uuid(slug, number):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"wimn-demo:{slug}:note-{number}")


def _body(node, slug="", notes=()):
    """{en: [paragraph or {quote, attribution}, ...], ...} → {en: StreamField value, ...}; `[[note 2]]` becomes a
    reference to the page's footnote 2 as wagtail-footnotes stores it (the editor shows the short id)."""
    if node.value is None:
        return {}
    if not isinstance(node.value, dict):
        raise node.error("paragraphs per language")

    def with_notes(paragraph):
        text = paragraph.text(blank=False)
        for number in NOTE.findall(text):
            if int(number) not in notes:
                raise paragraph.error(f"a text whose notes are among the item's footnotes ({sorted(notes)})")

        def reference(match):
            ref = _note_uuid(slug, match.group(1))
            return f'<footnote id="{ref}">[{str(ref)[:6]}]</footnote>'

        return NOTE.sub(reference, text)

    bodies = {}
    for code in node.value:
        if code not in LANGUAGES:
            raise node.error(f"paragraphs per language ({', '.join(LANGUAGES)})")
        blocks = []
        for paragraph in node[code].items():
            if isinstance(paragraph.value, dict):
                quote = {"text": paragraph["quote"].text(blank=False), "attribution": paragraph["attribution"].text()}
                blocks.append(("quote", quote))
            else:
                blocks.extend(rich(with_notes(paragraph)))
        bodies[code] = blocks
    return bodies


def _document(spec, kind, examples):
    """The page's generated PDF (the original, then a translation per language), as an unsaved attachment."""
    doc = spec.field("document", examples)
    if doc.value is None:
        return []
    slug, date = spec["slug"].text(), spec.field("date", examples).date(blank=False)
    titles, summaries = spec["title"].translated(), spec["summary"].translated()
    bodies = _body(spec.get("body"), slug, _note_numbers(spec))
    title = doc["title"].text(blank=False)
    codes = [doc["language"], *doc.field("translations", examples).items()]
    for code in codes:
        if code.text() not in LANGUAGES:
            raise code.error(f"a language ({', '.join(LANGUAGES)})")
    original = None
    for code in (code.value for code in codes):
        # The file carries the page's own text in its language (its title too, for a translation), so the
        # library, search and a download show what a reader of the real document would see.
        own_title = title if original is None else titles[code] or title
        text = bodies.get(code) or bodies.get("en") or [summaries[code] or summaries["en"]]
        document = DocumentFactory(
            title=own_title,
            language=code,
            original=original,
            doc_type=DOC_TYPES.get(kind, "statement"),
            year=date.year,
            file=ContentFile(statement_pdf(own_title, code, date, text), name=f"wimn-{slug}-{code}.pdf"),
        )
        original = original or document
    return [StatementAttachment(document=original, **translated("label", {}))]


def _note_numbers(spec):
    return {note["number"].number(blank=False) for note in spec.get("footnotes").items()}


def _noon(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12, 0)))


def _page_fields(ctx, spec, date):
    """What every page of the section takes from its item: slug, date, texts, campaign, topics, publication."""
    titles, summaries = spec["title"].translated(), spec["summary"].translated()
    return {
        "slug": spec["slug"].text(blank=False),
        "date": date,
        "title": titles["en"],
        "summary": summaries["en"],
        "campaign": ctx.campaign(spec.get("campaign")),
        "topics": ctx.topic_list(spec.get("topics")),
        **translated("title", titles),
        **translated("summary", summaries),
        # factories create pages live, without a revision: dated like the page
        "first_published_at": _noon(date),
        "last_published_at": _noon(date),
    }


def _statement(index, ctx, spec):
    kind = spec["kind"].text(blank=False)
    if kind not in dict(STATEMENT_KINDS):
        raise spec["kind"].error(f"one of {', '.join(dict(STATEMENT_KINDS))}")
    date = spec.field("date", ctx.examples).date(blank=False)
    slug = spec["slug"].text(blank=False)
    extra = {}
    if kind == "media_alert":
        datelines = spec["dateline"].translated()
        extra = {
            "dateline": datelines["en"],
            **translated("dateline", datelines),
            # blank (not the factory's) when left out as an example
            "press_contact_name": spec.field("press_contact_name", ctx.examples).text(),
            "press_contact_email": spec.field("press_contact_email", ctx.examples).text(),
        }
    footnotes = []
    for note in spec.get("footnotes").items():
        texts = note["text"].translated()
        number = note["number"].number(blank=False)
        footnotes.append(Footnote(uuid=_note_uuid(slug, number), text=texts["en"], **translated("text", texts)))
    factory = MediaAlertFactory if kind == "media_alert" else StatementPageFactory
    return factory(
        parent=index,
        kind=kind,
        **_page_fields(ctx, spec, date),
        **translated("body", _body(spec["body"], slug, _note_numbers(spec))),
        **extra,
        signatories=_in_order(
            StatementSignatory(
                organization=ctx.organizations.get(signatory.get("organization").text()),
                organization_name=signatory["name"].text(blank=False),
            )
            for signatory in spec.get("signatories").items()
        ),
        attachments=_document(spec, kind, ctx.examples),
        footnotes=footnotes,
    )


def _in_order(rows):
    """Inline rows numbered in the file's order (Orderable's sort_order: without it their order, on the page and
    in the translation desk's fingerprints, is whatever PostgreSQL returns)."""
    rows = list(rows)
    for order, row in enumerate(rows):
        row.sort_order = order
    return rows


def _status(node):
    value = node.text()
    if value and value not in dict(PledgeCommitment.STATUSES):
        raise node.error(f"one of {', '.join(dict(PledgeCommitment.STATUSES))}")
    return value


def _pledge(index, ctx, spec):
    """The pledge as made (first revision), then its update (second revision), both backdated."""
    date = spec["date"].date(blank=False)
    commitments = spec["commitments"].items()
    page = PledgePageFactory(
        parent=index,
        last_updated=date,
        **_page_fields(ctx, spec, date),
        **translated("body", _body(spec.get("body"))),
        **translated("update_note", {}),
        commitments=_in_order(
            PledgeCommitment(
                status=_status(item.field("status", ctx.examples)),
                text=item["text"].translated()["en"],
                **translated("text", item["text"].translated()),
            )
            for item in commitments
            if not item.get("added_in_update").flag()
        ),
        attachments=_document(spec, "pledge", ctx.examples),
    )
    _backdate(page, _publish(page), _noon(date))
    # The update: statuses, notes and the commitments it adds; the languages in `not_translated` keep their
    # earlier texts (the translation desk's example of a stale translation).
    update = spec["update"]
    moment = _noon(update["date"].date(blank=False))
    behind = {code.text(blank=False) for code in update.get("not_translated").items()}

    def current(node):
        return {code: text for code, text in node.translated(required=()).items() if code not in behind}

    page = type(page).objects.get(pk=page.pk)
    existing = iter(page.commitments.all())
    rows = []
    for item in commitments:
        row = PledgeCommitment(text=item["text"].translated()["en"], **translated("text", current(item["text"])))
        if not item.get("added_in_update").flag():
            row = next(existing)
        row.status = _status(item.field("updated_status", ctx.examples))
        notes = item.get("note").translated(required=())
        row.note = notes["en"]
        for name, value in translated("note", current(item.get("note"))).items():
            setattr(row, name, value)
        rows.append(row)
    page.commitments = _in_order(rows)
    page.last_updated = moment.date()
    for name, value in translated("update_note", current(update["note"])).items():
        setattr(page, name, value)
    _backdate(page, _publish(page), moment)
    return page


def _publish(page):
    revision = page.save_revision()
    revision.publish()
    return revision


def _backdate(page, revision, moment):
    """Date a published revision, its publish log entry and the page's translation records `moment`, so the
    pledge's history (and the translation desk) tell its story."""
    Revision.objects.filter(pk=revision.pk).update(created_at=moment)
    PageLogEntry.objects.filter(revision_id=revision.pk).update(timestamp=moment)
    backdate(page, moment)


def _op_ed(index, ctx, spec):
    outlet = spec["outlet"].text(blank=False)

    def author(node):
        # linked to the organizations directory when the organization is there, a plain name otherwise
        organization = ctx.organizations.get(node.get("organization").text())
        roles = node["role"].translated()
        return OpEdAuthor(
            name=node["name"].text(blank=False),
            role=roles["en"],
            organization=organization,
            organization_name="" if organization else node.get("organization_name").text(),
            **translated("role", roles),
        )

    return OpEdPageFactory(
        parent=index,
        **_page_fields(ctx, spec, spec.field("date", ctx.examples).date(blank=False)),
        outlet=outlet,
        original_url=spec.field("url", ctx.examples).text(),
        **translated("body", _body(spec.field("body", ctx.examples))),
        authors=_in_order(author(node) for node in spec["authors"].items()),
        language_versions=_in_order(
            OpEdVersion(
                language=version["language"].text(blank=False),
                title=version["title"].text(blank=False),
                url=version.field("url", ctx.examples).text(),
                outlet=outlet,
            )
            for version in spec.get("versions").items()
        ),
        attachments=_document(spec, "op_ed", ctx.examples),
    )


def _news(index, ctx, spec):
    """News coverage of the network."""
    return NewsCoveragePageFactory(
        parent=index,
        **_page_fields(ctx, spec, spec["date"].date(blank=False)),
        outlet=spec["outlet"].text(blank=False),
        coverage_format=spec["format"].text(blank=False),
        url=spec.get("url").text(),
        piece_language=spec["language"].text(blank=False),
        **translated("body", _body(spec.get("body"))),
    )


def _repost(index, ctx, spec):
    """A partner's post the seed lists with "[Continue reading]"."""
    excerpt = spec["excerpt"].text(blank=False)
    return RepostPageFactory(
        parent=index,
        **_page_fields(ctx, spec, spec["date"].date(blank=False)),
        source_name=spec["source_name"].text(blank=False),
        source_url=spec.get("source_url").text(),
        original_url=spec.get("original_url").text(),
        byline=spec.get("byline").text(),
        excerpt=excerpt,
        excerpt_en=excerpt,
        original_language=spec.get("original_language", "en").text(blank=False),
    )


def _record(items):
    """The entries of a list node. Every page of the section is in the seeds: a page has no "Example" label in
    the admin, so an item marked `example: true` is refused; what the seeds lack is marked per field instead."""
    for item in items.items():
        if item.is_example():
            raise item["example"].error(
                "allowed: a statement-like page is in the seeds (list the values they lack under `examples`)"
            )
    return items.items()


def build(home, data, examples=True):
    """The statements section under `home`; returns the section."""
    ctx = _Context(examples)
    spec = data["index"]
    titles = spec["title"].translated()
    index = StatementIndexPageFactory(
        parent=home,
        show_in_menus=True,
        slug=spec["slug"].text(blank=False),
        title=titles["en"],
        **translated("title", titles),
        **translated("intro", spec["intro"].translated()),
    )
    for item in _record(data["statements"]):
        _statement(index, ctx, item)
    _pledge(index, ctx, data["pledge"])
    for item in _record(data["op_eds"]):
        _op_ed(index, ctx, item)
    for item in _record(data["news"]):
        _news(index, ctx, item)
    for item in _record(data["reposts"]):
        _repost(index, ctx, item)
    return index
