import datetime
import io
import math
import struct
import wave

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from mscos.demo.mp3 import tone_mp3
from mscos.podcasts.models import EpisodePage, PodcastIndexPage


def tone_wav(seconds: float = 1.0, rate: int = 8000) -> bytes:
    """A short, quiet sine tone as a real WAV file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = b"".join(
            struct.pack("<h", int(3000 * math.sin(2 * math.pi * 440 * n / rate)))
            for n in range(int(seconds * rate))
        )
        out.writeframes(frames)
    return buffer.getvalue()


@pytest.fixture
def podcast(demo_site, settings, tmp_path) -> PodcastIndexPage:
    settings.MEDIA_ROOT = tmp_path / "media"
    # A podcast of the test's own, in place of the demo's.
    for demo_podcast in PodcastIndexPage.objects.all():
        demo_podcast.delete()
    home = demo_site.root_page
    podcast = PodcastIndexPage(
        title="Podcast",
        feed_title="MSCOS podcast",
        slug="podcast",
        intro="Conversations.",
        owner_email="p@example.org",
        owner_name="The MSCOS team",
    )
    home.add_child(instance=podcast)
    podcast.save_revision().publish()
    return podcast


def make_episode(
    podcast, number: int, seconds: float, audio_format: str = "mp3", **fields
) -> EpisodePage:
    audio = Document(title=f"Episode {number} audio")
    content = tone_mp3(seconds) if audio_format == "mp3" else tone_wav(seconds)
    audio.file.save(f"episode-{number}.{audio_format}", ContentFile(content), save=False)
    audio.save()
    episode = EpisodePage(
        title=fields.pop("title", f"Episode about housing {number}"),
        slug=f"episode-{number}",
        number=number,
        date=fields.pop("date", datetime.date(2024, 3, number)),
        summary="Two guests talk about housing.",
        audio=audio,
        duration=datetime.timedelta(seconds=seconds),
        transcript="Host: Welcome.\nGuest: Thank you for having me.",
        **fields,
    )
    podcast.add_child(instance=episode)
    episode.save_revision().publish()
    return episode
