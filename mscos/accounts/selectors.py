"""Reads about members."""

from collections.abc import Iterable

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import QuerySet

from mscos.accounts.models import BadgeRequest, RecoveryCode, User


def has_two_factor(user: User) -> bool:
    """Whether the user has an authenticator app set up."""
    return bool(Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists())


def contact_addresses(user_ids: Iterable[int]) -> dict[int, str]:
    """The one address each user may be written to, by user id; users without one are left out.

    An address the user proved (allauth's verified address, the primary one first) comes first.
    An address with no allauth record at all was typed by an administrator (the Wagtail admin's
    user form, createsuperuser): the administrator vouches for it. An address someone typed at
    sign-up and never confirmed is not used.
    """
    ids = list(user_ids)
    found: dict[int, str] = {}
    recorded: set[tuple[int, str]] = set()
    for user_id, email, verified in _address_rows(ids):
        recorded.add((user_id, email.lower()))
        if verified:
            found.setdefault(user_id, email)
    for user_id, email in (
        User.objects.filter(pk__in=ids).exclude(email="").values_list("pk", "email")
    ):
        if user_id not in found and (user_id, email.lower()) not in recorded:
            found[user_id] = email
    return found


def _address_rows(ids: list[int]) -> list[tuple[int, str, bool]]:
    """Every allauth address of these users, the verified primary ones first."""
    return list(
        EmailAddress.objects.filter(user_id__in=ids)
        .order_by("user_id", "-verified", "-primary", "email")
        .values_list("user_id", "email", "verified")
    )


def contact_address(user: User | None) -> str | None:
    """The address `user` may be written to, or None (see contact_addresses)."""
    if user is None or not user.pk:
        return None
    return contact_addresses([user.pk]).get(user.pk)


def verified_address(*, user: User, email: str | None = None) -> str | None:
    """An address `user` has proved is theirs (the primary one first), or None; with `email`,
    that address if it is proved (letters in any case), so mail meant for the owner reaches
    only an address they confirmed."""
    addresses = EmailAddress.objects.filter(user=user, verified=True)
    if email is not None:
        addresses = addresses.filter(email__iexact=email)
    found: str | None = addresses.order_by("-primary", "pk").values_list("email", flat=True).first()
    return found


def unused_recovery_code_count(*, user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def badge_requests_of(*, user: User) -> QuerySet[BadgeRequest]:
    """A member's own badge requests, newest first."""
    return BadgeRequest.objects.filter(user=user).order_by("-requested_at")


def pending_badge_requests() -> QuerySet[BadgeRequest]:
    """Badge requests waiting for a decision, oldest first."""
    return (
        BadgeRequest.objects.filter(status=BadgeRequest.Status.PENDING)
        .select_related("user")
        .order_by("requested_at")
    )


def pending_badge_request(request_id: int | None) -> BadgeRequest | None:
    """One waiting badge request, or None if it is decided or there is none with that number."""
    if request_id is None:
        return None
    return pending_badge_requests().filter(pk=request_id).first()
