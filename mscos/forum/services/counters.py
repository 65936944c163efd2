"""The forum's stored counts (docs/decisions/0011-denormalised-forum-counters.md).

List pages read these columns instead of counting. Only the forum's other services call these
functions, in the same transaction as the change they count; they check nothing themselves.
"""

import datetime

from django.db.models import F
from django.utils import timezone

from mscos.forum.models import ForumCategory, Post, Status, Topic


def count_new_post(topic: Topic, *, opening: bool, at: datetime.datetime) -> None:
    """Counts a post published as it is written (an opening post also counts its topic)."""
    if opening:
        ForumCategory.objects.filter(pk=topic.category_id).update(
            topic_count=F("topic_count") + 1, post_count=F("post_count") + 1, last_activity_at=at
        )
    else:
        Topic.objects.filter(pk=topic.pk).update(
            reply_count=F("reply_count") + 1, last_activity_at=at
        )
        ForumCategory.objects.filter(pk=topic.category_id).update(
            post_count=F("post_count") + 1, last_activity_at=at
        )


def post_status_set(post: Post, status: str) -> bool:
    """Changes a post's status and every stored count and date that follows from it.

    An opening post takes its topic along. Returns whether the post has just become public, so
    the caller can tell its watchers.
    """
    was_public = post.status == Status.APPROVED
    post.status = status
    post.save(update_fields=["status"])
    topic = post.topic
    replies_stay = (
        status == Status.DELETED
        and topic.posts.filter(status=Status.APPROVED).exclude(pk=post.pk).exists()
    )
    # An opener who deletes their post leaves others' replies in place, under the topic.
    if post.position == 1 and topic.status != status and not replies_stay:
        Topic.objects.filter(pk=topic.pk).update(status=status)
        delta_topics = 1 if status == Status.APPROVED else -1 if was_public else 0
        if delta_topics:
            ForumCategory.objects.filter(pk=topic.category_id).update(
                topic_count=F("topic_count") + delta_topics
            )
    delta = (1 if status == Status.APPROVED else 0) - (1 if was_public else 0)
    if delta:
        ForumCategory.objects.filter(pk=topic.category_id).update(
            post_count=F("post_count") + delta
        )
        if post.position != 1:
            Topic.objects.filter(pk=topic.pk).update(reply_count=F("reply_count") + delta)
    if status == Status.APPROVED:
        Topic.objects.filter(pk=topic.pk, last_activity_at__lt=post.created_at).update(
            last_activity_at=post.created_at
        )
        ForumCategory.objects.filter(pk=topic.category_id).update(last_activity_at=timezone.now())
    return status == Status.APPROVED and not was_public


def count_topic_move(topic: Topic, *, from_category_id: int, to_category_id: int) -> None:
    """Moves a topic's public posts (and the topic, if public) from one category's counts to
    the other's."""
    public = topic.posts.filter(status=Status.APPROVED).count()
    is_public = topic.status == Status.APPROVED
    ForumCategory.objects.filter(pk=from_category_id).update(
        post_count=F("post_count") - public, topic_count=F("topic_count") - int(is_public)
    )
    ForumCategory.objects.filter(pk=to_category_id).update(
        post_count=F("post_count") + public, topic_count=F("topic_count") + int(is_public)
    )
