"""/<lang>/documents/<id>/text/: a document's text on a page of the site (see wimn_site.read_online).

A module of its own because it names the library page, whose module imports the library listing, which
uses wimn_site.read_online.
"""

from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

from .models.documents import WimnDocument
from .models.library import DocumentLibraryPage
from .read_online import may_read, pages_carrying, text_url
from .templatetags.wimn_docs import language_in_sentence
from .visibility import public_pages


def document_text(request, document_id):
    """/<lang>/documents/<id>/text/: the text of one file, with its download and its other languages."""
    document = WimnDocument.objects.defer(None).select_related("collection", "original").filter(pk=document_id).first()
    if document is None or not may_read(document, request):
        raise Http404("No such document")
    root = document.original if document.original_id else document
    versions = [
        {
            "document": version,
            "native_name": settings.LANGUAGE_NATIVE_NAMES.get(version.language, version.language),
            "text_url": text_url(version),
        }
        for version in root.versions()
        if version.pk != document.pk
    ]
    carrier = pages_carrying([root], request).get(root.pk)
    language = translation.get_language()
    library = public_pages(DocumentLibraryPage.objects.all()).first()
    context = {
        "document": document,
        "root": root,
        "paragraphs": [paragraph for paragraph in document.text.split("\n\n") if paragraph.strip()],
        "language_name": language_in_sentence(document.language),  # "(inglés)" in a Spanish sentence
        "other_versions": [version for version in versions if version["text_url"]],
        "carrier": carrier,
        "is_other_language": document.language != language,
        "noindex": not document.text_chars,
        "library_url": library.get_url(request) if library else "",
        "library_title": library.title if library else "",
    }
    response = TemplateResponse(request, "wimn_site/document_text.html", context)
    # Never kept by the page cache or a proxy, like the file itself (streamed, so never cached): whether it
    # may be shown changes with the pages that use it, whose invalidation does not know this address.
    patch_cache_control(response, private=True)
    return response
