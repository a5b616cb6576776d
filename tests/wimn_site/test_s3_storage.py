"""Uploads on S3-compatible storage (wimn_site/settings/storage.py, wimn_site/s3.py, wimn_site/media.py), against
moto's S3 server on loopback: staff upload through the admin's own forms, files land in the bucket, pages show
renditions from the site's own address, documents download only through the serve view and its visibility
rules, and nothing in the bucket can be read without a signature."""

import io
import json
import os
import runpy
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from bs4 import BeautifulSoup
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, UploadedFile

from wimn_site.factories import ContentPageFactory, DocumentFactory, minimal_pdf
from wimn_site.models import WimnDocument
from wimn_site.s3 import MediaStorage
from wimn_site.settings import storage as storage_settings

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
REGION = "us-east-1"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "moto-test-key", "AWS_SECRET_ACCESS_KEY": "moto-test-secret"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def moto_endpoint():
    """moto's S3 in server mode, on a free loopback port: the app talks to it over HTTP, as to MinIO or AWS."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


class Bucket:
    def __init__(self, name, endpoint):
        self.name = name
        self.endpoint = endpoint
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        self.client.create_bucket(Bucket=name)

    def keys(self):
        return sorted(item["Key"] for item in self.client.list_objects_v2(Bucket=self.name).get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def anonymous_get(self, key):
        """The object's bucket address fetched by anyone: no Authorization header, no signature."""
        return fetch(f"{self.endpoint}/{self.name}/{key}")


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback moto only
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def bucket(moto_endpoint, settings, monkeypatch):
    """A fresh bucket, and the settings wimn_site/settings/storage.py makes from the environment pointing at it."""
    name = f"wimn-media-{uuid.uuid4().hex[:12]}"
    environment = {
        "AWS_STORAGE_BUCKET_NAME": name,
        "AWS_S3_ENDPOINT_URL": moto_endpoint,
        "AWS_S3_REGION_NAME": REGION,
        **CREDENTIALS,
    }
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    bucket = Bucket(name, moto_endpoint)
    values = runpy.run_path(storage_settings.__file__)
    for key, value in values.items():
        if key.startswith("AWS_"):
            setattr(settings, key, value)
    # Django's setting_changed handler for STORAGES empties the storages registry and default_storage, which
    # every FileField here (documents, images, renditions, held uploads) reads lazily; the settings fixture
    # puts the local storage back the same way after the test.
    settings.STORAGES = {**settings.STORAGES, "default": values["WIMN_MEDIA_STORAGE"]}
    assert isinstance(default_storage, MediaStorage)
    return bucket


