"""The site's document model: each file knows its language, and language versions point to one original."""

import functools
import os
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import CollectionViewRestriction

from ..document_text import extract_text, read_upload
from ..filetypes import content_matches, extension_of
from .mixins import language_codes
from .restrictions import UnderRestriction


def private_collection_exists(path_ref="collection__path"):
    """True when the collection at `path_ref` (a column name of the outer query) or a parent is restricted (one SQL
    condition, `UnderRestriction`)."""
    return UnderRestriction(path_ref, CollectionViewRestriction, "collection")


PCHAR = RFC3986_SUBDELIMS + "/~:@"  # what reverse() leaves unquoted in a path


@functools.lru_cache(maxsize=16)
def serve_view_prefix(script_prefix, urlconf, language):
    """ "/documents/": the serve view's address up to a document's id, under `script_prefix`, `urlconf` and
    `language` (what reverse() reads; they key this cache)."""
    marker = 987654321
    url = reverse("wagtaildocs_serve", args=[marker, "file"], urlconf=urlconf)
    return url[: url.rindex(f"/{marker}/") + 1]


class WimnDocumentQuerySet(DocumentQuerySet):
    def outside_private_collections(self):
        """Files whose collection (and every parent) has no view restriction: the only ones ever offered."""
        return self.exclude(private_collection_exists())


class WimnDocumentManager(models.Manager.from_queryset(WimnDocumentQuerySet)):
    """Documents without their extracted `text` (up to 150,000 characters each): only the text page reads it."""

    def get_queryset(self):
        return super().get_queryset().defer("text")


