"""Uploads in one private S3-compatible bucket (wimn_site/settings/storage.py; docs/deploy.md, "Media on S3").

The bucket keeps MEDIA_ROOT's layout (documents/, original_images/, images/ for renditions) and, like the
media folder, only renditions may be fetched by their address. Their address is /media/images/<name> on the
site's own host, streamed from the bucket by wimn_site.media, rather than a signed bucket URL: pages keep
loading images from 'self' only (the Content-Security-Policy), a rendition's address stays the same from one
page view to the next (browsers and the proxy keep it) and never expires inside a page the proxy still
serves, and no bucket address appears in any page. Everything else gets a signed, expiring URL if anything
asks for one; neither the public pages nor the admin's image and document screens do (visitors download
documents through Wagtail's serve view).
"""

import posixpath

from storages.backends.s3 import S3Storage

from django.conf import settings
from django.utils.encoding import filepath_to_uri

RENDITIONS = "images"  # Wagtail's folder for renditions (AbstractRendition.get_upload_to), kept flat


class MediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        if posixpath.dirname(name) == RENDITIONS and not (parameters or http_method):
            return settings.MEDIA_URL + filepath_to_uri(name)
        return super().url(name, parameters=parameters, expire=expire, http_method=http_method)
