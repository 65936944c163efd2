"""A lead invites by email (a real SMTP server); the link works once, for that address only."""

import re

from django.test import Client
from django.urls import reverse

from mscos.accounts.models import User
from mscos.measurement.models import Membership
from tests.conftest import with_two_factor
from tests.mail_server import body_of


def _invite(ws, smtp_server, capture, email="newcomer@example.org", role="caseworker") -> str:
    with capture(execute=True):
        response = ws.client_for("lead").post(
            reverse("measurement:members", args=[ws.organisation.slug]),
            {"email": email, "role": role},
        )
    assert response.status_code == 302
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == email
    assert "Safe Harbour" in message["Subject"]
    link = re.search(r"https?://\S+/workspace/invitations/\S+/", body_of(message)).group(0)
    return link.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def _newcomer(email="newcomer@example.org") -> Client:
    user = with_two_factor(
        User.objects.create_user(
            username="newcomer", email=email, password="a-long-pass-phrase", display_name="New"
        )
    )
    client = Client()
    client.force_login(user)
    return client


def test_the_invited_person_joins_with_the_role_given(
    ws, smtp_server, django_capture_on_commit_callbacks
):
    path = _invite(ws, smtp_server, django_capture_on_commit_callbacks)
    client = _newcomer()
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert Membership.objects.get(user__username="newcomer").role == "caseworker"
    assert (
        client.get(reverse("measurement:workspace", args=[ws.organisation.slug])).status_code == 200
    )


def test_the_link_is_refused_used_twice(ws, smtp_server, django_capture_on_commit_callbacks):
    path = _invite(ws, smtp_server, django_capture_on_commit_callbacks)
    client = _newcomer()
    client.post(path)
    Membership.objects.filter(user__username="newcomer").delete()
    assert client.post(path).status_code == 404
    assert not Membership.objects.filter(user__username="newcomer").exists()


def test_the_link_is_refused_for_another_account(
    ws, smtp_server, django_capture_on_commit_callbacks
):
    path = _invite(ws, smtp_server, django_capture_on_commit_callbacks)
    client = _newcomer(email="someone-else@example.org")
    assert client.post(path).status_code == 404
    assert not Membership.objects.filter(user__username="newcomer").exists()


def test_a_forged_link_is_refused(ws):
    client = _newcomer()
    response = client.post(reverse("measurement:invitation", args=["1:forged"]))
    assert response.status_code == 404


def test_only_a_lead_invites(ws, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ws.client_for("caseworker").post(
            reverse("measurement:members", args=[ws.organisation.slug]),
            {"email": "x@example.org", "role": "lead"},
        )
    assert response.status_code == 403
    assert smtp_server.wait_for(1, seconds=0.5) == []
