"""A pledge's published versions for visitors: the list, one earlier version, and a comparison of two.

Which revisions count: those Wagtail's log records as published (`PageLogEntry` with action
`wagtail.publish` and its revision). A revision's `approved_go_live_at` only says it is *scheduled*;
when the scheduler publishes it, the publish is logged like any other, so the log is the one record of
what visitors were shown. Drafts, revisions sent to review and scheduled revisions not yet live never
appear. A revision published twice is listed once, at its first publication.

The list is one query whatever the number of versions: the log entries joined to their revisions, with
only the two fields the list shows read out of the revision's JSON (`last_updated`, the "what changed"
note in the visitor's language and in English). The date shown is the revision's `last_updated` (the date
editors give visitors), else the day it was published.

A published version staff have withdrawn (a `WithdrawnVersion`: it named a person at risk, say) is no
version for visitors: not listed, not served, not compared, and the version after it is compared with the
one before it. Only staff who can publish the pledge withdraw or restore one (statements.history_admin).
"""

import datetime
import difflib
import html
import re

from wagtail_footnotes.blocks import FIND_FOOTNOTE_TAG

from django.conf import settings
from django.db import models
from django.db.models.fields.json import KeyTextTransform
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import PageLogEntry, Revision

PUBLISH_ACTION = "wagtail.publish"
# Revision ids are PostgreSQL integers; a larger number in a URL is simply not a version (404, not a 500).
MAX_ID = 2**31 - 1
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|div|figcaption|tr)>|<br\s*/?>", re.IGNORECASE)
_WORDS = re.compile(r"\S+\s*")


class WithdrawnVersion(models.Model):
    """A published revision of a page taken out of its public history by staff (restored by deleting it)."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    withdrawn_at = models.DateTimeField(gettext_lazy("withdrawn at"), auto_now_add=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # statements/history_admin.py purges exactly the pledge's pages it changes, in every language; a change
    # to this row need not purge the whole site as well (wimn_site/cache_invalidation.py).
    purged_by_its_writer = True

    class Meta:
        verbose_name = gettext_lazy("withdrawn version")
        verbose_name_plural = gettext_lazy("withdrawn versions")

    def __str__(self):
        return f"{self.page_id}/{self.revision_id}"


def _published_entries(page, include_withdrawn=False):
    entries = PageLogEntry.objects.filter(page_id=page.pk, action=PUBLISH_ACTION, revision__isnull=False)
    if include_withdrawn:
        return entries
    return entries.exclude(revision_id__in=WithdrawnVersion.objects.filter(page_id=page.pk).values("revision_id"))


def published_revision(page, revision_id):
    """The revision `revision_id` of `page` if it was ever published (and is not withdrawn), else None (one
    query)."""
    if not 0 < revision_id <= MAX_ID:
        return None
    return (
        Revision.page_revisions.filter(
            pk=revision_id,
            object_id=str(page.pk),
            pk__in=_published_entries(page).values("revision_id"),
        )
        .select_related("content_type")
        .first()
    )


class Version:
    """One published version as the list shows it."""

    def __init__(self, revision_id, published_at, last_updated, note, note_lang):
        self.revision_id = revision_id
        self.published_at = published_at
        self.last_updated = last_updated
        self.note = note
        self.note_lang = note_lang  # "" when the note is in the visitor's language
        self.previous = None  # the version before it (for "compare with the previous version")
        self.is_current = False

    @property
    def date(self):
        return self.last_updated or self.published_at.date()


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def published_versions(page, include_withdrawn=False):
    """The page's published versions, oldest first (one query); withdrawn ones only for staff, when asked."""
    language = translation.get_language()
    english = settings.LANGUAGE_CODE
    rows = (
        _published_entries(page, include_withdrawn)
        .order_by("timestamp", "pk")
        .values_list(
            "revision_id",
            "timestamp",
            KeyTextTransform("last_updated", "revision__content"),
            KeyTextTransform(f"update_note_{language}", "revision__content"),
            KeyTextTransform(f"update_note_{english}", "revision__content"),
        )
    )
    versions, seen = [], set()
    for revision_id, timestamp, last_updated, note, english_note in rows:
        if revision_id in seen:
            continue
        seen.add(revision_id)
        note, english_note = (note or "").strip(), (english_note or "").strip()
        version = Version(
            revision_id,
            timestamp,
            _date(last_updated),
            note or english_note,
            "" if note or not english_note or language == english else english,
        )
        version.previous = versions[-1] if versions else None
        versions.append(version)
    current = current_revision(page.live_revision_id, [version.revision_id for version in versions])
    for version in versions:
        version.is_current = version.revision_id == current
    return versions


