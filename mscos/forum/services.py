"""Writes for the forum. Every change made on someone's behalf names the acting user for the log."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.forum import audit, permissions, screening, watching
from mscos.forum.models import ForumCategory, Post, PostRevision, Status, Topic
from mscos.forum.rendering import link_count, render_markdown
from mscos.safety import ratelimit

MAX_POST_LENGTH = getattr(settings, "FORUM_MAX_POST_LENGTH", 20_000)
POSTS_PER_WINDOW = 10
POST_WINDOW_SECONDS = 10 * 60
NEW_MEMBER_LINK_LIMIT = 2
NEW_MEMBER_POSTS = 3


def _check_body(body: str, *, author, new_member: bool) -> str:
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Please write something before posting.")})
    if len(body) > MAX_POST_LENGTH:
        raise ValidationError(
            {
                "body": _("Please keep a post under %(limit)s characters.")
                % {"limit": MAX_POST_LENGTH}
            }
        )
    if new_member and link_count(body) > NEW_MEMBER_LINK_LIMIT:
        raise ValidationError(
            {
                "body": _(
                    "New members can share up to %(limit)s links in a post. Please remove some."
                )
                % {"limit": NEW_MEMBER_LINK_LIMIT}
            }
        )
    return body


def _screened(text: str) -> screening.ScreenResult:
    """Watched words and safeguarding phrases; a refusal is raised as a friendly form error."""
    result = screening.screen(text)
    if result.block_message:
        raise ValidationError({"body": result.block_message})
    return result


def _check_rate(*, author, address_hash: str) -> None:
    key = f"forum-post:user:{author.pk}" if author is not None else f"forum-post:{address_hash}"
    if not ratelimit.allow(key, limit=POSTS_PER_WINDOW, window_seconds=POST_WINDOW_SECONDS):
        raise ValidationError(
            _("You have posted a lot in the last few minutes. Please wait a little and try again.")
        )


def _needs_checking(category: ForumCategory, author) -> bool:
    if author is None:
        return True  # guests are always checked first
    if permissions.is_moderator(author):
        return False
    if category.premoderation == ForumCategory.Premoderation.ALL:
        return True
    if category.premoderation == ForumCategory.Premoderation.NEW_MEMBERS:
        return not _has_approved_posts(author, category.first_posts_checked)
    return False


def _has_approved_posts(author, at_least: int) -> bool:
    # Counts no further than needed: a long-standing member may have thousands of posts.
    approved = Post.objects.filter(author=author, status=Status.APPROVED).values("pk")
    return approved[:at_least].count() >= at_least


def _is_new_member(author) -> bool:
    if author is None:
        return True
    return not _has_approved_posts(author, NEW_MEMBER_POSTS)


def _count_public_post(topic: Topic, *, opening: bool, at) -> None:
    """Keeps the stored counters that list pages read instead of counting."""
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


@dataclass
class _Checked:
    body: str
    status: str
    screened: screening.ScreenResult


def _checked_submission(
    *, category, author, text: str, screened_extra: str, content_note: str, address_hash: str
) -> _Checked:
    """Every check a new post passes, in order: length and links, words, rate; then its status."""
    body = _check_body(text, author=author, new_member=_is_new_member(author))
    screened = _screened(f"{screened_extra}\n{body}\n{content_note}")
    _check_rate(author=author, address_hash=address_hash)
    held = screened.hold or _needs_checking(category, author)
    return _Checked(
        body=body, status=Status.PENDING if held else Status.APPROVED, screened=screened
    )


def _new_post(
    *,
    topic: Topic,
    author,
    anonymous: bool,
    guest_name: str,
    content_note: str,
    address_hash: str,
    checked: _Checked,
    language: str = "",
) -> tuple[Post, str]:
    # Lock the topic row so two replies at once never get the same position.
    locked = Topic.objects.select_for_update().get(pk=topic.pk)
    position = locked.next_position
    Topic.objects.filter(pk=topic.pk).update(next_position=F("next_position") + 1)
    guest_token = secrets.token_urlsafe(24) if author is None else ""
    post = Post.objects.create(
        topic=topic,
        position=position,
        author=author,
        is_anonymous=anonymous and author is not None,
        guest_name=(guest_name.strip() or _("Anonymous")) if author is None else "",
        body=checked.body,
        body_html=render_markdown(checked.body),
        content_note=content_note.strip(),
        language=language if language in dict(settings.LANGUAGES) else "",
        status=checked.status,
        address_hash=address_hash,
        guest_token_hash=make_password(guest_token) if guest_token else "",
        is_urgent=checked.screened.urgent,
        held_because="; ".join(checked.screened.reasons)[:200],
    )
    return post, guest_token


@transaction.atomic
def topic_create(
    *,
    category: ForumCategory,
    title: str,
    body: str,
    acting_user=None,
    anonymous: bool = False,
    guest_name: str = "",
    content_note: str = "",
    address_hash: str = "",
    language: str = "",
) -> tuple[Topic, Post, str]:
    """Opens a topic with its first post; returns the guest's private edit token when a guest."""
    author = acting_user if acting_user is not None and acting_user.is_authenticated else None
    allowed = (
        permissions.can_post_in_category(author, category)
        if author
        else permissions.can_guest_post_in_category(AnonymousUser(), category)
    )
    if not allowed:
        raise PermissionDenied
    title = " ".join(title.split())
    if len(title) < 3:
        raise ValidationError(
            {"title": _("Please give the topic a title of at least 3 characters.")}
        )
    checked = _checked_submission(
        category=category,
        author=author,
        text=body,
        screened_extra=title,
        content_note=content_note,
        address_hash=address_hash,
    )
    now = timezone.now()
    topic = Topic.objects.create(
        category=category,
        title=title,
        author=author,
        is_anonymous=anonymous and author is not None,
        guest_name=(guest_name.strip() or _("Anonymous")) if author is None else "",
        status=checked.status,
        last_activity_at=now,
    )
    post, token = _new_post(
        topic=topic,
        author=author,
        anonymous=anonymous,
        guest_name=guest_name,
        content_note=content_note,
        address_hash=address_hash,
        checked=checked,
        language=language,
    )
    if checked.status == Status.APPROVED:
        _count_public_post(topic, opening=True, at=now)
        watching.notify_watchers(post)
    return topic, post, token


