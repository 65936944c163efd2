"""Roles are groups; staff roles (moderator, editor, administrator) must use two-factor sign-in."""

from django.utils.translation import gettext_lazy as _

MEMBER = "Members"
MODERATOR = "Forum moderators"
EDITOR = "Editors"  # Wagtail's own editors group, with its page permissions
APPROVER = "Approvers"  # publish what editors submit (mscos/pages/editorial.py)
ADMINISTRATOR = "Administrators"
SAFEGUARDING = "Safeguarding leads"  # moderators who may see who wrote an anonymous post

ROLE_LABELS = {
    MEMBER: _("Member"),
    MODERATOR: _("Moderator"),
    EDITOR: _("Editor"),
    APPROVER: _("Approver"),
    ADMINISTRATOR: _("Administrator"),
    SAFEGUARDING: _("Safeguarding lead"),
}
STAFF_ROLES = frozenset({MODERATOR, EDITOR, APPROVER, ADMINISTRATOR, SAFEGUARDING})


def role_names(user) -> set[str]:
    """The names of the role groups the user belongs to (cached on the user for the request)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def is_staff_member(user) -> bool:
    """Moderators, editors and administrators; Django staff and superusers count too."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or bool(role_names(user) & STAFF_ROLES)
