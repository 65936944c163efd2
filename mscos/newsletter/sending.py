"""Delivering a mailing: claim a batch, send each over one SMTP connection, record each at once.

Exactly once: every delivery row is claimed (`sending`) before its mail goes out and marked `sent`
as soon as the server accepts it. A worker killed in between leaves rows in `sending`; when the
mailing's heartbeat goes stale, `resume_stalled` puts them back and queues the mailing again.
Only a mail the server accepted in the instant before the kill can go out twice, and it then
carries the same Message-ID, so mail systems treat it as the same message.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass
from email.utils import formataddr, formatdate, parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import mailers
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from mscos.newsletter.greeting import fill_greeting
from mscos.newsletter.messages import build_bytes, build_message, personalise, unsubscribe_url
from mscos.newsletter.models import (
    Delivery,
    Mailing,
    NewsletterSettings,
    Subscriber,
    Suppression,
)
from mscos.newsletter.selectors import address_digest
from mscos.newsletter.services import suppress_address

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
HEARTBEAT_SECONDS = 5


def stall_seconds() -> int:
    return settings.NEWSLETTER_STALL_SECONDS


def max_attempts() -> int:
    return settings.NEWSLETTER_MAX_ATTEMPTS


def retry_delay(attempts: int) -> datetime.timedelta:
    """Backoff for temporary failures: base, 2x, 4x ... capped at six hours."""
    base = settings.NEWSLETTER_RETRY_BASE_SECONDS
    return datetime.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 6 * 60 * 60))


def _claim_batch(mailing: Mailing, now: datetime.datetime) -> list[Delivery]:
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(mailing=mailing, status=Delivery.PENDING, next_attempt_at__lte=now)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH_SIZE]
        )
        Delivery.objects.filter(pk__in=ids, status=Delivery.PENDING).update(
            status=Delivery.SENDING, claimed_at=now
        )
    return list(
        Delivery.objects.filter(pk__in=ids, status=Delivery.SENDING, claimed_at=now)
        .select_related("subscriber")
        .order_by("pk")
    )


def release_stale_claims(mailing: Mailing, *, now: datetime.datetime | None = None) -> int:
    """Rows claimed by a worker that stopped (killed, lost its server) are claimable again."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=stall_seconds())
    return Delivery.objects.filter(
        mailing=mailing, status=Delivery.SENDING, claimed_at__lte=cutoff
    ).update(status=Delivery.PENDING, claimed_at=None)


def _record(delivery: Delivery, **fields) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(**fields)


def _temporary_failure(delivery: Delivery, error: str) -> None:
    attempts = delivery.attempts + 1
    if attempts >= max_attempts():
        _record(delivery, status=Delivery.FAILED, attempts=attempts, last_error=error[:300])
        return
    _record(
        delivery,
        status=Delivery.PENDING,
        attempts=attempts,
        claimed_at=None,
        next_attempt_at=timezone.now() + retry_delay(attempts),
        last_error=error[:300],
    )


@dataclass(frozen=True)
class Sender:
    name: str
    address: str
    date: str


def _keep_open(connection) -> None:
    # Without an explicit open, Django's SMTP backend connects and quits for every message.
    if getattr(connection, "connection", True) is None:
        connection.open()


def _suppressed_in(batch: list[Delivery]) -> set[str]:
    digests = {
        address_digest(d.subscriber.email): d.subscriber.email for d in batch if d.subscriber
    }
    found = Suppression.objects.filter(address_digest__in=digests).values_list(
        "address_digest", flat=True
    )
    return {digests[digest] for digest in found}


