"""Warnings, suspensions, bans and their undoing; each writes one audit entry."""

import datetime
from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum import audit
from mscos.forum import permissions as forum_permissions
from mscos.forum import services as forum_services
from mscos.forum.audit import AuditAction
from mscos.forum.models import Post, Status
from mscos.moderation import selectors
from mscos.moderation.models import AutomaticAction, Notice
from mscos.moderation.services.common import require_moderator, resolve_reports

Pause = User.PostingPause


def _check_member(member: User, acting_user: User) -> None:
    require_moderator(acting_user)
    # Staff are managed by administrators, not by the queue.
    if forum_permissions.is_moderator(member) or member.is_superuser or member.pk == acting_user.pk:
        raise PermissionDenied


def _set_pause(member: User, kind: str, until: datetime.datetime | None, reason: str) -> None:
    member.posting_paused = kind
    member.posting_paused_until = until
    member.posting_paused_reason = reason[:300]
    member.save(update_fields=["posting_paused", "posting_paused_until", "posting_paused_reason"])


@transaction.atomic
def member_warn(
    *, member: User, message: str, acting_user: User, post: Post | None = None
) -> Notice:
    """Sends the member a message they see on their account page."""
    _check_member(member, acting_user)
    if not message.strip():
        raise ValidationError(_("Please write the warning the member will read."))
    notice = Notice.objects.create(
        recipient=member, kind=Notice.Kind.WARNING, text=message.strip(), post=post
    )
    audit.record(
        action=AuditAction.MEMBER_WARNED,
        actor=acting_user,
        target=member,
        reason=message.strip(),
        data={"post": post.pk} if post else {},
    )
    return notice


@transaction.atomic
def member_suspend(*, member: User, days: int, reason: str, acting_user: User) -> None:
    """Stops the member posting for `days` days; they see a friendly message and the reason."""
    _check_member(member, acting_user)
    if not 1 <= days <= 365:
        raise ValidationError(_("Please choose between 1 and 365 days."))
    until = timezone.now() + datetime.timedelta(days=days)
    _set_pause(member, Pause.SUSPENDED, until, reason)
    Notice.objects.create(
        recipient=member,
        kind=Notice.Kind.SUSPENSION,
        text=_("A moderator has paused your posting until %(until)s.")
        % {"until": formats.date_format(timezone.localtime(until), "DATETIME_FORMAT")}
        + (" " + reason if reason else ""),
    )
    audit.record(
        action=AuditAction.MEMBER_SUSPENDED,
        actor=acting_user,
        target=member,
        reason=reason,
        data={"days": days, "until": until.isoformat()},
    )


@transaction.atomic
def member_ban(*, member: User, reason: str, acting_user: User) -> None:
    """Stops the member posting until a moderator lifts it; they can still read and leave."""
    _check_member(member, acting_user)
    if not reason.strip():
        raise ValidationError(_("Please give the reason for a ban; the member will see it."))
    _set_pause(member, Pause.BANNED, None, reason.strip())
    audit.record(
        action=AuditAction.MEMBER_BANNED, actor=acting_user, target=member, reason=reason.strip()
    )


@transaction.atomic
def member_restore(*, member: User, acting_user: User, reason: str = "") -> None:
    """Lifts a suspension, ban or review pause."""
    _check_member(member, acting_user)
    _set_pause(member, Pause.NONE, None, "")
    AutomaticAction.objects.filter(member=member, settled_at=None).update(settled_at=timezone.now())
    audit.record(
        action=AuditAction.MEMBER_RESTORED, actor=acting_user, target=member, reason=reason
    )


@transaction.atomic
def member_probation_lift(*, member: User, acting_user: User, reason: str = "") -> None:
    """Ends a new account's probation early: its posts no longer wait for a moderator first and
    its reports count as an established member's (docs/moderation.md)."""
    _check_member(member, acting_user)
    if not member.on_probation:
        raise ValidationError(_("This member is not on probation."))
    member.on_probation = False
    member.probation_lifted_at = timezone.now()
    member.save(update_fields=["on_probation", "probation_lifted_at"])
    audit.record(
        action=AuditAction.PROBATION_LIFTED, actor=acting_user, target=member, reason=reason
    )


@transaction.atomic
def automatic_action_undo(*, action: AutomaticAction, acting_user: User) -> None:
    """Undoes what the out-of-hours rules did: the post is public again, or the member may post."""
    require_moderator(acting_user)
    if action.settled_at is not None:
        raise ValidationError(_("This has already been dealt with."))
    target = action.post if action.kind == AutomaticAction.Kind.POST_HIDDEN else action.member
    with audit.scope(
        action=AuditAction.AUTOMATIC_UNDONE,
        actor=acting_user,
        target=target,
        data={"kind": action.kind},
    ):
        if action.kind == AutomaticAction.Kind.POST_HIDDEN:
            post = cast(Post, action.post)  # a hidden-post action always names its post
            if post.status == Status.PENDING:
                forum_services.post_approve(post=post, acting_user=acting_user)
            Post.objects.filter(pk=post.pk).update(is_urgent=False)
            resolve_reports(post, "kept")
        else:
            member = cast(User, action.member)  # and a pause always names its member
            _set_pause(member, Pause.NONE, None, "")
        AutomaticAction.objects.filter(pk=action.pk).update(settled_at=timezone.now())


def member_history_view(*, member: User, acting_user: User) -> selectors.MemberHistory:
    """A member's posts, reports against them and past actions; every look is logged."""
    require_moderator(acting_user)
    history = selectors.member_history(member)
    audit.record(action=AuditAction.HISTORY_VIEWED, actor=acting_user, target=member)
    return history
