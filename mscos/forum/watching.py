"""Watching topics and categories: notifications queued per new public post, sent in batches:
one mail task per member, tried again while the mail server refuses (core.mail_delivery)."""

import datetime
from collections import defaultdict

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.accounts.selectors import contact_addresses
from mscos.core.mail_delivery import send_or_retry
from mscos.core.site_address import absolute_url
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


def news_by_email(user) -> bool:
    """Whether new posts a member watches reach them by email, or only on their Following page."""
    from mscos.accounts.selectors import contact_address

    preferences = ReaderPreferences.objects.filter(user=user).first()
    if preferences is not None and not preferences.digest_emails:
        return False
    return contact_address(user) is not None


FOLLOWING_DAYS = 30
FOLLOWING_LIMIT = 50


def following_for(user) -> dict:
    """What a member watches, and the newest posts there (the last 30 days, at most 50)."""
    watches = list(
        Watch.objects.filter(user=user)
        .select_related("topic__category", "category")
        .order_by("-created_at")
    )
    since = timezone.now() - datetime.timedelta(days=FOLLOWING_DAYS)
    recent = (
        Notification.objects.filter(user=user, created_at__gte=since, post__status="approved")
        .select_related("post__topic__category", "post__author")
        .order_by("-created_at")[:FOLLOWING_LIMIT]
    )
    return {
        "topics": [
            w.topic
            for w in watches
            if w.topic is not None and can_read_category(user, w.topic.category)
        ],
        "categories": [
            w.category
            for w in watches
            if w.category is not None and can_read_category(user, w.category)
        ],
        "posts": [n.post for n in recent if can_read_category(user, n.post.topic.category)],
    }


DIGEST_STOP_SALT = "mscos.forum.digest-stop"
DIGEST_HEADERS = {"Auto-Submitted": "auto-generated"}


def digest_stop_token(user) -> str:
    """The signed part of a member's one-click link that stops their digests (no expiry: the
    link sits in old mails, and it can only ever stop mail to that one member)."""
    return signing.Signer(salt=DIGEST_STOP_SALT).sign(str(user.pk))


def digest_stop_user_id(token: str) -> int | None:
    """The member a stop link names, or None if it is forged or mangled."""
    try:
        return int(signing.Signer(salt=DIGEST_STOP_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def digest_stop_url(user) -> str:
    return absolute_url(reverse("forum:digest_stop", kwargs={"token": digest_stop_token(user)}))


def digest_emails_set(*, user, sending: bool, acting_user=None) -> None:
    """Starts or stops a member's digest emails (their watches stay, shown on their page)."""
    ReaderPreferences.objects.update_or_create(user=user, defaults={"digest_emails": sending})


def _digest_entries(posts: list[Post], *, with_text: bool) -> list[dict]:
    from mscos.forum.selectors import author_label

    entries = []
    for post in posts:
        extract = ""
        if with_text:
            # A content note stands in for the text: the member chose to be warned first.
            extract = (
                _("Content note: %(note)s") % {"note": post.content_note}
                if post.content_note
                else plain_text(post.body, limit=160)
            )
        entries.append(
            {
                "topic": post.topic.title,
                "author": author_label(post),
                "extract": extract,
                "url": absolute_url(post.get_absolute_url()),
            }
        )
    return entries


def digest_message(*, user, address: str, posts: list[Post], with_text: bool):
    """One member's digest: text and HTML parts, one-click unsubscribe (RFC 8058)."""
    stop_url = digest_stop_url(user)
    context = {
        "entries": _digest_entries(posts, with_text=with_text),
        "stop_url": stop_url,
        "following_url": absolute_url(reverse("forum:following")),
        "preferences_url": absolute_url(reverse("forum:preferences")),
    }
    message = EmailMultiAlternatives(
        subject=_("New in the MSCOS forums"),
        body=render_to_string("forum/mail/digest.txt", context),
        to=[address],
        headers={
            **DIGEST_HEADERS,
            "List-Unsubscribe": f"<{stop_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("forum/mail/digest.html", context), "text/html")
    return message


@task
def send_notification_digests() -> int:
    """Queues each member one email with everything new they watch; returns emails queued."""
    due = (
        Notification.objects.filter(sent_at__isnull=True)
        .select_related("post")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for notification in due[:5000]:
        by_user[notification.user_id].append(notification)
    resting = _on_break_ids(by_user)
    addresses = contact_addresses(by_user)
    choices = {
        row["user_id"]: row["digest_emails"]
        for row in ReaderPreferences.objects.filter(user_id__in=by_user).values(
            "user_id", "digest_emails"
        )
    }
    queued = 0
    for user_id, notifications in by_user.items():
        post_ids = [n.post_id for n in notifications if n.post.status == "approved"]
        with transaction.atomic():
            # Mark first: a crash after queueing must not send the same batch twice.
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                sent_at=timezone.now()
            )
        if user_id in resting or user_id not in addresses or not post_ids:
            continue  # a break pauses them; without a contact address there is nowhere to send
        if not choices.get(user_id, True):
            continue  # stopped: the posts wait on the member's Following page instead
        send_digest.enqueue(user_id=user_id, post_ids=post_ids)
        queued += 1
    return queued


@task
def send_digest(*, user_id: int, post_ids: list[int], attempt: int = 1) -> bool:
    """One member's digest, with their choices as they are when it is sent."""
    from mscos.accounts.models import User

    user = User.objects.filter(pk=user_id, is_active=True).first()
    address = contact_addresses([user_id]).get(user_id)
    preferences = ReaderPreferences.objects.filter(user_id=user_id).first()
    if user is None or address is None or (preferences and not preferences.digest_emails):
        return False
    found = Post.objects.filter(pk__in=post_ids, status="approved").select_related(
        "topic", "author"
    )
    by_id = {post.pk: post for post in found}
    posts = [by_id[pk] for pk in post_ids if pk in by_id]
    if not posts:
        return False
    message = digest_message(
        user=user,
        address=address,
        posts=posts,
        with_text=bool(preferences and preferences.digest_post_text),
    )
    return send_or_retry(
        message,
        task=send_digest,
        task_kwargs={"user_id": user_id, "post_ids": post_ids},
        attempt=attempt,
    )