@transaction.atomic
def post_create(
    *,
    topic: Topic,
    body: str,
    acting_user=None,
    anonymous: bool = False,
    guest_name: str = "",
    content_note: str = "",
    address_hash: str = "",
    language: str = "",
) -> tuple[Post, str]:
    """Adds a reply; it waits for a moderator when the category or the author requires it."""
    author = acting_user if acting_user is not None and acting_user.is_authenticated else None
    allowed = (
        permissions.can_reply(author, topic)
        if author
        else permissions.can_guest_reply(AnonymousUser(), topic)
    )
    if not allowed:
        raise PermissionDenied
    checked = _checked_submission(
        category=topic.category,
        author=author,
        text=body,
        screened_extra="",
        content_note=content_note,
        address_hash=address_hash,
    )
    post, token = _new_post(
        topic=topic,
        author=author,
        anonymous=anonymous,
        guest_name=guest_name,
        content_note=content_note,
        address_hash=address_hash,
        checked=checked,
        language=language,
    )
    if checked.status == Status.APPROVED:
        _count_public_post(topic, opening=False, at=post.created_at)
        watching.notify_watchers(post)
    return post, token


@transaction.atomic
def post_edit(*, post: Post, body: str, content_note: str, acting_user) -> Post:
    """The author changes a post; the earlier text is kept for moderators."""
    if not permissions.can_edit_post(acting_user, post):
        raise PermissionDenied
    body = _check_body(body, author=acting_user, new_member=_is_new_member(acting_user))
    screened = _screened(f"{body}\n{content_note}")
    _save_revision(post, body=body, content_note=content_note)
    _hold_if_screened(post, screened)
    return post


def _hold_if_screened(post: Post, screened: screening.ScreenResult) -> None:
    """An edit that trips a watched word goes back to the moderators."""
    if not screened.hold:
        return
    post.is_urgent = post.is_urgent or screened.urgent
    post.held_because = "; ".join(screened.reasons)[:200]
    post.save(update_fields=["is_urgent", "held_because"])
    if post.status == Status.APPROVED:
        _set_status(post, Status.PENDING)


def _save_revision(post: Post, *, body: str, content_note: str) -> None:
    PostRevision.objects.create(post=post, body=post.body, content_note=post.content_note)
    post.body = body
    post.body_html = render_markdown(body)
    post.content_note = content_note.strip()
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "content_note", "edited_at"])


def guest_post_for_token(*, post: Post, token: str) -> bool:
    """Whether the private link's token belongs to this guest post."""
    return bool(post.guest_token_hash) and check_password(token, post.guest_token_hash)


@transaction.atomic
def guest_post_edit(*, post: Post, token: str, body: str, content_note: str) -> Post:
    if not guest_post_for_token(post=post, token=token) or post.status not in (
        Status.PENDING,
        Status.APPROVED,
    ):
        raise PermissionDenied
    body = _check_body(body, author=None, new_member=True)
    screened = _screened(f"{body}\n{content_note}")
    _save_revision(post, body=body, content_note=content_note)
    _hold_if_screened(post, screened)
    if post.status == Status.APPROVED:  # an edited guest post is checked again
        _set_status(post, Status.PENDING)
    return post


def _set_status(post: Post, status: str) -> None:
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
    if status == Status.APPROVED and not was_public:
        watching.notify_watchers(post)
    if status == Status.APPROVED:
        Topic.objects.filter(pk=topic.pk, last_activity_at__lt=post.created_at).update(
            last_activity_at=post.created_at
        )
        ForumCategory.objects.filter(pk=topic.category_id).update(last_activity_at=timezone.now())


@transaction.atomic
def post_delete(*, post: Post, acting_user=None, guest_token: str = "") -> None:
    """The author (or the guest with the private link) removes their post."""
    allowed = (
        permissions.can_delete_post(acting_user, post)
        if acting_user is not None and acting_user.is_authenticated
        else guest_post_for_token(post=post, token=guest_token)
    )
    if not allowed:
        raise PermissionDenied
    _set_status(post, Status.DELETED)
    post.body = ""
    post.body_html = ""
    post.save(update_fields=["body", "body_html"])
    post.revisions.all().delete()