def png(size=(400, 240), colour=(91, 42, 134)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, title="Rally in Geneva"):
    response = client.post(
        "/admin/images/add/",
        {"title": title, "file": SimpleUploadedFile("rally.png", png()), "collection": root_collection()},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_image_model().objects.get(title=title)


def upload_document(client, title, collection=None):
    response = client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile("statement.pdf", minimal_pdf(title)),
            "collection": collection or root_collection(),
            "language": "en",
            "original": "",
            "doc_type": "statement",
            "description": "",
            "year": "2024",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return WimnDocument.objects.get(title=title)


def root_collection():
    return Collection.get_first_root_node().pk


def attached(parent, document, **kwargs):
    return ContentPageFactory(parent=parent, body_en=[("document", {"document": document, "label": ""})], **kwargs)


def test_without_a_bucket_uploads_stay_on_this_machine(settings, monkeypatch):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    assert runpy.run_path(storage_settings.__file__)["WIMN_MEDIA_STORAGE"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_bucket_in_the_environment_moves_uploads_to_it():
    """The settings every environment builds on (base.py) pick the bucket up; objects get no ACL of their own."""
    code = "from django.conf import settings as s; print(s.STORAGES['default']['BACKEND'], s.AWS_DEFAULT_ACL, "
    code += "s.AWS_QUERYSTRING_AUTH, s.AWS_S3_FILE_OVERWRITE, s.AWS_S3_ENDPOINT_URL, s.WAGTAILDOCS_SERVE_METHOD)"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wimn_site.settings.test",
        "AWS_STORAGE_BUCKET_NAME": "wimn-media",
        "AWS_S3_ENDPOINT_URL": "http://minio.internal:9000",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == [
        "wimn_site.s3.MediaStorage",
        "None",
        "True",
        "False",
        "http://minio.internal:9000",
        "serve_view",
    ], result.stderr


def test_admin_uploads_land_in_the_bucket_with_no_public_grant(staff, bucket, settings):
    image = upload_image(staff)
    document = upload_document(staff, "Statement to the Global Compact review")
    assert image.file.name.startswith("original_images/") and document.file.name.startswith("documents/")
    assert {image.file.name, document.file.name} <= set(bucket.keys())
    assert bucket.read(document.file.name) == minimal_pdf(document.title)
    assert not any((Path(settings.MEDIA_ROOT) / name).exists() for name in (image.file.name, document.file.name))
    for key in (image.file.name, document.file.name):
        grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
        assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner's, nobody else's
        assert all(grant["Grantee"].get("Type") == "CanonicalUser" for grant in grants)


def test_several_documents_at_once_pass_through_the_bucket(staff, bucket):
    """The multiple uploader holds each file in the bucket until its language is chosen, then moves it."""
    added = staff.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", minimal_pdf("Annual report")), "collection": root_collection()},
    )
    assert added.json()["success"], added.content[:500]
    upload = UploadedFile.objects.get()
    assert upload.file.name in bucket.keys()
    done = staff.post(
        f"/admin/documents/multiple/create_from_uploaded_document/{upload.pk}/",
        {
            f"uploaded-document-{upload.pk}-title": "Annual report",
            f"uploaded-document-{upload.pk}-collection": root_collection(),
            f"uploaded-document-{upload.pk}-language": "fr",
            f"uploaded-document-{upload.pk}-doc_type": "report",
        },
    )
    assert done.status_code == 200 and done.json()["success"], done.content[:500]
    document = WimnDocument.objects.get()
    assert bucket.keys() == [document.file.name]  # the held copy is gone
    assert bucket.read(document.file.name) == minimal_pdf("Annual report")


def test_several_images_at_once_land_in_the_bucket(staff, bucket):
    response = staff.post("/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("march.png", png())})
    assert response.json()["success"], response.content[:500]
    image = get_image_model().objects.get()
    assert image.file.name in bucket.keys() and (image.width, image.height) == (400, 240)


def test_a_page_shows_renditions_from_the_sites_own_address(staff, bucket, home):
    """Renditions are made from the original in the bucket, stored beside it and linked at /media/images/;
    the page names no bucket address and no signature."""
    image = upload_image(staff)
    ContentPageFactory(parent=home, slug="rally", body_en=[("image", {"image": image, "alt_text": "A rally"})])
    response = Client().get("/en/rally/")
    assert response.status_code == 200
    html = response.content.decode()
    assert bucket.endpoint not in html and bucket.name not in html and "X-Amz-" not in html
    page = BeautifulSoup(html, "html.parser")
    img = page.select_one("figure.block-image img")
    sources = [img["src"]] + [
        candidate.split()[0]
        for source in page.select("figure.block-image source")
        for candidate in source["srcset"].split(",")
    ]
    assert sources and all(url.startswith("/media/images/") for url in sources), sources
    for url in sources:
        key = url.removeprefix("/media/")
        assert key in bucket.keys()
        served = Client().get(url)
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == bucket.read(key)
        assert served["Content-Type"] == {"avif": "image/avif", "webp": "image/webp"}.get(url[-4:], "image/jpeg")
        assert "public" in served["Cache-Control"]
    assert PILImage.open(io.BytesIO(b"".join(Client().get(img["src"]).streaming_content))).format == "JPEG"


def test_the_media_route_serves_renditions_only(staff, bucket, home):
    image = upload_image(staff)
    document = upload_document(staff, "Closed note")
    rendition = image.get_rendition("width-100")
    assert rendition.url.startswith("/media/images/")
    client = Client()
    assert client.get(rendition.url).status_code == 200
    for url in (
        f"/media/{image.file.name}",
        f"/media/{document.file.name}",
        "/media/images/missing.png",
        "/media/images/..",
        f"/media/images/..%2F{image.file.name}",
        f"/media/images/..%5C{document.file.name}",
    ):
        assert client.get(url).status_code == 404, url


def test_a_document_downloads_through_the_serve_view(staff, bucket, home):
    document = upload_document(staff, "Joint statement to the IMRF")
    attached(home, document, slug="imrf")
    page = Client().get("/en/imrf/").content.decode()
    assert document.url == f"/documents/{document.pk}/{document.filename}" and document.url in page
    assert bucket.endpoint not in page and "X-Amz-" not in page
    response = Client().get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == minimal_pdf(document.title)
    assert response["Content-Disposition"].startswith("attachment")
    assert int(response["Content-Length"]) == len(minimal_pdf(document.title)) == document.file_size


def test_closed_documents_stay_closed(staff, bucket, home):
    """A draft's file and an unpublished page's file are 404; a private collection's file asks for its password."""
    draft_file = upload_document(staff, "Draft statement")
    attached(home, draft_file, slug="draft", live=False)
    withdrawn_file = upload_document(staff, "Withdrawn statement")
    withdrawn = attached(home, withdrawn_file, slug="withdrawn")
    partners = Collection.get_first_root_node().add_child(name="Partners")
    CollectionViewRestriction.objects.create(collection=partners, restriction_type="password", password="partners-only")
    private_file = upload_document(staff, "Partner briefing", collection=partners.pk)
    attached(home, private_file, slug="partners")
    visitor = Client()
    assert visitor.get(withdrawn_file.url).status_code == 200
    withdrawn.unpublish()
    assert visitor.get(draft_file.url).status_code == 404
    assert visitor.get(withdrawn_file.url).status_code == 404
    asked = visitor.get(private_file.url)
    assert asked.status_code == 200 and b"%PDF" not in asked.content
    assert BeautifulSoup(asked.content, "html.parser").select_one("input[name=password]")
    restriction = CollectionViewRestriction.objects.get(collection=partners)
    visitor.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "partners-only", "return_url": private_file.url},
    )
    opened = visitor.get(private_file.url)
    assert b"".join(opened.streaming_content) == minimal_pdf("Partner briefing")


