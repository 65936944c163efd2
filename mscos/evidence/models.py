"""What the nightly refresh stores, so public pages never query people or answers.

A cell is one outcome, one kind of programme and one period (the quarter of people's baseline
check-in). `PooledCell.figures` is what is published now (None: nothing is shown for it).
Every release of a cell keeps who it counted (`PooledRelease.members`), so a later release can be
checked against all earlier ones (docs/decisions/0018-pooled-disclosure-control.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PooledCell(models.Model):
    outcome = models.ForeignKey(
        "outcomes.LongListOutcome", on_delete=models.CASCADE, related_name="pooled_cells"
    )
    programme_kind = models.CharField(max_length=20)
    period = models.CharField(max_length=10)  # "2026 Q1"
    figures = models.JSONField(null=True, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    hidden_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pooled cell")
        ordering = ["outcome_id", "programme_kind", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "programme_kind", "period"], name="one_pooled_cell"
            )
        ]
        indexes = [models.Index(fields=["outcome", "released_at"], name="pooled_cell_shown")]

    def __str__(self) -> str:
        return f"{self.outcome_id} {self.programme_kind} {self.period}"


class PooledRelease(models.Model):
    """One published version of a cell: its figures and, per person counted, their organisation,
    a 16-bit fingerprint of what they contributed and which figures counted them."""

    cell = models.ForeignKey(PooledCell, on_delete=models.CASCADE, related_name="releases")
    released_at = models.DateTimeField()
    figures = models.JSONField()
    # {person id: [organisation id, fingerprint, "pbcg" letters of the figures counting them]}
    members = models.JSONField()

    class Meta:
        verbose_name = _("pooled release")
        ordering = ["cell_id", "released_at", "pk"]

    def __str__(self) -> str:
        return f"{self.cell_id} {self.released_at:%Y-%m-%d}"


class EvidenceRefresh(models.Model):
    """One run of the nightly refresh (what readers see as "figures as of")."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    cells_released = models.PositiveIntegerField(default=0)
    cells_hidden = models.PositiveIntegerField(default=0)
    cells_kept = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("evidence refresh")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"
