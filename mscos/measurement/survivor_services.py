"""Writes for the survivor's own link (#20): a worker makes it, the survivor answers through it.

The survivor's answers go into their part of the check-in only: the practitioner's answers are
never touched. A question the survivor skips keeps whatever was recorded for it in the session.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.measurement import permissions, survivor_selectors
from mscos.measurement.models import AccessLogEntry, Answer, CheckIn, SurvivorLink

# One set of rules for what an answer may be, shared with the worker's check-in form.
from mscos.measurement.services import CheckInConflict, _allowed_answers, access_log_record

Action = AccessLogEntry.Action


class LinkNoLongerWorks(Exception):
    """The link was used, ran out of time or never existed (all look the same)."""


def survivor_link_create(*, check_in: CheckIn, language: str, acting_user: User) -> SurvivorLink:
    """A link for the survivor's part of `check_in`, in `language`, working once and for
    MEASUREMENT_SURVIVOR_LINK_HOURS; the check-in's earlier links that still work stop working."""
    person = check_in.person
    membership = permissions.membership_for(acting_user, person.organisation)
    if membership is None or not permissions.can_change_person(membership, person):
        raise PermissionDenied
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose the language the survivor reads best.")})
    now = timezone.now()
    with transaction.atomic():
        # One working link per check-in: a new one replaces a link shown earlier and not used.
        SurvivorLink.objects.filter(
            check_in=check_in, used_at__isnull=True, expires_at__gt=now
        ).update(expires_at=now)
        link = SurvivorLink.objects.create(
            check_in=check_in,
            language=language,
            created_by=acting_user,
            expires_at=now + datetime.timedelta(hours=settings.MEASUREMENT_SURVIVOR_LINK_HOURS),
        )
        access_log_record(
            organisation=person.organisation,
            acting_user=acting_user,
            action=Action.SURVIVOR_LINK,
            person=person,
            detail=f"{check_in.kind} {check_in.date.isoformat()} {language}",
        )
    return link


def survivor_answers_record(
    *, token: str, answers: dict[int, str], expected_version: int | None
) -> CheckIn:
    """Saves the survivor's own answers through their link, and uses the link up.

    `answers` maps a survivor-reported indicator to a scale point or "I'd rather not say"; a
    question left out keeps what it had. Refused whole (ValidationError) when an answer is not on
    its scale or the question is not one the survivor answers; LinkNoLongerWorks when the link
    is used, late or unknown; CheckInConflict when the check-in was saved since the form was
    opened (the link then still works).
    """
    library = {i.pk: i for i in survivor_selectors.survivor_indicators()}
    errors = {}
    for indicator_id, answer in answers.items():
        indicator = library.get(indicator_id)
        if indicator is None:
            errors["__all__"] = _("One of the questions is not in this check-in.")
        elif answer == "" or answer not in _allowed_answers(indicator)[0]:
            errors[f"survivor_{indicator_id}"] = _("Choose one of the answers on the scale.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        link = survivor_selectors.open_link_for_token(token)
        if link is None:
            raise LinkNoLongerWorks
        # Claimed first, so two sends at the same moment cannot both use it.
        claimed = SurvivorLink.objects.filter(
            pk=link.pk, used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if not claimed:
            raise LinkNoLongerWorks
        check_in = link.check_in
        # Compare-and-set, as the worker's form does: a save since the form opened wins the
        # race and the survivor is asked to send again (the claim above is rolled back).
        changed = CheckIn.objects.filter(pk=check_in.pk, version=expected_version or 0).update(
            updated_at=now, version=F("version") + 1
        )
        if not changed:
            raise CheckInConflict(CheckIn.objects.get(pk=check_in.pk))
        existing = {a.indicator_id: a for a in Answer.objects.filter(check_in=check_in)}
        changed_answers: list[Answer] = []
        new_answers: list[Answer] = []
        for indicator_id, answer in sorted(answers.items()):
            if indicator_id in existing:
                existing[indicator_id].survivor_answer = answer
                changed_answers.append(existing[indicator_id])
            else:
                new_answers.append(
                    Answer(check_in=check_in, indicator_id=indicator_id, survivor_answer=answer)
                )
        # Only the survivor's column: the practitioner's view stays as it is.
        Answer.objects.bulk_update(changed_answers, ["survivor_answer"])
        Answer.objects.bulk_create(new_answers)
        person = check_in.person
        access_log_record(
            organisation=person.organisation,
            acting_user=None,
            action=Action.SURVIVOR_ANSWER,
            person=person,
            detail=f"{check_in.kind} {check_in.date.isoformat()} {link.language}",
        )
    check_in.refresh_from_db()
    return check_in
