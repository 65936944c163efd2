"""How much a reporter's word weighs (docs/moderation.md, "How reports are weighed").

A report from someone without standing never hides a post or pauses a member by itself: it
raises the post in the queue. Standing is earned (account age and approved posts) or given (a
moderator lifts a new account's probation), and lost when a member's reports keep being rejected.
"""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from mscos.accounts.models import User
from mscos.forum import permissions as forum_permissions
from mscos.forum.models import Post, Status
from mscos.moderation.models import Report

Standing = Report.Standing
# The post was left as it was; a "danger" report is never held against anyone, since asking for
# help for someone must not cost the asker.
NOT_UPHELD = "kept"


def _has_approved_posts(member: User, at_least: int) -> bool:
    approved = Post.objects.filter(author=member, status=Status.APPROVED).values("pk")
    return approved[:at_least].count() >= at_least


def _often_not_upheld(member: User) -> bool:
    counts = (
        Report.objects.filter(reporter=member)
        .exclude(resolved_at=None)
        .exclude(reason=Report.Reason.DANGER)
        .aggregate(
            rejected=Count("pk", filter=Q(outcome=NOT_UPHELD)),
            upheld=Count("pk", filter=~Q(outcome=NOT_UPHELD)),
        )
    )
    rejected, upheld = counts["rejected"], counts["upheld"]
    return rejected >= settings.MODERATION_STANDING_REJECTED_REPORTS and rejected > upheld


def reporter_standing(reporter: User | None, *, now: datetime.datetime | None = None) -> str:
    """Whoever reports now: a guest, a new member, a doubted or an established member."""
    if reporter is None or not reporter.is_authenticated:
        return Standing.GUEST
    if forum_permissions.is_moderator(reporter):
        return Standing.ESTABLISHED
    if _often_not_upheld(reporter):
        return Standing.DOUBTED
    if reporter.probation_lifted_at is not None:
        return Standing.ESTABLISHED  # a moderator vouched for this new account
    now = now or timezone.now()
    old_enough = reporter.date_joined <= now - datetime.timedelta(
        days=settings.MODERATION_STANDING_MIN_ACCOUNT_DAYS
    )
    if not old_enough or not _has_approved_posts(
        reporter, settings.MODERATION_STANDING_MIN_APPROVED_POSTS
    ):
        return Standing.NEW
    return Standing.ESTABLISHED
