"""Who may do what in a workspace. Every view and export goes through these.

Leads see and change everything in their organisation; caseworkers their own people; viewers
reports only. Nobody outside the organisation learns whether a record exists: the fetchers answer
404 for missing and forbidden alike.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from mscos.accounts.models import User
from mscos.measurement.models import CheckIn, Membership, Organisation, Person, Programme

Role = Membership.Role


def membership_for(user: User | AnonymousUser, organisation: Organisation) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def can_see_people(membership: Membership) -> bool:
    return membership.role in {Role.LEAD, Role.CASEWORKER}


def can_add_person(membership: Membership) -> bool:
    return can_see_people(membership)


def can_view_person(membership: Membership, person: Person) -> bool:
    if person.organisation_id != membership.organisation_id:
        return False
    if membership.role == Role.LEAD:
        return True
    return membership.role == Role.CASEWORKER and person.caseworker_id == membership.user_id


def can_change_person(membership: Membership, person: Person) -> bool:
    return can_view_person(membership, person)


def can_manage_workspace(membership: Membership) -> bool:
    """Programmes, members, invitations, the access log and exports: the lead's."""
    return membership.role == Role.LEAD


def can_view_reports(membership: Membership) -> bool:
    return membership.role in {Role.LEAD, Role.VIEWER}


def check_manage_workspace(membership: Membership) -> None:
    if not can_manage_workspace(membership):
        raise PermissionDenied


def check_view_reports(membership: Membership) -> None:
    if not can_view_reports(membership):
        raise PermissionDenied


def check_add_person(membership: Membership) -> None:
    if not can_add_person(membership):
        raise PermissionDenied


def check_see_people(membership: Membership) -> None:
    if not can_see_people(membership):
        raise PermissionDenied


def get_programme_or_404(membership: Membership, programme_id: int) -> Programme:
    """One of the member's organisation's programmes; 404 for another organisation's."""
    programme = Programme.objects.filter(
        pk=programme_id, organisation_id=membership.organisation_id
    ).first()
    if programme is None:
        raise Http404
    return programme


def get_membership_or_404(user: User | AnonymousUser, slug: str) -> Membership:
    """The user's membership of the organisation at `slug`; 404 when there is none or no such."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("organisation", "user")
        .filter(user=user, organisation__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def get_person_for_member_or_404(membership: Membership, person_id: int) -> Person:
    """A person this member may see; 404 for another organisation's, another caseworker's."""
    person = (
        Person.objects.select_related("programme", "caseworker")
        .filter(pk=person_id, organisation_id=membership.organisation_id)
        .first()
    )
    if person is None or not can_view_person(membership, person):
        raise Http404
    return person


def get_check_in_for_member_or_404(
    membership: Membership, person: Person, check_in_id: int
) -> CheckIn:
    """One of this person's check-ins (the person already fetched through the checks above)."""
    check_in = CheckIn.objects.filter(pk=check_in_id, person=person).first()
    if check_in is None or not can_view_person(membership, person):
        raise Http404
    return check_in


def get_programme_for_reports_or_404(membership: Membership, programme_id: int) -> Programme:
    """A programme of the member's organisation, for its dashboard: leads and viewers (reports);
    a caseworker is refused (403) before anything is looked up, another organisation's is 404."""
    check_view_reports(membership)
    programme = Programme.objects.filter(
        pk=programme_id, organisation_id=membership.organisation_id
    ).first()
    if programme is None:
        raise Http404
    return programme
