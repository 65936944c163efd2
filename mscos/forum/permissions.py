"""Who may do what in the forums. `get_…_or_404` answers 404 for missing and forbidden alike."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from mscos.accounts.models import User
from mscos.forum.models import ForumCategory, Post, Status, Topic

Audience = ForumCategory.Audience


def is_moderator(user: User | AnonymousUser) -> bool:
    """The one rule for who moderates; moderation's pages and services ask it here too."""
    return user.is_authenticated and user.has_perm("forum.moderate_post")


def check_moderator(user: User | AnonymousUser | None) -> None:
    """For services: PermissionDenied unless a moderator acts."""
    if user is None or not is_moderator(user):
        raise PermissionDenied


def check_moderator_or_404(user: User | AnonymousUser) -> None:
    """For pages only moderators know of: to anyone else they are not there."""
    if not is_moderator(user):
        raise Http404


def can_reveal_anonymous_author(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm("forum.reveal_anonymous_author")


def readable_audiences(user: User | AnonymousUser) -> set[str]:
    """The `read_access` values of the categories this reader may see (usable in a query)."""
    audiences: set[str] = {Audience.EVERYONE}
    if user.is_authenticated:
        audiences.add(Audience.MEMBERS)
    if is_moderator(user):
        audiences.add(Audience.STAFF)
    return audiences


def can_read_category(user: User | AnonymousUser, category: ForumCategory) -> bool:
    return category.read_access in readable_audiences(user)


def posting_paused(user: User | AnonymousUser) -> bool:
    """A moderator (or the out-of-hours rule) has paused this member's posting for now."""
    return user.is_authenticated and user.posting_pause_active()


def can_post_in_category(user: User | AnonymousUser, category: ForumCategory) -> bool:
    """Members (or staff, where the category says so); guests have their own rule."""
    if not user.is_authenticated or not can_read_category(user, category):
        return False
    if posting_paused(user):
        return False
    if category.post_access == Audience.STAFF:
        return is_moderator(user)
    return True


def can_guest_post_in_category(user: User | AnonymousUser, category: ForumCategory) -> bool:
    return (
        not user.is_authenticated
        and category.guests_may_post
        and category.read_access == Audience.EVERYONE
        and category.post_access == Audience.MEMBERS
    )


def can_see_topic(user: User | AnonymousUser, topic: Topic) -> bool:
    if not can_read_category(user, topic.category):
        return False
    if topic.status == Status.APPROVED:
        return True
    if is_moderator(user):
        return True
    # Its opener still sees a waiting or hidden topic (with the moderator's reason).
    return (
        topic.status in (Status.PENDING, Status.HIDDEN)
        and user.is_authenticated
        and topic.author_id == user.pk
    )


def can_reply(user: User | AnonymousUser, topic: Topic) -> bool:
    if topic.status != Status.APPROVED:
        return False
    if topic.is_locked and not is_moderator(user):
        return False
    return can_post_in_category(user, topic.category)


def can_guest_reply(user: User | AnonymousUser, topic: Topic) -> bool:
    return (
        topic.status == Status.APPROVED
        and not topic.is_locked
        and can_guest_post_in_category(user, topic.category)
    )


def can_see_post(user: User | AnonymousUser, post: Post) -> bool:
    if post.status in (Status.APPROVED, Status.DELETED):
        return True
    if is_moderator(user):
        return True
    return (
        post.status in (Status.PENDING, Status.HIDDEN)
        and user.is_authenticated
        and post.author_id == user.pk
    )


def can_edit_post(user: User | AnonymousUser, post: Post) -> bool:
    """Authors edit their own posts while they are live or waiting, and the topic is open."""
    return (
        user.is_authenticated
        and not posting_paused(user)
        and post.author_id == user.pk
        and post.status in (Status.APPROVED, Status.PENDING)
        and not post.topic.is_locked
    )


def can_delete_post(user: User | AnonymousUser, post: Post) -> bool:
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and post.status in (Status.APPROVED, Status.PENDING)
    )


def get_category_for_user_or_404(user: User | AnonymousUser, slug: str) -> ForumCategory:
    category = ForumCategory.objects.filter(slug=slug).first()
    if category is None or not can_read_category(user, category):
        raise Http404
    return category


def get_topic_for_user_or_404(user: User | AnonymousUser, topic_id: int) -> Topic:
    topic = Topic.objects.select_related("category").filter(pk=topic_id).first()
    if topic is None or not can_see_topic(user, topic):
        raise Http404
    return topic


def get_own_post_or_404(user: User | AnonymousUser, post_id: int) -> Post:
    """A post the user wrote (whatever its state); 404 for anyone else's, as for a missing one."""
    post = Post.objects.select_related("topic__category").filter(pk=post_id).first()
    if post is None or not user.is_authenticated or post.author_id != user.pk:
        raise Http404
    return post


def get_post_for_user_or_404(user: User | AnonymousUser, post_id: int) -> Post:
    post = Post.objects.select_related("topic__category").filter(pk=post_id).first()
    if post is None or not can_see_topic(user, post.topic) or not can_see_post(user, post):
        raise Http404
    return post
