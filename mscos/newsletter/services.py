"""Writes for the newsletter: subscribing (double opt-in), preferences, unsubscribing, mailings."""

import datetime
import logging
from collections.abc import Iterable
from functools import partial

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from mscos.accounts.models import User
from mscos.newsletter.messages import new_message_id
from mscos.newsletter.models import (
    ConsentText,
    Delivery,
    Mailing,
    Subscriber,
    Suppression,
    reject_control_characters,
)
from mscos.newsletter.selectors import (
    address_digest,
    is_suppressed,
    normalise_email,
    recipients_for,
)
from mscos.outcomes.models import OutcomePage

logger = logging.getLogger(__name__)

# A second request for the same pending address sends the confirmation again at most this often.
CONFIRMATION_RESEND_SECONDS = 10 * 60


class MailingAlreadyStarted(Exception):
    """This page has already been sent (or scheduled) to subscribers."""


class MailingNotScheduled(Exception):
    """The mailing is no longer waiting: it has started, or was cancelled already."""


def _consent(version: str) -> ConsentText:
    consent = ConsentText.objects.filter(version=version).first()
    if consent is None:
        raise ValidationError(_("The consent text has changed; please read it again."))
    return consent


def _clean_details(*, email: str, name: str) -> tuple[str, str]:
    email = normalise_email(email)
    validate_email(email)
    name = (name or "").strip()
    reject_control_characters(name)
    return email, name


def request_subscription(
    *,
    email: str,
    name: str = "",
    interests: Iterable[OutcomePage] = (),
    consent_text_version: str,
    source: str,
    acting_user: User | AnonymousUser | None = None,
) -> None:
    """Starts a double opt-in: only a confirmation mail is sent, until its link is followed.

    Answers the same whatever the address's state (new, waiting, subscribed, suppressed), so the
    caller always shows "check your inbox" and nobody learns whether an address is on the list.
    Raises ValidationError for an invalid address or name, or an unknown consent version.
    """
    from mscos.newsletter.tasks import send_confirmation

    email, name = _clean_details(email=email, name=name)
    consent = _consent(consent_text_version)
    if is_suppressed(email):
        return
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "name": name,
                "source": source[:40],
                "consent_text": consent,
                "consented_at": now,
                "user": (
                    acting_user
                    if acting_user is not None and acting_user.is_authenticated
                    else None
                ),
                "confirmation_sent_at": now,
            },
        )
        if created:
            subscriber.interests.set(list(interests))
        elif subscriber.status == Subscriber.ACTIVE:
            return
        else:
            recently = subscriber.confirmation_sent_at and (
                (now - subscriber.confirmation_sent_at).total_seconds()
                < CONFIRMATION_RESEND_SECONDS
            )
            if recently:
                return
            Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=now)
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk))


def confirm_subscription(*, subscriber: Subscriber) -> Subscriber:
    """Follows the confirmation link: from now on, updates are sent. Repeating it is harmless."""
    if subscriber.status != Subscriber.ACTIVE:
        subscriber.status = Subscriber.ACTIVE
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    return subscriber


def update_preferences(
    *, subscriber: Subscriber, name: str, interests: Iterable[OutcomePage]
) -> Subscriber:
    name = (name or "").strip()
    reject_control_characters(name)
    subscriber.name = name
    subscriber.save(update_fields=["name"])
    subscriber.interests.set(list(interests))
    return subscriber


def suppress_address(*, email: str, reason: str) -> None:
    """Puts an address on the suppression list and forgets the subscriber behind it."""
    with transaction.atomic():
        Suppression.objects.get_or_create(
            address_digest=address_digest(email), defaults={"reason": reason}
        )
        # Deliveries keep their rows (the counts stay true) but lose the person.
        Subscriber.objects.filter(email=normalise_email(email)).delete()


def unsubscribe(*, subscriber: Subscriber) -> None:
    """One click, no questions: the address is never mailed again."""
    suppress_address(email=subscriber.email, reason=Suppression.UNSUBSCRIBED)


