"""Moderating: what moderators (and the system, on their behalf) decide about posts and topics.

Each decision is one audit entry (`forum.audit`, decision 7); the counts follow the post's status
(`counters`). Moderation's own services build on these and open a scope around them.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum import audit, decisions, permissions, watching
from mscos.forum.audit import AuditAction
from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.forum.rendering import render_markdown
from mscos.forum.services import counters, posting


def _require_moderator(acting_user: User) -> None:
    if not permissions.is_moderator(acting_user):
        raise PermissionDenied


def _publish(post: Post) -> None:
    """Approves the post; if it was not public before, its watchers are told."""
    if counters.post_status_set(post, Status.APPROVED):
        watching.notify_watchers(post)


@transaction.atomic
def post_approve(
    *, post: Post, acting_user: User, reason: str = "", confirmed_urgent: bool = False
) -> None:
    """Publishes the post. An urgent one (someone may be in danger) only with `confirmed_urgent`,
    which the moderation queue's confirmation step gives: never one click on a topic page."""
    _require_moderator(acting_user)
    if post.is_urgent and not confirmed_urgent:
        raise ValidationError(
            _(
                "This post is urgent: someone may be in danger. It was not published. Open it, "
                "read it, and confirm that it is safe to publish."
            )
        )
    with audit.scope(
        action=AuditAction.POST_APPROVED, actor=acting_user, target=post, reason=reason
    ):
        _publish(post)
        decisions.post_decided(post=post, outcome="kept", acting_user=acting_user)


@transaction.atomic
def post_approve_as_system(*, post: Post, reason: str) -> None:
    """Publishes without a person deciding (e.g. the demo loader); the log says why."""
    _publish(post)
    audit.record(action=AuditAction.POST_APPROVED, actor=None, target=post, reason=reason)


@transaction.atomic
def post_hide(*, post: Post, acting_user: User, reason: str = "") -> None:
    """Hides a post; the reason, if any, is shown to its author."""
    _require_moderator(acting_user)
    with audit.scope(action=AuditAction.POST_HIDDEN, actor=acting_user, target=post, reason=reason):
        counters.post_status_set(post, Status.HIDDEN)
        post.moderator_note = reason[:300]
        post.save(update_fields=["moderator_note"])
        decisions.post_decided(post=post, outcome="hidden", acting_user=acting_user)


@transaction.atomic
def post_return_to_queue(*, post: Post, acting_user: User, reason: str = "") -> None:
    """Puts a decided post back to waiting for a moderator (a moderator undoing a decision)."""
    _require_moderator(acting_user)
    counters.post_status_set(post, Status.PENDING)
    post.moderator_note = ""
    post.save(update_fields=["moderator_note"])
    audit.record(action=AuditAction.POST_HELD, actor=acting_user, target=post, reason=reason)


@transaction.atomic
def post_hide_pending_review(*, post: Post, reason: str) -> None:
    """Hides a public post until a moderator looks (e.g. after several reports)."""
    if post.status != Status.APPROVED:
        return
    counters.post_status_set(post, Status.PENDING)
    post.held_because = reason[:200]
    post.save(update_fields=["held_because"])
    audit.record(action=AuditAction.POST_HELD, actor=None, target=post, reason=reason)


@transaction.atomic
def topic_set_flags(
    *,
    topic: Topic,
    acting_user: User,
    locked: bool | None = None,
    pinned: bool | None = None,
    reason: str = "",
) -> None:
    _require_moderator(acting_user)
    changes: dict[str, bool] = {}
    if locked is not None:
        changes["is_locked"] = locked
    if pinned is not None:
        changes["is_pinned"] = pinned
    Topic.objects.filter(pk=topic.pk).update(**changes)
    audit.record(
        action=AuditAction.TOPIC_CHANGED,
        actor=acting_user,
        target=topic,
        reason=reason,
        data=changes,
    )


@transaction.atomic
def topic_move(
    *, topic: Topic, category: ForumCategory, acting_user: User, reason: str = ""
) -> None:
    _require_moderator(acting_user)
    old = topic.category_id
    if old == category.pk:
        return
    counters.count_topic_move(topic, from_category_id=old, to_category_id=category.pk)
    Topic.objects.filter(pk=topic.pk).update(category=category)
    audit.record(
        action=AuditAction.TOPIC_MOVED,
        actor=acting_user,
        target=topic,
        reason=reason,
        data={"from": old, "to": category.pk},
    )


@transaction.atomic
def topic_hide(*, topic: Topic, acting_user: User, reason: str = "") -> None:
    _require_moderator(acting_user)
    with audit.scope(
        action=AuditAction.TOPIC_HIDDEN, actor=acting_user, target=topic, reason=reason
    ):
        first = topic.posts.filter(position=1).first()
        if first is not None:
            counters.post_status_set(first, Status.HIDDEN)
            decisions.post_decided(post=first, outcome="hidden", acting_user=acting_user)
        Topic.objects.filter(pk=topic.pk).update(status=Status.HIDDEN)


@transaction.atomic
def post_moderator_edit(*, post: Post, body: str, acting_user: User, reason: str = "") -> Post:
    """A moderator changes a post's words (e.g. before approving); the earlier text is kept."""
    _require_moderator(acting_user)
    body = posting.check_body(body, author=post.author, new_member=False)
    with audit.scope(action=AuditAction.POST_EDITED, actor=acting_user, target=post, reason=reason):
        posting.save_revision(post, body=body, content_note=post.content_note)
        decisions.post_decided(post=post, outcome="edited", acting_user=acting_user)
    return post


@transaction.atomic
def post_replace_for_safety(
    *, post: Post, body: str, acting_user: User, reason: str = ""
) -> list[str]:
    """Replaces identifying words with no earlier version left in the forum; returns the old texts.

    The caller keeps the old texts where only safeguarding leads can read them, for a limited time.
    """
    _require_moderator(acting_user)
    body = posting.check_body(body, author=post.author, new_member=False)
    originals = [post.body, *post.revisions.order_by("replaced_at").values_list("body", flat=True)]
    post.revisions.all().delete()
    post.body = body
    post.body_html = render_markdown(body)
    with audit.scope(
        action=AuditAction.POST_REDACTED, actor=acting_user, target=post, reason=reason
    ):
        post.save(update_fields=["body", "body_html"])
        decisions.post_decided(post=post, outcome="redacted", acting_user=acting_user)
    return originals


def anonymous_author_reveal(*, post: Post, acting_user: User, reason: str = "") -> User | None:
    """Who wrote an anonymous post; only for safeguarding moderators, and every look is logged."""
    if not permissions.can_reveal_anonymous_author(acting_user):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Please say why you need to know who wrote this post."))
    audit.record(
        action=AuditAction.AUTHOR_REVEALED, actor=acting_user, target=post, reason=reason.strip()
    )
    return post.author
