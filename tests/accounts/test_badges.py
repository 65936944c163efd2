"""Members ask for a badge; moderators grant it; the decision is recorded with who made it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from mscos.accounts import services
from mscos.accounts.models import BadgeRequest


def test_member_asks_and_sees_the_request_waiting(client, member):
    client.force_login(member)
    response = client.post("/account/badges/", {"badge": "practitioner", "note": "Nurse, 10 years"})
    assert response.status_code == 302
    page = client.get("/account/badges/").content.decode()
    assert "Practitioner: Waiting for a moderator" in page


def test_asking_twice_gets_a_friendly_error(client, member):
    client.force_login(member)
    client.post("/account/badges/", {"badge": "researcher"})
    response = client.post("/account/badges/", {"badge": "researcher"})
    assert response.status_code == 200
    assert "You have already asked for this badge." in response.content.decode()
    assert BadgeRequest.objects.filter(user=member).count() == 1


def test_unknown_badge_is_refused(client, member):
    client.force_login(member)
    response = client.post("/account/badges/", {"badge": "superhero"})
    assert response.status_code == 200
    assert not BadgeRequest.objects.exists()


def test_moderator_grants_and_the_audit_log_knows_who(client, member, moderator):
    badge_request = services.badge_request_create(user=member, badge="lived_experience")
    client.force_login(moderator)
    page = client.get("/account/badges/review/").content.decode()
    assert "River: Lived experience" in page
    client.post("/account/badges/review/", {"request": badge_request.pk, "decision": "grant"})
    badge_request.refresh_from_db()
    assert badge_request.status == BadgeRequest.Status.GRANTED
    assert badge_request.decided_by == moderator
    entry = ModelLogEntry.objects.get(action="mscos.badge_granted")
    assert entry.user_id == moderator.pk
    assert services.granted_badges(member) == ["lived_experience"]


def test_a_decision_is_made_once(member, moderator, admin_user):
    badge_request = services.badge_request_create(user=member, badge="practitioner")
    services.badge_request_decide(badge_request=badge_request, grant=False, acting_user=moderator)
    with pytest.raises(ValidationError):
        services.badge_request_decide(
            badge_request=badge_request, grant=True, acting_user=admin_user
        )


def test_members_cannot_grant_themselves_a_badge(member):
    badge_request = services.badge_request_create(user=member, badge="researcher")
    with pytest.raises(PermissionDenied):
        services.badge_request_decide(badge_request=badge_request, grant=True, acting_user=member)
