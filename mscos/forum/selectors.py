"""Reads for the forum; each owns its query shape, so a page's query count stays constant."""

import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from mscos.accounts.models import BadgeRequest, User
from mscos.core import shell_memo
from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.forum.permissions import is_moderator, readable_audiences

POSTS_PER_PAGE = 20
TOPICS_PER_PAGE = 30


def categories_in_order() -> QuerySet[ForumCategory]:
    """All categories, in the editors' order."""
    return ForumCategory.objects.order_by("sort_order", "name")


def _readable_categories(user: User | AnonymousUser) -> QuerySet[ForumCategory]:
    return categories_in_order().filter(read_access__in=readable_audiences(user))


def categories_for_user(user: User | AnonymousUser) -> list[ForumCategory]:
    """The categories this reader may see, with their stored counts."""
    return list(_readable_categories(user))


def _categories_read_for(request: HttpRequest) -> list[ForumCategory] | None:
    kept = getattr(request, "_forum_categories", None)
    return kept[1] if kept is not None and kept[0] == request.user.pk else None


def categories_for_request(request: HttpRequest) -> list[ForumCategory]:
    """categories_for_user, read once per request: the page, the Forums menu and search share it."""
    categories = _categories_read_for(request)
    if categories is None:
        categories = categories_for_user(request.user)
        # Kept on the request itself, so it lasts exactly as long as the request.
        request._forum_categories = (request.user.pk, categories)  # type: ignore[attr-defined]
    return categories


def categories_for_menu(request: HttpRequest, limit: int) -> list[ForumCategory]:
    """The first `limit` categories this reader may see, for the Forums drop-down on every page.

    Cut in SQL, unless the page has read them all already: most pages need only these few.
    """
    categories = _categories_read_for(request)
    if categories is not None:
        return categories[:limit]
    # The same for every reader with the same audiences: kept in memory (core/shell_memo.py).
    audiences = readable_audiences(request.user)
    return shell_memo.remember(
        ("forum-menu", tuple(sorted(audiences)), limit),
        lambda: list(_readable_categories(request.user).only("name", "slug")[:limit]),
    )


def categories_fingerprint(categories: list[ForumCategory]) -> str:
    """Changes whenever anything the forum index shows of these categories changes."""
    shown = [
        (c.pk, c.slug, c.name, c.description, c.topic_count, c.post_count, c.last_activity_at)
        for c in categories
    ]
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def category_for_page(page_id: int) -> ForumCategory | None:
    """The category linked to an outcome page, if any (kept in memory: core/shell_memo.py)."""
    return shell_memo.remember(
        ("forum-category-for-page", page_id),
        lambda: (
            ForumCategory.objects.filter(outcome_page_id=page_id).order_by("sort_order").first()
        ),
    )


def author_label(item: Post | Topic) -> str:
    """How the public sees the author of a post or topic: never who an anonymous author is."""
    if item.is_anonymous:
        return _("Anonymous member")
    if item.guest_name:
        return _("%(name)s (guest)") % {"name": item.guest_name}
    if item.by_former_member or item.author is None:
        return _("Former member")
    return item.author.public_name


def _visible(user: User | AnonymousUser) -> Q:
    if is_moderator(user):
        return Q()
    # Authors see their own waiting posts, and hidden ones with the moderator's reason.
    mine = (
        Q(status__in=[Status.PENDING, Status.HIDDEN], author_id=user.pk)
        if user.is_authenticated
        else Q(pk__in=[])
    )
    return Q(status=Status.APPROVED) | mine


def _visible_posts(user: User | AnonymousUser) -> Q:
    # A deleted post stays as a short notice, so the replies around it still make sense.
    if is_moderator(user):
        return Q()  # (an empty Q OR-ed with another would narrow to that other, not widen)
    return _visible(user) | Q(status=Status.DELETED)


