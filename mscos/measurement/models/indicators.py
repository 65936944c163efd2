"""The indicator library: what a check-in asks, per outcome, in every site language.

Each indicator is a Wagtail snippet with one copy per locale (`TranslatableMixin`). The copy in the
default language holds the structure check-ins use (outcome, kind, order, the number of scale
points); a translation supplies only the words, with the same number of points.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin

from mscos.core.panels import LockedFieldPanel

POINT_FIELDS = ("point_1", "point_2", "point_3", "point_4", "point_5")
MIN_SCALE_POINTS = 3


class Indicator(TranslatableMixin, models.Model):
    """A survivor-reported question on a worded scale, or a practitioner-observed yes/no."""

    class Kind(models.TextChoices):
        SURVIVOR = "survivor", _("Survivor-reported: a question on a scale with words")
        PRACTITIONER = "practitioner", _("Practitioner-observed: yes, no or not known")

    class Review(models.TextChoices):
        DRAFT = "draft", _("Draft: waiting for review")
        REVIEWED = "reviewed", _("Reviewed by experts by lived experience")

    outcome = models.ForeignKey(
        "outcomes.LongListOutcome",
        verbose_name=_("outcome"),
        # An outcome taken off the long-list keeps its answers; its questions are no longer asked.
        on_delete=models.SET_NULL,
        null=True,
        related_name="indicators",
        help_text=_("One of the seven core outcomes, or a long-list outcome a service measures."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SURVIVOR)
    text = models.CharField(
        _("question or indicator"),
        max_length=300,
        help_text=_("Plain, short and kind: read aloud, it should make sense at once."),
    )
    point_1 = models.CharField(_("scale point 1 (lowest)"), max_length=80, blank=True)
    point_2 = models.CharField(_("scale point 2"), max_length=80, blank=True)
    point_3 = models.CharField(_("scale point 3"), max_length=80, blank=True)
    point_4 = models.CharField(_("scale point 4"), max_length=80, blank=True)
    point_5 = models.CharField(_("scale point 5 (highest)"), max_length=80, blank=True)
    review_status = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.DRAFT
    )
    review_note = models.TextField(
        _("note for reviewers"),
        blank=True,
        help_text=_("What still needs checking, for example by a native speaker."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("outcome"),
        FieldPanel("kind"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel(name) for name in POINT_FIELDS],
            heading=_("Scale (survivor-reported questions only)"),
            help_text=_(
                "Words on every point, from the lowest to the highest: three to five points. "
                "Leave them empty for a practitioner-observed indicator."
            ),
        ),
        # Experts by lived experience (approvers) mark a question reviewed; editors see it.
        LockedFieldPanel("review_status", permission="measurement.review_indicator"),
        FieldPanel("review_note"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "pk"]
        permissions = [
            ("review_indicator", "Can mark an indicator reviewed by experts by lived experience")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def scale_labels(self) -> list[str]:
        """The words on each point, lowest first (empty for a practitioner-observed one)."""
        labels = []
        for name in POINT_FIELDS:
            label = getattr(self, name).strip()
            if not label:
                break
            labels.append(label)
        return labels

    @property
    def is_survivor_reported(self) -> bool:
        return self.kind == self.Kind.SURVIVOR

    def source(self) -> "Indicator":
        """The copy in the default language, which holds the structure (itself if it is)."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        found = Indicator.objects.filter(
            translation_key=self.translation_key, locale=default
        ).first()
        return found or self

    def clean(self) -> None:
        super().clean()
        filled = [bool(getattr(self, name).strip()) for name in POINT_FIELDS]
        count = len(self.scale_labels)
        if self.kind == self.Kind.SURVIVOR:
            if count < MIN_SCALE_POINTS or any(filled[count:]):
                raise ValidationError(
                    {
                        "point_1": _(
                            "Give words for three to five points, from point 1 on, with no gaps."
                        )
                    }
                )
        elif any(filled):
            raise ValidationError(
                {"point_1": _("A practitioner-observed indicator has no scale: leave it empty.")}
            )
        source = self.source() if self.locale_id else self
        if (
            source is not self
            and source.kind == self.Kind.SURVIVOR
            and count != len(source.scale_labels)
        ):
            raise ValidationError(
                {"point_1": _("A translation has as many scale points as the original.")}
            )
