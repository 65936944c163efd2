"""Claims: one moderator works on an item at a time; claims expire on their own."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mscos.forum.models import Post
from mscos.moderation.models import Claim
from mscos.moderation.services.common import require_moderator, setting


class ClaimedElsewhere(ValidationError):
    """Another moderator holds a live claim on the item."""


def claim_minutes() -> int:
    return int(setting("MODERATION_CLAIM_MINUTES", 15))


def _refuse(claim: Claim) -> None:
    raise ClaimedElsewhere(
        _("%(name)s is working on this post until %(time)s. Please leave it to them.")
        % {
            "name": claim.moderator.public_name,
            "time": formats.time_format(timezone.localtime(claim.expires_at), "H:i"),
        }
    )


def check_claim(post: Post, acting_user) -> None:
    """Refuses when someone else holds a live claim on the post."""
    claim = Claim.objects.select_related("moderator").filter(post=post).first()
    if claim and claim.moderator_id != acting_user.pk and claim.expires_at > timezone.now():
        _refuse(claim)


def release_after_decision(post: Post) -> None:
    Claim.objects.filter(post=post).delete()


def claim_take(*, post: Post, acting_user) -> Claim:
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


def claim_release(*, post: Post, acting_user) -> None:
    require_moderator(acting_user)
    Claim.objects.filter(post=post, moderator=acting_user).delete()