def test_nothing_in_the_bucket_opens_without_a_signature(staff, bucket):
    """moto refuses an unsigned GET of an object with no public grant, as S3 and MinIO do: a document, an original
    image or a rendition cannot be fetched by its bucket address. The storage's own signed URL (which no page
    shows) does open, so the refusal is the missing signature, not a wrong address."""
    image = upload_image(staff)
    document = upload_document(staff, "Embargoed media release")
    rendition = image.get_rendition("width-200")
    for key in (document.file.name, image.file.name, rendition.file.name):
        status, _ = bucket.anonymous_get(key)
        assert status == 403, key
    signed = default_storage.url(document.file.name)
    assert "X-Amz-Signature=" in signed
    assert fetch(signed) == (200, minimal_pdf(document.title))


def test_a_file_the_bucket_will_not_describe_costs_the_page_only_its_size(bucket, home):
    """A document with no stored size (saved before sizes were recorded on every save) makes the page ask the
    bucket; a refusal (a policy, an outage) leaves the size out of the download link instead of failing the page."""
    document = DocumentFactory(title="Programme of the side event")
    assert document.file_size == len(minimal_pdf(document.title))  # recorded when the file was saved
    WimnDocument.objects.filter(pk=document.pk).update(file_size=None)
    document.refresh_from_db()
    assert document.file_size is None and document.file.name in bucket.keys()
    attached(home, document, slug="programme")
    assert download_meta(Client().get("/en/programme/")) == f"(English, PDF, {len(minimal_pdf(document.title))} bytes)"
    denied = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": f"arn:aws:s3:::{bucket.name}/documents/*",
            }
        ],
    }
    bucket.client.put_bucket_policy(Bucket=bucket.name, Policy=json.dumps(denied))
    document.refresh_from_db()
    response = Client().get("/en/programme/")
    assert response.status_code == 200
    assert document.url in response.content.decode() and download_meta(response) == "(English, PDF)"


def download_meta(response):
    text = BeautifulSoup(response.content, "html.parser").select_one(".download__meta").get_text()
    return " ".join(text.replace("\xa0", " ").split())


def test_a_shared_bucket_keeps_the_site_in_its_folder(staff, bucket, settings, home):
    """AWS_LOCATION puts every object under a folder; the renditions' addresses on the site stay the same."""
    settings.AWS_LOCATION = "wimn"
    settings.STORAGES = {**settings.STORAGES}  # a new storage, reading AWS_LOCATION
    image = upload_image(staff)
    rendition = image.get_rendition("width-120")
    assert rendition.url == f"/media/{rendition.file.name}" and rendition.url.startswith("/media/images/")
    assert {f"wimn/{image.file.name}", f"wimn/{rendition.file.name}"} <= set(bucket.keys())
    served = Client().get(rendition.url)
    assert b"".join(served.streaming_content) == bucket.read(f"wimn/{rendition.file.name}")


def test_the_admin_shows_images_from_the_sites_own_address(staff, bucket):
    """The admin's thumbnails and previews are renditions too: allowed by its Content-Security-Policy ('self')."""
    image = upload_image(staff)
    for url in ("/admin/images/", f"/admin/images/{image.pk}/", "/admin/images/chooser/"):
        response = staff.get(url)
        assert response.status_code == 200, url
        html = response.json()["html"] if url.endswith("chooser/") else response.content.decode()
        images = [img["src"] for img in BeautifulSoup(html, "html.parser").select("img[src]")]
        assert images and all(src.startswith("/media/images/") for src in images), (url, images)
        assert all(staff.get(src).status_code == 200 for src in images)
