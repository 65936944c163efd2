"""Subscribers with versioned consent, the suppression list, and one delivery row per recipient."""

import re
import secrets
import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def reject_control_characters(value: str) -> None:
    """Line breaks and other control characters would let a value smuggle in mail headers."""
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(
            _("Please use a single line of plain text, without line breaks."), code="control"
        )


def new_key() -> str:
    return secrets.token_urlsafe(18)


class ConsentText(models.Model):
    """What a subscriber agreed to; each change is a new version, and subscribers keep theirs."""

    version = models.CharField(
        _("version"), max_length=40, unique=True, help_text=_('e.g. "2026-11". Never reused.')
    )
    text = models.TextField(_("consent text"), help_text=_("Shown beside the consent box."))
    published_at = models.DateTimeField(_("in use from"), default=timezone.now)

    panels = [FieldPanel("version"), FieldPanel("text"), FieldPanel("published_at")]

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return self.version


SUBJECT_FIELDS = {"label", "title"}


def validate_subject_template(value: str) -> None:
    reject_control_characters(value)
    try:
        fields = {name for _t, name, _s, _c in string.Formatter().parse(value) if name is not None}
    except ValueError as error:
        raise ValidationError(_("The braces in the subject do not match.")) from error
    unknown = fields - SUBJECT_FIELDS
    if unknown:
        raise ValidationError(
            _("The subject may only use {label} and {title}; it has: %(unknown)s"),
            params={"unknown": ", ".join(sorted(unknown))},
        )


@register_setting(icon="mail")
class NewsletterSettings(BaseGenericSetting):
    """How the mails look in an inbox: a plain sender name and a neutral subject."""

    sender_name = models.CharField(
        _("sender name"),
        max_length=80,
        default="Community update",
        validators=[reject_control_characters],
        help_text=_(
            "Shown as the sender. Keep it plain: someone else may see the inbox of a reader."
        ),
    )
    subject_template = models.CharField(
        _("subject"),
        max_length=120,
        default="Community update: {label}",
        validators=[validate_subject_template],
        help_text=_("{label} becomes e.g. “Week 22”, {title} the update's title."),
    )

    panels = [FieldPanel("sender_name"), FieldPanel("subject_template")]

    class Meta:
        verbose_name = _("newsletter settings")


class Subscriber(models.Model):
    PENDING = "pending"
    ACTIVE = "active"
    STATUS_CHOICES = [(PENDING, _("waiting for confirmation")), (ACTIVE, _("subscribed"))]

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(
        _("name"), max_length=120, blank=True, validators=[reject_control_characters]
    )
    interests = models.ManyToManyField(
        "outcomes.OutcomePage",
        verbose_name=_("outcomes of interest"),
        blank=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscriptions",
    )
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=PENDING)
    source = models.CharField(_("signed up on"), max_length=40, blank=True)
    consent_text = models.ForeignKey(
        ConsentText, verbose_name=_("consent text"), on_delete=models.PROTECT, related_name="+"
    )
    consented_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # Part of every signed link: a new key makes all earlier links stop working.
    key = models.CharField(max_length=40, default=new_key, editable=False)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.email


class Suppression(models.Model):
    """An address never mailed again. Only a digest is kept, so the list reveals no address."""

    UNSUBSCRIBED = "unsubscribed"
    BOUNCED = "bounced"
    COMPLAINT = "complaint"
    MANUAL = "manual"
    REASON_CHOICES = [
        (UNSUBSCRIBED, _("unsubscribed")),
        (BOUNCED, _("bounced")),
        (COMPLAINT, _("complaint")),
        (MANUAL, _("added by an editor")),
    ]

    address_digest = models.CharField(_("address digest"), max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=20, choices=REASON_CHOICES)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppression list")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.address_digest[:12]}…)"


class Mailing(models.Model):
    """One page sent to subscribers: the content is fixed when the editor confirms.

    A scheduled mailing has no deliveries yet: they are made (for the subscribers of that moment)
    when the periodic job starts it at `send_after`; until then it can be cancelled.
    """

    SCHEDULED = "scheduled"
    SENDING = "sending"
    FINISHED = "finished"
    STATUS_CHOICES = [
        (SCHEDULED, _("scheduled")),
        (SENDING, _("sending")),
        (FINISHED, _("finished")),
    ]

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=200)
    html_body = models.TextField()
    text_body = models.TextField()
    interests = models.ManyToManyField(
        "outcomes.OutcomePage", verbose_name=_("only for"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=SENDING)
    send_after = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at"]
        constraints = [
            # A page goes to subscribers once: a second click or a second editor changes nothing.
            models.UniqueConstraint(fields=["page"], name="newsletter_one_mailing_per_page")
        ]
        indexes = [models.Index(fields=["status", "send_after"])]

    def __str__(self) -> str:
        return self.subject


class Delivery(models.Model):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    STATUS_CHOICES = [
        (PENDING, _("waiting")),
        (SENDING, _("being sent")),
        (SENT, _("sent")),
        (FAILED, _("failed")),
        (SKIPPED, _("skipped (unsubscribed)")),
    ]

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    # Fixed when the row is made: a resend after a crash is recognisably the same message.
    message_id = models.CharField(max_length=200, unique=True)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["mailing", "status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.message_id} ({self.status})"
