"""Demo content for events, the podcast, feedback and joining (called by `load_demo`).

Idempotent like the rest of the demo: anything that exists already is left as it is. The episode's
audio (a few seconds of soft tones, as MP3: mp3.py) and the podcast cover are made here by code, so
the repository carries no media files.
"""

import datetime
import io
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.rich_text import RichText

from mscos.core.models import SiteImage
from mscos.demo.files import stored_file
from mscos.demo.mp3 import tone_mp3
from mscos.events.models import EventIndexPage, EventPage
from mscos.feedback.models import FeedbackPage
from mscos.joining.models import JoinPage
from mscos.outcomes.models import OutcomePage
from mscos.podcasts.models import EpisodeGuest, EpisodePage, PodcastIndexPage

UPCOMING_EVENTS: list[dict[str, Any]] = [
    {
        "slug": "workshop-reporting-safely",
        "title": "Workshop: reporting crime safely and with confidence",
        "kind": "workshop",
        "summary": (
            "Members of the Research Advisory Board talk through their recommendations on police "
            "training, survivor leaders and public awareness, and ask what you have seen work."
        ),
        "outcomes": ["safety-from-any-trafficker-or-other-abuser"],
        "days_ahead": 21,
        "hour": 14,
        "hours": 2,
        "capacity": 40,
        "invite_only": False,
        "joining": "Video call link: https://meet.example.org/mscos-workshop (passcode 7401)",
        "body": (
            "<p>A two-hour online workshop for practitioners, researchers, policymakers and "
            "experts by lived experience. Captions are on throughout and there is a break half "
            "way. You can keep your camera off and use a pseudonym.</p>"
        ),
    },
    {
        "slug": "expert-forum-access-to-education",
        "title": "Online expert forum: access to education",
        "kind": "expert_forum",
        "summary": (
            "A small, invite-only conversation on what helps adult survivors return to learning, "
            "from language classes to university."
        ),
        "outcomes": ["access-to-education"],
        "days_ahead": 42,
        "hour": 15,
        "hours": 1.5,
        "capacity": 15,
        "invite_only": True,
        "joining": "Video call link: https://meet.example.org/mscos-forum-education",
        "body": (
            "<p>Expert forums are kept small so that everyone can speak. If you have not been "
            "invited and would like to take part, ask to attend and tell us a little about your "
            "work or experience.</p>"
        ),
    },
]

PAST_EVENTS: list[dict[str, Any]] = [
    {
        "slug": "expert-forum-housing-march-2024",
        "title": "Online expert forum: secure and suitable housing",
        "kind": "expert_forum",
        "summary": "Practitioners and survivor leaders on what makes a home safe and lasting.",
        "outcomes": ["secure-and-suitable-housing"],
        "start": datetime.datetime(2024, 3, 14, 14, 0, tzinfo=datetime.UTC),
        "hours": 1.5,
        "invite_only": True,
        "after": (
            "<p>Participants agreed that a move is only a success if the person can stay: "
            "tenancies that end with the support period undo months of work. Several asked for "
            "housing officers to be trained alongside support workers.</p>"
        ),
    },
    {
        "slug": "expert-forum-young-adults-january-2024",
        "title": "Online expert forum: safety for young adults",
        "kind": "expert_forum",
        "summary": "What safety means for survivors moving from children's to adult services.",
        "outcomes": ["safety-from-any-trafficker-or-other-abuser"],
        "start": datetime.datetime(2024, 1, 25, 15, 0, tzinfo=datetime.UTC),
        "hours": 1.5,
        "invite_only": True,
        "after": (
            "<p>The forum looked at the gap at eighteen, when support often stops just as risk "
            "rises. Ideas included a named worker who stays with the young person across the "
            "change.</p>"
        ),
    },
]

PODCAST_INTRO = (
    "Conversations with members of the Research Advisory Board and people who put the core "
    "outcomes into practice. Every episode has a full transcript."
)

