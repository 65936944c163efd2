"""Undoing a queue decision within a few minutes, and the record each decision leaves for it.

Every decision the queue and the item page offer on a post can be undone: approve, keep, reject,
hide, edit (the earlier words come back), remove details (the post goes back to the queue, but
the removed details stay removed: only safeguarding leads may read them), lock and move (the
topic's lock and category come back). Actions on a member are undone on the member's page."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum import audit
from mscos.forum import permissions as forum_permissions
from mscos.forum import services as forum_services
from mscos.forum.audit import AuditAction
from mscos.forum.models import ForumCategory, Post, PostRevision, Status, Topic
from mscos.moderation.models import Decision, Notice, Report
from mscos.moderation.selectors import undo_minutes
from mscos.moderation.services.common import require_moderator


@dataclass
class Before:
    """The post as it was before a decision: what an undo puts back."""

    post: Post
    status: str
    urgent: bool
    report_ids: list[int] = field(default_factory=list)


def before_decision(post: Post) -> Before:
    return Before(
        post=post,
        status=post.status,
        urgent=post.is_urgent,
        report_ids=list(
            Report.objects.filter(post=post, resolved_at=None).values_list("pk", flat=True)
        ),
    )


def remember(
    before: Before,
    *,
    kind: str,
    acting_user: User,
    notices: Sequence[Notice | None],
    restore: dict[str, Any] | None = None,
) -> Decision:
    return Decision.objects.create(
        restore=restore or {},
        post=before.post,
        moderator=acting_user,
        kind=kind,
        previous_status=before.status,
        previous_urgent=before.urgent,
        report_ids=before.report_ids,
        notice_ids=[notice.pk for notice in notices if notice is not None],
    )


def undoable(decision: Decision, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return decision.undone_at is None and decision.created_at >= now - datetime.timedelta(
        minutes=undo_minutes()
    )


@transaction.atomic
def decision_undo(*, decision: Decision, acting_user: User, reason: str = "") -> None:
    """Puts the post, its reports and its urgent mark back as they were; the writer's message
    from the decision is withdrawn. Only for the latest decision on the post, within the limit."""
    require_moderator(acting_user)
    decision = (
        Decision.objects.select_for_update().select_related("post__topic").get(pk=decision.pk)
    )
    if (
        decision.moderator_id != acting_user.pk
        and not forum_permissions.can_reveal_anonymous_author(acting_user)
    ):
        raise PermissionDenied
    later = Decision.objects.filter(post=decision.post, created_at__gt=decision.created_at)
    if not undoable(decision) or later.filter(undone_at=None).exists():
        raise ValidationError(
            _(
                "This decision can no longer be undone (undo lasts %(minutes)s minutes). Open "
                "the post to decide it again."
            )
            % {"minutes": undo_minutes()}
        )
    post = decision.post
    with audit.scope(
        action=AuditAction.DECISION_UNDONE,
        actor=acting_user,
        target=post,
        reason=reason,
        data={"undone": decision.kind},
    ):
        if post.status != decision.previous_status:
            if decision.previous_status == Status.PENDING:
                forum_services.post_return_to_queue(post=post, acting_user=acting_user)
            elif decision.previous_status == Status.APPROVED:
                # It was public before this decision: undoing puts it back as it was.
                forum_services.post_approve(
                    post=post, acting_user=acting_user, confirmed_urgent=True
                )
        _restore_topic_and_words(decision, post, acting_user)
        Post.objects.filter(pk=post.pk).update(is_urgent=decision.previous_urgent)
        reopened_by = Report.objects.filter(
            post=post, resolved_at=None, reporter__isnull=False
        ).values("reporter")
        Report.objects.filter(pk__in=decision.report_ids).exclude(reporter__in=reopened_by).update(
            resolved_at=None, outcome=""
        )
        Notice.objects.filter(pk__in=decision.notice_ids).delete()
        decision.undone_at = timezone.now()
        decision.save(update_fields=["undone_at"])


def _restore_topic_and_words(decision: Decision, post: Post, acting_user: User) -> None:
    """What an edit, a lock or a move changed besides the post's status."""
    restore = decision.restore or {}
    if decision.kind == Decision.Kind.EDIT and restore.get("revision_id"):
        earlier = PostRevision.objects.filter(pk=restore["revision_id"], post=post).first()
        if earlier is not None:
            forum_services.post_moderator_edit(
                post=post, body=earlier.body, acting_user=acting_user
            )
    elif decision.kind == Decision.Kind.LOCK and "locked" in restore:
        forum_services.topic_set_flags(
            topic=post.topic, acting_user=acting_user, locked=bool(restore["locked"])
        )
    elif decision.kind == Decision.Kind.MOVE and restore.get("category_id"):
        category = ForumCategory.objects.filter(pk=restore["category_id"]).first()
        if category is not None:
            topic = Topic.objects.get(pk=post.topic_id)
            forum_services.topic_move(topic=topic, category=category, acting_user=acting_user)
