"""Queue decisions named by the button pressed: one post, or many ticked posts at once."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum.models import ForumCategory, Post
from mscos.moderation import selectors
from mscos.moderation.services.common import require_moderator
from mscos.moderation.services.decisions import (
    queue_approve,
    queue_hide,
    queue_lock_topic,
    queue_move_topic,
    queue_reject,
)

# What the queue's buttons and bulk bar decide (claims are not decisions: see claims.py).
QUEUE_DECISIONS = ("approve", "reject", "hide", "lock", "move")


@dataclass(frozen=True)
class BulkOutcome:
    """What a bulk decision did: how many posts it decided, how many urgent posts it left for a
    moderator to decide one by one, and why each refused post was refused."""

    done: int = 0
    urgent: int = 0
    refused: list[str] = field(default_factory=list)


def queue_decide(
    *,
    post: Post,
    action: str,
    acting_user: User,
    reason: str = "",
    message: str = "",
    category: ForumCategory | None = None,
) -> None:
    """One decision from QUEUE_DECISIONS, through its own service (one audit entry).

    `message` is what the writer sees (needed to reject); `category` where a topic moves.
    """
    if action == "approve":
        queue_approve(post=post, acting_user=acting_user, reason=reason)
    elif action == "reject":
        queue_reject(post=post, message=message, acting_user=acting_user, reason=reason)
    elif action == "hide":
        queue_hide(post=post, acting_user=acting_user, message=message, reason=reason)
    elif action == "lock":
        queue_lock_topic(post=post, acting_user=acting_user, reason=reason)
    elif action == "move":
        if category is None:
            raise ValidationError(_("Please choose where to move the topic."))
        queue_move_topic(post=post, category=category, acting_user=acting_user, reason=reason)
    else:
        raise ValueError(f"not a queue decision: {action!r}")


def queue_decide_many(
    *,
    post_ids: Sequence[int],
    action: str,
    acting_user: User,
    reason: str = "",
    message: str = "",
    category: ForumCategory | None = None,
) -> BulkOutcome:
    """The same decision for many posts, each in its own transaction with its own audit entry,
    so one post claimed by someone else (or refused for another reason) does not stop the rest.
    Urgent posts are left as they are: someone may be in danger, so each is decided on its own.
    """
    require_moderator(acting_user)
    done, urgent, refused = 0, 0, []
    for post in selectors.posts_for_moderation(post_ids):
        if post.is_urgent:
            urgent += 1
            continue
        try:
            with transaction.atomic():
                queue_decide(
                    post=post,
                    action=action,
                    acting_user=acting_user,
                    reason=reason,
                    message=message,
                    category=category,
                )
        except ValidationError as error:
            refused.append(" ".join(error.messages))
        else:
            done += 1
    return BulkOutcome(done=done, urgent=urgent, refused=refused)
