"""Reads for the newsletter: the consent text in use, subscribers, progress of a mailing."""

import hashlib
from collections.abc import Collection
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from mscos.accounts.models import User
from mscos.newsletter.models import ConsentText, Delivery, Mailing, Subscriber, Suppression
from mscos.newsletter.tokens import read_token


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def address_digest(email: str) -> str:
    """A stable digest of the normalised address; the suppression list keeps only this."""
    return hashlib.sha256(f"mscos-suppression:{normalise_email(email)}".encode()).hexdigest()


def is_suppressed(email: str) -> bool:
    return Suppression.objects.filter(address_digest=address_digest(email)).exists()


def current_consent_text() -> ConsentText | None:
    return ConsentText.objects.filter(published_at__lte=timezone.now()).first()


def subscriber_from_token(token: str, purpose: str) -> Subscriber | None:
    """The subscriber a signed link names, or None for a forged, expired or revoked link."""
    found = read_token(token, purpose)
    if found is None:
        return None
    pk, key = found
    return Subscriber.objects.filter(pk=pk, key=key).first()


def subscription_for_member(user: User | AnonymousUser) -> Subscriber | None:
    if not user.is_authenticated:
        return None
    return Subscriber.objects.filter(user=user).first()


def recipients_for(interest_ids: Collection[int]) -> QuerySet[Subscriber]:
    """Active subscribers to send to: everyone, or those whose interests meet the filter.

    Subscribers who chose no outcome asked for every update, so they are always included.
    """
    active = Subscriber.objects.filter(status=Subscriber.ACTIVE)
    if not interest_ids:
        return active
    return active.filter(Q(interests__in=interest_ids) | Q(interests__isnull=True)).distinct()


@dataclass(frozen=True)
class MailingProgress:
    total: int
    sent: int
    failed: int
    skipped: int
    waiting: int

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.skipped

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


def mailing_progress(mailing: Mailing) -> MailingProgress:
    counts = Delivery.objects.filter(mailing=mailing).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status=Delivery.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.FAILED)),
        skipped=Count("pk", filter=Q(status=Delivery.SKIPPED)),
        waiting=Count("pk", filter=Q(status__in=[Delivery.PENDING, Delivery.SENDING])),
    )
    return MailingProgress(**counts)


def mailing_for_page(page: Page) -> Mailing | None:
    return Mailing.objects.filter(page=page).first()
