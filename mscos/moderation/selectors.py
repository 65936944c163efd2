"""Reads for moderation: the queue (urgent first, then oldest), the audit log, member histories,
and a member's own reports."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import CombinedExpression
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from mscos.accounts.models import BadgeRequest, User
from mscos.forum.models import Post, Status
from mscos.moderation import duty, redaction
from mscos.moderation.models import (
    AuditEntry,
    AutomaticAction,
    Claim,
    Decision,
    ModeratorSettings,
    Notice,
    RejectionTemplate,
    Report,
    UrgentAlert,
)

QUEUE_LIMIT = 100
AUDIT_PAGE_SIZE = 50

REPORT_OUTCOMES = {
    "": gettext_lazy("A moderator has not looked yet"),
    "kept": gettext_lazy("A moderator looked and left the post up"),
    "hidden": gettext_lazy("A moderator took the post down"),
    "edited": gettext_lazy("A moderator changed the post"),
    "redacted": gettext_lazy("A moderator removed details that could identify someone"),
}


@dataclass
class QueueItem:
    post: Post
    reasons: list[str] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    previous: Post | None = None
    standing: str = ""
    claim: Claim | None = None


def _standing(post: Post, approved_counts: dict[int, int], badges: dict[int, list[str]]) -> str:
    """How much the community knows the author, without saying who an anonymous author is."""
    author = post.author
    if author is None:
        return _("guest")
    if post.is_anonymous:
        return _("anonymous member")
    count = approved_counts.get(author.pk, 0)
    label = (
        _("new member")
        if count < 3
        else ngettext(
            "member with %(count)s published post",
            "member with %(count)s published posts",
            count,
        )
        % {"count": count}
    )
    if badges.get(author.pk):
        label += " (" + ", ".join(badges[author.pk]) + ")"
    if author.posting_pause_active():
        label += " · " + str(author.get_posting_paused_display())
    return label


def _reason_label(code: str) -> str:
    """Why a post was held, as recorded: each distinct reason once, in the order found. The
    safeguarding detector writes precise reasons (the rule and the phrase); they are shown as-is."""
    labels = {
        "watched word: hold": _("held by a watched word"),
        "watched word: block": _("blocked by a watched word"),
        "safeguarding: urgent": _("an urgent watched word"),
    }
    parts = [part.strip() for part in code.split(";") if part.strip()]
    return "; ".join(dict.fromkeys(labels.get(part, part) for part in parts))


def moderation_queue(*, post_ids: list[int] | None = None) -> list[QueueItem]:
    """Waiting posts and posts with open reports, urgent first; a fixed number of queries."""
    reported_ids = Report.objects.filter(resolved_at=None).values("post_id")
    queryset = Post.objects.filter(Q(status=Status.PENDING) | Q(pk__in=reported_ids))
    if post_ids is not None:
        queryset = queryset.filter(pk__in=post_ids)
    established, everyone = _report_weights()
    posts = list(
        queryset.exclude(status=Status.DELETED)
        .select_related("topic__category", "author")
        .annotate(established_reporters=established, reporters=everyone)
        .order_by("-is_urgent", "-established_reporters", "-reporters", "created_at")[:QUEUE_LIMIT]
    )
    reports: dict[int, list[Report]] = {}
    for report in Report.objects.filter(resolved_at=None, post__in=posts).order_by("created_at"):
        reports.setdefault(report.post_id, []).append(report)
    previous = {
        (p.topic_id, p.position): p
        for p in Post.objects.filter(_previous_filter(posts), status=Status.APPROVED)
    }
    claims = {
        c.post_id: c
        for c in Claim.objects.filter(post__in=posts, expires_at__gt=timezone.now()).select_related(
            "moderator"
        )
    }
    authors = {p.author_id for p in posts if p.author_id}
    approved_counts = dict(
        Post.objects.filter(author_id__in=authors, status=Status.APPROVED)
        .values_list("author_id")
        .annotate(n=Count("pk"))
    )
    badges: dict[int, list[str]] = {}
    for request in BadgeRequest.objects.filter(
        user_id__in=authors, status=BadgeRequest.Status.GRANTED
    ):
        badges.setdefault(request.user_id, []).append(request.get_badge_display())
    items = []
    for post in posts:
        reasons = []
        if post.is_urgent:
            reasons.append("urgent")
        if post.status == Status.PENDING:
            reasons.append(
                _reason_label(post.held_because) if post.held_because else _("waiting for approval")
            )
        items.append(
            QueueItem(
                post=post,
                reasons=reasons,
                reports=reports.get(post.pk, []),
                previous=previous.get((post.topic_id, post.position - 1)),
                standing=_standing(post, approved_counts, badges),
                claim=claims.get(post.pk),
            )
        )
    return items


def _report_weights() -> tuple[Count, CombinedExpression]:
    """Reporters, not report rows, raise a post: established members first, then everyone else
    (each member once, each guest's daily address hash once; docs/moderation.md)."""
    open_ = Q(reports__resolved_at=None)
    established = Count(
        "reports__reporter",
        filter=open_ & Q(reports__reporter_standing=Report.Standing.ESTABLISHED),
        distinct=True,
    )
    everyone = Count("reports__reporter", filter=open_, distinct=True) + Count(
        "reports__reporter_hash", filter=open_ & Q(reports__reporter=None), distinct=True
    )
    return established, everyone


def _previous_filter(posts: Sequence[Post]) -> Q:
    condition = Q(pk__in=[])
    for post in posts:
        condition |= Q(topic_id=post.topic_id, position=post.position - 1)
    return condition


def queue_item(post_id: int) -> QueueItem | None:
    items = moderation_queue(post_ids=[post_id])
    return items[0] if items else None


def redaction_suggestions(post: Post) -> list[redaction.Suggestion]:
    return redaction.suggestions(post.body)


def rejection_templates() -> QuerySet[RejectionTemplate]:
    return RejectionTemplate.objects.filter(active=True)


def open_automatic_actions() -> QuerySet[AutomaticAction]:
    return (
        AutomaticAction.objects.filter(settled_at=None)
        .select_related("post__topic", "member")
        .order_by("created_at")
    )


def undo_minutes() -> int:
    """How long a decision can be undone from the queue (MODERATION_UNDO_MINUTES)."""
    return settings.MODERATION_UNDO_MINUTES


def undoable_decisions(moderator: User) -> list[Decision]:
    """The moderator's own decisions still inside the undo time, newest first."""
    since = timezone.now() - datetime.timedelta(minutes=undo_minutes())
    return list(
        Decision.objects.filter(moderator=moderator, undone_at=None, created_at__gte=since)
        .select_related("post__topic")
        .order_by("-created_at")[:10]
    )


def settings_for(moderator: User) -> ModeratorSettings:
    return ModeratorSettings.objects.filter(moderator=moderator).first() or ModeratorSettings(
        moderator=moderator
    )


def unread_notices(user: User) -> list[Notice]:
    """Unread notices, newest first, one per post and kind; an urgent notice goes once its post
    has been decided (the post is no longer urgent)."""
    notices = (
        Notice.objects.filter(recipient=user, read_at=None)
        .exclude(kind=Notice.Kind.URGENT, post__isnull=False, post__is_urgent=False)
        .select_related("post__topic")
        .order_by("-created_at", "-pk")
    )
    seen: set[tuple[str, int | None]] = set()
    shown = []
    for notice in notices[:200]:
        key = (notice.kind, notice.post_id)
        if notice.post_id is not None and key in seen:
            continue
        seen.add(key)
        shown.append(notice)
    return shown


ALERT_PROBLEMS = {
    "no_moderators": gettext_lazy("there is no moderator to tell"),
    "no_address": gettext_lazy("no moderator who could be told has an email address"),
    "send_failed": gettext_lazy("the email could not be sent"),
}


@dataclass
class AlertWarning:
    post: Post | None
    problem: str


def alert_warnings(now: datetime.datetime | None = None) -> list[AlertWarning]:
    """Urgent posts still waiting whose alert reached nobody by email, and whether an urgent
    post arriving now would reach anyone. Shown on the queue and in the Wagtail admin."""
    warnings = [
        AlertWarning(post=alert.post, problem=str(ALERT_PROBLEMS.get(alert.problem, "")))
        for alert in UrgentAlert.objects.filter(emailed=0, post__is_urgent=True)
        .select_related("post__topic")
        .order_by("-created_at")[:20]
    ]
    if not duty.urgent_recipients(now).reachable:
        warnings.append(AlertWarning(post=None, problem=str(ALERT_PROBLEMS["no_address"])))
    return warnings


def who_is_told_now(now: datetime.datetime | None = None) -> tuple[list[User], str]:
    """The moderators an urgent post arriving now is emailed to, and the rule that chose them."""
    recipients = duty.urgent_recipients(now)
    people = list(User.objects.filter(pk__in=recipients.addresses).order_by("display_name"))
    return people, recipients.rule


@dataclass
class AuditFilters:
    actor: str = ""
    action: str = ""
    target_type: str = ""
    target_id: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None


def audit_entries(filters: AuditFilters) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.all()
    if filters.actor:
        entries = entries.filter(actor_label__icontains=filters.actor)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.target_type:
        entries = entries.filter(target_type=filters.target_type)
    if filters.target_id is not None:
        entries = entries.filter(target_id=filters.target_id)
    if filters.since:
        entries = entries.filter(created_at__date__gte=filters.since)
    if filters.until:
        entries = entries.filter(created_at__date__lte=filters.until)
    return entries.select_related("original")


@dataclass
class MemberHistory:
    member: User
    posts: list[Post]
    reports_against: int
    entries: list[AuditEntry]


def member_history(member: User) -> MemberHistory:
    """Named posts only: a member's anonymous posts are never joined to their name here."""
    posts = list(
        Post.objects.filter(author=member, is_anonymous=False)
        .select_related("topic")
        .order_by("-created_at")[:50]
    )
    reports_against = Report.objects.filter(post__author=member, post__is_anonymous=False).count()
    entries = list(AuditEntry.objects.filter(target_type="member", target_id=member.pk)[:50])
    return MemberHistory(
        member=member, posts=posts, reports_against=reports_against, entries=entries
    )


def reports_by(user: User) -> QuerySet[Report]:
    return (
        Report.objects.filter(reporter=user).select_related("post__topic").order_by("-created_at")
    )


def notices_for(user: User) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=user).exclude(kind=Notice.Kind.URGENT)[:50]


def post_for_moderation(post_id: int | None) -> Post | None:
    """A post in any state, with what the queue and item pages show of it, or None."""
    if post_id is None:
        return None
    post: Post | None = (
        Post.objects.select_related("topic__category", "author").filter(pk=post_id).first()
    )
    return post


def posts_for_moderation(post_ids: Sequence[int]) -> QuerySet[Post]:
    """The ticked posts of a bulk decision, with what deciding them reads."""
    return Post.objects.select_related("topic__category", "author").filter(pk__in=post_ids)


def rejection_template(template_id: int | None) -> RejectionTemplate | None:
    """An active rejection message by its number; None (no number) finds none."""
    if template_id is None:
        return None
    template: RejectionTemplate | None = rejection_templates().filter(pk=template_id).first()
    return template


def automatic_action(action_id: int) -> AutomaticAction | None:
    """An automatic hide or pause, with its post and member."""
    action: AutomaticAction | None = (
        AutomaticAction.objects.select_related("post", "member").filter(pk=action_id).first()
    )
    return action
