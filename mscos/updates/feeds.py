"""RSS and Atom feeds of published updates."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from mscos.core.site_address import absolute_url, page_url
from mscos.updates import selectors

FEED_LENGTH = 30


class UpdatesFeed(Feed):
    def title(self):
        return _("MSCOS Community of Practice: updates")

    def link(self):
        archive = selectors.archive_page()
        return page_url(archive) if archive else absolute_url("/")

    def feed_url(self):
        return absolute_url(reverse("updates:feed"))

    def description(self):
        return _("Each new update, one core outcome or theme at a time.")

    def items(self):
        return selectors.published_updates()[:FEED_LENGTH]

    def item_title(self, item) -> str:
        return f"{item.label}: {item.title}"

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return page_url(item)

    def item_guid(self, item) -> str:
        return f"mscos-update-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [outcome.title for outcome in item.focus_outcomes.all()]


class AtomUpdatesFeed(UpdatesFeed):
    feed_type = Atom1Feed
    subtitle = UpdatesFeed.description

    def feed_url(self):
        return absolute_url(reverse("updates:feed_atom"))
