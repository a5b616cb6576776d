"""Where uploads are stored: MEDIA_ROOT on this machine, or one private S3-compatible bucket when
AWS_STORAGE_BUCKET_NAME is set (several app servers; docs/deploy.md, "Media on S3").

Nothing in the bucket is public and no page links into it: documents are downloaded through Wagtail's serve
view (WAGTAILDOCS_SERVE_METHOD = "serve_view" in base.py), which applies wimn_site.visibility and streams the
file from the bucket; image renditions are linked at /media/images/ on the site's own address and streamed
from the bucket by wimn_site.media; original images are never served. Credentials come from boto3's usual
chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment, or the machine's role), never from here.
"""

import os

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None  # MinIO or another S3-compatible service
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None  # "path" for most MinIO setups
AWS_LOCATION = os.environ.get("AWS_LOCATION", "")  # a folder in the bucket, when the bucket is shared
AWS_DEFAULT_ACL = None  # no ACL of our own: objects stay as private as the bucket
AWS_QUERYSTRING_AUTH = True  # any bucket address the storage makes is signed and expires (no page shows one)
AWS_S3_SIGNATURE_VERSION = "s3v4"  # botocore would sign some URLs with version 2, which newer regions refuse
AWS_S3_FILE_OVERWRITE = False  # a second upload named like the first gets a name of its own
# django-storages reads an object whole into a temporary file before the first byte is sent: past this size
# that file is on disk, not in the worker's memory (documents go up to WIMN_MAX_DOCUMENT_BYTES).
AWS_S3_MAX_MEMORY_SIZE = 2 * 1024 * 1024

WIMN_MEDIA_STORAGE = {
    "BACKEND": "wimn_site.s3.MediaStorage" if AWS_STORAGE_BUCKET_NAME else "django.core.files.storage.FileSystemStorage"
}
