"""Writes about members: recovery codes, badges, roles, export and erasure."""

import secrets
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from mscos.accounts.models import BadgeRequest, RecoveryCode, User
from mscos.accounts.personal_data import personal_data_sources
from mscos.accounts.roles import ROLE_LABELS

RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_GROUPS = 3  # xxxx-xxxx-xxxx


def _new_recovery_code() -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no look-alikes (0/o, 1/l/i)
    groups = [
        "".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(RECOVERY_CODE_GROUPS)
    ]
    return "-".join(groups)


def _normalise_code(code: str) -> str:
    return "".join(character for character in code.lower() if character.isalnum())


@transaction.atomic
def recovery_codes_replace(*, user: User, acting_user: User) -> list[str]:
    """Makes a fresh set of recovery codes (the old ones stop working) and returns them once."""
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=make_password(_normalise_code(code))) for code in codes
    )
    log(instance=user, action="mscos.recovery_codes_replaced", user=acting_user)
    return codes


def display_name_change(*, user: User, display_name: str, acting_user: User) -> None:
    """Sets the name other members see (DisplayNameForm has tidied and checked it); a member
    changes only their own."""
    if acting_user.pk != user.pk:
        raise PermissionDenied
    user.display_name = display_name
    user.save(update_fields=["display_name"])


class RecoveryFailed(Exception):
    """The username or code did not match; deliberately says no more than that."""


@transaction.atomic
def password_reset_with_recovery_code(*, username: str, code: str, new_password: str) -> User:
    """Sets a new password when an unused recovery code of that member matches; uses up the code."""
    user = (
        User.objects.select_for_update().filter(username__iexact=username, is_active=True).first()
    )
    normalised = _normalise_code(code)
    if user is None:
        make_password(normalised)  # same work either way, so timing does not reveal usernames
        raise RecoveryFailed
    for recovery_code in RecoveryCode.objects.filter(user=user, used_at__isnull=True):
        if check_password(normalised, recovery_code.code_hash):
            recovery_code.used_at = timezone.now()
            recovery_code.save(update_fields=["used_at"])
            user.set_password(new_password)
            user.save(update_fields=["password"])
            _end_sessions_of(user)
            log(instance=user, action="mscos.password_recovered", user=user)
            return user
    raise RecoveryFailed


def badge_request_create(*, user: User, badge: str, note: str = "") -> BadgeRequest:
    """A member asks for a badge; one open request per badge."""
    if BadgeRequest.objects.filter(
        user=user,
        badge=badge,
        status__in=[BadgeRequest.Status.PENDING, BadgeRequest.Status.GRANTED],
    ).exists():
        raise ValidationError(_("You have already asked for this badge."))
    return BadgeRequest.objects.create(user=user, badge=badge, note=note)


@transaction.atomic
def badge_request_decide(*, badge_request: BadgeRequest, grant: bool, acting_user: User) -> None:
    """A moderator grants or declines a pending request."""
    if not acting_user.has_perm("accounts.review_badgerequest"):
        raise PermissionDenied
    locked = BadgeRequest.objects.select_for_update().get(pk=badge_request.pk)
    if locked.status != BadgeRequest.Status.PENDING:
        raise ValidationError(_("Someone has already decided on this request."))
    locked.status = BadgeRequest.Status.GRANTED if grant else BadgeRequest.Status.DECLINED
    locked.decided_at = timezone.now()
    locked.decided_by = acting_user
    locked.save(update_fields=["status", "decided_at", "decided_by"])
    log(
        instance=locked,
        action="mscos.badge_granted" if grant else "mscos.badge_declined",
        user=acting_user,
    )


def granted_badges(user: User) -> list[str]:
    return list(
        BadgeRequest.objects.filter(user=user, status=BadgeRequest.Status.GRANTED)
        .order_by("badge")
        .values_list("badge", flat=True)
    )


def account_export(*, user: User) -> dict[str, Any]:
    """Everything the platform holds about the member, as JSON-ready data."""
    data: dict[str, Any] = {
        "profile": {
            "id": user.pk,
            "username": user.username,
            "display_name": user.display_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": [
                str(ROLE_LABELS.get(name, name))
                for name in user.groups.values_list("name", flat=True)
            ],
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "two_factor": [
            {"type": authenticator.type, "created_at": authenticator.created_at.isoformat()}
            for authenticator in Authenticator.objects.filter(user=user)
        ],
        "recovery_codes": {
            "unused": RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
        },
        "badge_requests": [
            {
                "badge": request.badge,
                "note": request.note,
                "status": request.status,
                "requested_at": request.requested_at.isoformat(),
            }
            for request in BadgeRequest.objects.filter(user=user).order_by("requested_at")
        ],
    }
    for source in personal_data_sources():
        data[source.name] = source.export(user)
    return data


def _end_sessions_of(user: User) -> None:
    """Signs the member out everywhere (sessions are stored in the database)."""
    user_id = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            session.delete()


@transaction.atomic
def account_delete(*, user: User, keep_posts: bool, acting_user: User) -> None:
    """Deletes the account now. Posts are deleted, or kept as "Former member" with no link back."""
    if acting_user.pk != user.pk and not acting_user.is_superuser:
        raise PermissionDenied
    for source in personal_data_sources():
        source.erase(user, keep_posts)
    # The admin's history must not name them either: entries about the account go, and their
    # own actions stay without a name.
    ModelLogEntry.objects.filter(
        content_type__app_label="accounts", content_type__model="user", object_id=str(user.pk)
    ).delete()
    ModelLogEntry.objects.filter(user=user).update(user=None)
    PageLogEntry.objects.filter(user=user).update(user=None)
    _end_sessions_of(user)
    user.delete()
