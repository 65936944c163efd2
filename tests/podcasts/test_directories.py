"""The feed as Apple Podcasts and Podcast Index check it, and the audio as their crawlers fetch it.

The checklist below is written from Apple's "Podcast RSS feed requirements" and artwork
requirements (Podcasts Connect help) and Podcast Index's feed requirements: RSS 2.0 with the
itunes namespace; channel title, description, language, link; itunes:image (JPEG or PNG, RGB,
square, 1400 to 3000 px); itunes:category from Apple's list; itunes:explicit; itunes:owner with
an email; each item with title, enclosure (url, length, a type Apple plays), guid, pubDate in
RFC 2822 and duration; enclosure URLs unique, on a server that answers byte-range requests.
"""

import datetime
import email.utils
import io
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from PIL import Image

from mscos.demo.mp3 import mp3_duration_seconds, tone_mp3
from mscos.podcasts.models import PodcastIndexPage
from tests.podcasts.conftest import make_episode

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
# Apple Podcasts' categories and the subcategories this site may name (Apple's published list).
APPLE_CATEGORIES = {
    "Arts": set(),
    "Business": set(),
    "Comedy": set(),
    "Education": {"Courses", "How To", "Language Learning", "Self-Improvement"},
    "Fiction": set(),
    "Government": set(),
    "Health & Fitness": {"Mental Health", "Medicine", "Fitness", "Nutrition", "Sexuality"},
    "History": set(),
    "Kids & Family": set(),
    "Leisure": set(),
    "Music": set(),
    "News": set(),
    "Religion & Spirituality": set(),
    "Science": {"Social Sciences", "Medicine", "Natural Sciences", "Life Sciences"},
    "Society & Culture": {"Documentary", "Personal Journals", "Philosophy", "Relationships"},
    "Sports": set(),
    "Technology": set(),
    "True Crime": set(),
    "TV & Film": set(),
}
APPLE_ENCLOSURE_TYPES = {"audio/mpeg", "audio/x-m4a", "audio/mp4", "video/mp4"}


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _local(url: str) -> str:
    return url.replace("http://testserver", "")


@pytest.fixture
def listed_podcast(podcast, settings):
    settings.SITE_URL = "http://testserver"
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    podcast.image = get_image_model().objects.create(
        title="Cover", file=get_test_image_file(size=(1600, 1600))
    )
    podcast.save_revision().publish()
    make_episode(podcast, 1, 1.5)
    make_episode(podcast, 2, 3.0)
    return podcast


