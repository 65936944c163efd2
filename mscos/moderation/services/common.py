"""Checks every moderation service shares."""

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from mscos.accounts.models import User
from mscos.forum import permissions as forum_permissions
from mscos.forum.models import Post
from mscos.moderation.models import AutomaticAction, Report


def require_moderator(acting_user: User | AnonymousUser | None) -> None:
    forum_permissions.check_moderator(acting_user)


def resolve_reports(post: Post, outcome: str) -> None:
    Report.objects.filter(post=post, resolved_at=None).update(
        resolved_at=timezone.now(), outcome=outcome
    )


def settle_automatic(post: Post) -> None:
    """A moderator has decided this post, so the out-of-hours hide needs no undo any more."""
    AutomaticAction.objects.filter(post=post, settled_at=None).update(settled_at=timezone.now())
