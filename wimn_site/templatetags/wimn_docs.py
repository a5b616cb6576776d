import mimetypes

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

from ..read_online import is_document_page, text_url

register = template.Library()


@register.simple_tag
def language_in_sentence(code, visitor_language=None):
    """`code`'s name in the visitor's language as written mid-sentence ("in English", "en inglés")."""
    name = str(dict(settings.LANGUAGES).get(code, code))
    return name if (visitor_language or translation.get_language()) == "en" else name.lower()


@register.inclusion_tag("components/document_download.html", takes_context=True)
def document_download(context, document, label="", read_url=None, exact=False):
    """A download link to `document` in the visitor's language, with language, type and size, and a
    "Read online" link (wimn_site.read_online) beside "Download PDF (size)".

    Falls back to the original with a note when no version exists in the visitor's language (`exact`: this
    very file). "Read online" goes to `read_url` when given (the library passes the page that carries the
    document), else to the file's text page when it had text; none on a page that is the document itself.
    Prefetch `translations` (and `original__translations`) on listings to keep this query-free.
    """
    if document is None:
        return {"doc": None}
    language = translation.get_language()
    if exact or not hasattr(document, "version_for"):
        doc = document
    else:
        doc = document.version_for(language)
    if is_document_page(context.get("page")):
        read_url = ""
    elif read_url is None:
        read_url = text_url(doc)
    others = []
    if hasattr(document, "versions"):
        others = [
            {
                "url": other.url,
                "language": other.language,
                "native_name": settings.LANGUAGE_NATIVE_NAMES.get(other.language, other.language),
            }
            for other in document.versions()
            if other.pk != doc.pk
        ]
    doc_language = getattr(doc, "language", settings.LANGUAGE_CODE)
    size_bytes = getattr(doc, "size_bytes", None)  # read once: without a stored size it asks the storage
    size = filesizeformat(size_bytes) if size_bytes else ""
    kind = getattr(doc, "extension_label", "")
    is_fallback = doc_language != language and not exact  # `exact`: the visitor chose this file
    # Each value once, as text: the template repeats several. The sentences are made here, not with
    # {% blocktranslate %} (same messages), as the tag is on every listing row.
    return {
        "doc": doc,
        "url": doc.url,
        "title": doc.title,
        "doc_language": doc_language,
        "type": kind,
        "size": size,
        "label": label,
        "mime": mimetypes.guess_type(doc.file.name)[0] or "application/octet-stream",
        "language_name": settings.LANGUAGE_NATIVE_NAMES.get(doc_language, doc_language),
        # The note is a sentence in the visitor's language: "ce fichier est en anglais", not "en English".
        "fallback_note": (
            _("Not available in your language; this file is in %(language)s.")
            % {"language": language_in_sentence(doc_language, language)}
            if is_fallback
            else ""
        ),
        "download_text": (
            _("Download %(type)s (%(size)s)") % {"type": kind, "size": size}
            if size
            else _("Download %(type)s") % {"type": kind}
        ),
        "others": others,
        "read_url": read_url,
        "own_language": doc_language == language,
    }
