from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from mscos.accounts.models import User

VIEW_FEEDBACK = "feedback.view_feedback"
CHANGE_FEEDBACK = "feedback.change_feedback"


def can_view_feedback(user: User | AnonymousUser) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(VIEW_FEEDBACK))


def can_answer_feedback(user: User | AnonymousUser) -> bool:
    return can_view_feedback(user) and user.has_perm(CHANGE_FEEDBACK)


def check_view_feedback(user: User | AnonymousUser) -> None:
    if not can_view_feedback(user):
        raise PermissionDenied


def check_answer_feedback(user: User | AnonymousUser) -> None:
    if not can_answer_feedback(user):
        raise PermissionDenied
