"""A site administrator opens a workspace in the Wagtail admin; nobody else can, and bad input
changes nothing."""

from allauth.account.models import EmailAddress
from django.test import Client

from mscos.accounts.models import User
from mscos.measurement.models import AccessLogEntry, Membership, Organisation

URL = "/admin/workspaces/"


def _lead(email="lead@example.org", *, verified=True) -> User:
    user = User.objects.create_user(
        username="lead", email=email, password="a-long-pass-phrase", display_name="Lead"
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_administrator_opens_a_workspace_with_its_first_lead(admin_user):
    lead = _lead()
    client = _signed_in(admin_user)
    response = client.post(
        URL, {"name": "Safe  Harbour", "slug": "safe-harbour", "lead_email": "LEAD@example.org"}
    )
    assert (response.status_code, response["Location"]) == (302, URL)
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.slug) == ("Safe Harbour", "safe-harbour")
    assert Membership.objects.get(organisation=organisation).user == lead
    assert Membership.objects.get(organisation=organisation).role == Membership.Role.LEAD
    assert AccessLogEntry.objects.filter(organisation_id=organisation.pk).count() == 1
    listing = client.get(URL).content.decode()
    assert "The workspace for Safe Harbour is open" in listing
    assert "/workspace/safe-harbour/" in listing


def test_an_address_nobody_has_confirmed_is_refused_and_nothing_is_made(admin_user):
    _lead(verified=False)
    response = _signed_in(admin_user).post(
        URL, {"name": "Safe Harbour", "slug": "safe-harbour", "lead_email": "lead@example.org"}
    )
    assert response.status_code == 400
    assert "No account has this verified email address" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_short_name_already_used_is_refused_and_the_first_workspace_is_kept(admin_user):
    _lead()
    client = _signed_in(admin_user)
    data = {"name": "Safe Harbour", "slug": "safe-harbour", "lead_email": "lead@example.org"}
    client.post(URL, data)
    response = client.post(URL, {**data, "name": "Another"})
    assert response.status_code == 400
    assert "Another workspace already uses this short name" in response.content.decode()
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Safe Harbour"]


def test_an_editor_cannot_open_a_workspace_for_themselves(editor):
    EmailAddress.objects.create(user=editor, email="ed@example.org", verified=True, primary=True)
    response = _signed_in(editor).post(
        URL, {"name": "Mine", "slug": "mine", "lead_email": "ed@example.org"}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()
