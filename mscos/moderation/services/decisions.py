"""Queue decisions, made through the forum's own services; each writes one audit entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mscos.forum import audit
from mscos.forum import permissions as forum_permissions
from mscos.forum import services as forum_services
from mscos.forum.models import ForumCategory, Post, Status
from mscos.moderation import redaction
from mscos.moderation.models import AuditEntry, Notice, RedactedOriginal
from mscos.moderation.services.claims import check_claim, release_after_decision
from mscos.moderation.services.common import (
    require_moderator,
    resolve_reports,
    settle_automatic,
)


def _decided(post: Post, outcome: str) -> None:
    Post.objects.filter(pk=post.pk).update(is_urgent=False)
    resolve_reports(post, outcome)
    settle_automatic(post)
    release_after_decision(post)


def _prepare(post: Post, acting_user) -> None:
    require_moderator(acting_user)
    check_claim(post, acting_user)


@transaction.atomic
def queue_approve(*, post: Post, acting_user, reason: str = "") -> None:
    """Publishes a waiting post (or keeps a reported one) and closes its reports."""
    _prepare(post, acting_user)
    with audit.scope(action="post_approved", actor=acting_user, target=post, reason=reason):
        if post.status != Status.APPROVED:
            forum_services.post_approve(post=post, acting_user=acting_user)
        _decided(post, "kept")


@transaction.atomic
def queue_reject(*, post: Post, message: str, acting_user, reason: str = "") -> None:
    """Does not publish the post; its writer sees `message` (a kind, plain template)."""
    if not message.strip():
        raise ValidationError(_("Please choose the message the writer will see."))
    _prepare(post, acting_user)
    with audit.scope(
        action="post_rejected",
        actor=acting_user,
        target=post,
        reason=reason,
        data={"message": message},
    ):
        forum_services.post_hide(post=post, acting_user=acting_user, reason=message)
        _decided(post, "hidden")
        if post.author_id:
            Notice.objects.create(
                recipient_id=post.author_id, kind=Notice.Kind.REJECTION, text=message, post=post
            )


@transaction.atomic
def queue_hide(*, post: Post, acting_user, message: str = "", reason: str = "") -> None:
    """Takes a post down; `message`, if any, is shown to its writer."""
    _prepare(post, acting_user)
    with audit.scope(
        action="post_hidden", actor=acting_user, target=post, reason=reason or message
    ):
        forum_services.post_hide(post=post, acting_user=acting_user, reason=message)
        _decided(post, "hidden")


@transaction.atomic
def queue_edit_approve(*, post: Post, body: str, acting_user, reason: str = "") -> None:
    """Changes the words, then publishes; the earlier words stay visible to moderators."""
    _prepare(post, acting_user)
    with audit.scope(action="post_edited", actor=acting_user, target=post, reason=reason):
        if body.strip() != post.body.strip():
            forum_services.post_moderator_edit(post=post, body=body, acting_user=acting_user)
        if post.status != Status.APPROVED:
            forum_services.post_approve(post=post, acting_user=acting_user)
        _decided(post, "edited")


@transaction.atomic
def queue_redact_approve(
    *, post: Post, phrases: list[str], kinds: list[str], acting_user, reason: str = ""
) -> None:
    """Replaces identifying details with a placeholder and publishes; the writer is told what
    kinds of detail went and why. The removed words are kept only for safeguarding leads."""
    _prepare(post, acting_user)
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
    with audit.scope(
        action="post_redacted",
        actor=acting_user,
        target=post,
        reason=reason,
        data={"kinds": kinds, "count": len(phrases)},
    ) as entry:
        originals = forum_services.post_replace_for_safety(
            post=post, body=new_body, acting_user=acting_user, reason=reason
        )
        if post.status != Status.APPROVED:
            forum_services.post_approve(post=post, acting_user=acting_user)
        _decided(post, "redacted")
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
            Notice.objects.create(
                recipient_id=post.author_id, kind=Notice.Kind.REDACTION, text=text, post=post
            )


@transaction.atomic
def queue_move_topic(*, post: Post, category: ForumCategory, acting_user, reason: str = "") -> None:
    """Moves the post's whole topic to another category."""
    _prepare(post, acting_user)
    with audit.scope(action="topic_moved", actor=acting_user, target=post.topic, reason=reason):
        forum_services.topic_move(topic=post.topic, category=category, acting_user=acting_user)


@transaction.atomic
def queue_lock_topic(*, post: Post, acting_user, reason: str = "") -> None:
    """Stops replies to the post's topic."""
    _prepare(post, acting_user)
    with audit.scope(action="topic_changed", actor=acting_user, target=post.topic, reason=reason):
        forum_services.topic_set_flags(topic=post.topic, acting_user=acting_user, locked=True)


def redacted_original_read(*, entry: AuditEntry, acting_user) -> str:
    """The words a moderator removed; safeguarding leads only, and each reading is logged."""
    if not forum_permissions.can_reveal_anonymous_author(acting_user):
        raise PermissionDenied
    original = RedactedOriginal.objects.filter(entry_id=entry.pk).first()
    if original is None:
        return ""
    audit.record(
        action="redacted_original_viewed",
        actor=acting_user,
        target=None,
        data={"entry": entry.pk, "post": entry.target_id},
    )
    return original.text
