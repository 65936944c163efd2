"""Members: a custom user shown to others only by a pseudonymous display name, with the records
that belong to an account (password recovery codes, badge requests)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A member; other members see `display_name`, never the username or email."""

    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("The name other members see. It does not need to be your real name."),
    )
    # createsuperuser asks for it too: claims and the audit log show it (0006 named the rest).
    REQUIRED_FIELDS = ["email", "display_name"]

    class PostingPause(models.TextChoices):
        NONE = "", _("May post")
        SUSPENDED = "suspended", _("Suspended by a moderator")
        BANNED = "banned", _("Banned by a moderator")
        AWAITING_REVIEW = "awaiting_review", _("Paused until a moderator reviews reports")

    # Set only through moderation services, which write the audit log.
    posting_paused = models.CharField(
        _("posting paused"), max_length=20, choices=PostingPause.choices, blank=True, default=""
    )
    posting_paused_until = models.DateTimeField(_("paused until"), null=True, blank=True)
    posting_paused_reason = models.CharField(
        _("reason shown to the member"), max_length=300, blank=True
    )
    # Accounts made on the sign-up page start on probation (docs/moderation.md): their first posts
    # wait for a moderator and their reports weigh little. Changed only through services.
    on_probation = models.BooleanField(_("on probation"), default=False)
    probation_lifted_at = models.DateTimeField(_("probation lifted"), null=True, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to other people: the display name, or a neutral fallback."""
        return self.display_name or str(_("Member"))

    def posting_pause_active(self, now=None) -> bool:
        """Whether a suspension, ban or review pause stops this member posting right now."""
        if not self.posting_paused:
            return False
        if self.posting_paused_until is None:
            return True
        return self.posting_paused_until > (now or timezone.now())


def public_name_of(user) -> str:
    """What allauth shows for a user: never the username or email."""
    return user.public_name


class RecoveryCode(models.Model):
    """A one-time code that resets the password of a member who gave no email address."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")

    def __str__(self) -> str:
        return str(_("Recovery code"))  # never the code or its hash


class Badge(models.TextChoices):
    LIVED_EXPERIENCE = "lived_experience", _("Lived experience")
    PRACTITIONER = "practitioner", _("Practitioner")
    RESEARCHER = "researcher", _("Researcher")


class BadgeRequest(models.Model):
    """A member asks for a profile badge; a moderator grants or declines it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        GRANTED = "granted", _("Granted")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_requests"
    )
    badge = models.CharField(_("badge"), max_length=30, choices=Badge.choices)
    note = models.TextField(
        _("note for the moderators"),
        blank=True,
        max_length=1000,
        help_text=_("Optional. Anything that helps a moderator decide. Only moderators see it."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("badge request")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "badge"],
                condition=models.Q(status__in=["pending", "granted"]),
                name="one_open_request_per_badge",
            )
        ]
        permissions = [("review_badgerequest", "Can grant or decline badge requests")]

    def __str__(self) -> str:
        return f"{self.get_badge_display()} ({self.get_status_display()})"
