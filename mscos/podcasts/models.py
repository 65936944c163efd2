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


class PodcastIndexPage(SitePage):
    """The podcast's home (/podcast/): every episode, and what podcast apps read from the feed."""

    intro = models.TextField(_("introduction"), blank=True)
    author = models.CharField(_("author"), max_length=120, default="MSCOS Community of Practice")
    owner_email = models.EmailField(
        _("owner email"),
        blank=True,
        help_text=_("Podcast directories may write here about the listing. Shown in the feed."),
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
                FieldPanel("author"),
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
    subpage_types = ["podcasts.EpisodePage"]
    max_count = 1

    class Meta:
        verbose_name = _("podcast")

    def get_context(self, request, *args, **kwargs):
        from mscos.podcasts import selectors

        context = super().get_context(request, *args, **kwargs)
        context["episodes"] = selectors.published_episodes(podcast=self)
        return context


class EpisodePageForm(WagtailAdminPageForm):
    """Drafts may lack a transcript; publishing (or sending for approval) may not."""

    PUBLISHING_ACTIONS = ("action-publish", "action-submit")

    def clean(self):
        cleaned = super().clean()
        publishing = any(action in self.data for action in self.PUBLISHING_ACTIONS)
        if publishing and not (cleaned.get("transcript") or "").strip():
            self.add_error(
                "transcript",
                _(
                    "An episode needs its transcript before it is published, so that people "
                    "who cannot listen can read it. You can save a draft without one."
                ),
            )
        if publishing and not cleaned.get("audio"):
            self.add_error("audio", _("An episode needs its audio file before it is published."))
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
