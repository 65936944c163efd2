"""A service's self-assessment against the core outcome set: one answer per outcome.

Nothing here names the service. A public assessment has no account and no organisation: the one
way back to it is the private report link, whose token is kept only as a hash. A workspace's
assessments belong to its organisation, so its lead can compare them over time. Free text stays
with the assessment and is never published; "Where services struggle" counts the choices only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mscos.measurement.models import Organisation, Programme


class Measured(models.TextChoices):
    NOT_AT_ALL = "none", _("Not at all")
    INFORMALLY = "informal", _("Informally (in conversation or notes, not with a set tool)")
    WITH_TOOL = "tool", _("With a tool or questionnaire")


class Barrier(models.TextChoices):
    TIME = "time", _("Not enough staff time")
    NO_TOOL = "no_tool", _("We do not know a suitable tool")
    TRAINING = "training", _("Staff have not been trained to ask about it")
    NOT_SAFE = "not_safe", _("Asking could upset people or is not safe yet")
    SHORT_CONTACT = "short_contact", _("We are in touch with people too briefly")
    FUNDER = "funder", _("Funders ask us to measure other things")
    RECORDS = "records", _("Our record system has no place for it")
    OUT_OF_SCOPE = "out_of_scope", _("Other services cover this outcome, not us")


class Help(models.TextChoices):
    TOOL = "tool", _("A short, tested tool we could use")
    TRAINING = "training", _("Training for staff")
    EXAMPLES = "examples", _("Examples from services like ours")
    GUIDANCE = "guidance", _("Guidance on asking safely and kindly")
    FUNDING = "funding", _("Funders who value this outcome")
    PEERS = "peers", _("Talking it through with other services")
    RECORDS = "records", _("A record system with a place for it")


class SizeBand(models.TextChoices):
    UNDER_25 = "lt25", _("Fewer than 25 people a year")
    UNDER_100 = "lt100", _("25 to 99 people a year")
    UNDER_500 = "lt500", _("100 to 499 people a year")
    LARGER = "500plus", _("500 or more people a year")


class Assessment(models.Model):
    """One self-assessment, public (found again by its private link) or a workspace's."""

    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("made"), db_index=True)
    # Public ones only: after this the link no longer works and the free text is erased.
    expires_at = models.DateTimeField(_("link works until"), null=True, blank=True)
    service_kind = models.CharField(
        _("kind of support"), max_length=20, choices=Programme.Kind.choices, blank=True
    )
    size_band = models.CharField(_("size"), max_length=10, choices=SizeBand.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="self_assessments",
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")

    def __str__(self) -> str:
        return f"Self-assessment {self.pk} ({self.created_at:%Y-%m-%d})"


class OutcomeAnswer(models.Model):
    """What a service said about one core outcome."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    outcome = models.ForeignKey(
        "outcomes.OutcomePage", on_delete=models.CASCADE, related_name="self_assessment_answers"
    )
    measured = models.CharField(max_length=10, choices=Measured.choices)
    tool = models.CharField(max_length=200, blank=True)
    barriers = models.JSONField(default=list, blank=True)  # Barrier values
    barrier_other = models.CharField(max_length=300, blank=True)
    helps = models.JSONField(default=list, blank=True)  # Help values
    help_other = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "outcome"], name="selfassessment_one_answer_per_outcome"
            )
        ]

    def __str__(self) -> str:
        return f"{self.outcome_id}: {self.measured}"

    @property
    def is_gap(self) -> bool:
        """Not measured with a tool, or something gets in the way."""
        return self.measured != Measured.WITH_TOOL or bool(self.barriers or self.barrier_other)
