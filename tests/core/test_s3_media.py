"""Media in an S3-compatible bucket (MEDIA_S3_BUCKET), against a local S3 server (moto in server
mode): a picture put on a page and a document are uploaded into the bucket, and readers get the
picture's sizes and the document from the site itself, byte for byte, never from the bucket's
address. A bucket that does not answer gives a calm page and one log line, not a traceback."""

import io
import logging
import re
import socket
import tarfile
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client, override_settings
from moto.server import ThreadedMotoServer
from PIL import Image
from wagtail.documents import get_document_model

from mscos.core.backups.create import _archive_media as archive_media
from mscos.core.media_files import MediaStorageUnavailable, media_on_local_disk
from mscos.core.models import SiteImage
from mscos.outcomes.models import OutcomePage
from mscos.settings.environment import media_bucket_storage

BUCKET = "mscos-media-test"
OUTCOME = "/core-outcomes/safety-from-any-trafficker-or-other-abuser/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, settings):
    """An empty bucket on the local S3 server, made the site's media storage the way an operator
    would: from the environment."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("MEDIA_S3_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("MEDIA_S3_REGION", "eu-west-2")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-2")
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    with override_settings(STORAGES={**settings.STORAGES, "default": media_bucket_storage(BUCKET)}):
        assert not media_on_local_disk()
        yield client
    for entry in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=entry["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _stored(client, key: str) -> bytes:
    return client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (40, 120, 180)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_pictures_and_documents_in_a_bucket_are_served_by_the_site(
    bucket, demo_site, s3_endpoint, settings, tmp_path
):
    image = SiteImage(title="A quiet street")
    image.file = ImageFile(io.BytesIO(_png()), name="quiet-street.png")
    image.save()
    document = get_document_model().objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.4 the report's bytes", name="report.pdf")
    )
    keys = {entry["Key"] for entry in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert image.file.name in keys and document.file.name in keys
    assert not (Path(settings.MEDIA_ROOT) / image.file.name).exists()

    # An editor puts the picture on an outcome page and publishes it.
    page = OutcomePage.objects.get(slug="safety-from-any-trafficker-or-other-abuser")
    page.body = [
        ("image", {"image": image, "alt_text": "A quiet street", "decorative": False}),
        *[(block.block_type, block.value) for block in page.body if block.block_type != "image"],
    ]
    page.save_revision().publish()

    client = Client(HTTP_HOST="127.0.0.1")
    html = client.get(OUTCOME).content.decode()
    assert s3_endpoint.split("//")[1] not in html
    sources = [item.split()[0] for item in re.findall(r'srcset="([^"]+)"', html)[0].split(",")]
    assert len(sources) == 3
    for source in sources:
        assert source.startswith("/media/images/")  # the site's own address, not the bucket's
        response = client.get(source)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/webp"
        assert response["Cache-Control"] == "public, max-age=86400"
        body = b"".join(response.streaming_content)
        assert body == _stored(bucket, source.removeprefix("/media/"))
        assert body[:4] == b"RIFF"
    assert client.get(f"/media/{image.file.name}").status_code == 404  # the original stays in

    url = f"/documents/{document.pk}/report.pdf"
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the report's bytes"
    part = client.get(url, headers={"Range": "bytes=9-11"})
    assert part.status_code == 206
    assert b"".join(part.streaming_content) == b"the"

    # A backup holds the bucket's files, as it holds local ones (backup_site's media step; the
    # whole command is drilled in test_backup_drill.py, on a database file of its own).
    archived = archive_media(tmp_path / "media.tar.gz")
    assert archived[document.file.name]["size"] == len(b"%PDF-1.4 the report's bytes")
    with tarfile.open(tmp_path / "media.tar.gz") as archive:
        names = set(archive.getnames())
        assert image.file.name in names and document.file.name in names
        assert archive.extractfile(document.file.name).read() == b"%PDF-1.4 the report's bytes"


@pytest.mark.django_db
def test_a_bucket_that_does_not_answer_gives_a_calm_page_and_one_log_line(
    bucket, demo_site, monkeypatch, settings, caplog, tmp_path
):
    document = get_document_model().objects.create(
        title="Minutes", file=ContentFile(b"minutes", name="minutes.txt")
    )
    monkeypatch.setenv("MEDIA_S3_ENDPOINT_URL", f"http://127.0.0.1:{_free_port()}")
    away = {**settings.STORAGES, "default": media_bucket_storage(BUCKET)}
    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(STORAGES=away), caplog.at_level(logging.ERROR):
        for url in (f"/documents/{document.pk}/minutes.txt", "/media/images/somewhere.webp"):
            caplog.clear()
            response = client.get(url)
            assert response.status_code == 503, url
            assert "This file cannot be fetched just now" in response.content.decode()
            assert response["Retry-After"] == "60"
            [record] = [r for r in caplog.records if r.name == "mscos.core.middleware"]
            assert BUCKET in record.getMessage() and "MEDIA_S3_ENDPOINT_URL" in record.getMessage()
            assert all(r.exc_info is None for r in caplog.records)  # no traceback anywhere
        with pytest.raises(MediaStorageUnavailable, match="could not be used"):
            archive_media(tmp_path / "media.tar.gz")  # backup_site says it as its error