def _send_one(
    delivery: Delivery, mailing: Mailing, connection, sender: Sender, suppressed: set[str]
) -> None:
    subscriber = delivery.subscriber
    if (
        subscriber is None
        or subscriber.status != Subscriber.ACTIVE
        or subscriber.email in suppressed
    ):
        _record(delivery, status=Delivery.SKIPPED)
        return
    unsubscribe = unsubscribe_url(subscriber)
    html_body, text_body = personalise(
        html_body=mailing.html_body,
        text_body=mailing.text_body,
        subscriber=subscriber,
        unsubscribe=unsubscribe,
    )
    html_body, text_body = fill_greeting(
        html_body=html_body, text_body=text_body, name=subscriber.name
    )
    try:
        if isinstance(connection, SMTPBackend):
            # The bulk path: one open connection, the message made with the lighter email API.
            data = build_bytes(
                subject=mailing.subject,
                html_body=html_body,
                text_body=text_body,
                to=subscriber.email,
                message_id=delivery.message_id,
                list_unsubscribe=unsubscribe,
                from_name=sender.name,
                from_address=sender.address,
                date=sender.date,
            )
            _keep_open(connection)
            # _keep_open has opened the connection, so its SMTP object is there.
            connection.connection.sendmail(  # type: ignore[union-attr]
                sender.address, [subscriber.email], data
            )
        else:
            message = build_message(
                subject=mailing.subject,
                html_body=html_body,
                text_body=text_body,
                to=subscriber.email,
                message_id=delivery.message_id,
                list_unsubscribe=unsubscribe,
                from_email=formataddr((sender.name, sender.address)),
            )
            connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        code, reply = next(iter(error.recipients.values()))
        if 500 <= code < 600:
            # The receiving server says the address does not exist: a hard bounce.
            _record(delivery, status=Delivery.FAILED, last_error=f"{code} {reply!r}"[:300])
            suppress_address(email=subscriber.email, reason=Suppression.BOUNCED)
        else:
            _temporary_failure(delivery, f"{code} {reply!r}")
        return
    except smtplib.SMTPResponseException as error:
        connection.close()
        if 500 <= error.smtp_code < 600:
            _record(
                delivery,
                status=Delivery.FAILED,
                last_error=f"{error.smtp_code} {error.smtp_error!r}"[:300],
            )
        else:
            _temporary_failure(delivery, f"{error.smtp_code} {error.smtp_error!r}")
        return
    except (ValidationError, ValueError) as error:
        # A header that would break out of its line (an injection attempt) is never sent.
        _record(delivery, status=Delivery.FAILED, last_error=f"rejected: {error}"[:300])
        return
    except (smtplib.SMTPException, OSError) as error:
        connection.close()
        _temporary_failure(delivery, f"{type(error).__name__}: {error}")
        return
    _record(delivery, status=Delivery.SENT, sent_at=timezone.now(), last_error="")


def deliver(mailing_id: int) -> datetime.datetime | None:
    """Sends what is due; returns when to come back for retries, or None once finished."""
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    if mailing is None or mailing.status == Mailing.FINISHED:
        return None
    release_stale_claims(mailing)
    settings_object = NewsletterSettings.load()
    sender = Sender(
        name=settings_object.sender_name,
        address=parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
        date=formatdate(),
    )
    connection = mailers.default
    last_beat = 0.0
    try:
        while True:
            now = timezone.now()
            if now.timestamp() - last_beat >= HEARTBEAT_SECONDS:
                Mailing.objects.filter(pk=mailing.pk).update(heartbeat_at=now)
                last_beat = now.timestamp()
            batch = _claim_batch(mailing, now)
            if not batch:
                break
            suppressed = _suppressed_in(batch)
            for delivery in batch:
                _send_one(delivery, mailing, connection, sender, suppressed)
                if timezone.now().timestamp() - last_beat >= HEARTBEAT_SECONDS:
                    Mailing.objects.filter(pk=mailing.pk).update(heartbeat_at=timezone.now())
                    last_beat = timezone.now().timestamp()
    finally:
        connection.close()
    unfinished = Delivery.objects.filter(
        mailing=mailing, status__in=[Delivery.PENDING, Delivery.SENDING]
    )
    next_due = (
        unfinished.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
    )
    if next_due is None:
        Mailing.objects.filter(pk=mailing.pk).update(
            status=Mailing.FINISHED, finished_at=timezone.now()
        )
        return None
    Mailing.objects.filter(pk=mailing.pk).update(heartbeat_at=timezone.now())
    return max(next_due, timezone.now())


def resume_stalled(*, now: datetime.datetime | None = None) -> list[int]:
    """Mailings whose worker went quiet are queued again; returns their ids."""
    from mscos.newsletter.tasks import send_mailing

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=stall_seconds())
    resumed = []
    # Only mailings with work overdue: rows due (or claimed) before the cutoff that nobody took.
    # One merely waiting for a retry's backoff has its own deferred task and is left alone.
    overdue = Delivery.objects.filter(
        Q(status=Delivery.PENDING, next_attempt_at__lte=cutoff)
        | Q(status=Delivery.SENDING, claimed_at__lte=cutoff),
        mailing=OuterRef("pk"),
    )
    for mailing_id in Mailing.objects.filter(
        Exists(overdue), status=Mailing.SENDING, heartbeat_at__lte=cutoff
    ).values_list("pk", flat=True):
        # A conditional update claims it, so two schedulers do not both queue it.
        claimed = Mailing.objects.filter(pk=mailing_id, heartbeat_at__lte=cutoff).update(
            heartbeat_at=now
        )
        if claimed:
            Delivery.objects.filter(
                mailing_id=mailing_id, status=Delivery.SENDING, claimed_at__lte=cutoff
            ).update(status=Delivery.PENDING, claimed_at=None)
            send_mailing.enqueue(mailing_id)
            resumed.append(mailing_id)
    return resumed
