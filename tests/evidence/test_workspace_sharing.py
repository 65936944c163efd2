"""A lead chooses whether their organisation takes part in pooled figures: leads only, with
two-factor sign-in, logged; everyone else is refused, and a bad answer changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from mscos.accounts.models import User
from mscos.measurement.models import AccessLogEntry, Membership, Organisation
from tests.conftest import with_two_factor

PATH = "/evidence/workspace/{}/"


@pytest.fixture
def org(db) -> Organisation:
    return Organisation.objects.create(name="Safe Harbour", slug="safe-harbour")


def _member(org: Organisation, role: str, *, two_factor: bool = True) -> Client:
    user = User.objects.create_user(
        username=f"{role}{two_factor}", email=f"{role}{two_factor}@example.org", password="x" * 20
    )
    if two_factor:
        with_two_factor(user)
    Membership.objects.create(user=user, organisation=org, role=role)
    client = Client()
    client.force_login(user)
    return client


def test_a_lead_opts_in_and_out_and_each_choice_is_logged(org):
    lead = _member(org, Membership.Role.LEAD)
    page = lead.get(PATH.format(org.slug))
    assert page.status_code == 200
    assert 'data-sharing="no"' in page.content.decode()
    response = lead.post(PATH.format(org.slug), {"shares": "yes"}, follow=True)
    org.refresh_from_db()
    assert org.shares_pooled_statistics is True
    assert "now takes part in pooled figures" in response.content.decode()
    lead.post(PATH.format(org.slug), {"shares": "no"})
    org.refresh_from_db()
    assert org.shares_pooled_statistics is False
    entries = AccessLogEntry.objects.filter(organisation_id=org.pk, action="pooled-sharing")
    assert sorted(entries.values_list("detail", flat=True)) == ["not taking part", "taking part"]


def test_the_same_choice_again_changes_nothing_and_logs_nothing(org):
    lead = _member(org, Membership.Role.LEAD)
    response = lead.post(PATH.format(org.slug), {"shares": "no"}, follow=True)
    assert "Nothing changed" in response.content.decode()
    assert not AccessLogEntry.objects.filter(action="pooled-sharing").exists()


def test_a_bad_answer_is_refused_kindly_and_changes_nothing(org):
    lead = _member(org, Membership.Role.LEAD)
    response = lead.post(PATH.format(org.slug), {"shares": "maybe"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    org.refresh_from_db()
    assert org.shares_pooled_statistics is False


@pytest.mark.parametrize("role", [Membership.Role.CASEWORKER, Membership.Role.VIEWER])
def test_other_members_may_not_choose(org, role):
    client = _member(org, role)
    assert client.get(PATH.format(org.slug)).status_code == 403
    assert client.post(PATH.format(org.slug), {"shares": "yes"}).status_code == 403
    org.refresh_from_db()
    assert org.shares_pooled_statistics is False


def test_a_lead_without_two_factor_is_sent_to_set_it_up(org):
    client = _member(org, Membership.Role.LEAD, two_factor=False)
    response = client.post(PATH.format(org.slug), {"shares": "yes"})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    org.refresh_from_db()
    assert org.shares_pooled_statistics is False


def test_another_organisations_lead_and_a_visitor_learn_nothing(org):
    other = Organisation.objects.create(name="Other Shore", slug="other-shore")
    outsider = _member(other, Membership.Role.LEAD)
    assert outsider.post(PATH.format(org.slug), {"shares": "yes"}).status_code == 404
    assert outsider.get(PATH.format("no-such-place")).status_code == 404
    visitor = Client().get(PATH.format(org.slug))
    assert visitor.status_code == 302 and "/account/login/" in visitor["Location"]
    org.refresh_from_db()
    assert org.shares_pooled_statistics is False


def test_the_leads_workspace_menu_leads_to_the_choice(org):
    lead = _member(org, Membership.Role.LEAD)
    assert f'href="{PATH.format(org.slug)}"' in lead.get(f"/workspace/{org.slug}/").content.decode()
    caseworker = _member(org, Membership.Role.CASEWORKER)
    assert PATH.format(org.slug) not in caseworker.get(f"/workspace/{org.slug}/").content.decode()
