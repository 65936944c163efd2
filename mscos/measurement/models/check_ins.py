"""Check-ins: a baseline, then reviews; each holds the survivor's and the practitioner's answers.

"I'd rather not say" is an answer (`DECLINED`), kept apart from a question nobody answered (""),
so a skipped question is never counted as a gap in the person's recovery.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mscos.measurement.models.indicators import Indicator
from mscos.measurement.models.workspace import Person

DECLINED = "declined"


class Observation(models.TextChoices):
    """A practitioner's answer to a practitioner-observed indicator."""

    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not known")


class CheckIn(models.Model):
    class Kind(models.TextChoices):
        BASELINE = "baseline", _("Baseline (the first check-in)")
        REVIEW = "review", _("Review")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="check_ins")
    date = models.DateField(_("date of the check-in"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Compare-and-set: a save names the version it started from and moves it on by one.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["date", "pk"]
        # A person's check-ins in date order (the journey), and a programme's list sorted on
        # this index alone, without reading the check-ins' rows.
        indexes = [models.Index(fields=["person", "date", "id"], name="check_in_person_date")]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(kind="baseline"),
                name="one_baseline_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"


class Answer(models.Model):
    """One indicator in one check-in: the survivor's answer and the practitioner's, side by side.

    Values are a scale point ("1" to "5"), an observation (yes / no / unknown), `DECLINED`, or
    "" when nobody answered. Answers name the indicator's copy in the default language.
    """

    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="answers")
    survivor_answer = models.CharField(max_length=10, blank=True)
    practitioner_answer = models.CharField(max_length=10, blank=True)

    class Meta:
        verbose_name = _("answer")
        constraints = [
            models.UniqueConstraint(
                fields=["check_in", "indicator"], name="one_answer_per_indicator"
            )
        ]

    def __str__(self) -> str:
        return str(_("Answer"))  # never the answer itself

    @property
    def survivor_point(self) -> int | None:
        return int(self.survivor_answer) if self.survivor_answer.isdigit() else None


class SurvivorLink(models.Model):
    """A one-time link through which the survivor fills their own part of one check-in.

    Only this row is kept; the link carries its signed id (`tokens.py`), so nothing secret is
    stored. It works once (`used_at`) and until `expires_at`; the person's erasure deletes it
    with the check-in (CASCADE).
    """

    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="survivor_links")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("survivor's link")
        verbose_name_plural = _("survivors' links")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(_("Survivor's link"))  # never the token
