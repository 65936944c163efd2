"""The forum's part of a member's data export and account erasure."""

from django.db.models import Q

from mscos.forum.models import (
    Notification,
    Post,
    PostRevision,
    ReaderPreferences,
    Status,
    Topic,
    TopicRead,
    Watch,
)
from mscos.forum.services import counters


def export_posts(user) -> list[dict]:
    return [
        {
            "topic": post.topic.title,
            "position": post.position,
            "anonymous": post.is_anonymous,
            "status": post.status,
            "content_note": post.content_note,
            "body": post.body,
            "created_at": post.created_at.isoformat(),
            "edited_at": post.edited_at.isoformat() if post.edited_at else None,
        }
        for post in Post.objects.filter(author=user).select_related("topic").order_by("created_at")
    ]


def erase_posts(user, keep_posts: bool) -> None:
    """Deletes the member's posts, or keeps them with no link back to the member or each other.

    Named posts become "Former member"; anonymous ones stay "Anonymous member". Turning both into
    "Former member" would let anyone who saw the pages before pair the anonymous posts with
    the named ones (the label changed on exactly this member's posts, at the same moment).
    """
    posts = Post.objects.filter(author=user)
    if keep_posts:
        posts.filter(is_anonymous=True).update(author=None, address_hash="")
        posts.update(author=None, by_former_member=True, address_hash="")
        Topic.objects.filter(author=user, is_anonymous=True).update(author=None)
        Topic.objects.filter(author=user).update(author=None, by_former_member=True)
        return
    opened = Topic.objects.filter(author=user)
    # A topic nobody else wrote in goes whole (its title is theirs too); others keep the replies.
    alone = opened.exclude(posts__in=Post.objects.filter(~Q(author=user)))
    # Every category they wrote in, including where a topic goes whole (a handful at most).
    categories = set(
        Topic.objects.filter(posts__author=user).values_list("category_id", flat=True).distinct()
    )
    alone.delete()
    PostRevision.objects.filter(post__author=user).delete()
    posts.update(status=Status.DELETED, body="", body_html="", content_note="", address_hash="")
    # Their posts no longer count: every topic they wrote in (others' too) and its category are
    # counted again, while the posts still name them (docs/decisions/0011).
    counters.recount_topics(Topic.objects.filter(pk__in=posts.values("topic_id")))
    counters.recount_categories(categories)
    posts.update(author=None, by_former_member=True)
    Topic.objects.filter(author=user).update(author=None, by_former_member=True)


def export_reading(user) -> dict:
    preferences = ReaderPreferences.objects.filter(user=user).first()
    return {
        "watching_topics": list(
            Watch.objects.filter(user=user, topic__isnull=False).values_list(
                "topic__title", flat=True
            )
        ),
        "watching_categories": list(
            Watch.objects.filter(user=user, category__isnull=False).values_list(
                "category__name", flat=True
            )
        ),
        "muted_words": preferences.muted_list() if preferences else [],
        "hide_content_noted": preferences.hide_content_noted if preferences else False,
        "digest_emails": preferences.digest_emails if preferences else True,
        "digest_post_text": preferences.digest_post_text if preferences else False,
        "break_until": preferences.break_until.isoformat()
        if preferences and preferences.break_until
        else None,
    }


def erase_reading(user, keep_posts: bool) -> None:
    """Watches, notifications, preferences and read markers go with the account."""
    Watch.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    ReaderPreferences.objects.filter(user=user).delete()
    TopicRead.objects.filter(user=user).delete()
