"""Writes for joining: record the person, and (if they agreed) ask for their subscription."""

import logging

from django.db import transaction
from django.utils import timezone

from mscos.joining.models import JoinRequest

logger = logging.getLogger(__name__)


def join_request_create(
    *,
    name: str,
    email: str,
    role: str,
    organisation: str,
    country: str,
    outcomes,
    consent_to_updates: bool,
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
        if consent_to_updates:
            subscribe_joiner(join_request=join_request)
    return join_request


def subscribe_joiner(*, join_request: JoinRequest) -> bool:
    """THE ONE PLACE where joining meets the newsletter (double opt-in), to be connected at merge.

    The newsletter app (`mscos.newsletter`, built on another branch) offers
    `request_subscription(*, email, name, interests, ..., source)`, which mails a confirmation link
    and subscribes only once it is followed. Connect it here, e.g.:

        from mscos.newsletter.services import request_subscription
        request_subscription(
            email=join_request.email,
            name=join_request.name,
            interests=list(join_request.outcomes.all()),
            source="join",
        )

    (and move `joining` above `newsletter` in the import layers, or the other way round.) Until
    then this records that the person asked, so no consent is lost: the requests with
    `subscription_requested_at` set can be passed to the newsletter once it exists.
    Returns True once the subscription was actually requested from the newsletter.
    """
    JoinRequest.objects.filter(pk=join_request.pk).update(subscription_requested_at=timezone.now())
    logger.info("Join request %s asked for the updates; newsletter not connected", join_request.pk)
    return False
