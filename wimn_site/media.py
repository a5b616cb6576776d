"""The one folder of uploads anyone may fetch by its address: image renditions, at /media/images/<name>.

On this machine's disk they are served from MEDIA_ROOT/images/ (a proxy may serve that folder itself,
docs/deploy.md). In a bucket (wimn_site.s3) they are read from it and sent from the site's own address, with
a day's Cache-Control so the caching proxy and browsers keep them. Documents and original images are never
served here: the view only ever opens a name directly in the renditions folder.
"""

import mimetypes
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.views.static import serve

from wagtail.images.models import get_rendition_storage

FOLDER = "images"
KEEP_SECONDS = 24 * 60 * 60
# The formats Wagtail writes renditions in. Python's own table lacks WebP (it comes from the system's
# /etc/mime.types, absent from slim images), and a picture sent as application/octet-stream with nosniff
# is not shown.
RENDITION_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
}


def rendition(request, path):
    """`path` is a bare file name: the URL pattern allows no slash or backslash."""
    storage = get_rendition_storage()
    if isinstance(storage, FileSystemStorage):
        # Rooted in the renditions folder itself, so no spelling of ".." can step out of it: a name that
        # tries is refused by the static view's own check.
        return serve(request, path, document_root=Path(storage.location) / FOLDER)
    if path in (".", ".."):
        raise Http404
    try:
        file = storage.open(f"{FOLDER}/{path}", "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    extension = Path(path).suffix.lower()
    content_type = RENDITION_TYPES.get(extension) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={KEEP_SECONDS}"
    return response