def topics_for_category(
    category: ForumCategory, user: User | AnonymousUser, page: int = 1
) -> list[Topic]:
    """One page of topics: pinned first, then by latest activity; authors in the same query."""
    offset = (max(page, 1) - 1) * TOPICS_PER_PAGE
    return list(
        Topic.objects.filter(_visible(user), category=category)
        .select_related("author")
        .order_by("-is_pinned", "-last_activity_at", "-pk")[offset : offset + TOPICS_PER_PAGE + 1]
    )


LATEST_TOPICS = 8


def latest_topics_for_reader(user: User | AnonymousUser, limit: int = LATEST_TOPICS) -> list[Topic]:
    """The most recently active conversations across every category this reader may read, with
    their categories and authors in the same query."""
    return list(
        Topic.objects.filter(_visible(user), category__read_access__in=readable_audiences(user))
        .select_related("category", "author")
        .order_by("-last_activity_at", "-pk")[:limit]
    )


def latest_topics_for_category(category: ForumCategory, limit: int = 5) -> list[Topic]:
    return list(
        Topic.objects.filter(category=category, status=Status.APPROVED)
        .select_related("author")
        .order_by("-last_activity_at", "-pk")[:limit]
    )


@dataclass
class PostPage:
    posts: list[Post]
    has_earlier: bool
    has_later: bool

    @property
    def first_position(self) -> int | None:
        return self.posts[0].position if self.posts else None

    @property
    def last_position(self) -> int | None:
        return self.posts[-1].position if self.posts else None


def posts_for_topic(
    topic: Topic,
    user: User | AnonymousUser,
    *,
    after: int | None = None,
    before: int | None = None,
    last: bool = False,
    language: str = "",
) -> PostPage:
    """A page of posts by position (keyset), so the last page of a long topic costs the first's."""
    prefetches = ["revisions"] if is_moderator(user) else []  # edit history is for moderators
    visible = (
        Post.objects.filter(_visible_posts(user), topic=topic)
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "author__badge_requests",
                queryset=BadgeRequest.objects.filter(status=BadgeRequest.Status.GRANTED),
                to_attr="granted_badges",
            ),
            *prefetches,
        )
    )
    if language:
        visible = visible.filter(language=language)
    if before is not None or last:
        chunk = visible
        if before is not None:
            chunk = chunk.filter(position__lt=before)
        rows = list(chunk.order_by("-position")[: POSTS_PER_PAGE + 1])
        has_earlier = len(rows) > POSTS_PER_PAGE
        posts = list(reversed(rows[:POSTS_PER_PAGE]))
        has_later = before is not None and visible.filter(position__gte=before).exists()
        return PostPage(posts=posts, has_earlier=has_earlier, has_later=has_later)
    chunk = visible.filter(position__gt=after) if after is not None else visible
    rows = list(chunk.order_by("position")[: POSTS_PER_PAGE + 1])
    posts = rows[:POSTS_PER_PAGE]
    has_earlier = after is not None and visible.filter(position__lte=after).exists()
    return PostPage(posts=posts, has_earlier=has_earlier, has_later=len(rows) > POSTS_PER_PAGE)


def category_by_slug(slug: str) -> ForumCategory | None:
    category: ForumCategory | None = ForumCategory.objects.filter(slug=slug).first()
    return category


def category_by_pk(category_id: int | None) -> ForumCategory | None:
    if category_id is None:
        return None
    category: ForumCategory | None = ForumCategory.objects.filter(pk=category_id).first()
    return category


def post_with_category(post_id: int) -> Post | None:
    """A post in any state with its topic and category; the caller checks who may see it."""
    post: Post | None = Post.objects.select_related("topic__category").filter(pk=post_id).first()
    return post


def post_in_topic(*, topic: Topic, post_id: int) -> Post | None:
    """A post of this topic (in any state: the caller checks who may see it), with its author."""
    post: Post | None = (
        Post.objects.filter(pk=post_id, topic=topic).select_related("author").first()
    )
    return post


def has_posted(user: User | AnonymousUser) -> bool:
    """Whether a member has written any post yet (their first gets a word of welcome)."""
    return user.is_authenticated and Post.objects.filter(author=user).exists()
