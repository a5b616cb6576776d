import mimetypes

from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


@register.inclusion_tag("components/document_download.html", takes_context=True)
def document_download(context, document, label=""):
    """A download link to `document` in the visitor's language, with language, type and size.

    Falls back to the original with a note when no version exists in the visitor's language.
    Prefetch `translations` (and `original__translations`) on listings to keep this query-free.
    """
    if document is None:
        return {"doc": None}
    language = translation.get_language()
    doc = document.version_for(language) if hasattr(document, "version_for") else document
    others = []
    if hasattr(document, "versions"):
        for other in document.versions():
            if other.pk != doc.pk:
                other.native_name = settings.LANGUAGE_NATIVE_NAMES.get(other.language, other.language)
                others.append(other)
    doc_language = getattr(doc, "language", settings.LANGUAGE_CODE)
    return {
        "doc": doc,
        "label": label,
        "mime": mimetypes.guess_type(doc.file.name)[0] or "application/octet-stream",
        "language_name": settings.LANGUAGE_NATIVE_NAMES.get(doc_language, doc_language),
        "is_fallback": doc_language != language,
        "others": others,
        "LANG": language,
    }
