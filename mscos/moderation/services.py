"""Moderation writes: reports, and queue decisions made through the forum's own services."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.forum import permissions as forum_permissions
from mscos.forum import services as forum_services
from mscos.forum.models import Post, Status
from mscos.moderation.models import Report
from mscos.safety import ratelimit

REPORTS_TO_HIDE = getattr(settings, "MODERATION_REPORTS_TO_HIDE", 3)


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
    report = Report.objects.create(
        post=post, reason=reason, note=note.strip(), reporter=reporter, reporter_hash=reporter_hash
    )
    distinct_members = (
        Report.objects.filter(post=post, resolved_at=None, reporter__isnull=False)
        .values("reporter")
        .distinct()
        .count()
    )
    if distinct_members >= REPORTS_TO_HIDE or reason == Report.Reason.DANGER:
        forum_services.post_hide_pending_review(
            post=post,
            reason=_("reported by %(count)s members") % {"count": distinct_members}
            if reason != Report.Reason.DANGER
            else _("reported: someone may be in danger"),
        )
        if reason == Report.Reason.DANGER:
            Post.objects.filter(pk=post.pk).update(is_urgent=True)
    return report


def _require_moderator(acting_user) -> None:
    if not forum_permissions.is_moderator(acting_user):
        raise PermissionDenied


def _resolve_reports(post: Post, outcome: str) -> None:
    Report.objects.filter(post=post, resolved_at=None).update(
        resolved_at=timezone.now(), outcome=outcome
    )


@transaction.atomic
def queue_approve(*, post: Post, acting_user) -> None:
    """Publishes a waiting post (or keeps a reported one) and closes its reports."""
    _require_moderator(acting_user)
    if post.status != Status.APPROVED:
        forum_services.post_approve(post=post, acting_user=acting_user)
    Post.objects.filter(pk=post.pk).update(is_urgent=False)
    _resolve_reports(post, "kept")


@transaction.atomic
def queue_reject(*, post: Post, reason: str, acting_user) -> None:
    """Hides the post with a reason its author sees, and closes its reports."""
    _require_moderator(acting_user)
    forum_services.post_hide(post=post, acting_user=acting_user, reason=reason)
    Post.objects.filter(pk=post.pk).update(is_urgent=False)
    _resolve_reports(post, "hidden")
