"""Queue decisions, made through the forum's own services; each writes one audit entry."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum import audit
from mscos.forum import permissions as forum_permissions
from mscos.forum import services as forum_services
from mscos.forum.audit import AuditAction
from mscos.forum.models import ForumCategory, Post, Status
from mscos.moderation import check_in, redaction
from mscos.moderation.models import AuditEntry, Decision, Notice, RedactedOriginal
from mscos.moderation.services.claims import check_claim
from mscos.moderation.services.common import require_moderator
from mscos.moderation.services.reports import reports_close_after_decision
from mscos.moderation.services.undo import before_decision, remember


class UrgentNeedsConfirmation(ValidationError):
    """Publishing an urgent post needs a confirmation, on its own step, that it is safe."""


def _decided(post: Post, outcome: str) -> None:
    # The same closing as a decision made on the topic page (forum/decisions.py).
    reports_close_after_decision(post=post, outcome=outcome, acting_user=None)


def _prepare(post: Post, acting_user: User) -> None:
    require_moderator(acting_user)
    check_claim(post, acting_user)


def _check_urgent_publish(post: Post, confirmed_urgent: bool) -> None:
    # Someone may be in danger: never published by one key or one click.
    if post.is_urgent and not confirmed_urgent:
        raise UrgentNeedsConfirmation(
            _(
                "This post is urgent: someone may be in danger. It was not published. Open it, "
                "read it, and confirm that it is safe to publish."
            )
        )


def _check_in(post: Post, was_urgent: bool) -> Notice | None:
    """The writer of an urgent post hears from us kindly, with where to get help."""
    if not was_urgent or not post.author_id:
        return None
    return Notice.objects.create(
        recipient_id=post.author_id,
        kind=Notice.Kind.CHECK_IN,
        text=check_in.message_for(post.language or None),
        post=post,
    )


@transaction.atomic
def queue_approve(
    *, post: Post, acting_user: User, reason: str = "", confirmed_urgent: bool = False
) -> None:
    """Publishes a waiting post (or keeps a reported one) and closes its reports. An urgent post
    is published only with `confirmed_urgent`, from the confirmation step."""
    _prepare(post, acting_user)
    _check_urgent_publish(post, confirmed_urgent)
    before = before_decision(post)
    kept_live = post.status == Status.APPROVED
    action = AuditAction.REPORT_DISMISSED if kept_live else AuditAction.POST_APPROVED
    with audit.scope(action=action, actor=acting_user, target=post, reason=reason):
        if not kept_live:
            # Checked above (_check_urgent_publish).
            forum_services.post_approve(post=post, acting_user=acting_user, confirmed_urgent=True)
        _decided(post, "kept")
        notice = _check_in(post, before.urgent)
        kind = Decision.Kind.DISMISS if kept_live else Decision.Kind.APPROVE
        remember(before, kind=kind, acting_user=acting_user, notices=[notice])


@transaction.atomic
def queue_reject(*, post: Post, message: str, acting_user: User, reason: str = "") -> None:
    """Does not publish the post; its writer sees `message` (a kind, plain template)."""
    if not message.strip():
        raise ValidationError(_("Please choose the message the writer will see."))
    _prepare(post, acting_user)
    before = before_decision(post)
    with audit.scope(
        action=AuditAction.POST_REJECTED,
        actor=acting_user,
        target=post,
        reason=reason,
        data={"message": message},
    ):
        forum_services.post_hide(post=post, acting_user=acting_user, reason=message)
        _decided(post, "hidden")
        # The writer of an urgent post is not told to post again with less detail.
        notice = _check_in(post, before.urgent)
        if notice is None and post.author_id:
            notice = Notice.objects.create(
                recipient_id=post.author_id, kind=Notice.Kind.REJECTION, text=message, post=post
            )
        remember(before, kind=Decision.Kind.REJECT, acting_user=acting_user, notices=[notice])


@transaction.atomic
def queue_hide(*, post: Post, acting_user: User, message: str = "", reason: str = "") -> None:
    """Takes a post down; `message`, if any, is shown to its writer."""
    _prepare(post, acting_user)
    before = before_decision(post)
    with audit.scope(
        action=AuditAction.POST_HIDDEN, actor=acting_user, target=post, reason=reason or message
    ):
        forum_services.post_hide(post=post, acting_user=acting_user, reason=message)
        _decided(post, "hidden")
        notice = _check_in(post, before.urgent)
        remember(before, kind=Decision.Kind.HIDE, acting_user=acting_user, notices=[notice])


@transaction.atomic
def queue_edit_approve(
    *, post: Post, body: str, acting_user: User, reason: str = "", confirmed_urgent: bool = False
) -> None:
    """Changes the words, then publishes; the earlier words stay visible to moderators."""
    _prepare(post, acting_user)
    _check_urgent_publish(post, confirmed_urgent)
    before = before_decision(post)
    with audit.scope(action=AuditAction.POST_EDITED, actor=acting_user, target=post, reason=reason):
        restore: dict[str, Any] = {}
        if body.strip() != post.body.strip():
            forum_services.post_moderator_edit(post=post, body=body, acting_user=acting_user)
            restore["revision_id"] = post.revisions.order_by("-replaced_at", "-pk")[0].pk
        if post.status != Status.APPROVED:
            # Checked above (_check_urgent_publish).
            forum_services.post_approve(post=post, acting_user=acting_user, confirmed_urgent=True)
        _decided(post, "edited")
        notice = _check_in(post, before.urgent)
        remember(
            before,
            kind=Decision.Kind.EDIT,
            acting_user=acting_user,
            notices=[notice],
            restore=restore,
        )


@transaction.atomic
def queue_redact_approve(
    *,
    post: Post,
    phrases: list[str],
    kinds: list[str],
    acting_user: User,
    reason: str = "",
    confirmed_urgent: bool = False,
) -> None:
    """Replaces identifying details with a placeholder and publishes; the writer is told what
    kinds of detail went and why. The removed words are kept only for safeguarding leads."""
    _prepare(post, acting_user)
    _check_urgent_publish(post, confirmed_urgent)
    phrases = [p.strip() for p in phrases if p.strip()]
    if not phrases:
        raise ValidationError(_("Please tick or type at least one detail to remove."))
    missing = [p for p in phrases if p.lower() not in post.body.lower()]
    if missing:
        raise ValidationError(
            _("These words are not in the post: %(words)s") % {"words": ", ".join(missing)}
        )
    kinds = sorted({k for k in kinds if k in redaction.KINDS} or {"other"})
    new_body = redaction.apply(post.body, phrases)
    before = before_decision(post)
    with audit.scope(
        action=AuditAction.POST_REDACTED,
        actor=acting_user,
        target=post,
        reason=reason,
        data={"kinds": kinds, "count": len(phrases)},
    ) as entry:
        originals = forum_services.post_replace_for_safety(
            post=post, body=new_body, acting_user=acting_user, reason=reason
        )
        if post.status != Status.APPROVED:
            # Checked above (_check_urgent_publish).
            forum_services.post_approve(post=post, acting_user=acting_user, confirmed_urgent=True)
        _decided(post, "redacted")
        notices: list[Notice | None] = []
        kept = "\n\n----\n\n".join(originals)
        entry.attachments.append(lambda row: RedactedOriginal.objects.create(entry=row, text=kept))
        if post.author_id:
            removed = "; ".join(str(redaction.KINDS[k]) for k in kinds)
            text = _(
                "To keep you safe, a moderator removed %(what)s from your post before publishing"
                " it. In its place it now says “%(placeholder)s”."
            ) % {"what": removed, "placeholder": redaction.placeholder()}
            if reason:
                text += " " + _("The moderator's reason: %(reason)s") % {"reason": reason}
            notices.append(
                Notice.objects.create(
                    recipient_id=post.author_id, kind=Notice.Kind.REDACTION, text=text, post=post
                )
            )
        notices.append(_check_in(post, before.urgent))
        # Undo takes it off the site again; the removed details stay removed (undo.py).
        remember(before, kind=Decision.Kind.REDACT, acting_user=acting_user, notices=notices)


@transaction.atomic
def queue_move_topic(
    *, post: Post, category: ForumCategory, acting_user: User, reason: str = ""
) -> None:
    """Moves the post's whole topic to another category."""
    _prepare(post, acting_user)
    before = before_decision(post)
    previous = post.topic.category_id
    with audit.scope(
        action=AuditAction.TOPIC_MOVED, actor=acting_user, target=post.topic, reason=reason
    ):
        forum_services.topic_move(topic=post.topic, category=category, acting_user=acting_user)
        if previous != category.pk:
            remember(
                before,
                kind=Decision.Kind.MOVE,
                acting_user=acting_user,
                notices=[],
                restore={"category_id": previous},
            )


@transaction.atomic
def queue_lock_topic(*, post: Post, acting_user: User, reason: str = "") -> None:
    """Stops replies to the post's topic."""
    _prepare(post, acting_user)
    before = before_decision(post)
    was_locked = post.topic.is_locked
    with audit.scope(
        action=AuditAction.TOPIC_CHANGED, actor=acting_user, target=post.topic, reason=reason
    ):
        forum_services.topic_set_flags(topic=post.topic, acting_user=acting_user, locked=True)
        if not was_locked:
            remember(
                before,
                kind=Decision.Kind.LOCK,
                acting_user=acting_user,
                notices=[],
                restore={"locked": False},
            )


def redacted_original_read(*, entry: AuditEntry, acting_user: User) -> str:
    """The words a moderator removed; safeguarding leads only, and each reading is logged."""
    if not forum_permissions.can_reveal_anonymous_author(acting_user):
        raise PermissionDenied
    original = RedactedOriginal.objects.filter(entry_id=entry.pk).first()
    if original is None:
        return ""
    audit.record(
        action=AuditAction.ORIGINAL_VIEWED,
        actor=acting_user,
        target=None,
        data={"entry": entry.pk, "post": entry.target_id},
    )
    return original.text
