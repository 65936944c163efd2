"""Writes for joining: record the person, and (if they agreed) ask for their subscription."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from mscos.joining.models import JoinRequest
from mscos.newsletter.services import request_subscription
from mscos.outcomes.models import OutcomePage


def join_request_create(
    *,
    name: str,
    email: str,
    role: str,
    organisation: str,
    country: str,
    outcomes: Iterable[OutcomePage],
    consent_to_updates: bool,
    consent_text_version: str = "",
) -> JoinRequest:
    with transaction.atomic():
        join_request = JoinRequest.objects.create(
            name=name.strip(),
            email=email.strip().lower(),
            role=role,
            organisation=organisation.strip(),
            country=country.strip(),
            consent_to_updates=consent_to_updates,
        )
        join_request.outcomes.set(outcomes)
        if consent_to_updates and consent_text_version:
            subscribe_joiner(join_request=join_request, consent_text_version=consent_text_version)
    return join_request


def subscribe_joiner(*, join_request: JoinRequest, consent_text_version: str) -> None:
    """Joining meets the newsletter here: its double opt-in mails a confirmation link, and
    nothing else is sent until that link is followed."""
    request_subscription(
        email=join_request.email,
        name=join_request.name,
        interests=list(join_request.outcomes.all()),
        consent_text_version=consent_text_version,
        source="join",
    )
    JoinRequest.objects.filter(pk=join_request.pk).update(subscription_requested_at=timezone.now())
