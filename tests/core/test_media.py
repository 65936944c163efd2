"""Pictures are served by the site itself (the one-server setup has no proxy for /media/), and
only pictures: original uploads and document files stay behind their own views."""

import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

OUTCOME = "/core-outcomes/safety-from-any-trafficker-or-other-abuser/"


@pytest.fixture
def client():
    return Client(HTTP_HOST="127.0.0.1")


@pytest.mark.django_db
def test_a_picture_on_a_page_is_served_with_debug_off(client, demo_site):
    assert settings.DEBUG is False
    html = client.get(OUTCOME).content.decode()
    sources = re.findall(r'srcset="([^"]+)"', html)
    assert sources, "the outcome page shows no picture"
    first_url = sources[0].split(",")[0].split()[0]
    assert first_url.startswith("/media/images/")
    response = client.get(first_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert client.head(first_url).status_code == 200
    assert client.post(first_url).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "original_images/mscos-demo-safe-home.png",
        "documents/private-notes.txt",
        "images/../documents/private-notes.txt",
        "images/%2e%2e/documents/private-notes.txt",
        "images/../../mscos/settings/base.py",
        "images/no-such-picture.webp",
    ],
)
def test_nothing_but_pictures_can_be_fetched_from_media(client, demo_site, path):
    default_storage.save("documents/private-notes.txt", ContentFile(b"not for the public"))
    try:
        response = client.get(f"/media/{path}")
        assert response.status_code == 404, path
        assert b"not for the public" not in response.content
    finally:
        for name in default_storage.listdir("documents")[1]:
            if name.startswith("private-notes"):
                default_storage.delete(f"documents/{name}")
