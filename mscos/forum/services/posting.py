"""Posting: members, anonymous members and guests open topics, reply, edit and delete their posts.

Every new post passes the same checks in order (length and links, watched words, rate) and then
waits for a moderator or is published and counted (`counters`).
"""

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

from mscos.accounts.models import User
from mscos.forum import permissions, screening, watching
from mscos.forum.models import ForumCategory, Post, PostRevision, Status, Topic
from mscos.forum.rendering import link_count, render_markdown
from mscos.forum.services import counters
from mscos.safety import ratelimit

MAX_POST_LENGTH = settings.FORUM_MAX_POST_LENGTH
POSTS_PER_WINDOW = 10
POST_WINDOW_SECONDS = 10 * 60
NEW_MEMBER_LINK_LIMIT = 2
NEW_MEMBER_POSTS = 3


def check_body(body: str, *, author: User | None, new_member: bool) -> str:
    """The body stripped, or a friendly form error: empty, too long, too many links."""
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


def _screened(text: str, *, language: str) -> screening.ScreenResult:
    """Watched words and safeguarding phrases; a refusal is raised as a friendly form error."""
    result = screening.screen(text, language=language)
    if result.block_message:
        raise ValidationError({"body": result.block_message})
    return result


def _check_rate(*, author: User | None, address_hash: str) -> None:
    key = f"forum-post:user:{author.pk}" if author is not None else f"forum-post:{address_hash}"
    if not ratelimit.allow(key, limit=POSTS_PER_WINDOW, window_seconds=POST_WINDOW_SECONDS):
        raise ValidationError(
            _("You have posted a lot in the last few minutes. Please wait a little and try again.")
        )


def _needs_checking(category: ForumCategory, author: User | None) -> bool:
    if author is None:
        return True  # guests are always checked first
    if permissions.is_moderator(author):
        return False
    if _on_probation(author):
        return True
    if category.premoderation == ForumCategory.Premoderation.ALL:
        return True
    if category.premoderation == ForumCategory.Premoderation.NEW_MEMBERS:
        return not _has_approved_posts(author, category.first_posts_checked)
    return False


def _has_approved_posts(author: User, at_least: int) -> bool:
    # Counts no further than needed: a long-standing member may have thousands of posts.
    approved = Post.objects.filter(author=author, status=Status.APPROVED).values("pk")
    return approved[:at_least].count() >= at_least


def _on_probation(author: User) -> bool:
    """A new account's first posts wait for a moderator, until enough of them were approved or a
    moderator lifts the probation (docs/moderation.md)."""
    if not author.on_probation:
        return False
    return not _has_approved_posts(author, settings.ACCOUNT_PROBATION_POSTS_CHECKED)


def _is_new_member(author: User | None) -> bool:
    if author is None:
        return True
    return not _has_approved_posts(author, NEW_MEMBER_POSTS)


@dataclass
class _Checked:
    body: str
    status: str
    screened: screening.ScreenResult
    # One of settings.LANGUAGES, or "" when the writer's language is not one the site offers.
    language: str


def _checked_submission(
    *,
    category: ForumCategory,
    author: User | None,
    text: str,
    screened_extra: str,
    content_note: str,
    address_hash: str,
    language: str,
) -> _Checked:
    """Every check a new post passes, in order: length and links, words, rate; then its status."""
    language = language if language in dict(settings.LANGUAGES) else ""
    body = check_body(text, author=author, new_member=_is_new_member(author))
    screened = _screened(f"{screened_extra}\n{body}\n{content_note}", language=language)
    _check_rate(author=author, address_hash=address_hash)
    held = screened.hold or _needs_checking(category, author)
    return _Checked(
        body=body,
        status=Status.PENDING if held else Status.APPROVED,
        screened=screened,
        language=language,
    )


def _shown_guest_name(guest_name: str, author: User | None) -> str:
    return (guest_name.strip() or _("Anonymous")) if author is None else ""


def _publish_if_approved(topic: Topic, post: Post, checked: _Checked, *, opening: bool) -> None:
    if checked.status == Status.APPROVED:
        counters.count_new_post(topic, opening=opening, at=post.created_at)
        watching.notify_watchers(post)


def _new_post(
    *,
    topic: Topic,
    author: User | None,
    anonymous: bool,
    guest_name: str,
    content_note: str,
    address_hash: str,
    checked: _Checked,
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
        guest_name=_shown_guest_name(guest_name, author),
        body=checked.body,
        body_html=render_markdown(checked.body),
        content_note=content_note.strip(),
        language=checked.language,
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
    acting_user: User | AnonymousUser | None = None,
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
        language=language,
    )
    now = timezone.now()
    topic = Topic.objects.create(
        category=category,
        title=title,
        author=author,
        is_anonymous=anonymous and author is not None,
        guest_name=_shown_guest_name(guest_name, author),
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
    )
    _publish_if_approved(topic, post, checked, opening=True)
    return topic, post, token


@transaction.atomic
def post_create(
    *,
    topic: Topic,
    body: str,
    acting_user: User | AnonymousUser | None = None,
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
        language=language,
    )
    post, token = _new_post(
        topic=topic,
        author=author,
        anonymous=anonymous,
        guest_name=guest_name,
        content_note=content_note,
        address_hash=address_hash,
        checked=checked,
    )
    _publish_if_approved(topic, post, checked, opening=False)
    return post, token


@transaction.atomic
def post_edit(*, post: Post, body: str, content_note: str, acting_user: User) -> Post:
    """The author changes a post; the earlier text is kept for moderators."""
    if not permissions.can_edit_post(acting_user, post):
        raise PermissionDenied
    body = check_body(body, author=acting_user, new_member=_is_new_member(acting_user))
    screened = _screened(f"{body}\n{content_note}", language=post.language)
    save_revision(post, body=body, content_note=content_note)
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
        counters.post_status_set(post, Status.PENDING)


def save_revision(post: Post, *, body: str, content_note: str) -> None:
    """Keeps the earlier text for moderators and puts the new one in its place."""
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
    body = check_body(body, author=None, new_member=True)
    screened = _screened(f"{body}\n{content_note}", language=post.language)
    save_revision(post, body=body, content_note=content_note)
    _hold_if_screened(post, screened)
    if post.status == Status.APPROVED:  # an edited guest post is checked again
        counters.post_status_set(post, Status.PENDING)
    return post


@transaction.atomic
def post_delete(
    *, post: Post, acting_user: User | AnonymousUser | None = None, guest_token: str = ""
) -> None:
    """The author (or the guest with the private link) removes their post."""
    allowed = (
        permissions.can_delete_post(acting_user, post)
        if acting_user is not None and acting_user.is_authenticated
        else guest_post_for_token(post=post, token=guest_token)
    )
    if not allowed:
        raise PermissionDenied
    counters.post_status_set(post, Status.DELETED)
    post.body = ""
    post.body_html = ""
    post.save(update_fields=["body", "body_html"])
    post.revisions.all().delete()
