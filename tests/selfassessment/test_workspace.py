"""A workspace lead's self-assessments: leads only, with two-factor; kept to compare over time;
nobody outside the organisation learns they exist."""

import pytest
from django.test import Client
from django.urls import reverse

from mscos.selfassessment.models import Assessment
from tests.measurement.conftest import ws  # noqa: F401 (the workspace's cast)
from tests.selfassessment.conftest import answers_for

pytestmark = pytest.mark.django_db

BASE = "/self-assessment/workspace/safe-harbour/"


@pytest.mark.parametrize(
    ("who", "status"),
    [("lead", 200), ("caseworker", 403), ("viewer", 403), ("outsider", 404)],
)
def test_only_the_organisations_leads_reach_its_self_assessments(ws, outcomes, who, status):  # noqa: F811
    client = ws.client_for(who)
    assert client.get(BASE).status_code == status
    assert client.get(BASE + "new/").status_code == status


def test_without_two_factor_a_member_is_sent_to_set_it_up(ws, outcomes):  # noqa: F811
    response = ws.client_for("no_two_factor").get(BASE)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_anonymous_readers_are_asked_to_sign_in(ws, outcomes):  # noqa: F811
    response = ws.client_for("anonymous").get(BASE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_a_lead_keeps_assessments_and_compares_them(ws, outcomes):  # noqa: F811
    client = ws.client_for("lead")
    first = client.post(BASE + "new/", answers_for(outcomes, o1={"measured": "none"}))
    assert first.status_code == 302
    second = client.post(BASE + "new/", answers_for(outcomes, o1={"measured": "informal"}))
    assert second.status_code == 302
    kept = list(Assessment.objects.filter(organisation=ws.organisation))
    assert len(kept) == 2
    assert all(a.token_hash is None and a.expires_at is None for a in kept)
    assert {a.made_by for a in kept} == {ws.lead}
    report = client.get(second["Location"])
    assert report.status_code == 200
    assert "Keep this link" not in report.text  # a workspace's report has no public link
    pdf = client.get(second["Location"] + "pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    listing = client.get(BASE)
    assert listing.text.count("/self-assessment/workspace/safe-harbour/") >= 3
    housing_row = listing.text.split(f'<th scope="row">{outcomes[0].title}</th>', 1)[1].split(
        "</tr>", 1
    )[0]
    # Newest first: informally now, not at all before.
    assert housing_row.index("Informally") < housing_row.index("Not at all")


def test_bad_input_in_the_workspace_saves_nothing(ws, outcomes):  # noqa: F811
    data = answers_for(outcomes)
    data[f"outcome{outcomes[0].pk}_measured"] = "maybe"
    response = ws.client_for("lead").post(BASE + "new/", data)
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not Assessment.objects.exists()


def test_another_organisations_assessment_is_not_found(ws, outcomes):  # noqa: F811
    client = ws.client_for("lead")
    client.post(BASE + "new/", answers_for(outcomes))
    assessment = Assessment.objects.get()
    other_lead = ws.other_organisation.memberships.get(role="lead").user
    outsider = Client()
    outsider.force_login(other_lead)
    assert (
        outsider.get(f"/self-assessment/workspace/other-shore/{assessment.pk}/").status_code == 404
    )
    assert outsider.get(f"{BASE}{assessment.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("who", "shown"), [("lead", True), ("caseworker", False), ("viewer", False)]
)
def test_the_workspace_menu_offers_the_self_assessment_to_leads_only(ws, who, shown):  # noqa: F811
    page = ws.client_for(who).get("/workspace/safe-harbour/").content.decode()
    assert (f'href="{BASE}"' in page) is shown
