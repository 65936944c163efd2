"""Checks every moderation page shares."""

from django.core.exceptions import ValidationError

from mscos.forum import permissions as forum_permissions


def _moderator_only(request) -> None:
    forum_permissions.check_moderator_or_404(request.user)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)
