"""The forum's stored counts (docs/decisions/0011-denormalised-forum-counters.md).

List pages read these columns instead of counting. Only the forum's other services call these
functions, in the same transaction as the change they count; they check nothing themselves.

What they keep true, as a recount from the posts gives it (tests/forum/test_counters.py):
a topic's `reply_count` is its approved posts after the first, and its `last_activity_at` the
time of its latest approved post; a category's `topic_count` is its approved topics, its
`post_count` the approved posts in them, and its `last_activity_at` the latest of those posts
(none when it has no public topic). A post in a topic that is not public counts for the topic
but not for the category, so a topic that stops or starts being public takes its posts along.
"""

import datetime
from collections.abc import Iterable

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from mscos.forum.models import ForumCategory, Post, Status, Topic


def count_new_post(topic: Topic, *, opening: bool, at: datetime.datetime) -> None:
    """Counts a post published as it is written (an opening post also counts its topic);
    `at` is the post's `created_at`."""
    Topic.objects.filter(pk=topic.pk).update(
        reply_count=F("reply_count") + (0 if opening else 1), last_activity_at=at
    )
    ForumCategory.objects.filter(pk=topic.category_id).update(
        topic_count=F("topic_count") + (1 if opening else 0),
        post_count=F("post_count") + 1,
        last_activity_at=at,
    )


def _latest_public_post() -> Subquery:
    """For a topic in the outer query: when its latest approved post was written."""
    public = Post.objects.filter(topic_id=OuterRef("pk"), status=Status.APPROVED)
    return Subquery(public.order_by("-created_at").values("created_at")[:1])


def _latest_public_topic(*, excluding: int | None = None) -> Subquery:
    """For a category in the outer query: the latest activity of its approved topics."""
    topics = Topic.objects.filter(category_id=OuterRef("pk"), status=Status.APPROVED)
    if excluding is not None:
        topics = topics.exclude(pk=excluding)
    return Subquery(topics.order_by("-last_activity_at").values("last_activity_at")[:1])


def _category_later(category_id: int, at: datetime.datetime) -> None:
    """Something public from `at` is now in the category."""
    ForumCategory.objects.filter(
        Q(last_activity_at__isnull=True) | Q(last_activity_at__lt=at), pk=category_id
    ).update(last_activity_at=at)


def _category_latest_again(
    category_id: int, *, gone_at: datetime.datetime, excluding: int | None = None
) -> None:
    """Something public from `gone_at` left the category: if it may have been the latest, the
    latest is looked up again (only then, so most decisions cost no lookup)."""
    ForumCategory.objects.filter(pk=category_id, last_activity_at__lte=gone_at).update(
        last_activity_at=_latest_public_topic(excluding=excluding)
    )


def post_status_set(post: Post, status: str) -> bool:
    """Changes a post's status and every stored count and date that follows from it.

    An opening post takes its topic along, and the topic takes its public posts in or out of
    its category's counts. Returns whether the post has just become public, so the caller can
    tell its watchers.
    """
    was_public = post.status == Status.APPROVED
    is_public = status == Status.APPROVED
    post.status = status
    post.save(update_fields=["status"])
    # Read again and locked: the caller's topic may be out of date, and two decisions on one
    # topic at once must not count from the same starting point.
    topic = (
        Topic.objects.select_for_update()
        .only("status", "category_id", "last_activity_at")
        .get(pk=post.topic_id)
    )
    topic_was_public = topic.status == Status.APPROVED
    replies_stay = (
        status == Status.DELETED
        and Post.objects.filter(topic_id=topic.pk, status=Status.APPROVED).exists()
    )
    topic_is_public = topic_was_public
    # An opener who deletes their post leaves others' replies in place, under the topic.
    if post.position == 1 and topic.status != status and not replies_stay:
        Topic.objects.filter(pk=topic.pk).update(status=status)
        topic_is_public = is_public
        if Post.topic.is_cached(post):
            post.topic.status = status  # the caller's copy stays true

    if is_public != was_public:
        Topic.objects.filter(pk=topic.pk).update(
            reply_count=F("reply_count") + (0 if post.position == 1 else 1 if is_public else -1),
            last_activity_at=Coalesce(_latest_public_post(), F("last_activity_at")),
        )

    category_id = topic.category_id
    if topic_is_public != topic_was_public:
        shown_now = Post.objects.filter(topic_id=topic.pk, status=Status.APPROVED).count()
        shown_before = shown_now - int(is_public) + int(was_public)
        ForumCategory.objects.filter(pk=category_id).update(
            topic_count=F("topic_count") + (1 if topic_is_public else -1),
            post_count=F("post_count") + (shown_now if topic_is_public else -shown_before),
        )
        if topic_is_public:
            latest = Topic.objects.values_list("last_activity_at", flat=True).get(pk=topic.pk)
            _category_later(category_id, latest)
        else:
            _category_latest_again(
                category_id, gone_at=max(topic.last_activity_at, post.created_at)
            )
    elif topic_is_public and is_public != was_public:
        ForumCategory.objects.filter(pk=category_id).update(
            post_count=F("post_count") + (1 if is_public else -1)
        )
        if is_public:
            _category_later(category_id, post.created_at)
        else:
            _category_latest_again(category_id, gone_at=post.created_at)
    return is_public and not was_public


def count_topic_move(topic: Topic, *, from_category_id: int, to_category_id: int) -> None:
    """Moves a topic's public posts (and the topic, if public) from one category's counts to
    the other's, with the categories' latest activity."""
    topic = Topic.objects.only("status", "last_activity_at").get(pk=topic.pk)
    if topic.status != Status.APPROVED:
        return  # a topic that is not public is in no category's counts
    public = Post.objects.filter(topic_id=topic.pk, status=Status.APPROVED).count()
    ForumCategory.objects.filter(pk=from_category_id).update(
        post_count=F("post_count") - public, topic_count=F("topic_count") - 1
    )
    ForumCategory.objects.filter(pk=to_category_id).update(
        post_count=F("post_count") + public, topic_count=F("topic_count") + 1
    )
    _category_latest_again(from_category_id, gone_at=topic.last_activity_at, excluding=topic.pk)
    _category_later(to_category_id, topic.last_activity_at)


def recount_topics(topics: QuerySet[Topic]) -> None:
    """Counts these topics' replies and latest post again from their posts, in one query
    (after a bulk change such as erasing an account)."""
    public = Post.objects.filter(topic_id=OuterRef("pk"), status=Status.APPROVED)
    replies = public.filter(position__gt=1).values("topic_id").annotate(n=Count("pk")).values("n")
    topics.update(
        reply_count=Coalesce(Subquery(replies), 0),
        last_activity_at=Coalesce(_latest_public_post(), F("last_activity_at")),
    )


def recount_categories(category_ids: Iterable[int]) -> None:
    """Counts these categories' public topics and posts and their latest activity again, in one
    query; after `recount_topics` for the topics that changed."""
    topics = Topic.objects.filter(category_id=OuterRef("pk"), status=Status.APPROVED)
    posts = Post.objects.filter(
        topic__category_id=OuterRef("pk"), topic__status=Status.APPROVED, status=Status.APPROVED
    )
    ForumCategory.objects.filter(pk__in=category_ids).update(
        topic_count=Coalesce(
            Subquery(topics.values("category_id").annotate(n=Count("pk")).values("n")), 0
        ),
        post_count=Coalesce(
            Subquery(posts.values("topic__category_id").annotate(n=Count("pk")).values("n")), 0
        ),
        last_activity_at=_latest_public_topic(),
    )
