"""Roles are groups; staff roles (moderator, editor, administrator) must use two-factor sign-in."""

from django.utils.translation import gettext_lazy as _

MEMBER = "Members"
MODERATOR = "Forum moderators"
EDITOR = "Editors"  # Wagtail's own editors group, with its page permissions
APPROVER = "Approvers"  # publish what editors submit (mscos/pages/editorial.py)
ADMINISTRATOR = "Administrators"
SAFEGUARDING = "Safeguarding leads"  # moderators who may see who wrote an anonymous post
# Wagtail makes a "Moderators" group of its own (page publishing); pages/editorial.py renames it.
WAGTAIL_MODERATORS = "Moderators"
PAGE_PUBLISHER = "Page publishers"

ROLE_LABELS = {
    MEMBER: _("Member"),
    MODERATOR: _("Moderator"),
    EDITOR: _("Editor"),
    APPROVER: _("Approver"),
    ADMINISTRATOR: _("Administrator"),
    SAFEGUARDING: _("Safeguarding lead"),
}
# What each group may do, shown beside its name in the admin's Groups pages (group_admin.py).
ROLE_DESCRIPTIONS = {
    MEMBER: _(
        "Everyone with an account: may post in the forums and follow topics. No admin access."
    ),
    MODERATOR: _(
        "Forum moderators: read the moderation queue, approve or reject posts and handle "
        "reports. They cannot see who wrote an anonymous post."
    ),
    SAFEGUARDING: _(
        "Moderators for urgent posts: may see who wrote an anonymous post (every look is "
        "logged), take over any claim and edit the check-in message."
    ),
    EDITOR: _(
        "Write and change pages, updates and snippets and submit them for approval; send "
        "updates by email; read feedback and join requests. They cannot publish."
    ),
    APPROVER: _(
        "Publish what editors submit (the Editorial approval workflow), change the site "
        "settings and send updates by email."
    ),
    ADMINISTRATOR: _("Run the site: accounts, groups and every setting."),
    PAGE_PUBLISHER: _(
        "Wagtail's built-in group: may publish any page directly, without the approval "
        "workflow. Prefer Approvers; leave it empty unless you need it."
    ),
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
