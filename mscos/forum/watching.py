"""Watching topics and categories: notifications queued per new public post, sent in batches."""

from collections import defaultdict

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.forum.models import Notification, Post, ReaderPreferences, Watch
from mscos.forum.permissions import can_read_category
from mscos.forum.rendering import plain_text


def watch_set(*, user, topic=None, category=None, watching: bool) -> None:
    """Starts or stops watching one topic or category."""
    target = {"topic": topic} if topic is not None else {"category": category}
    if watching:
        Watch.objects.get_or_create(user=user, **target)
    else:
        Watch.objects.filter(user=user, **target).delete()


def is_watching(user, *, topic=None, category=None) -> bool:
    if not user.is_authenticated:
        return False
    target = {"topic": topic} if topic is not None else {"category": category}
    return Watch.objects.filter(user=user, **target).exists()


def _on_break_ids(user_ids) -> set[int]:
    return set(
        ReaderPreferences.objects.filter(
            user_id__in=user_ids, break_until__gt=timezone.now()
        ).values_list("user_id", flat=True)
    )


def notify_watchers(post: Post) -> int:
    """Queues a notification for everyone watching the post's topic or category."""
    topic = post.topic
    watches = Watch.objects.filter(
        Q(topic=topic) | Q(category_id=topic.category_id)
    ).select_related("user")
    users = {watch.user_id: watch.user for watch in watches if watch.user_id != post.author_id}
    resting = _on_break_ids(users)
    notifications = [
        Notification(user=user, post=post)
        for user_id, user in users.items()
        if user_id not in resting and user.is_active and can_read_category(user, topic.category)
    ]
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    return len(notifications)


def _digest_text(posts: list[Post]) -> str:
    from mscos.forum.selectors import author_label

    lines = [_("New posts in conversations you follow:"), ""]
    for post in posts:
        lines.append(f"{post.topic.title}")
        lines.append(
            "  "
            + _("%(author)s wrote: %(extract)s")
            % {"author": author_label(post), "extract": plain_text(post.body, limit=160)}
            if not post.content_note
            else "  "
            + _("%(author)s wrote a post with a content note: %(note)s")
            % {"author": author_label(post), "note": post.content_note}
        )
        lines.append(f"  {settings.SITE_URL}{post.get_absolute_url()}")
        lines.append("")
    lines.append(_("To stop these emails, stop watching, or take a break, on the forum pages."))
    return "\n".join(lines)


@task
def send_notification_digests() -> int:
    """Sends each member one email with everything new they watch; returns emails sent."""
    due = (
        Notification.objects.filter(sent_at__isnull=True)
        .select_related("post__topic", "post__author", "user")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for notification in due[:5000]:
        by_user[notification.user_id].append(notification)
    resting = _on_break_ids(by_user)
    addresses = dict(
        EmailAddress.objects.filter(user_id__in=by_user, verified=True, primary=True).values_list(
            "user_id", "email"
        )
    )
    sent = 0
    for user_id, notifications in by_user.items():
        posts = [n.post for n in notifications if n.post.status == "approved"]
        with transaction.atomic():
            # Mark first: a crash after sending must not send the same batch twice.
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                sent_at=timezone.now()
            )
            if user_id in resting or user_id not in addresses or not posts:
                continue  # a break pauses them; without a verified address there is nowhere to send
            send_mail(
                _("New in the MSCOS forums"),
                _digest_text(posts),
                None,
                [addresses[user_id]],
            )
            sent += 1
    return sent
