"""Writes in a workspace. Each checks who may, and each change writes one access-log entry."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mscos.accounts.models import User
from mscos.accounts.selectors import contact_address
from mscos.measurement import encryption, permissions, selectors
from mscos.measurement.models import (
    DECLINED,
    AccessLogEntry,
    Answer,
    CheckIn,
    Consent,
    Indicator,
    Invitation,
    Membership,
    Note,
    Observation,
    Organisation,
    Person,
    Programme,
)
from mscos.measurement.wording import CONSENT_TEXT_VERSION

Action = AccessLogEntry.Action


def access_log_record(
    *,
    organisation: Organisation,
    acting_user: User | None,
    action: str,
    person: Person | None = None,
    detail: str = "",
) -> AccessLogEntry:
    """One line in the organisation's access log (no address, no name, no note text)."""
    return AccessLogEntry.objects.create(
        organisation_id=organisation.pk,
        actor_id=acting_user.pk if acting_user else None,
        actor_name=str(acting_user) if acting_user else "",
        action=action,
        person_id=person.pk if person else None,
        detail=detail[:200],
    )


def _membership(acting_user: User, organisation: Organisation) -> Membership:
    membership = permissions.membership_for(acting_user, organisation)
    if membership is None:
        raise PermissionDenied
    return membership


def organisation_create(*, name: str, slug: str, lead: User, acting_user: User) -> Organisation:
    """A new workspace with its first lead (from the admin or the demo)."""
    with transaction.atomic():
        organisation = Organisation.objects.create(name=name, slug=slug)
        Membership.objects.create(user=lead, organisation=organisation, role=Membership.Role.LEAD)
        access_log_record(
            organisation=organisation, acting_user=acting_user, action=Action.MEMBER_JOIN
        )
    return organisation


def workspace_open(*, name: str, slug: str, lead_email: str, acting_user: User) -> Organisation:
    """A site administrator opens a workspace for an organisation, with its first lead: an
    account whose verified address is `lead_email` (the lead then invites the others)."""
    if not acting_user.is_superuser:
        raise PermissionDenied
    name, slug = " ".join(name.split()), slug.strip().lower()
    errors = {}
    if Organisation.objects.filter(slug=slug).exists():
        errors["slug"] = _("Another workspace already uses this short name. Please choose another.")
    lead = selectors.account_with_verified_address(lead_email)
    if lead is None:
        errors["lead_email"] = _(
            "No account has this verified email address. Ask the lead to sign up and confirm "
            "their address first."
        )
    if errors or lead is None:
        raise ValidationError(errors)
    try:
        return organisation_create(name=name, slug=slug, lead=lead, acting_user=acting_user)
    except IntegrityError as error:  # the same short name taken at the same moment
        raise ValidationError(
            {"slug": _("Another workspace already uses this short name. Please choose another.")}
        ) from error


def programme_create(
    *,
    organisation: Organisation,
    name: str,
    check_in_interval_days: int,
    acting_user: User,
    kind: str = Programme.Kind.OTHER,
) -> Programme:
    permissions.check_manage_workspace(_membership(acting_user, organisation))
    name = name.strip()
    if organisation.programmes.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("There is already a programme with this name.")})
    if kind not in Programme.Kind.values:
        raise ValidationError({"kind": _("Choose one of the kinds of support listed.")})
    with transaction.atomic():
        programme = Programme.objects.create(
            organisation=organisation,
            name=name,
            kind=kind,
            check_in_interval_days=check_in_interval_days,
        )
        access_log_record(
            organisation=organisation,
            acting_user=acting_user,
            action=Action.PROGRAMME_CREATE,
            detail=name,
        )
    return programme


