"""RSS and Atom feeds of public posts; anonymous authors stay anonymous here too."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from mscos.core.site_address import absolute_url
from mscos.forum import selectors
from mscos.forum.models import ForumCategory, Post, Status
from mscos.forum.permissions import can_read_category
from mscos.forum.rendering import plain_text_from_html

FEED_LENGTH = 30


def public_posts():
    return (
        Post.objects.filter(
            status=Status.APPROVED,
            topic__status=Status.APPROVED,
            topic__category__read_access=ForumCategory.Audience.EVERYONE,
        )
        .select_related("topic", "author")
        .order_by("-created_at", "-pk")
    )


class ForumFeed(Feed):
    """The newest public posts across the forums."""

    def title(self):
        return _("MSCOS Community of Practice: forums")

    def feed_url(self):
        # Absolute, or Django would build the feed's own address from the request's host.
        return absolute_url(reverse("forum:feed_rss"))

    def link(self):
        return absolute_url(reverse("forum:index"))

    def description(self):
        return _("New posts in the public forums.")

    def items(self):
        return public_posts()[:FEED_LENGTH]

    def item_title(self, item: Post) -> str:
        return item.topic.title

    def item_description(self, item: Post) -> str:
        if item.content_note:
            return _("Content note: %(note)s") % {"note": item.content_note}
        # Rendered when it was written: a feed request parses no Markdown.
        return plain_text_from_html(item.body_html, limit=400)

    def item_author_name(self, item: Post) -> str:
        return selectors.author_label(item)

    def item_pubdate(self, item: Post):
        return item.created_at

    def item_updateddate(self, item: Post):
        return item.edited_at or item.created_at

    def item_link(self, item: Post) -> str:
        return absolute_url(item.get_absolute_url())


class CategoryFeed(ForumFeed):
    """The newest public posts in one category."""

    def get_object(self, request, slug: str):
        category = get_object_or_404(ForumCategory, slug=slug)
        if category.read_access != ForumCategory.Audience.EVERYONE or not can_read_category(
            request.user, category
        ):
            raise Http404
        return category

    def title(self, obj):
        return _("MSCOS forums: %(name)s") % {"name": obj.name}

    def feed_url(self, obj):
        return absolute_url(reverse("forum:category_feed_rss", args=[obj.slug]))

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def items(self, obj):
        return public_posts().filter(topic__category=obj)[:FEED_LENGTH]


class AtomForumFeed(ForumFeed):
    feed_type = Atom1Feed
    subtitle = ForumFeed.description

    def feed_url(self):
        return absolute_url(reverse("forum:feed_atom"))


class AtomCategoryFeed(CategoryFeed):
    feed_type = Atom1Feed
    subtitle = CategoryFeed.description

    def feed_url(self, obj):
        return absolute_url(reverse("forum:category_feed_atom", args=[obj.slug]))