def subscribe_member(
    *,
    user: User,
    email: str,
    interests: Iterable[OutcomePage] = (),
    consent_text_version: str,
    acting_user: User,
) -> Subscriber:
    """A signed-in member subscribes an address their account has verified: no second mail.

    Choosing to subscribe a verified address of one's own also lifts an earlier suppression.
    """
    email, _name = _clean_details(email=email, name="")
    consent = _consent(consent_text_version)
    now = timezone.now()
    with transaction.atomic():
        Suppression.objects.filter(address_digest=address_digest(email)).delete()
        subscriber, _created = Subscriber.objects.update_or_create(
            email=email,
            defaults={
                "user": user,
                "status": Subscriber.ACTIVE,
                "consent_text": consent,
                "consented_at": now,
                "confirmed_at": now,
                "source": "account",
            },
        )
        subscriber.interests.set(list(interests))
    logger.info("Member %s subscribed to the newsletter", getattr(acting_user, "pk", None))
    return subscriber


def purge_unconfirmed(*, older_than_days: int = 7) -> int:
    """Requests never confirmed are forgotten once their link has expired."""
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    deleted, _ = Subscriber.objects.filter(
        status=Subscriber.PENDING, created_at__lt=cutoff
    ).delete()
    return deleted


def _make_deliveries(mailing: Mailing, interest_ids: list[int]) -> None:
    subscriber_ids = recipients_for(interest_ids).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (
            Delivery(mailing=mailing, subscriber_id=pk, message_id=new_message_id())
            for pk in subscriber_ids.iterator()
        ),
        batch_size=1000,
    )


def mailing_start(
    *,
    page: Page,
    subject: str,
    html_body: str,
    text_body: str,
    interests: Iterable[OutcomePage | int] = (),
    send_after: datetime.datetime | None = None,
    acting_user: User,
) -> Mailing:
    """Fixes the content and the recipients, one delivery row each, and queues the sending.

    With `send_after` (in the future) the mailing waits, scheduled, for `start_due_mailings`;
    its recipients are those subscribed at that moment. Raises MailingAlreadyStarted if the page
    has been sent or scheduled before (a unique constraint decides, so two editors clicking at
    once still send it once), ValidationError for a time that has passed.
    """
    from mscos.newsletter.tasks import send_mailing

    reject_control_characters(subject)
    if send_after is not None and send_after <= timezone.now():
        raise ValidationError(_("Please choose a time in the future."), code="past")
    interest_ids = [getattr(item, "pk", item) for item in interests]
    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(
                page=page,
                subject=subject,
                html_body=html_body,
                text_body=text_body,
                created_by=acting_user,
                status=Mailing.SCHEDULED if send_after else Mailing.SENDING,
                send_after=send_after,
            )
            mailing.interests.set(interest_ids)
            if send_after is None:
                _make_deliveries(mailing, interest_ids)
    except IntegrityError as error:
        raise MailingAlreadyStarted from error
    if send_after is None:
        transaction.on_commit(lambda: send_mailing.enqueue(mailing.pk))
    logger.info(
        "Mailing %s %s by user %s",
        mailing.pk,
        "scheduled" if send_after else "started",
        getattr(acting_user, "pk", None),
    )
    return mailing


def mailing_cancel(*, mailing: Mailing, acting_user: User) -> None:
    """Cancels a scheduled mailing that has not started; nothing was sent, so nothing is kept.

    Raises MailingNotScheduled when it is too late (the periodic job started it first).
    """
    deleted, _rows = Mailing.objects.filter(pk=mailing.pk, status=Mailing.SCHEDULED).delete()
    if not deleted:
        raise MailingNotScheduled
    logger.info("Scheduled mailing %s cancelled by user %s", mailing.pk, acting_user.pk)


def start_due_mailings(*, now: datetime.datetime | None = None) -> list[int]:
    """Starts every scheduled mailing whose time has come; returns their ids.

    Each is claimed with a conditional UPDATE in the same transaction that makes its deliveries,
    so a cancellation and a second scheduler cannot both win.
    """
    from mscos.newsletter.tasks import send_mailing

    now = now or timezone.now()
    started: list[int] = []
    due = Mailing.objects.filter(status=Mailing.SCHEDULED, send_after__lte=now)
    for mailing in due.prefetch_related("interests"):
        with transaction.atomic():
            claimed = Mailing.objects.filter(pk=mailing.pk, status=Mailing.SCHEDULED).update(
                status=Mailing.SENDING, heartbeat_at=now
            )
            if not claimed:
                continue
            _make_deliveries(mailing, [interest.pk for interest in mailing.interests.all()])
            transaction.on_commit(partial(send_mailing.enqueue, mailing.pk))
        started.append(mailing.pk)
    return started
