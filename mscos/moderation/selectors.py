"""What waits for moderators, urgent first, then oldest first."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from mscos.accounts.models import BadgeRequest
from mscos.forum.models import Post, Status
from mscos.moderation.models import Report

QUEUE_LIMIT = 100


@dataclass
class QueueItem:
    post: Post
    reasons: list[str] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    previous: Post | None = None
    standing: str = ""


def _standing(post: Post, approved_counts: dict[int, int], badges: dict[int, list[str]]) -> str:
    """How much the community knows the author, without saying who an anonymous author is."""
    if post.author_id is None:
        return "guest"
    if post.is_anonymous:
        return "anonymous member"
    count = approved_counts.get(post.author_id, 0)
    label = "new member" if count < 3 else f"member with {count} published posts"
    if badges.get(post.author_id):
        label += " (" + ", ".join(badges[post.author_id]) + ")"
    return label


def moderation_queue() -> list[QueueItem]:
    """Waiting posts and posts with open reports, urgent first; a fixed number of queries."""
    reported_ids = Report.objects.filter(resolved_at=None).values("post_id")
    posts = list(
        Post.objects.filter(Q(status=Status.PENDING) | Q(pk__in=reported_ids))
        .exclude(status=Status.DELETED)
        .select_related("topic__category", "author")
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at=None)))
        .order_by("-is_urgent", "-open_reports", "created_at")[:QUEUE_LIMIT]
    )
    reports: dict[int, list[Report]] = {}
    for report in Report.objects.filter(resolved_at=None, post__in=posts).order_by("created_at"):
        reports.setdefault(report.post_id, []).append(report)
    previous = {
        (p.topic_id, p.position): p
        for p in Post.objects.filter(
            _previous_filter(posts), status=Status.APPROVED
        ).select_related("author")
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
            reasons.append(post.held_because or _("waiting for approval"))
        items.append(
            QueueItem(
                post=post,
                reasons=reasons,
                reports=reports.get(post.pk, []),
                previous=previous.get((post.topic_id, post.position - 1)),
                standing=_standing(post, approved_counts, badges),
            )
        )
    return items


def _previous_filter(posts: list[Post]) -> Q:
    condition = Q(pk__in=[])
    for post in posts:
        condition |= Q(topic_id=post.topic_id, position=post.position - 1)
    return condition
