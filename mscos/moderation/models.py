"""Watched words: phrases that block a post, hold it for a moderator, or mark it urgent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mscos.forum.audit import AuditAction


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
    language = models.CharField(
        _("only in posts written in"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_(
            "Leave empty to watch posts in every language. A word chosen for one language is also "
            "watched in posts whose language is not known."
        ),
    )
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
            models.UniqueConstraint(
                fields=["phrase", "action", "language"], name="watched_word_once_per_language"
            )
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

    class Standing(models.TextChoices):
        """How much a report weighs (docs/moderation.md, "How reports are weighed")."""

        GUEST = "guest", _("reader without an account")
        NEW = "new", _("new member")
        DOUBTED = "doubted", _("member whose reports were often not upheld")
        ESTABLISHED = "established", _("established member")

    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("what is wrong"), max_length=12, choices=Reason.choices)
    note = models.TextField(_("anything else a moderator should know"), blank=True, max_length=1000)
    reporter = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Guests are told apart by a daily-changing address hash, kept no longer than any other.
    reporter_hash = models.CharField(max_length=40, blank=True)
    # The reporter's standing when they reported: only established reporters hide or pause.
    reporter_standing = models.CharField(
        max_length=12, choices=Standing.choices, default=Standing.GUEST
    )
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


class AuditQuerySet(models.QuerySet):
    """Entries are written once; bulk changes through the ORM are refused."""

    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only.")

    def delete(self):
        raise PermissionError("The audit log is append-only.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise PermissionError("The audit log is append-only.")


class AuditEntry(models.Model):
    """One moderation or safeguarding action: who, what, when, on what, why. Never changed."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # No database constraint and no cascade: erasing an account never rewrites the log.
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("who"), max_length=100)
    # The forum's vocabulary (the lower layer), so both apps write and match the same actions.
    action = models.CharField(_("what"), max_length=40, choices=AuditAction.choices, db_index=True)
    target_type = models.CharField(_("on what"), max_length=20, blank=True)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target_label = models.CharField(_("on what"), max_length=200, blank=True)
    reason = models.TextField(_("why"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
            models.Index(fields=["actor", "-created_at"], name="audit_actor"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.pk})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")

    @property
    def removed_text_kept(self) -> bool:
        """Whether words removed from a post are kept beside this entry, for safeguarding leads."""
        return self.action == AuditAction.POST_REDACTED

    @property
    def step_labels(self) -> list[str]:
        """The smaller actions this one was made of, in words."""
        labels = dict(AuditAction.choices)
        return [str(labels.get(step, step)) for step in self.data.get("steps", [])]


class RedactedOriginal(models.Model):
    """What a moderator removed from a post: for safeguarding leads, purged after the retention."""

    entry = models.OneToOneField(
        AuditEntry, on_delete=models.DO_NOTHING, db_constraint=False, related_name="original"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"Removed text {self.pk}"  # never the text


class RejectionTemplate(models.Model):
    """A kind, plain reason shown to a writer whose post is not published. Editors change them."""

    title = models.CharField(
        _("short name for moderators"), max_length=80, help_text=_("e.g. Identifies someone")
    )
    message = models.CharField(
        _("message to the writer"),
        max_length=300,
        help_text=_("Kind and plain: the writer reads this. Say what to change if you can."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("offered to moderators"), default=True)

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("rejection message")
        verbose_name_plural = _("rejection messages")

    def __str__(self) -> str:
        return self.title


class Claim(models.Model):
    """A moderator is working on a post; others are kept off it until it expires."""

    post = models.OneToOneField("forum.Post", on_delete=models.CASCADE, related_name="claim")
    moderator = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Claim {self.pk}"


class ModeratorSettings(models.Model):
    """A moderator's hours on duty, on-call duty and keyboard preference."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    moderator = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="moderator_settings"
    )
    duty_days = models.JSONField(_("days on duty"), default=list, blank=True)
    duty_start = models.TimeField(_("on duty from"), null=True, blank=True)
    duty_end = models.TimeField(_("on duty until"), null=True, blank=True)
    on_call = models.BooleanField(
        _("on call outside hours"),
        default=False,
        help_text=_("You are told at once about urgent posts when nobody is on duty."),
    )
    single_key_shortcuts = models.BooleanField(
        _("single-key shortcuts in the queue"),
        default=True,
        help_text=_("Turn off if you use speech input or often press keys by accident."),
    )

    class Meta:
        verbose_name = _("moderator settings")
        verbose_name_plural = _("moderator settings")

    def __str__(self) -> str:
        return f"Settings {self.pk}"

    def on_duty_at(self, local) -> bool:
        """Whether `local` (a datetime in the site's time zone) falls in these hours."""
        if self.duty_start is None or self.duty_end is None or not self.duty_days:
            return False
        day, time = local.weekday(), local.time()
        if self.duty_start <= self.duty_end:
            return day in self.duty_days and self.duty_start <= time < self.duty_end
        # Overnight hours belong to the day they start on.
        yesterday = (day - 1) % 7
        return (day in self.duty_days and time >= self.duty_start) or (
            yesterday in self.duty_days and time < self.duty_end
        )


class AutomaticAction(models.Model):
    """Something done while no moderator was on duty, undone with one click."""

    class Kind(models.TextChoices):
        POST_HIDDEN = "post_hidden", _("Post hidden after reports")
        MEMBER_PAUSED = "member_paused", _("Member paused after reports")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    post = models.ForeignKey("forum.Post", null=True, blank=True, on_delete=models.CASCADE)
    member = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)
    settled_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.pk})"


class Notice(models.Model):
    """A message on the site: to a moderator (urgent items) or a member (a warning, a removal)."""

    class Kind(models.TextChoices):
        URGENT = "urgent", _("Urgent item in the queue")
        WARNING = "warning", _("Warning from a moderator")
        REDACTION = "redaction", _("Details removed from your post")
        REJECTION = "rejection", _("Post not published")
        SUSPENSION = "suspension", _("Posting paused")
        CHECK_IN = "check_in", _("A message from the moderators")

    recipient = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="moderation_notices"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    post = models.ForeignKey(
        "forum.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="moderation_notice_unread")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.pk})"


class Decision(models.Model):
    """A queue decision as it can be undone for a few minutes (MODERATION_UNDO_MINUTES)."""

    class Kind(models.TextChoices):
        APPROVE = "approve", _("Approved")
        DISMISS = "dismiss", _("Reports dismissed, post kept")
        REJECT = "reject", _("Rejected")
        HIDE = "hide", _("Hidden")
        EDIT = "edit", _("Edited and published")
        REDACT = "redact", _("Details removed and published")
        LOCK = "lock", _("Topic locked")
        MOVE = "move", _("Topic moved")

    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="+")
    moderator = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    previous_status = models.CharField(max_length=20)
    previous_urgent = models.BooleanField(default=False)
    # Which reports and writer's notices the decision closed or sent, so undoing restores them.
    report_ids = models.JSONField(default=list, blank=True)
    notice_ids = models.JSONField(default=list, blank=True)
    # What else an undo puts back: the post's earlier version (a PostRevision id) after an edit,
    # the topic's category after a move, its lock after locking.
    restore = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.pk})"


class UrgentAlert(models.Model):
    """Each time moderators were told about an urgent post: how many addresses the email reached."""

    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    emailed = models.PositiveIntegerField(default=0)
    problem = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"Urgent alert {self.pk}"


class CheckInMessage(models.Model):
    """What the writer of an urgent post reads once a moderator has handled it, per language.

    Without a row for a language the site's own wording is used (see checkin.py).
    """

    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, unique=True
    )
    text = models.TextField(
        _("message"),
        max_length=1500,
        help_text=_(
            "Warm and plain: the writer may be in danger. The emergency number, the helpline and "
            "the staying-safe page are added under it for you."
        ),
    )

    class Meta:
        ordering = ["language"]
        verbose_name = _("check-in message")
        verbose_name_plural = _("check-in messages")

    def __str__(self) -> str:
        return self.get_language_display()
