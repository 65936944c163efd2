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