def _require_moderator(acting_user) -> None:
    if not permissions.is_moderator(acting_user):
        raise PermissionDenied


@transaction.atomic
def post_approve(*, post: Post, acting_user, reason: str = "") -> None:
    _require_moderator(acting_user)
    _set_status(post, Status.APPROVED)
    audit.record(action="post_approved", actor=acting_user, target=post, reason=reason)


@transaction.atomic
def post_approve_as_system(*, post: Post, reason: str) -> None:
    """Publishes without a person deciding (e.g. the demo loader); the log says why."""
    _set_status(post, Status.APPROVED)
    audit.record(action="post_approved", actor=None, target=post, reason=reason)


@transaction.atomic
def post_hide(*, post: Post, acting_user, reason: str = "") -> None:
    """Hides a post; the reason, if any, is shown to its author."""
    _require_moderator(acting_user)
    _set_status(post, Status.HIDDEN)
    post.moderator_note = reason[:300]
    post.save(update_fields=["moderator_note"])
    audit.record(action="post_hidden", actor=acting_user, target=post, reason=reason)


@transaction.atomic
def post_hide_pending_review(*, post: Post, reason: str) -> None:
    """Hides a public post until a moderator looks (e.g. after several reports)."""
    if post.status != Status.APPROVED:
        return
    _set_status(post, Status.PENDING)
    post.held_because = reason[:200]
    post.save(update_fields=["held_because"])
    audit.record(action="post_held", actor=None, target=post, reason=reason)


@transaction.atomic
def topic_set_flags(
    *,
    topic: Topic,
    acting_user,
    locked: bool | None = None,
    pinned: bool | None = None,
    reason: str = "",
) -> None:
    _require_moderator(acting_user)
    changes = {}
    if locked is not None:
        changes["is_locked"] = locked
    if pinned is not None:
        changes["is_pinned"] = pinned
    Topic.objects.filter(pk=topic.pk).update(**changes)
    audit.record(
        action="topic_changed", actor=acting_user, target=topic, reason=reason, data=changes
    )


@transaction.atomic
def topic_move(*, topic: Topic, category: ForumCategory, acting_user, reason: str = "") -> None:
    _require_moderator(acting_user)
    old = topic.category_id
    if old == category.pk:
        return
    public = topic.posts.filter(status=Status.APPROVED).count()
    is_public = topic.status == Status.APPROVED
    ForumCategory.objects.filter(pk=old).update(
        post_count=F("post_count") - public, topic_count=F("topic_count") - int(is_public)
    )
    ForumCategory.objects.filter(pk=category.pk).update(
        post_count=F("post_count") + public, topic_count=F("topic_count") + int(is_public)
    )
    Topic.objects.filter(pk=topic.pk).update(category=category)
    audit.record(
        action="topic_moved",
        actor=acting_user,
        target=topic,
        reason=reason,
        data={"from": old, "to": category.pk},
    )


@transaction.atomic
def topic_hide(*, topic: Topic, acting_user, reason: str = "") -> None:
    _require_moderator(acting_user)
    first = topic.posts.filter(position=1).first()
    if first is not None:
        _set_status(first, Status.HIDDEN)
    Topic.objects.filter(pk=topic.pk).update(status=Status.HIDDEN)
    audit.record(action="topic_hidden", actor=acting_user, target=topic, reason=reason)


@transaction.atomic
def post_moderator_edit(*, post: Post, body: str, acting_user, reason: str = "") -> Post:
    """A moderator changes a post's words (e.g. before approving); the earlier text is kept."""
    _require_moderator(acting_user)
    body = _check_body(body, author=post.author, new_member=False)
    _save_revision(post, body=body, content_note=post.content_note)
    audit.record(action="post_edited", actor=acting_user, target=post, reason=reason)
    return post


@transaction.atomic
def post_replace_for_safety(*, post: Post, body: str, acting_user, reason: str = "") -> list[str]:
    """Replaces identifying words with no earlier version left in the forum; returns the old texts.

    The caller keeps the old texts where only safeguarding leads can read them, for a limited time.
    """
    _require_moderator(acting_user)
    body = _check_body(body, author=post.author, new_member=False)
    originals = [post.body, *post.revisions.order_by("replaced_at").values_list("body", flat=True)]
    post.revisions.all().delete()
    post.body = body
    post.body_html = render_markdown(body)
    post.save(update_fields=["body", "body_html"])
    audit.record(action="post_redacted", actor=acting_user, target=post, reason=reason)
    return originals


def anonymous_author_reveal(*, post: Post, acting_user, reason: str = ""):
    """Who wrote an anonymous post; only for safeguarding moderators, and every look is logged."""
    if not permissions.can_reveal_anonymous_author(acting_user):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Please say why you need to know who wrote this post."))
    audit.record(
        action="anonymous_author_revealed", actor=acting_user, target=post, reason=reason.strip()
    )
    return post.author
