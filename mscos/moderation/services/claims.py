"""Claims: one moderator works on an item at a time; claims expire on their own."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum import audit
from mscos.forum import permissions as forum_permissions
from mscos.forum.audit import AuditAction
from mscos.forum.models import Post
from mscos.moderation.audit_log import actor_label
from mscos.moderation.models import Claim
from mscos.moderation.services.common import require_moderator


class ClaimedElsewhere(ValidationError):
    """Another moderator holds a live claim on the item."""


def claim_minutes() -> int:
    return settings.MODERATION_CLAIM_MINUTES


def _refuse(claim: Claim) -> None:
    raise ClaimedElsewhere(
        _("%(name)s is working on this post until %(time)s. Please leave it to them.")
        % {
            "name": claim.moderator.public_name,
            "time": formats.time_format(timezone.localtime(claim.expires_at), "H:i"),
        }
    )


def check_claim(post: Post, acting_user: User) -> None:
    """Refuses when someone else holds a live claim on the post."""
    claim = Claim.objects.select_related("moderator").filter(post=post).first()
    if claim and claim.moderator_id != acting_user.pk and claim.expires_at > timezone.now():
        _refuse(claim)


def release_after_decision(post: Post) -> None:
    Claim.objects.filter(post=post).delete()


def claim_take(*, post: Post, acting_user: User) -> Claim:
    """Claims the post (or renews one's own claim) for the configured minutes."""
    require_moderator(acting_user)
    now = timezone.now()
    expires = now + datetime.timedelta(minutes=claim_minutes())
    with transaction.atomic():
        Claim.objects.filter(post=post, expires_at__lte=now).delete()
        claim = Claim.objects.select_for_update().filter(post=post).first()
        if claim is not None:
            if claim.moderator_id != acting_user.pk:
                _refuse(claim)
            claim.expires_at = expires
            claim.save(update_fields=["expires_at"])
            return claim
        try:
            with transaction.atomic():
                return Claim.objects.create(post=post, moderator=acting_user, expires_at=expires)
        except IntegrityError:
            # Someone claimed it between our look and our write.
            _refuse(Claim.objects.select_related("moderator").get(post=post))
    raise AssertionError("unreachable")


def claim_release(*, post: Post, acting_user: User) -> None:
    require_moderator(acting_user)
    Claim.objects.filter(post=post, moderator=acting_user).delete()


def claim_take_over(*, post: Post, acting_user: User, reason: str = "") -> Claim:
    """A safeguarding lead takes over an item whoever has claimed it; the log says from whom."""
    require_moderator(acting_user)
    if not forum_permissions.can_reveal_anonymous_author(acting_user):
        raise PermissionDenied
    now = timezone.now()
    with transaction.atomic():
        held = Claim.objects.select_for_update().select_related("moderator").filter(post=post)
        previous = held.first()
        held.delete()
        claim = Claim.objects.create(
            post=post,
            moderator=acting_user,
            expires_at=now + datetime.timedelta(minutes=claim_minutes()),
        )
        if previous is not None and previous.moderator_id != acting_user.pk:
            audit.record(
                action=AuditAction.CLAIM_TAKEN_OVER,
                actor=acting_user,
                target=post,
                reason=reason,
                data={"from": actor_label(previous.moderator), "from_id": previous.moderator_id},
            )
    return claim
