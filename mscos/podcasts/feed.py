"""The podcast's RSS 2.0 feed with the iTunes tags podcast apps and directories expect."""

import datetime

from django.utils import feedgenerator, timezone
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from mscos.podcasts.models import EpisodePage, PodcastIndexPage

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


def audio_mime_type(episode: EpisodePage) -> str:
    """The type the document is served with (WAGTAILDOCS_CONTENT_TYPES), so the two agree."""
    # An episode cannot be published without its audio (its admin form refuses), so a live
    # episode in the feed always has one.
    return episode.audio.content_type  # type: ignore[union-attr]


class PodcastFeed(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES_NS, "xmlns:content": CONTENT_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:type", feed["itunes_type"])
        handler.addQuickElement("itunes:explicit", "true" if feed["itunes_explicit"] else "false")
        category, _sep, subcategory = feed["itunes_category"].partition("|")
        handler.startElement("itunes:category", {"text": category})
        if subcategory:
            handler.addQuickElement("itunes:category", attrs={"text": subcategory})
        handler.endElement("itunes:category")
        if feed.get("itunes_email"):
            handler.startElement("itunes:owner", {})
            handler.addQuickElement("itunes:name", feed["itunes_owner_name"])
            handler.addQuickElement("itunes:email", feed["itunes_email"])
            handler.endElement("itunes:owner")
        if feed.get("image_url"):
            handler.addQuickElement("itunes:image", attrs={"href": feed["image_url"]})
            handler.startElement("image", {})
            handler.addQuickElement("url", feed["image_url"])
            handler.addQuickElement("title", feed["title"])
            handler.addQuickElement("link", feed["link"])
            handler.endElement("image")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", item["itunes_duration"])
        handler.addQuickElement("itunes:episode", str(item["itunes_episode"]))
        handler.addQuickElement("itunes:episodeType", "full")
        handler.addQuickElement("itunes:explicit", "true" if item["itunes_explicit"] else "false")
        handler.addQuickElement("itunes:summary", item["description"])
        if item.get("content_encoded"):
            handler.addQuickElement("content:encoded", item["content_encoded"])


def build_feed(*, podcast: PodcastIndexPage, episodes, absolute) -> PodcastFeed:
    """The feed; `absolute` turns a path into a full URL on this site."""
    image_url = ""
    if podcast.image is not None:
        image_url = absolute(podcast.image.get_rendition("fill-1400x1400|format-jpeg").url)
    feed = PodcastFeed(
        title=podcast.channel_title,
        link=absolute(podcast.url),
        description=podcast.intro or podcast.channel_title,
        language=podcast.feed_language,
        author_name=podcast.author,
        feed_url=absolute("/podcast/feed.xml"),
        feed_copyright=podcast.copyright or None,
        itunes_author=podcast.author,
        itunes_type=podcast.podcast_type,
        itunes_explicit=podcast.explicit,
        itunes_category=podcast.category,
        itunes_email=podcast.owner_email,
        itunes_owner_name=podcast.directory_owner_name,
        image_url=image_url,
    )
    for episode in episodes:
        if episode.audio is None:
            continue
        published = datetime.datetime.combine(
            episode.date, datetime.time(9, 0), tzinfo=timezone.get_default_timezone()
        )
        feed.add_item(
            title=episode.title,
            link=absolute(episode.url),
            description=episode.summary,
            unique_id=f"urn:uuid:{episode.guid}",
            unique_id_is_permalink=False,
            pubdate=published,
            enclosures=[
                feedgenerator.Enclosure(
                    absolute(episode.audio.url),
                    str(episode.audio.get_file_size() or episode.audio.file.size),
                    audio_mime_type(episode),
                )
            ],
            itunes_duration=episode.duration_text,
            itunes_episode=episode.number,
            itunes_explicit=episode.explicit,
            content_encoded=expand_db_html(episode.show_notes)
            if strip_tags(episode.show_notes).strip()
            else "",
        )
    return feed