def person_create(
    *,
    organisation: Organisation,
    case_code: str,
    consents: set[str],
    acting_user: User,
    age_band: str = "",
    gender: str = "",
    nationality: str = "",
    programme: Programme | None = None,
    start_date: datetime.date | None = None,
) -> Person:
    """A new pseudonymous record; it cannot exist without consent to keep it."""
    membership = _membership(acting_user, organisation)
    permissions.check_add_person(membership)
    case_code = case_code.strip()
    if Consent.Use.RECORD_KEEPING not in consents:
        raise ValidationError(
            {"consent_record": _("A record can only be kept if the person agrees to it.")}
        )
    if programme is not None and programme.organisation_id != organisation.pk:
        raise ValidationError({"programme": _("Choose one of your organisation's programmes.")})
    if start_date is not None and start_date > timezone.localdate():
        raise ValidationError({"start_date": _("The start date cannot be in the future.")})
    now = timezone.now()
    try:
        with transaction.atomic():
            person = Person.objects.create(
                organisation=organisation,
                case_code=case_code,
                age_band=age_band,
                gender=gender,
                nationality=nationality.strip(),
                programme=programme,
                start_date=start_date,
                caseworker=acting_user if membership.role == Membership.Role.CASEWORKER else None,
            )
            Consent.objects.bulk_create(
                Consent(person=person, use=use, text_version=CONSENT_TEXT_VERSION, given_at=now)
                for use in sorted(consents & set(Consent.Use.values))
            )
            access_log_record(
                organisation=organisation,
                acting_user=acting_user,
                action=Action.PERSON_CREATE,
                person=person,
            )
    except IntegrityError as error:
        raise ValidationError(
            {"case_code": _("Your organisation already has a person with this case code.")}
        ) from error
    return person


def _look_logged(*, person: Person, acting_user: User, action: str, detail: str = "") -> None:
    """Writes a look at a person's record (or part of it) to the log, after checking the looker
    may see that person; the look itself changes nothing."""
    permissions.get_person_for_member_or_404(
        _membership(acting_user, person.organisation), person.pk
    )
    access_log_record(
        organisation=person.organisation,
        acting_user=acting_user,
        action=action,
        person=person,
        detail=detail,
    )


def person_viewed(*, person: Person, acting_user: User) -> None:
    """Writes the look at a record to the log."""
    _look_logged(person=person, acting_user=acting_user, action=Action.PERSON_VIEW)


def consent_withdraw(*, person: Person, use: str, acting_user: User) -> bool:
    """Records a withdrawal; withdrawing record keeping erases the person. True when erased."""
    organisation = person.organisation
    membership = _membership(acting_user, organisation)
    if not permissions.can_change_person(membership, person):
        raise PermissionDenied
    if use not in Consent.Use.values:
        raise ValidationError(_("Choose which consent is withdrawn."))
    with transaction.atomic():
        if use == Consent.Use.RECORD_KEEPING:
            person_id = person.pk
            # Consents, notes and check-ins go with it (on_delete=CASCADE).
            person.delete()
            person.pk = person_id
            access_log_record(
                organisation=organisation,
                acting_user=acting_user,
                action=Action.PERSON_ERASE,
                person=person,
            )
            return True
        Consent.objects.filter(person=person, use=use, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now()
        )
        access_log_record(
            organisation=organisation,
            acting_user=acting_user,
            action=Action.CONSENT_WITHDRAW,
            person=person,
            detail=use,
        )
    return False


def note_add(*, person: Person, text: str, acting_user: User) -> Note:
    membership = _membership(acting_user, person.organisation)
    if not permissions.can_change_person(membership, person):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the note before saving it.")})
    with transaction.atomic():
        note = Note.objects.create(
            person=person, author=acting_user, ciphertext=encryption.encrypt(text)
        )
        access_log_record(
            organisation=person.organisation,
            acting_user=acting_user,
            action=Action.NOTE_ADD,
            person=person,
        )
    return note


def note_keys_rotate(*, acting_user: User | None = None) -> int:
    """Re-encrypts every note under the newest key; the number of notes re-encrypted."""
    count = 0
    organisations: set[int] = set()
    with transaction.atomic():
        for note in Note.objects.select_for_update().select_related("person").iterator():
            note.ciphertext = encryption.reencrypt(note.ciphertext)
            note.save(update_fields=["ciphertext"])
            organisations.add(note.person.organisation_id)
            count += 1
        for organisation in Organisation.objects.filter(pk__in=organisations):
            access_log_record(
                organisation=organisation,
                acting_user=acting_user,
                action=Action.NOTE_KEYS_ROTATE,
            )
    return count


