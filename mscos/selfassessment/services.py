"""Writes for the self-assessment: keeping one (all answers or none), and erasing what an expired
public assessment held in free text."""

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mscos.accounts.models import User
from mscos.measurement.models import Organisation
from mscos.selfassessment.models import Assessment, OutcomeAnswer
from mscos.selfassessment.selectors import token_digest


def assessment_create(
    *,
    answers: dict[int, dict[str, Any]],
    service_kind: str = "",
    size_band: str = "",
    organisation: Organisation | None = None,
    acting_user: User | None = None,
) -> tuple[Assessment, str]:
    """Keeps an assessment and its answers in one transaction. A public one (no organisation)
    gets a private report token, returned once and stored only as a hash; "" for a workspace's."""
    now = timezone.now()
    token = "" if organisation is not None else secrets.token_urlsafe(32)
    with transaction.atomic():
        assessment = Assessment.objects.create(
            created_at=now,
            token_hash=token_digest(token) if token else None,
            expires_at=(
                now + datetime.timedelta(days=settings.SELF_ASSESSMENT_REPORT_DAYS)
                if token
                else None
            ),
            service_kind=service_kind,
            size_band=size_band,
            organisation=organisation,
            made_by=acting_user if organisation is not None else None,
        )
        OutcomeAnswer.objects.bulk_create(
            OutcomeAnswer(assessment=assessment, outcome_id=outcome_id, **fields)
            for outcome_id, fields in answers.items()
        )
    return assessment, token


def expired_assessments_erase() -> int:
    """Public assessments past their link's end: the link stops for good and the free text goes;
    the choices stay, counted in "Where services struggle". Returns how many were erased."""
    expired = Assessment.objects.filter(
        organisation__isnull=True, token_hash__isnull=False, expires_at__lte=timezone.now()
    )
    with transaction.atomic():
        ids = list(expired.values_list("pk", flat=True))
        OutcomeAnswer.objects.filter(assessment_id__in=ids).update(
            tool="", barrier_other="", help_other=""
        )
        Assessment.objects.filter(pk__in=ids).update(token_hash=None)
    return len(ids)
