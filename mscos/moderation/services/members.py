"""Warnings, suspensions, bans and their undoing; each writes one audit entry."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum import audit
from mscos.forum import permissions as forum_permissions
from mscos.forum import services as forum_services
from mscos.forum.models import Post, Status
from mscos.moderation import selectors
from mscos.moderation.models import AutomaticAction, Notice
from mscos.moderation.services.common import require_moderator, resolve_reports

Pause = User.PostingPause


def _check_member(member: User, acting_user) -> None:
    require_moderator(acting_user)
    # Staff are managed by administrators, not by the queue.
    if forum_permissions.is_moderator(member) or member.is_superuser or member.pk == acting_user.pk:
        raise PermissionDenied


def _set_pause(member: User, kind: str, until, reason: str) -> None:
    member.posting_paused = kind
    member.posting_paused_until = until
    member.posting_paused_reason = reason[:300]
    member.save(update_fields=["posting_paused", "posting_paused_until", "posting_paused_reason"])


@transaction.atomic
def member_warn(*, member: User, message: str, acting_user, post: Post | None = None) -> Notice:
    """Sends the member a message they see on their account page."""
    _check_member(member, acting_user)
    if not message.strip():
        raise ValidationError(_("Please write the warning the member will read."))
    notice = Notice.objects.create(
        recipient=member, kind=Notice.Kind.WARNING, text=message.strip(), post=post
    )
    audit.record(
        action="member_warned",
        actor=acting_user,
        target=member,
        reason=message.strip(),
        data={"post": post.pk} if post else {},
    )
    return notice


@transaction.atomic
def member_suspend(*, member: User, days: int, reason: str, acting_user) -> None:
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
        % {"until": formats.date_format(timezone.localtime(until), "j F Y, H:i")}
        + (" " + reason if reason else ""),
    )
    audit.record(
        action="member_suspended",
        actor=acting_user,
        target=member,
        reason=reason,
        data={"days": days, "until": until.isoformat()},
    )


@transaction.atomic
def member_ban(*, member: User, reason: str, acting_user) -> None:
    """Stops the member posting until a moderator lifts it; they can still read and leave."""
    _check_member(member, acting_user)
    if not reason.strip():
        raise ValidationError(_("Please give the reason for a ban; the member will see it."))
    _set_pause(member, Pause.BANNED, None, reason.strip())
    audit.record(action="member_banned", actor=acting_user, target=member, reason=reason.strip())


@transaction.atomic
def member_restore(*, member: User, acting_user, reason: str = "") -> None:
    """Lifts a suspension, ban or review pause."""
    _check_member(member, acting_user)
    _set_pause(member, Pause.NONE, None, "")
    AutomaticAction.objects.filter(member=member, settled_at=None).update(settled_at=timezone.now())
    audit.record(action="member_restored", actor=acting_user, target=member, reason=reason)


@transaction.atomic
def automatic_action_undo(*, action: AutomaticAction, acting_user) -> None:
    """Undoes what the out-of-hours rules did: the post is public again, or the member may post."""
    require_moderator(acting_user)
    if action.settled_at is not None:
        raise ValidationError(_("This has already been dealt with."))
    target = action.post if action.kind == AutomaticAction.Kind.POST_HIDDEN else action.member
    with audit.scope(
        action="automatic_undone", actor=acting_user, target=target, data={"kind": action.kind}
    ):
        if action.kind == AutomaticAction.Kind.POST_HIDDEN:
            post = action.post
            if post.status == Status.PENDING:
                forum_services.post_approve(post=post, acting_user=acting_user)
            Post.objects.filter(pk=post.pk).update(is_urgent=False)
            resolve_reports(post, "kept")
        else:
            _set_pause(action.member, Pause.NONE, None, "")
        AutomaticAction.objects.filter(pk=action.pk).update(settled_at=timezone.now())


def member_history_view(*, member: User, acting_user) -> selectors.MemberHistory:
    """A member's posts, reports against them and past actions; every look is logged."""
    require_moderator(acting_user)
    history = selectors.member_history(member)
    audit.record(action="member_history_viewed", actor=acting_user, target=member)
    return history
