"""Watched words: phrases that block a post, hold it for a moderator, or mark it urgent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WatchedWord(models.Model):
    class Action(models.TextChoices):
        BLOCK = "block", _("Refuse the post, with a kind message")
        HOLD = "hold", _("Hold the post for a moderator")
        URGENT = "urgent", _("Someone may be in danger: hold it, mark it urgent, show help")

    phrase = models.CharField(
        _("word or phrase"),
        max_length=200,
        help_text=_("Capitals and accents do not matter. Use * for any ending, e.g. kill*"),
    )
    action = models.CharField(_("what happens"), max_length=10, choices=Action.choices)
    message = models.CharField(
        _("message to the writer"),
        max_length=300,
        blank=True,
        help_text=_("Shown when the post is refused."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "phrase"]
        verbose_name = _("watched word")
        constraints = [
            models.UniqueConstraint(fields=["phrase", "action"], name="watched_word_once")
        ]

    def __str__(self) -> str:
        return self.phrase


class Report(models.Model):
    """Someone thinks a post needs a moderator's eyes."""

    class Reason(models.TextChoices):
        DANGER = "danger", _("Someone may be in danger")
        IDENTIFIES = "identifies", _("It could identify someone")
        HARMFUL = "harmful", _("It is harmful or unkind")
        SPAM = "spam", _("It is spam or advertising")
        OTHER = "other", _("Something else")

    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("what is wrong"), max_length=12, choices=Reason.choices)
    note = models.TextField(_("anything else a moderator should know"), blank=True, max_length=1000)
    reporter = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Guests are told apart by a daily-changing address hash, kept no longer than any other.
    reporter_hash = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [models.Index(fields=["resolved_at", "post"], name="moderation_open_reports")]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(reporter__isnull=False, resolved_at__isnull=True),
                name="one_open_report_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"Report {self.pk}"