EPISODE: dict[str, Any] = {
    "slug": "episode-1-reporting-safely",
    "title": "Reporting safely: what survivor leaders recommend",
    "number": 1,
    # Days before the demo is loaded: the podcast looks as current as the updates.
    "days_ago": 10,
    "summary": (
        "Two members of the Research Advisory Board on police training, the professional "
        "employment of survivor leaders, and help posters that ask simple questions."
    ),
    "outcomes": ["safety-from-any-trafficker-or-other-abuser"],
    "guests": [
        ("A member of the Research Advisory Board", "Survivor leader"),
        ("A second member of the Research Advisory Board", "Works on standards"),
    ],
    "show_notes": (
        "<p>In this first episode we follow up the recommendations in the update on safety from "
        "any trafficker or other abuser.</p><ul><li>Why police training should reach every "
        "level, from recruitment on</li><li>Survivor leaders as paid, accredited "
        "professionals</li><li>Posters next to health and safety notices</li></ul><p>This demo "
        "episode's audio is a short tone; the transcript shows how an episode reads.</p>"
    ),
    "transcript": [
        "Host: Welcome to the MSCOS podcast. Today we are talking about reporting crime safely.",
        "First guest: For many survivors the police station itself is frightening. Training "
        "that starts at recruitment, not only for specialist teams, changes the first "
        "conversation.",
        "Second guest: And the wording on a poster matters. Ask simple questions: are you "
        "threatened by your employer? Do you have to stay with your employer?",
        "Host: Thank you both. The recommendations are on the core outcome page, and you can "
        "talk about them in the forums.",
    ],
}

FEEDBACK_INTRO = (
    "Tell us what works on this site, what does not, and what you would like to see. You do not "
    "need to give your name or an email address."
)
JOIN_INTRO = (
    "Join the Community of Practice: hear about workshops, podcasts and new resources, and say "
    "which outcomes matter most to your work."
)


def cover_png(size: int = 1400) -> bytes:
    """A plain square cover: two calm colours and a ring, drawn with Pillow."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (size, size), (31, 77, 92))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, size * 2 // 3, size, size], fill=(236, 226, 201))
    margin = size // 4
    draw.ellipse(
        [margin, margin // 2, size - margin, size - margin * 3 // 2],
        outline=(236, 226, 201),
        width=size // 28,
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


COVER_SIZE = 1400
COVER_NAME = "mscos-demo-podcast-cover.png"
AUDIO_NAME = "mscos-demo-podcast-episode-1.mp3"
# What podcast directories list the demo under and write to (required before publishing).
PODCAST_DIRECTORY_DETAILS = {
    "feed_title": "MSCOS Community of Practice podcast",
    "owner_name": "MSCOS Community of Practice",
    "owner_email": "podcast.demo@example.org",
}


def _outcomes(slugs):
    return list(OutcomePage.objects.filter(slug__in=slugs))


def _add(parent: Page, page: Page) -> Page:
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    # Live from the start without a first revision: the demo is loaded before nearly every test,
    # and a revision per page would double what these pages cost. Editors' first save makes one.
    page.live = True
    parent.add_child(instance=page)
    return page


PODCAST_POINTER = (
    '<p>Prefer to listen? The <a href="/podcast/">MSCOS podcast</a> carries the same '
    "conversations, each with a full transcript.</p>"
)
FEEDBACK_POINTER = (
    '<p>Something missing or not working? <a href="/feedback/">Send us feedback</a>, with or '
    "without your name.</p>"
)


def _point_to(page: Page, paragraph: str, marker: str) -> None:
    """Adds a paragraph with a link to the page's body, unless a link to `marker` is there."""
    page = page.specific
    if marker in str(list(page.body.raw_data)):
        return
    page.body.append(("paragraph", RichText(paragraph)))
    page.save_revision().publish()