def current_revision(live_revision_id, revision_ids):
    """The version visitors see as current among `revision_ids` (oldest first): the live one, else the newest."""
    if live_revision_id in revision_ids:
        return live_revision_id
    return revision_ids[-1] if revision_ids else None


def version_text(version):
    """The version as lines of text to compare: its introduction, each commitment with its status and note,
    then its footnotes (references in the text are left out: their numbers shift when one is added)."""
    lines = []
    body = getattr(version, "body", None)
    if body:
        lines += _text_lines(FIND_FOOTNOTE_TAG.sub("", str(body.render_as_block())))
    for commitment in version.commitments.all():
        status = commitment.get_status_display()
        lines.append(f"{status}: {commitment.text}" if status else commitment.text)
        if commitment.note:
            lines.append(f"    {commitment.note}")
    for footnote in version.footnotes.all():
        label = _("Note")
        lines += [f"[{label}] {line}" for line in _text_lines(footnote.text)]
    return [line for line in lines if line]


def _text_lines(markup):
    return [html.unescape(line).strip() for line in strip_tags(_BLOCK_END.sub("\n", markup)).splitlines()]


# SequenceMatcher's work grows with the product of the two sides' lengths: past these, a changed line is shown
# removed and added whole, and two versions' lines as all removed and all added (anyone may ask for any pair).
MAX_WORD_PAIRS = 250_000  # e.g. two paragraphs of 500 words
MAX_LINE_PAIRS = 250_000


def _segments(old, new):
    """Word-level differences of two lines, as (op, text) with op one of equal, removed, added."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    if len(a) * len(b) > MAX_WORD_PAIRS:
        return [("removed", old), ("added", new)]
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", "".join(b[j1:j2])))
    return out


def compare(old_lines, new_lines):
    """Rows for the comparison page: (state, segments), state one of same, removed, added, changed."""
    rows = []
    if len(old_lines) * len(new_lines) > MAX_LINE_PAIRS:
        return [("removed", [("removed", line)]) for line in old_lines] + [
            ("added", [("added", line)]) for line in new_lines
        ]
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [("same", [("equal", line)]) for line in old_lines[i1:i2]]
        elif tag == "delete":
            rows += [("removed", [("removed", line)]) for line in old_lines[i1:i2]]
        elif tag == "insert":
            rows += [("added", [("added", line)]) for line in new_lines[j1:j2]]
        else:
            rows += _changed_block(old_lines[i1:i2], new_lines[j1:j2])
    return rows


# Lines of a changed block are compared word by word only with a line that reads alike (this share of words in
# common): a commitment whose status changed and a new note under another one are not one line rewritten.
SIMILAR = 0.5
MAX_BLOCK_PAIRS = 400  # line pairs weighed within one changed block; past it, lines are paired in order


def _similarity(old, new):
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    if not a or not b or len(a) * len(b) > MAX_WORD_PAIRS:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _changed_block(old, new):
    """Rows for lines replaced by others: each old line with the most alike new line after the last one paired
    (new lines between them are added), else removed whole; new lines left over are added."""
    if len(old) * len(new) > MAX_BLOCK_PAIRS:
        pairs = [(k, k) for k in range(min(len(old), len(new)))]
    else:
        pairs, start = [], 0
        for i, line in enumerate(old):
            scores = [(_similarity(line, new[k]), -k) for k in range(start, len(new))]
            best = max(scores, default=(0.0, 0))
            if best[0] >= SIMILAR:
                pairs.append((i, -best[1]))
                start = -best[1] + 1
    rows, i, j = [], 0, 0
    for pi, pj in [*pairs, (len(old), len(new))]:
        rows += [("removed", [("removed", line)]) for line in old[i:pi]]
        rows += [("added", [("added", line)]) for line in new[j:pj]]
        if pi < len(old) and pj < len(new):
            rows.append(("changed", _segments(old[pi], new[pj])))
        i, j = pi + 1, pj + 1
    return rows
