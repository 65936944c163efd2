"""The podcast: a section page (with the feed's channel details) and one page per episode."""

import uuid

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from mscos.core.models import SitePage

# Apple Podcasts' categories that fit the podcast; the feed names one.
CATEGORY_CHOICES = [
    ("Society & Culture", _("Society & Culture")),
    ("Health & Fitness|Mental Health", _("Health & Fitness: Mental Health")),
    ("Government", _("Government")),
    ("Education", _("Education")),
    ("Science|Social Sciences", _("Science: Social Sciences")),
]


class PodcastType(models.TextChoices):
    EPISODIC = "episodic", _("Episodic: listen in any order")
    SERIAL = "serial", _("Serial: listen in order")


# Titles a directory would list as nothing in particular: the channel needs a name of its own.
GENERIC_TITLES = {"podcast", "podcasts", "the podcast", "our podcast", "episodes"}
# Apple Podcasts plays these; WAV and Ogg episodes are refused by its directory.
DIRECTORY_AUDIO_TYPES = {"audio/mpeg", "audio/x-m4a", "audio/mp4"}
COVER_MIN_PIXELS = 1400
PUBLISHING_ACTIONS = ("action-publish", "action-submit")


def _publishing(form) -> bool:
    return any(form.data.get(action) for action in PUBLISHING_ACTIONS)


class PodcastIndexPageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing needs everything Apple and Podcast Index require."""

    def clean(self):
        cleaned = super().clean()
        if not _publishing(self):
            return cleaned
        channel_title = (cleaned.get("feed_title") or "").strip()
        if not channel_title:
            self.add_error(
                "feed_title",
                _(
                    "Podcast apps list the podcast under this name, so it needs one before "
                    'publishing, e.g. "MSCOS Community of Practice podcast".'
                ),
            )
        elif channel_title.casefold() in GENERIC_TITLES:
            self.add_error(
                "feed_title",
                _(
                    "This name would be listed among thousands of others called the same. "
                    'Please add what the podcast is, e.g. "MSCOS Community of Practice podcast".'
                ),
            )
        if not (cleaned.get("intro") or "").strip():
            self.add_error(
                "intro", _("Podcast apps show this description; please add one before publishing.")
            )
        if not cleaned.get("owner_email"):
            self.add_error(
                "owner_email",
                _(
                    "Podcast directories need an address to write to about the listing before "
                    "it is published."
                ),
            )
        image = cleaned.get("image")
        if image is None:
            self.add_error(
                "image",
                _("Podcast apps need a square cover image (at least 1400 by 1400 pixels)."),
            )
        elif min(image.width, image.height) < COVER_MIN_PIXELS:
            self.add_error(
                "image",
                _(
                    "This picture is %(width)s by %(height)s pixels; podcast apps need at least "
                    "1400 by 1400. Please choose a larger one."
                )
                % {"width": image.width, "height": image.height},
            )
        return cleaned


class PodcastIndexPage(SitePage):
    """The podcast's home (/podcast/): every episode, and what podcast apps read from the feed."""

    intro = models.TextField(_("introduction"), blank=True)
    feed_title = models.CharField(
        _("name in podcast apps"),
        max_length=120,
        blank=True,
        help_text=_(
            'The name podcast apps list it under, e.g. "MSCOS Community of Practice podcast". '
            "Required before publishing."
        ),
    )
    author = models.CharField(_("author"), max_length=120, default="MSCOS Community of Practice")
    owner_name = models.CharField(
        _("owner name"),
        max_length=120,
        blank=True,
        help_text=_("Who answers podcast directories about the listing; the author if empty."),
    )
    owner_email = models.EmailField(
        _("owner email"),
        blank=True,
        help_text=_(
            "Podcast directories may write here about the listing. Shown in the feed. Required "
            "before publishing."
        ),
    )
    category = models.CharField(
        _("category"), max_length=60, choices=CATEGORY_CHOICES, default="Society & Culture"
    )
    explicit = models.BooleanField(
        _("explicit content"),
        default=False,
        help_text=_("Tick if episodes contain language or descriptions podcast apps should flag."),
    )
    podcast_type = models.CharField(
        _("type"), max_length=10, choices=PodcastType.choices, default=PodcastType.EPISODIC
    )
    image = models.ForeignKey(
        "core.SiteImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square, at least 1400 by 1400 pixels: podcast apps show it."),
    )
    copyright = models.CharField(_("copyright"), max_length=200, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("feed_title"),
                FieldPanel("author"),
                FieldPanel("owner_name"),
                FieldPanel("owner_email"),
                FieldPanel("category"),
                FieldPanel("explicit"),
                FieldPanel("podcast_type"),
                FieldPanel("image"),
                FieldPanel("copyright"),
            ],
            heading=_("For podcast apps"),
        ),
    ]
    base_form_class = PodcastIndexPageForm
    subpage_types = ["podcasts.EpisodePage"]
    max_count = 1

    class Meta:
        verbose_name = _("podcast")

    @property
    def channel_title(self) -> str:
        return self.feed_title.strip() or self.title

    @property
    def directory_owner_name(self) -> str:
        return self.owner_name.strip() or self.author

    @property
    def feed_language(self) -> str:
        """The channel's language as RSS writes it (ISO 639, British English for English)."""
        code = self.locale.language_code if self.locale_id else "en"
        return "en-gb" if code == "en" else code

    def get_context(self, request, *args, **kwargs):
        from mscos.podcasts import selectors

        context = super().get_context(request, *args, **kwargs)
        context["episodes"] = selectors.published_episodes(podcast=self)
        return context