def invitation_send(
    *, organisation: Organisation, email: str, role: str, acting_user: User
) -> Invitation:
    """Mails a one-use link that lets the person at `email` join with `role`."""
    from mscos.measurement.tasks import send_invitation

    permissions.check_manage_workspace(_membership(acting_user, organisation))
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email.strip(),
            role=role,
            invited_by=acting_user,
            expires_at=timezone.now()
            + datetime.timedelta(days=settings.MEASUREMENT_INVITATION_DAYS),
        )
        access_log_record(
            organisation=organisation,
            acting_user=acting_user,
            action=Action.INVITATION_SEND,
            detail=invitation.get_role_display(),
        )
        invitation_id = invitation.pk
        transaction.on_commit(lambda: send_invitation.enqueue(invitation_id=invitation_id))
    return invitation


def invitation_accept(*, token: str, acting_user: User) -> Membership | None:
    """Joins the invited member; None when the link is used, late, or not sent to this account."""
    with transaction.atomic():
        invitation = selectors.invitation_for_token(token)
        if invitation is None:
            return None
        address = contact_address(acting_user)
        if address is None or address.lower() != invitation.email.lower():
            return None
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now()
        )
        if not claimed:
            return None
        membership, _created = Membership.objects.get_or_create(
            user=acting_user,
            organisation=invitation.organisation,
            defaults={"role": invitation.role},
        )
        access_log_record(
            organisation=invitation.organisation,
            acting_user=acting_user,
            action=Action.MEMBER_JOIN,
            detail=membership.get_role_display(),
        )
    return membership


def people_export(*, organisation: Organisation, acting_user: User) -> list[list[str]]:
    """The lead's export of the organisation's records (no notes), written to the log."""
    membership = _membership(acting_user, organisation)
    permissions.check_manage_workspace(membership)
    rows = selectors.people_export_rows(membership)
    access_log_record(
        organisation=organisation,
        acting_user=acting_user,
        action=Action.EXPORT,
        detail=str(len(rows)),
    )
    return rows


class CheckInConflict(Exception):
    """Someone else saved the check-in since it was opened; `saved` is what they saved."""

    def __init__(self, saved: CheckIn):
        super().__init__("the check-in was saved by someone else")
        self.saved = saved


def _allowed_answers(indicator: Indicator) -> tuple[set[str], set[str]]:
    """What the survivor and the practitioner may answer ("" is no answer)."""
    if indicator.kind == Indicator.Kind.SURVIVOR:
        points = {str(n) for n in range(1, len(indicator.scale_labels) + 1)}
        both = {"", DECLINED, *points}
        return both, both
    return {""}, {"", DECLINED, *Observation.values}