class WimnDocument(AbstractDocument):
    """A downloadable file (statement PDF, report, program) in one language.

    A translation of a document is a document of its own whose `original` points to the first one, so
    a statement can carry one attachment and a visitor still downloads the file in their language.
    """

    DOC_TYPES = [
        ("statement", _("Statement")),
        ("comment", _("Comment on a draft")),
        ("media_release", _("Media release")),
        ("pledge", _("Pledge")),
        ("report", _("Report")),
        ("program", _("Event program")),
        ("guide", _("Guide")),
        ("other", _("Other")),
    ]

    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_(
            "The language this file is written in. To add a language version of a document, upload the "
            "translated file as a new document, choose its language here and the original under "
            "'translation of'."
        ),
    )
    original = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
        help_text=_(
            "Leave empty for an original. For a translated file, choose the original document: the library then "
            "lists both as one document and each visitor downloads the file in their language."
        ),
    )
    doc_type = models.CharField(_("type"), max_length=20, choices=DOC_TYPES, default="other")
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("A sentence or two in the file's language; shown in the library and found by site search."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("Year of publication, used by the library's year filter.")
    )
    topics = models.ManyToManyField("wimn_site.Topic", blank=True, verbose_name=_("topics"))
    in_library = models.BooleanField(
        _("publish in the library"),
        default=False,
        help_text=_(
            "Leave unticked for a file attached to a page: it is public while a live, public page uses it, and "
            "a file attached to a draft or to an embargoed media alert stays closed until the page goes live. "
            "Tick only to publish a file on its own (a report no page links to): it is then public at once. "
            "Language versions follow their original; to keep one internal, put it in a private collection."
        ),
    )

    text = models.TextField(
        _("text"),
        blank=True,
        editable=False,
        help_text=_("The text of the PDF, read when the file is saved; shown on the document's 'Read online' page."),
    )
    text_chars = models.PositiveIntegerField(
        _("characters of text"), default=0, editable=False, help_text=_("0 when the file has no readable text.")
    )

    objects = WimnDocumentManager()

    admin_form_fields = WagtailDocument.admin_form_fields + (
        "language",
        "original",
        "doc_type",
        "description",
        "year",
        "topics",
        "in_library",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        if self.file:
            super().clean()  # the allowed extensions
        # else: the multiple uploader is completing a file it already checked when it was uploaded, and
        # attaches it only after this form is valid (without this, Wagtail 7.4 answers with a 500)
        if self.original_id and self.original_id == self.pk:
            raise ValidationError({"original": _("A document cannot be a translation of itself.")})
        if self.original_id and self.original and self.original.original_id:
            raise ValidationError({"original": _("Choose the original document, not another translation.")})
        if self.file:
            size = getattr(self.file, "size", 0) or 0
            if size > settings.WIMN_MAX_DOCUMENT_BYTES:
                raise ValidationError(
                    {
                        "file": _("This file is %(size)s; the limit is %(limit)s.")
                        % {"size": filesizeformat(size), "limit": filesizeformat(settings.WIMN_MAX_DOCUMENT_BYTES)}
                    }
                )
        if self.file and not getattr(self.file, "_committed", True):  # a new upload, not the stored file
            extension = extension_of(self.file.name)
            if not content_matches(getattr(self.file, "file", self.file), extension):
                raise ValidationError(
                    {
                        "file": _(
                            "The content of this file is not a .%(extension)s file, whatever its name says. "
                            "Upload the original file, or save it again in that format."
                        )
                        % {"extension": extension}
                    }
                )

    def _set_document_file_metadata(self):
        """Wagtail calls this for every new file its admin attaches (one upload, several at once, a replaced
        file): the size and hash, and here the text."""
        super()._set_document_file_metadata()
        self.read_file_text()
        self._text_is_read = True

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):  # a new upload, still in memory or on disk
            if not getattr(self, "_text_is_read", False):  # factories and scripts; the admin has read it
                self.read_file_text()
            if self.file_size is None:
                self.file_size = getattr(self.file, "size", None)  # the library shows it without asking storage
        super().save(*args, **kwargs)
        self._text_is_read = False

    def read_file_text(self):
        """Read the text of the PDF (`wimn_site.document_text`: bounded, "" for a broken or encrypted file)."""
        is_pdf = extension_of(self.file.name) == "pdf"
        self.text = extract_text(read_upload(self.file)) if is_pdf else ""
        self.text_chars = len(self.text)
        return self.text

    @property
    def url(self):
        """The serve view's address, exactly as Wagtail's `url` writes it (every download passes the visibility
        rules there), with one reverse() per script prefix instead of one per file: listings show dozens."""
        if getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) != "serve_view" or self.pk is None:
            return super().url
        prefix = serve_view_prefix(get_script_prefix(), get_urlconf(), get_language())
        return f"{prefix}{self.pk}/{quote(self.filename, safe=PCHAR)}"

    @property
    def has_text(self):
        return self.text_chars > 0

    @property
    def extension_label(self):
        return os.path.splitext(self.file.name)[1].lstrip(".").upper() if self.file else ""

    @property
    def size_bytes(self):
        if self.file_size is not None:
            return self.file_size
        try:
            return self.file.size  # a request to the bucket when uploads are on S3 (wimn_site/s3.py)
        except Exception:  # missing, or a storage that cannot answer (botocore's errors are no OSError)
            return None  # the page loses the file's size, not its rendering

    def offered_translations(self):
        """The language versions that may be offered to visitors: none in a private collection.

        Pages and listings prefetch them with that rule (`wimn_site.related`); otherwise
        they are read here, once per document.
        """
        root = self.original if self.original_id else self
        cache = getattr(root, "_prefetched_objects_cache", {})
        if "translations" not in cache:
            cache["translations"] = list(root.translations.all().outside_private_collections())
            root._prefetched_objects_cache = cache
        return list(cache["translations"])

    def versions(self):
        """This document and its offered translations, original first."""
        root = self.original if self.original_id else self
        return [root, *sorted(self.offered_translations(), key=lambda d: language_codes().index(d.language))]

    def version_for(self, language):
        """The version in `language`, or the original when there is none."""
        root = self.original if self.original_id else self
        if root.language == language:
            return root
        for doc in self.offered_translations():
            if doc.language == language:
                return doc
        return root
