"""The podcast: its feed as podcast apps read it, the episode page, the transcript rule."""

import datetime
import re

import feedparser
import pytest
from django.test import Client

from mscos.core.site_address import site_origin
from mscos.podcasts.models import EpisodePage
from tests.podcasts.conftest import make_episode


@pytest.mark.django_db
def test_feed_has_every_tag_podcast_apps_need_and_true_enclosure_lengths(client, podcast):
    first = make_episode(podcast, 1, 1.0)
    second = make_episode(podcast, 2, 2.5, audio_format="wav")
    draft = make_episode(podcast, 3, 0.5)
    draft.unpublish()

    response = client.get("/podcast/feed.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    channel = parsed.feed
    assert channel.title == "MSCOS podcast"
    # Apple's current values are "true"/"false" (feedparser only maps the older yes/clean).
    assert "<itunes:explicit>false</itunes:explicit>" in response.text
    assert not channel.itunes_explicit
    assert "<itunes:author>MSCOS Community of Practice</itunes:author>" in response.text
    assert channel.itunes_type == "episodic"
    assert channel.tags[0].term == "Society & Culture"
    assert channel.language == "en-gb"
    assert channel.publisher_detail.email == "p@example.org"

    assert [entry.title for entry in parsed.entries] == [second.title, first.title]
    for entry, episode in zip(parsed.entries, [second, first], strict=True):
        (enclosure,) = entry.enclosures
        audio = client.get(enclosure.href.replace("http://testserver", ""))
        body = b"".join(audio.streaming_content) if audio.streaming else audio.content
        assert int(enclosure.length) == len(body) == episode.audio.file.size
        # The type the feed names is the type the audio is served with.
        assert enclosure.type == audio["Content-Type"]
        assert enclosure.type == {"mp3": "audio/mpeg", "wav": "audio/wav"}[enclosure.href[-3:]]
        assert entry.id == f"urn:uuid:{episode.guid}"
        assert entry.guidislink is False
        assert entry.itunes_duration == episode.duration_text
        assert entry.itunes_episode == str(episode.number)
        assert entry.link.endswith(episode.url)


@pytest.mark.django_db
def test_the_channel_image_is_served_by_this_site(client, podcast):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(
        title="Cover", file=get_test_image_file(size=(1400, 1400))
    )
    podcast.image = image
    podcast.save_revision().publish()
    parsed = feedparser.parse(client.get("/podcast/feed.xml").content)
    assert parsed.feed.image.href.startswith(site_origin() + "/media/images/")
    assert parsed.feed.image.href.endswith(".jpg")


@pytest.mark.django_db
def test_episode_ids_never_change_when_the_page_is_renamed_or_moved(client, podcast):
    episode = make_episode(podcast, 1, 0.5)
    before = feedparser.parse(client.get("/podcast/feed.xml").content).entries[0].id
    episode.title = "A better title"
    episode.slug = "a-better-title"
    episode.save_revision().publish()
    after = feedparser.parse(client.get("/podcast/feed.xml").content).entries[0]
    assert after.id == before
    assert after.title == "A better title"


@pytest.mark.django_db
def test_episode_page_plays_from_this_site_with_the_transcript_beside_it(client, podcast):
    episode = make_episode(podcast, 1, 0.5)
    response = client.get(episode.url)
    assert response.status_code == 200
    assert not response.cookies
    src = re.search(r'<audio[^>]+src="([^"]+)"', response.text).group(1)
    assert src.startswith("/documents/")
    audio = client.get(src)
    assert audio.status_code == 200
    assert audio["Content-Type"].startswith("audio/")
    assert "attachment" not in audio.get("Content-Disposition", "")
    transcript = response.text[response.text.index('id="transcript"') :]
    assert "Guest: Thank you for having me." in transcript
    listing = client.get("/podcast/").text
    assert episode.title in listing and "/podcast/feed.xml" in listing


def _admin_form(episode_title: str, transcript: str, audio_id: int, action: str) -> dict:
    return {
        "title": episode_title,
        "slug": "admin-episode",
        "number": "7",
        "date": "2024-05-01",
        "summary": "Made in the admin.",
        "audio": str(audio_id),
        "duration": "0:10:00",
        "transcript": transcript,
        "show_notes": "null",
        "guests-TOTAL_FORMS": "0",
        "guests-INITIAL_FORMS": "0",
        "guests-MIN_NUM_FORMS": "0",
        "guests-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        action: "1",
    }


@pytest.mark.django_db
def test_an_episode_cannot_be_published_without_a_transcript_but_a_draft_can(
    admin_user, editor, podcast
):
    audio_id = make_episode(podcast, 1, 0.2).audio_id
    client = Client()
    client.force_login(admin_user)
    add_url = f"/admin/pages/add/podcasts/episodepage/{podcast.pk}/"

    refused = client.post(add_url, _admin_form("No transcript", "", audio_id, "action-publish"))
    assert refused.status_code == 200
    assert "needs its transcript before it is published" in refused.text
    assert not EpisodePage.objects.filter(title="No transcript").exists()
    # An editor sending it for approval is held to the same rule.
    editor_client = Client()
    editor_client.force_login(editor)
    submitted = editor_client.post(
        add_url, _admin_form("No transcript", "", audio_id, "action-submit")
    )
    assert "needs its transcript before it is published" in submitted.text
    assert not EpisodePage.objects.filter(title="No transcript").exists()

    draft = client.post(add_url, _admin_form("No transcript", "", audio_id, "action-draft"))
    assert draft.status_code == 302
    saved = EpisodePage.objects.get(title="No transcript")
    assert not saved.live

    published = client.post(
        f"/admin/pages/{saved.pk}/edit/",
        _admin_form("No transcript", "Host: Hello.", audio_id, "action-publish"),
    )
    assert published.status_code == 302
    saved.refresh_from_db()
    assert saved.live and saved.duration == datetime.timedelta(minutes=10)
