"""A member's reading: preferences, a break from the forums, and how far each topic was read."""

import datetime

from django.utils import timezone

from mscos.forum.models import Post, ReaderPreferences, Topic, TopicRead

MAX_BREAK_DAYS = 365


def preferences_for(user) -> ReaderPreferences | None:
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_forum_preferences", None)
    if cached is None:
        cached = ReaderPreferences.objects.filter(user=user).first() or ReaderPreferences(user=user)
        user._forum_preferences = cached
    return cached


def preferences_update(
    *,
    user,
    muted_words: str,
    hide_content_noted: bool,
    digest_emails: bool = True,
    digest_post_text: bool = False,
) -> ReaderPreferences:
    preferences, _created = ReaderPreferences.objects.get_or_create(user=user)
    preferences.muted_words = muted_words.strip()
    preferences.hide_content_noted = hide_content_noted
    preferences.digest_emails = digest_emails
    preferences.digest_post_text = digest_post_text
    preferences.save(
        update_fields=["muted_words", "hide_content_noted", "digest_emails", "digest_post_text"]
    )
    return preferences


def break_start(*, user, days: int) -> datetime.datetime:
    """Pauses notifications and hides the forums from the member's navigation for `days`."""
    days = max(1, min(days, MAX_BREAK_DAYS))
    until = timezone.now() + datetime.timedelta(days=days)
    ReaderPreferences.objects.update_or_create(user=user, defaults={"break_until": until})
    return until


def break_end(*, user) -> None:
    ReaderPreferences.objects.filter(user=user).update(break_until=None)


def is_on_break(user) -> bool:
    preferences = preferences_for(user)
    return bool(
        preferences and preferences.break_until and preferences.break_until > timezone.now()
    )


def mark_read(*, user, topic: Topic, position: int | None) -> None:
    """Remembers the furthest post read; never moves backwards."""
    if not user.is_authenticated or position is None:
        return
    read, created = TopicRead.objects.get_or_create(
        user=user, topic=topic, defaults={"last_position": position}
    )
    if not created and read.last_position < position:
        TopicRead.objects.filter(pk=read.pk, last_position__lt=position).update(
            last_position=position
        )


def unread_topic_ids(user, topics: list[Topic]) -> set[int]:
    """Which of these topics have posts the member has not seen (one query)."""
    if not user.is_authenticated or not topics:
        return set()
    read = dict(
        TopicRead.objects.filter(user=user, topic__in=topics).values_list(
            "topic_id", "last_position"
        )
    )
    return {t.pk for t in topics if t.next_position - 1 > read.get(t.pk, 0)}


def folded_reason(post: Post, preferences: ReaderPreferences | None) -> str:
    """Why this post is folded away for this reader: "muted", "content_note" or ""."""
    if preferences is None:
        return ""
    body = post.body.lower()
    if any(word in body for word in preferences.muted_list()):
        return "muted"
    if preferences.hide_content_noted and post.content_note:
        return "content_note"
    return ""
