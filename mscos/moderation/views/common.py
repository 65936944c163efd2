"""Checks every moderation page shares."""

from django.core.exceptions import ValidationError
from django.http import Http404

from mscos.forum import permissions as forum_permissions


def _moderator_only(request) -> None:
    if not forum_permissions.is_moderator(request.user):
        raise Http404


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)
