"""Editors read and export join requests; members cannot."""

import pytest

from mscos.joining.models import JoinRequest

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/joining/joinrequest/"


def test_editors_see_and_export_join_requests(client, editor):
    JoinRequest.objects.create(name="Sam", email="sam@example.org", role="other", country="RO")
    client.force_login(editor)
    assert "Join requests" in client.get("/admin/").text  # in the menu
    listing = client.get(LISTING)
    assert listing.status_code == 200 and "Sam" in listing.text
    export = client.get(f"{LISTING}?export=csv")
    assert export.status_code == 200
    assert "sam@example.org" in b"".join(export.streaming_content).decode("utf-8-sig")


def test_members_cannot_see_join_requests(client, member):
    JoinRequest.objects.create(name="Sam", email="sam@example.org", role="other", country="RO")
    client.force_login(member)
    for url, back_to in (
        (LISTING, LISTING),
        (f"{LISTING}?export=csv", f"{LISTING}%3Fexport%3Dcsv"),
    ):
        response = client.get(url)
        assert response.status_code == 302  # to sign in with an account that may
        assert response["Location"] == f"/account/login/?next={back_to}"
        assert b"sam@example.org" not in response.content
