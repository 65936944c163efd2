"""Reads for moderation: the queue (urgent first, then oldest), the audit log, member histories,
and a member's own reports."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from mscos.accounts.models import BadgeRequest, User
from mscos.forum.models import Post, Status
from mscos.moderation import redaction
from mscos.moderation.models import (
    AuditEntry,
    AutomaticAction,
    Claim,
    ModeratorSettings,
    Notice,
    RejectionTemplate,
    Report,
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
    if post.author_id is None:
        return _("guest")
    if post.is_anonymous:
        return _("anonymous member")
    count = approved_counts.get(post.author_id, 0)
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
    if badges.get(post.author_id):
        label += " (" + ", ".join(badges[post.author_id]) + ")"
    if post.author.posting_pause_active():
        label += " · " + str(post.author.get_posting_paused_display())
    return label


def _reason_label(code: str) -> str:
    labels = {
        "watched word: hold": _("held by a watched word"),
        "watched word: block": _("blocked by a watched word"),
        "safeguarding: urgent": _("safeguarding phrase"),
    }
    return "; ".join(labels.get(part.strip(), part.strip()) for part in code.split(";"))


def moderation_queue(*, post_ids: list[int] | None = None) -> list[QueueItem]:
    """Waiting posts and posts with open reports, urgent first; a fixed number of queries."""
    reported_ids = Report.objects.filter(resolved_at=None).values("post_id")
    queryset = Post.objects.filter(Q(status=Status.PENDING) | Q(pk__in=reported_ids))
    if post_ids is not None:
        queryset = queryset.filter(pk__in=post_ids)
    posts = list(
        queryset.exclude(status=Status.DELETED)
        .select_related("topic__category", "author")
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at=None)))
        .order_by("-is_urgent", "-open_reports", "created_at")[:QUEUE_LIMIT]
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


def _previous_filter(posts: list[Post]) -> Q:
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


def settings_for(moderator: User) -> ModeratorSettings:
    return ModeratorSettings.objects.filter(moderator=moderator).first() or ModeratorSettings(
        moderator=moderator
    )


def unread_notices(user: User) -> QuerySet[Notice]:
    return Notice.objects.filter(recipient=user, read_at=None).select_related("post__topic")


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