@pytest.mark.django_db
def test_the_feed_meets_apple_podcasts_and_podcast_index_requirements(client, listed_podcast):
    response = client.get("/podcast/feed.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own feed)

    # RSS 2.0 with the itunes namespace declared.
    assert root.tag == "rss" and root.get("version") == "2.0", "RSS 2.0"
    assert b'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"' in response.content
    channel = root.find("channel")

    # Channel: title (a name of its own), description, language, link.
    assert channel.findtext("title") == "MSCOS podcast", "channel title"
    assert channel.findtext("title").casefold() != "podcast", "channel title is not generic"
    assert channel.findtext("description").strip(), "channel description"
    assert channel.findtext("language") == "en-gb", "channel language (ISO 639)"
    assert channel.findtext("link").startswith("http://testserver/podcast/"), "channel link"

    # itunes:image: JPEG or PNG, RGB, square, 1400 to 3000 pixels, served by this site.
    image_url = channel.find(f"{ITUNES}image").get("href")
    assert image_url.endswith((".jpg", ".png")), "itunes:image is JPEG or PNG by name"
    image_response = client.get(_local(image_url))
    assert image_response.status_code == 200, "itunes:image answers"
    artwork = Image.open(io.BytesIO(_body(image_response)))
    assert artwork.format in ("JPEG", "PNG"), "itunes:image is JPEG or PNG"
    assert artwork.mode == "RGB", "itunes:image is RGB"
    assert artwork.width == artwork.height, "itunes:image is square"
    assert 1400 <= artwork.width <= 3000, "itunes:image is 1400 to 3000 pixels"

    # itunes:category from Apple's list (a subcategory inside its own category).
    category = channel.find(f"{ITUNES}category")
    assert category.get("text") in APPLE_CATEGORIES, "itunes:category from Apple's list"
    for subcategory in category.findall(f"{ITUNES}category"):
        assert subcategory.get("text") in APPLE_CATEGORIES[category.get("text")], "subcategory"

    # itunes:explicit, as Apple writes it now.
    assert channel.findtext(f"{ITUNES}explicit") in ("true", "false"), "itunes:explicit"

    # itunes:owner with a name and an email (Apple writes there to verify the listing).
    owner = channel.find(f"{ITUNES}owner")
    assert owner is not None, "itunes:owner"
    assert owner.findtext(f"{ITUNES}name") == "The MSCOS team", "itunes:owner name"
    assert owner.findtext(f"{ITUNES}email") == "p@example.org", "itunes:owner email"
    assert channel.findtext(f"{ITUNES}author"), "itunes:author"

    items = channel.findall("item")
    assert len(items) == 2, "every published episode is an item"
    enclosure_urls, guids = set(), set()
    for item in items:
        # Each item: title, enclosure (url, length, type), guid, pubDate (RFC 2822), duration.
        assert item.findtext("title"), "item title"
        enclosure = item.find("enclosure")
        url, length, kind = enclosure.get("url"), enclosure.get("length"), enclosure.get("type")
        assert url.startswith("http://testserver/documents/"), "enclosure url on this site"
        assert kind in APPLE_ENCLOSURE_TYPES, "enclosure type Apple plays"
        audio = client.get(_local(url))
        body = _body(audio)
        assert int(length) == len(body), "enclosure length is the file's size in bytes"
        assert audio["Content-Type"] == kind, "enclosure type is the type served"
        guid = item.findtext("guid")
        assert guid and item.find("guid").get("isPermaLink") == "false", "item guid"
        published = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert published.tzinfo is not None, "pubDate in RFC 2822 with a zone"
        hours, minutes, seconds = map(int, item.findtext(f"{ITUNES}duration").split(":"))
        duration = datetime.timedelta(hours=hours, minutes=minutes, seconds=seconds)
        assert duration.total_seconds() > 0, "itunes:duration"
        # The stated duration is the audio's own (to the second).
        assert abs(mp3_duration_seconds(body) - duration.total_seconds()) < 1, "true duration"
        enclosure_urls.add(url)
        guids.add(guid)

        # The enclosure URL answers byte-range requests (Apple refuses servers that do not).
        part = client.get(_local(url), headers={"range": "bytes=0-1"})
        assert part.status_code == 206, "enclosure answers Range with 206"
        assert part["Content-Range"] == f"bytes 0-1/{length}", "Content-Range"
        assert part["Accept-Ranges"] == "bytes", "Accept-Ranges"
        assert _body(part) == body[:2], "the bytes asked for"
        head = client.head(_local(url))
        assert head.status_code == 200 and head["Content-Length"] == length, "HEAD answers"
    assert len(enclosure_urls) == len(guids) == len(items), "enclosure URLs and guids unique"


@pytest.mark.django_db
def test_audio_answers_every_kind_of_range_request(client, podcast):
    episode = make_episode(podcast, 1, 2.0)
    url = episode.audio.url
    whole = client.get(url)
    body = _body(whole)
    size = len(body)
    assert whole.status_code == 200
    assert whole["Accept-Ranges"] == "bytes"

    middle = client.get(url, headers={"range": "bytes=100-199"})
    assert middle.status_code == 206
    assert middle["Content-Range"] == f"bytes 100-199/{size}"
    assert middle["Content-Length"] == "100"
    assert middle["Content-Type"] == "audio/mpeg"
    assert _body(middle) == body[100:200]

    to_the_end = client.get(url, headers={"range": f"bytes={size - 10}-"})
    assert to_the_end.status_code == 206
    assert _body(to_the_end) == body[-10:]
    assert to_the_end["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"

    last_bytes = client.get(url, headers={"range": "bytes=-16"})
    assert last_bytes.status_code == 206 and _body(last_bytes) == body[-16:]

    past_the_end = client.get(url, headers={"range": "bytes=1000000-"})
    assert past_the_end.status_code == 416
    assert past_the_end["Content-Range"] == f"bytes */{size}"

    # A last byte past the end is cut to the file's end, not refused.
    longer = client.get(url, headers={"range": f"bytes=0-{size * 2}"})
    assert longer.status_code == 206 and _body(longer) == body

    # A client holding another version gets the whole current file, not a part of it.
    stale = client.get(url, headers={"range": "bytes=0-9", "if-range": '"another-version"'})
    assert stale.status_code == 200 and _body(stale) == body
    fresh = client.get(url, headers={"range": "bytes=0-9", "if-range": whole["ETag"]})
    assert fresh.status_code == 206

    # Several ranges at once: the whole file is a correct answer.
    several = client.get(url, headers={"range": "bytes=0-9,20-29"})
    assert several.status_code == 200 and _body(several) == body


@pytest.mark.django_db
def test_wav_audio_is_served_under_the_type_the_feed_names(client, podcast):
    episode = make_episode(podcast, 1, 0.5, audio_format="wav")
    served = client.get(episode.audio.url)
    feed = client.get("/podcast/feed.xml").content
    assert served["Content-Type"] == "audio/wav"
    assert b'type="audio/wav"' in feed


def _podcast_form(**overrides) -> dict:
    form = {
        "title": "Podcast",
        "slug": "podcast",
        "intro": "Conversations about recovery.",
        "feed_title": "MSCOS Community of Practice podcast",
        "author": "MSCOS Community of Practice",
        "owner_name": "",
        "owner_email": "podcast@example.org",
        "category": "Society & Culture",
        "podcast_type": "episodic",
        "image": "",
        "copyright": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "1",
    }
    form.update(overrides)
    return form


@pytest.mark.django_db
def test_the_podcast_cannot_be_published_without_what_directories_require(admin_user, podcast):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    small = get_image_model().objects.create(title="S", file=get_test_image_file(size=(800, 800)))
    large = get_image_model().objects.create(title="L", file=get_test_image_file(size=(1400, 1400)))
    client = Client()
    client.force_login(admin_user)
    edit_url = f"/admin/pages/{podcast.pk}/edit/"

    refused = client.post(
        edit_url, _podcast_form(feed_title="Podcast", owner_email="", image=str(small.pk))
    )
    assert refused.status_code == 200
    assert "listed among thousands of others" in refused.text
    assert "need an address to write to" in refused.text
    assert "This picture is 800 by 800 pixels" in refused.text
    podcast.refresh_from_db()
    assert podcast.owner_email == "p@example.org"  # nothing changed

    no_title = client.post(edit_url, _podcast_form(feed_title="", image=str(large.pk)))
    assert "needs one before publishing" in no_title.text

    # A draft may be incomplete.
    draft = client.post(
        edit_url,
        {**_podcast_form(feed_title="", owner_email=""), "action-publish": "", "action-draft": "1"},
    )
    assert draft.status_code == 302

    published = client.post(edit_url, _podcast_form(image=str(large.pk)))
    assert published.status_code == 302
    podcast = PodcastIndexPage.objects.get(pk=podcast.pk)
    assert podcast.feed_title == "MSCOS Community of Practice podcast"
    assert podcast.live and podcast.image_id == large.pk


@pytest.mark.django_db
def test_an_episode_in_a_format_apple_refuses_cannot_be_published(admin_user, podcast):
    from tests.podcasts.test_podcast import _admin_form

    wav_audio = make_episode(podcast, 1, 0.2, audio_format="wav").audio_id
    client = Client()
    client.force_login(admin_user)
    refused = client.post(
        f"/admin/pages/add/podcasts/episodepage/{podcast.pk}/",
        _admin_form("Wave episode", "Host: Hello.", wav_audio, "action-publish"),
    )
    assert refused.status_code == 200
    assert "Please upload the episode as an MP3" in refused.text


def test_the_demo_tone_is_a_real_mp3_of_the_length_asked():
    data = tone_mp3(4.0)
    assert data[:2] == b"\xff\xfb"  # MPEG-1 Layer III, no CRC
    assert abs(mp3_duration_seconds(data) - 4.0) < 0.05
    with pytest.raises(ValueError):
        mp3_duration_seconds(b"RIFF" + data[4:])


@pytest.mark.django_db
def test_the_demo_episode_is_mp3_in_the_feed(client, demo_site, settings):
    settings.SITE_URL = "http://testserver"
    root = ET.fromstring(client.get("/podcast/feed.xml").content)  # noqa: S314
    channel = root.find("channel")
    assert channel.findtext("title") == "MSCOS Community of Practice podcast"
    assert channel.find(f"{ITUNES}owner").findtext(f"{ITUNES}email")
    enclosure = channel.find("item/enclosure")
    assert enclosure.get("type") == "audio/mpeg"
    audio = client.get(_local(enclosure.get("url")))
    assert audio["Content-Type"] == "audio/mpeg"
    assert mp3_duration_seconds(_body(audio)) == pytest.approx(4.0, abs=0.05)
