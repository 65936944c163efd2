"""Uploaded images lose their location and other metadata; the picture itself is kept upright."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def photo_with_location(orientation: int = 1) -> bytes:
    image = PillowImage.new("RGB", (40, 20), (200, 30, 30))
    exif = PillowImage.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"taken at home")
    return buffer.getvalue()


def test_the_fixture_really_carries_a_location():
    with PillowImage.open(io.BytesIO(photo_with_location())) as image:
        assert image.getexif().get_ifd(GPS_IFD)


@pytest.mark.django_db
def test_upload_through_the_admin_strips_location_and_camera_data(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("holiday.jpg", photo_with_location(), content_type="image/jpeg")
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Holiday", "description": "A red square", "file": upload, "collection": 1},
    )
    assert response.status_code == 302, response.content[:2000]
    stored = get_image_model().objects.get(title="Holiday")
    with stored.file.open("rb") as handle:
        data = handle.read()
    with PillowImage.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert MAKE not in exif
        assert "comment" not in image.info
        assert image.size == (40, 20)
    assert b"PhoneMaker" not in data and b"taken at home" not in data
    assert stored.file_size == len(data)


@pytest.mark.django_db
def test_rotation_is_applied_before_the_orientation_tag_is_dropped(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image_model = get_image_model()
    rotated = image_model(title="Rotated")
    rotated.file = SimpleUploadedFile("r.jpg", photo_with_location(orientation=6))
    rotated.save()
    assert (rotated.width, rotated.height) == (20, 40)
    with PillowImage.open(rotated.file.path) as image:
        assert image.size == (20, 40)
        assert ORIENTATION not in image.getexif()


@pytest.mark.django_db
def test_a_file_that_is_not_an_image_is_refused_with_a_clear_error(
    admin_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("notes.jpg", b"not really a picture", content_type="image/jpeg")
    response = admin_client.post("/admin/images/add/", {"title": "Bad", "file": upload})
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Bad").exists()
