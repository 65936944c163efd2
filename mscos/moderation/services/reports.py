"""Reports from readers and members, and what happens when nobody is on duty."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mscos.forum import audit
from mscos.forum import permissions as forum_permissions
from mscos.forum import services as forum_services
from mscos.forum.models import Post, Status
from mscos.moderation import duty, notifications
from mscos.moderation.models import AutomaticAction, Report
from mscos.moderation.services.common import setting
from mscos.safety import ratelimit


def _distinct_reporters(post: Post) -> int:
    return (
        Report.objects.filter(post=post, resolved_at=None, reporter__isnull=False)
        .values("reporter")
        .distinct()
        .count()
    )


def _pause_author_if_many_reports(post: Post) -> None:
    """Out of hours: a member whose posts collect many reports waits for a moderator.

    Reports on anonymous posts are not counted: pausing their author would show who wrote them.
    """
    author = post.author
    if author is None or post.is_anonymous or forum_permissions.is_moderator(author):
        return
    if author.posting_pause_active():
        return
    against = Report.objects.filter(
        post__author=author, post__is_anonymous=False, resolved_at=None
    ).count()
    if against < int(setting("MODERATION_OUT_OF_HOURS_REPORTS_TO_PAUSE", 5)):
        return
    author.posting_paused = author.PostingPause.AWAITING_REVIEW
    author.posting_paused_until = None
    author.posting_paused_reason = ""
    author.save(update_fields=["posting_paused", "posting_paused_until", "posting_paused_reason"])
    AutomaticAction.objects.create(kind=AutomaticAction.Kind.MEMBER_PAUSED, member=author)
    audit.record(
        action="member_paused", actor=None, target=author, reason=_("reports outside hours")
    )


@transaction.atomic
def report_create(*, post: Post, reason: str, note: str, acting_user, reporter_hash: str) -> Report:
    """Records a report; enough reports from different members hide the post until reviewed."""
    reporter = acting_user if acting_user is not None and acting_user.is_authenticated else None
    key = f"report:user:{reporter.pk}" if reporter else f"report:{reporter_hash}"
    if not ratelimit.allow(key, limit=20, window_seconds=3600):
        raise ValidationError(
            _("You have sent many reports in the last hour. Please wait a while.")
        )
    if reporter and Report.objects.filter(post=post, reporter=reporter, resolved_at=None).exists():
        raise ValidationError(
            _("You have already reported this post. A moderator will look at it.")
        )
    with audit.scope(
        action="report_received",
        actor=acting_user,
        target=post,
        reason=note.strip(),
        data={"reason": reason},
    ):
        report = Report.objects.create(
            post=post,
            reason=reason,
            note=note.strip(),
            reporter=reporter,
            reporter_hash=reporter_hash,
        )
        on_duty = duty.anyone_on_duty()
        distinct = _distinct_reporters(post)
        threshold = int(
            setting("MODERATION_REPORTS_TO_HIDE", 3)
            if on_duty
            else setting("MODERATION_OUT_OF_HOURS_REPORTS_TO_HIDE", 3)
        )
        danger = reason == Report.Reason.DANGER
        if (danger or distinct >= threshold) and post.status == Status.APPROVED:
            forum_services.post_hide_pending_review(
                post=post,
                reason=_("reported: someone may be in danger")
                if danger
                else _("reported by %(count)s members") % {"count": distinct},
            )
            if not on_duty and not danger:
                AutomaticAction.objects.create(kind=AutomaticAction.Kind.POST_HIDDEN, post=post)
        if danger:
            Post.objects.filter(pk=post.pk).update(is_urgent=True)
            notifications.urgent_item_arrived(post)
        if not on_duty:
            _pause_author_if_many_reports(post)
    return report
