"""Reports from readers and members, weighed by who sends them, and what happens when nobody is on
duty (docs/moderation.md, "How reports are weighed")."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.forum import audit
from mscos.forum import permissions as forum_permissions
from mscos.forum import services as forum_services
from mscos.forum.audit import AuditAction
from mscos.forum.models import Post, Status
from mscos.moderation import duty, notifications, standing
from mscos.moderation.models import AutomaticAction, Report
from mscos.moderation.services.claims import release_after_decision
from mscos.safety import ratelimit

REPORTS_PER_HOUR = 20


def _reporters_with_standing(reports: QuerySet[Report]) -> int:
    """Distinct established members among these reports: a person counts once, however many
    rows they sent; guests and new accounts never count here."""
    return (
        reports.filter(reporter_standing=Report.Standing.ESTABLISHED, reporter__isnull=False)
        .values("reporter")
        .distinct()
        .count()
    )


def _counted(reports: QuerySet[Report]) -> QuerySet[Report]:
    # A "danger" report asks for help for someone: it alerts, it never takes anything down.
    return reports.filter(resolved_at=None).exclude(reason=Report.Reason.DANGER)


def _pause_author_if_many_reports(post: Post) -> None:
    """Out of hours: a member whose posts many established members report waits for a moderator.

    Reports on anonymous posts are not counted: pausing their author would show who wrote them.
    """
    author = post.author
    if author is None or post.is_anonymous or forum_permissions.is_moderator(author):
        return
    if author.posting_pause_active():
        return
    against = _reporters_with_standing(
        _counted(Report.objects.filter(post__author=author, post__is_anonymous=False))
    )
    if against < settings.MODERATION_OUT_OF_HOURS_REPORTS_TO_PAUSE:
        return
    author.posting_paused = author.PostingPause.AWAITING_REVIEW
    author.posting_paused_until = None
    author.posting_paused_reason = ""
    author.save(update_fields=["posting_paused", "posting_paused_until", "posting_paused_reason"])
    AutomaticAction.objects.create(kind=AutomaticAction.Kind.MEMBER_PAUSED, member=author)
    audit.record(
        action=AuditAction.MEMBER_PAUSED,
        actor=None,
        target=author,
        reason=_("reports outside hours"),
    )


def _check_not_repeated(post: Post, reporter: User | None, reporter_hash: str) -> None:
    open_reports = Report.objects.filter(post=post, resolved_at=None)
    if reporter is not None:
        repeated = open_reports.filter(reporter=reporter).exists()
    else:
        # A guest is known only by today's address hash: one open report per post from it.
        repeated = open_reports.filter(reporter=None, reporter_hash=reporter_hash).exists()
    if repeated:
        raise ValidationError(
            _("You have already reported this post. A moderator will look at it.")
        )


@transaction.atomic
def report_create(
    *,
    post: Post,
    reason: str,
    note: str,
    acting_user: User | AnonymousUser | None,
    reporter_hash: str,
) -> Report:
    """Records a report. It always raises the post in the queue; a danger report alerts the
    moderators at once; only enough distinct reporters with standing hide the post."""
    reporter = acting_user if acting_user is not None and acting_user.is_authenticated else None
    key = f"report:user:{reporter.pk}" if reporter else f"report:{reporter_hash}"
    if not ratelimit.allow(key, limit=REPORTS_PER_HOUR, window_seconds=3600):
        raise ValidationError(
            _("You have sent many reports in the last hour. Please wait a while.")
        )
    _check_not_repeated(post, reporter, reporter_hash)
    weight = standing.reporter_standing(reporter)
    with audit.scope(
        action=AuditAction.REPORT_RECEIVED,
        actor=acting_user,
        target=post,
        reason=note.strip(),
        data={"reason": reason, "standing": weight},
    ):
        report = Report.objects.create(
            post=post,
            reason=reason,
            note=note.strip(),
            reporter=reporter,
            reporter_hash=reporter_hash,
            reporter_standing=weight,
        )
        on_duty = duty.anyone_on_duty()
        threshold = (
            settings.MODERATION_REPORTS_TO_HIDE
            if on_duty
            else settings.MODERATION_OUT_OF_HOURS_REPORTS_TO_HIDE
        )
        distinct = _reporters_with_standing(_counted(Report.objects.filter(post=post)))
        if distinct >= threshold and post.status == Status.APPROVED:
            forum_services.post_hide_pending_review(
                post=post, reason=_("reported by %(count)s members") % {"count": distinct}
            )
            if not on_duty:
                AutomaticAction.objects.create(kind=AutomaticAction.Kind.POST_HIDDEN, post=post)
        if reason == Report.Reason.DANGER:
            # The post stays where it is (a survivor asking for help must not vanish); the
            # moderators on duty, or on call, are told at once.
            Post.objects.filter(pk=post.pk).update(is_urgent=True)
            post.is_urgent = True
            notifications.urgent_item_arrived(post)
        if not on_duty:
            _pause_author_if_many_reports(post)
    return report


def reports_close_after_decision(
    *, post: Post, outcome: str, acting_user: User | AnonymousUser | None
) -> None:
    """A moderator decided the post somewhere (queue, item page, topic page, bulk): its open
    reports close with the outcome and it is no longer urgent; the deciding entry says so."""
    closed = Report.objects.filter(post=post, resolved_at=None).update(
        resolved_at=timezone.now(), outcome=outcome
    )
    was_urgent = Post.objects.filter(pk=post.pk, is_urgent=True).update(is_urgent=False)
    post.is_urgent = False
    AutomaticAction.objects.filter(post=post, settled_at=None).update(settled_at=timezone.now())
    release_after_decision(post)
    if closed or was_urgent:
        audit.record(
            action=AuditAction.REPORTS_CLOSED,
            actor=acting_user,
            target=post,
            data={"reports_closed": closed, "urgent_cleared": bool(was_urgent)},
        )