class EpisodePageForm(WagtailAdminPageForm):
    """Drafts may lack a transcript; publishing (or sending for approval) may not."""

    def clean(self):
        cleaned = super().clean()
        publishing = _publishing(self)
        if publishing and not (cleaned.get("transcript") or "").strip():
            self.add_error(
                "transcript",
                _(
                    "An episode needs its transcript before it is published, so that people "
                    "who cannot listen can read it. You can save a draft without one."
                ),
            )
        audio = cleaned.get("audio")
        if publishing and not audio:
            self.add_error("audio", _("An episode needs its audio file before it is published."))
        elif publishing and audio.content_type not in DIRECTORY_AUDIO_TYPES:
            self.add_error(
                "audio",
                _(
                    "Podcast apps such as Apple Podcasts play MP3 or M4A files, not this kind. "
                    "Please upload the episode as an MP3 (or M4A) file."
                ),
            )
        return cleaned


class EpisodePage(SitePage):
    """One episode: audio, transcript beside it, show notes, guests and the outcomes discussed."""

    number = models.PositiveIntegerField(_("episode number"))
    date = models.DateField(_("date"))
    summary = models.TextField(
        _("summary"), help_text=_("One or two plain sentences; podcast apps show them too.")
    )
    outcomes = ParentalManyToManyField(
        "outcomes.OutcomePage", verbose_name=_("outcomes"), blank=True, related_name="+"
    )
    show_notes = RichTextField(
        _("show notes"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audio file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Upload an MP3 (best for podcast apps), M4A or OGG file as a document."),
    )
    duration = models.DurationField(
        _("duration"), help_text=_('As hours:minutes:seconds, e.g. "0:24:30".')
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_(
            'Everything said, one paragraph per turn, e.g. "Rachel: Welcome to...". Required '
            "before publishing."
        ),
    )
    explicit = models.BooleanField(_("explicit content"), default=False)
    # Podcast apps know an episode by this; it must never change, even if the page moves.
    guid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    base_form_class = EpisodePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("outcomes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("guests", label=_("Guests")),
        FieldPanel("audio"),
        FieldPanel("duration"),
        FieldPanel("transcript"),
        FieldPanel("show_notes"),
        FieldPanel("explicit"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("show_notes"),
        index.SearchField("transcript"),
    ]
    parent_page_types = ["podcasts.PodcastIndexPage"]
    subpage_types: list[str] = []
    exclude_fields_in_copy = ["guid"]

    class Meta:
        verbose_name = _("podcast episode")

    @property
    def transcript_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.transcript.split("\n") if part.strip()]

    @property
    def duration_text(self) -> str:
        """H:MM:SS, as itunes:duration and people read it."""
        seconds = int(self.duration.total_seconds()) if self.duration else 0
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class EpisodeGuest(Orderable):
    episode = ParentalKey(EpisodePage, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role or organisation"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role")]

    def __str__(self) -> str:
        return self.name