def load(*, home: Page, events: EventIndexPage, get_involved: Page) -> None:
    """Events, the podcast, the feedback page and the join page, once."""
    _events(events)
    _podcast(home)
    _point_to(events, PODCAST_POINTER, 'href="/podcast/"')
    _point_to(get_involved, FEEDBACK_POINTER, 'href="/feedback/"')
    _add(
        home,
        FeedbackPage(
            title="Feedback and suggestions",
            slug="feedback",
            intro=FEEDBACK_INTRO,
            show_in_menus=False,
        ),
    )
    _add(
        get_involved,
        JoinPage(title="Join the Community of Practice", slug="join", intro=JOIN_INTRO),
    )


def _events(index: EventIndexPage) -> None:
    today = timezone.localdate()
    for data in UPCOMING_EVENTS:
        if index.get_children().filter(slug=data["slug"]).exists():
            continue
        day = today + datetime.timedelta(days=data["days_ahead"])
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(data["hour"])))
        page = EventPage(
            slug=data["slug"],
            title=data["title"],
            kind=data["kind"],
            summary=data["summary"],
            start=start,
            end=start + datetime.timedelta(hours=data["hours"]),
            capacity=data["capacity"],
            invite_only=data["invite_only"],
            joining_details=data["joining"],
            registration_closes=start - datetime.timedelta(days=1),
            body=[("paragraph", data["body"])],
        )
        page.outcomes = _outcomes(data["outcomes"])
        _add(index, page)
    for data in PAST_EVENTS:
        if index.get_children().filter(slug=data["slug"]).exists():
            continue
        page = EventPage(
            slug=data["slug"],
            title=data["title"],
            kind=data["kind"],
            summary=data["summary"],
            start=data["start"],
            end=data["start"] + datetime.timedelta(hours=data["hours"]),
            invite_only=data["invite_only"],
            outcome_summary=data["after"],
        )
        page.outcomes = _outcomes(data["outcomes"])
        _add(index, page)


def _demo_audio() -> Document:
    audio = Document(title="Episode 1 audio (demo tone)")
    audio.file = stored_file(
        f"documents/{AUDIO_NAME}", lambda: ContentFile(tone_mp3(4.0), AUDIO_NAME)
    )
    audio.save()
    return audio


def _podcast(home: Page) -> None:
    podcast = home.get_children().filter(slug="podcast").first()
    if podcast is None:
        cover = SiteImage(title="Podcast cover", width=COVER_SIZE, height=COVER_SIZE)
        cover.file = stored_file(
            f"original_images/{COVER_NAME}", lambda: ImageFile(io.BytesIO(cover_png()), COVER_NAME)
        )
        cover.save()
        podcast = _add(
            home,
            PodcastIndexPage(
                title="Podcast",
                slug="podcast",
                intro=PODCAST_INTRO,
                image=cover,
                copyright="MSCOS Community of Practice",
                **PODCAST_DIRECTORY_DETAILS,
            ),
        )
    podcast = podcast.specific
    if not podcast.feed_title:  # a demo loaded before the directory details existed
        for field, value in PODCAST_DIRECTORY_DETAILS.items():
            setattr(podcast, field, value)
        podcast.save(update_fields=list(PODCAST_DIRECTORY_DETAILS))
    existing = EpisodePage.objects.child_of(podcast).filter(slug=EPISODE["slug"]).first()
    if existing is not None:
        if existing.audio and not existing.audio.file.name.endswith(".mp3"):
            # A demo loaded when the tone was WAV, which podcast directories refuse.
            existing.audio = _demo_audio()
            existing.save(update_fields=["audio"])
        return
    audio = _demo_audio()
    episode = EpisodePage(
        slug=EPISODE["slug"],
        title=EPISODE["title"],
        number=EPISODE["number"],
        date=timezone.localdate() - datetime.timedelta(days=EPISODE["days_ago"]),
        summary=EPISODE["summary"],
        show_notes=EPISODE["show_notes"],
        audio=audio,
        duration=datetime.timedelta(seconds=4),
        transcript="\n".join(EPISODE["transcript"]),
    )
    episode.outcomes = _outcomes(EPISODE["outcomes"])
    episode.guests = [EpisodeGuest(name=name, role=role) for name, role in EPISODE["guests"]]
    _add(podcast, episode)
