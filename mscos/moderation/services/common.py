"""Checks every moderation service shares."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from mscos.forum import permissions as forum_permissions
from mscos.forum.models import Post
from mscos.moderation.models import AutomaticAction, Report


def setting(name: str, default):
    return getattr(settings, name, default)


def require_moderator(acting_user) -> None:
    if acting_user is None or not forum_permissions.is_moderator(acting_user):
        raise PermissionDenied


def resolve_reports(post: Post, outcome: str) -> None:
    Report.objects.filter(post=post, resolved_at=None).update(
        resolved_at=timezone.now(), outcome=outcome
    )


def settle_automatic(post: Post) -> None:
    """A moderator has decided this post, so the out-of-hours hide needs no undo any more."""
    AutomaticAction.objects.filter(post=post, settled_at=None).update(settled_at=timezone.now())