def _check_in_errors(
    *,
    person: Person,
    date: datetime.date,
    kind: str,
    answers: dict[int, tuple[str, str]],
    check_in: CheckIn | None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if date > timezone.localdate():
        errors["date"] = _("The date of a check-in cannot be in the future.")
    others = CheckIn.objects.filter(person=person)
    if check_in is not None:
        others = others.exclude(pk=check_in.pk)
    baseline = others.filter(kind=CheckIn.Kind.BASELINE).first()
    if kind == CheckIn.Kind.BASELINE and baseline is not None:
        errors["kind"] = _("This person already has a baseline check-in: record a review.")
    elif kind == CheckIn.Kind.REVIEW:
        if baseline is None:
            errors["kind"] = _("Record the baseline check-in first.")
        elif date < baseline.date and "date" not in errors:
            errors["date"] = _("A review cannot be dated before the baseline check-in.")
    elif kind not in CheckIn.Kind.values:
        errors["kind"] = _("Choose whether this is the baseline or a review.")
    library = {indicator.pk: indicator for indicator in selectors.indicators_for_check_in()}
    for indicator_id, (survivor, practitioner) in answers.items():
        indicator = library.get(indicator_id)
        if indicator is None:
            errors["__all__"] = _("One of the questions is not in the indicator library.")
            continue
        allowed_survivor, allowed_practitioner = _allowed_answers(indicator)
        if survivor not in allowed_survivor:
            errors[f"survivor_{indicator_id}"] = _("Choose one of the answers on the scale.")
        if practitioner not in allowed_practitioner:
            errors[f"practitioner_{indicator_id}"] = _("Choose one of the answers given.")
    return errors


def check_in_record(
    *,
    organisation: Organisation,
    person: Person,
    date: datetime.date,
    kind: str,
    answers: dict[int, tuple[str, str]],
    acting_user: User,
    check_in: CheckIn | None = None,
    expected_version: int | None = None,
) -> CheckIn:
    """Saves a new check-in, or changes `check_in` if nobody saved it since `expected_version`.

    `answers` maps an indicator (its default-language copy) to the survivor's and the
    practitioner's answers. Bad input raises ValidationError and saves nothing; a save that
    lost the race raises CheckInConflict with what the other person saved.
    """
    membership = _membership(acting_user, organisation)
    if person.organisation_id != organisation.pk:
        raise ValidationError(_("This person is not one of your organisation's records."))
    if not permissions.can_change_person(membership, person):
        raise PermissionDenied
    if check_in is not None and check_in.person_id != person.pk:
        raise ValidationError(_("This check-in belongs to another person."))
    errors = _check_in_errors(
        person=person, date=date, kind=kind, answers=answers, check_in=check_in
    )
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            if check_in is None:
                check_in = CheckIn.objects.create(
                    person=person, date=date, kind=kind, created_by=acting_user,
                    updated_by=acting_user,
                )  # fmt: skip
            else:
                # Compare-and-set: only the version this form started from may be replaced.
                changed = CheckIn.objects.filter(
                    pk=check_in.pk, version=expected_version or 0
                ).update(
                    date=date,
                    kind=kind,
                    updated_by=acting_user,
                    updated_at=timezone.now(),
                    version=F("version") + 1,
                )
                if not changed:
                    raise CheckInConflict(CheckIn.objects.get(pk=check_in.pk))
                check_in.refresh_from_db()
                check_in.answers.all().delete()
            Answer.objects.bulk_create(
                Answer(
                    check_in=check_in,
                    indicator_id=indicator_id,
                    survivor_answer=survivor,
                    practitioner_answer=practitioner,
                )
                for indicator_id, (survivor, practitioner) in sorted(answers.items())
                if survivor or practitioner
            )
            access_log_record(
                organisation=organisation,
                acting_user=acting_user,
                action=Action.CHECK_IN_SAVE,
                person=person,
                detail=f"{kind} {date.isoformat()}",
            )
    except IntegrityError as error:  # a second baseline saved at the same moment
        raise ValidationError(
            {"kind": _("This person already has a baseline check-in: record a review.")}
        ) from error
    return check_in


def check_in_viewed(*, check_in: CheckIn, acting_user: User) -> None:
    """Writes the look at a check-in to the log."""
    person = check_in.person
    permissions.get_check_in_for_member_or_404(
        _membership(acting_user, person.organisation), person, check_in.pk
    )
    access_log_record(
        organisation=person.organisation,
        acting_user=acting_user,
        action=Action.CHECK_IN_VIEW,
        person=person,
        detail=f"{check_in.kind} {check_in.date.isoformat()}",
    )


def journey_viewed(*, person: Person, acting_user: User) -> None:
    """Writes the look at a person's journey to the log."""
    _look_logged(person=person, acting_user=acting_user, action=Action.JOURNEY_VIEW)


def programme_check_ins_viewed(*, programme: Programme, page: int, acting_user: User) -> None:
    """Writes the look at a page of a programme's check-in list to the log (one line a page:
    the list shows case codes and dates, never answers)."""
    membership = _membership(acting_user, programme.organisation)
    permissions.check_see_people(membership)
    if programme.organisation_id != membership.organisation_id:
        raise PermissionDenied
    access_log_record(
        organisation=programme.organisation,
        acting_user=acting_user,
        action=Action.CHECK_IN_LIST,
        # Written once for every later reader, in no one's language (as the other details are).
        detail=f"{programme.name}, page {page}",
    )
