"""Reads in a workspace. Lists never carry notes; only `person_notes` decrypts them."""

import dataclasses
import datetime

from allauth.account.models import EmailAddress
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.utils import timezone
from wagtail.models import Locale
from wagtail.models import Page as WagtailPage

from mscos.accounts.models import User
from mscos.measurement import encryption, tokens
from mscos.measurement.models import (
    AccessLogEntry,
    Answer,
    CheckIn,
    Consent,
    Indicator,
    Invitation,
    Membership,
    Organisation,
    Person,
    Programme,
)


def memberships_for_user(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def people_for_member(membership: Membership) -> QuerySet[Person]:
    """The people this member may see: the lead all of the organisation's, a caseworker theirs."""
    people = Person.objects.filter(organisation_id=membership.organisation_id)
    if membership.role == Membership.Role.CASEWORKER:
        people = people.filter(caseworker_id=membership.user_id)
    elif membership.role != Membership.Role.LEAD:
        people = people.none()
    return people.select_related("programme").order_by("case_code")


def programmes_for(organisation: Organisation) -> QuerySet[Programme]:
    return Programme.objects.filter(organisation=organisation).order_by("name")


def members_for(organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__display_name")
    )


def pending_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organisation=organisation, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation behind a link while it can still be used."""
    invitation_id = tokens.invitation_id_from_token(token)
    if invitation_id is None:
        return None
    return (
        Invitation.objects.select_related("organisation")
        .filter(pk=invitation_id, accepted_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def person_consents(person: Person) -> dict[str, Consent]:
    return {consent.use: consent for consent in Consent.objects.filter(person=person)}


@dataclasses.dataclass(frozen=True)
class ReadableNote:
    author: str
    created_at: datetime.datetime
    text: str
    readable: bool


def person_notes(person: Person) -> list[ReadableNote]:
    """The person's notes, decrypted; a note under a key no longer configured says so."""
    notes = []
    for note in person.notes.select_related("author").order_by("created_at", "pk"):
        try:
            text, readable = encryption.decrypt(note.ciphertext), True
        except encryption.NoteUnreadable:
            text, readable = "", False
        notes.append(ReadableNote(str(note.author or ""), note.created_at, text, readable))
    return notes


@dataclasses.dataclass(frozen=True)
class LogLine:
    at: datetime.datetime
    actor: str
    action: str
    case_code: str
    erased: bool
    detail: str


def access_log(organisation: Organisation, *, limit: int = 500) -> list[LogLine]:
    """The newest entries first; a person erased since shows as erased, with no case code."""
    entries = list(AccessLogEntry.objects.filter(organisation_id=organisation.pk)[:limit])
    person_ids = {entry.person_id for entry in entries if entry.person_id}
    codes = dict(
        Person.objects.filter(organisation=organisation, pk__in=person_ids).values_list(
            "pk", "case_code"
        )
    )
    return [
        LogLine(
            at=entry.at,
            actor=entry.actor_name,
            action=entry.get_action_display(),
            case_code=codes.get(entry.person_id, "") if entry.person_id else "",
            erased=bool(entry.person_id) and entry.person_id not in codes,
            detail=entry.detail,
        )
        for entry in entries
    ]


def pooled_people(organisation: Organisation | None = None) -> QuerySet[Person]:
    """People who agreed to pooled statistics and have not withdrawn."""
    people = Person.objects.filter(
        consents__use=Consent.Use.POOLED_STATISTICS, consents__withdrawn_at__isnull=True
    )
    if organisation is not None:
        people = people.filter(organisation=organisation)
    return people


@dataclasses.dataclass(frozen=True)
class ProgrammeCount:
    programme: str
    people: int


def pooled_counts(organisation: Organisation) -> list[ProgrammeCount]:
    """How many people each programme counts in pooled figures (those who agreed only)."""
    rows = (
        pooled_people(organisation)
        .values("programme__name")
        .annotate(people=Count("pk", distinct=True))
        .order_by("programme__name")
    )
    return [ProgrammeCount(row["programme__name"] or "", row["people"]) for row in rows]


def people_export_rows(membership: Membership) -> list[list[str]]:
    """What an export carries: never notes, never who the caseworker is."""
    return [
        [
            person.case_code,
            person.programme.name if person.programme else "",
            person.get_age_band_display() if person.age_band else "",
            person.get_gender_display() if person.gender else "",
            person.nationality,
            person.start_date.isoformat() if person.start_date else "",
        ]
        for person in people_for_member(membership)
    ]


def indicators_for_check_in() -> list[Indicator]:
    """The library's questions in the default language (the structure), outcome by outcome."""
    return list(
        Indicator.objects.filter(locale=Locale.get_default(), outcome__isnull=False)
        .select_related("outcome", "outcome__domain")
        .order_by("outcome__domain__sort_order", "outcome__sort_order", "sort_order", "pk")
    )


@dataclasses.dataclass(frozen=True)
class Words:
    text: str
    scale_labels: list[str]


def indicator_words(indicators: list[Indicator]) -> dict[int, Words]:
    """Each question's words in the reader's language, the default language's where missing."""
    words = {i.pk: Words(i.text, i.scale_labels) for i in indicators}
    locale = Locale.get_active()
    if locale.pk == Locale.get_default().pk:
        return words
    by_key = {i.translation_key: i.pk for i in indicators}
    for copy in Indicator.objects.filter(locale=locale, translation_key__in=by_key):
        source_id = by_key[copy.translation_key]
        if len(copy.scale_labels) == len(words[source_id].scale_labels):
            words[source_id] = Words(copy.text, copy.scale_labels)
    return words


def check_ins_for_person(person: Person) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(person=person).order_by("date", "pk")


def check_in_answers(check_in: CheckIn) -> dict[int, tuple[str, str]]:
    """Indicator id → (the survivor's answer, the practitioner's answer)."""
    return {
        answer.indicator_id: (answer.survivor_answer, answer.practitioner_answer)
        for answer in Answer.objects.filter(check_in=check_in)
    }


@dataclasses.dataclass(frozen=True)
class OutcomeChange:
    """An outcome's survivor-reported answers at the first and latest check-in, from 0 to 100."""

    outcome: str
    first: int | None
    latest: int | None


@dataclasses.dataclass(frozen=True)
class Reading:
    """An outcome's score at one check-in (None: nothing on a scale was answered)."""

    date: datetime.date
    kind: str
    value: int | None
    asked: bool  # the check-in holds an answer (perhaps "I'd rather not say") for the outcome


@dataclasses.dataclass(frozen=True)
class OutcomeTrajectory:
    """An outcome's scores at every check-in, oldest first (one reading per check-in)."""

    outcome: str
    readings: list[Reading]


def _score(answers: list[Answer]) -> int | None:
    """The mean answer as a share of its scale (lowest point 0, highest 100); declined and
    unanswered questions count for nothing, either way."""
    shares = []
    for answer in answers:
        points = len(answer.indicator.scale_labels)
        point = answer.survivor_point
        if point is not None and points > 1:
            shares.append((point - 1) / (points - 1) * 100)
    return round(sum(shares) / len(shares)) if shares else None


def trajectory(person: Person) -> tuple[list[CheckIn], list[OutcomeTrajectory]]:
    """Every check-in, oldest first, and per outcome the survivor's score at each of them.

    Two queries however many check-ins the person has: the check-ins, then their answers."""
    check_ins = list(check_ins_for_person(person))
    if not check_ins:
        return [], []
    answers = (
        Answer.objects.filter(check_in__in=check_ins, indicator__kind=Indicator.Kind.SURVIVOR)
        .exclude(indicator__outcome=None)
        .select_related("indicator__outcome__outcome_page")
    )
    grouped: dict[tuple[int, int], list[Answer]] = {}
    names: dict[int, str] = {}
    page_keys: dict[int, object] = {}
    order: dict[int, tuple[int, int, int]] = {}
    for answer in answers:
        outcome = answer.indicator.outcome
        if outcome is None:  # excluded above; for the type checker
            continue
        names[outcome.pk] = outcome.name
        if outcome.outcome_page is not None:
            page_keys[outcome.pk] = outcome.outcome_page.translation_key
        order[outcome.pk] = (outcome.domain_id, outcome.sort_order or 0, outcome.pk)
        grouped.setdefault((outcome.pk, answer.check_in_id), []).append(answer)
    names.update(_outcome_names_in_reader_language(page_keys))
    return check_ins, [
        OutcomeTrajectory(
            outcome=names[pk],
            readings=[
                Reading(
                    date=check_in.date,
                    kind=check_in.kind,
                    value=_score(grouped.get((pk, check_in.pk), [])),
                    asked=(pk, check_in.pk) in grouped,
                )
                for check_in in check_ins
            ],
        )
        for pk in sorted(names, key=order.__getitem__)
    ]


def _outcome_names_in_reader_language(page_keys: dict[int, object]) -> dict[int, str]:
    """Outcomes named as their core outcome page is titled in the reader's language, where that
    page is translated and live (one query, none in the default language); others keep the
    name they were recorded with. The survivor and the worker read the journey in their own
    language."""
    locale = Locale.get_active()
    if not page_keys or locale.pk == Locale.get_default().pk:
        return {}
    titles = dict(
        WagtailPage.objects.filter(
            translation_key__in=set(page_keys.values()), locale=locale, live=True
        ).values_list("translation_key", "title")
    )
    return {pk: titles[key] for pk, key in page_keys.items() if key in titles}


def first_and_latest(trajectories: list[OutcomeTrajectory]) -> list[OutcomeChange]:
    """Per outcome asked at the first or the latest check-in, its score at each."""
    return [
        OutcomeChange(
            outcome=outcome.outcome,
            first=outcome.readings[0].value,
            latest=outcome.readings[-1].value,
        )
        for outcome in trajectories
        if outcome.readings[0].asked or outcome.readings[-1].asked
    ]


def journey(person: Person) -> tuple[CheckIn | None, CheckIn | None, list[OutcomeChange]]:
    """The first and latest check-ins and, per outcome, the survivor's score at each."""
    check_ins, trajectories = trajectory(person)
    if not check_ins:
        return None, None, []
    return check_ins[0], check_ins[-1], first_and_latest(trajectories)


CHECK_IN_PAGE_SIZE = 25


@dataclasses.dataclass(frozen=True)
class CheckInLine:
    """One line of a programme's check-in list: who, what kind, when, by whom, how complete."""

    check_in_id: int
    person_id: int
    case_code: str
    kind: str
    kind_label: str
    date: datetime.date
    recorded_by: str
    answered: int


def programme_check_ins(membership: Membership, programme: Programme) -> QuerySet[CheckIn]:
    """The programme's check-ins this member may see, newest first: all for the lead, their own
    people's for a caseworker, none for anyone else."""
    check_ins = CheckIn.objects.filter(
        person__programme=programme, person__organisation_id=membership.organisation_id
    )
    if membership.role == Membership.Role.CASEWORKER:
        check_ins = check_ins.filter(person__caseworker_id=membership.user_id)
    elif membership.role != Membership.Role.LEAD:
        check_ins = check_ins.none()
    return check_ins.order_by("-date", "-pk")


def programme_check_in_page(
    membership: Membership, programme: Programme, number: str | int | None
) -> tuple[Page[int], list[CheckInLine]]:
    """One page of the list and its lines: four queries however many check-ins there are (the
    count, the page's ids, their rows with people and recorders, their answer counts)."""
    # The page is found on ids alone: sorting whole rows (with their people's and recorders'
    # columns) to keep 25 of 10,000 took most of a deep page's time.
    page = Paginator(
        programme_check_ins(membership, programme).values_list("pk", flat=True),
        CHECK_IN_PAGE_SIZE,
    ).get_page(number)
    check_ins = list(
        CheckIn.objects.filter(pk__in=list(page.object_list))
        .select_related("person", "created_by")
        .order_by("-date", "-pk")
    )
    # Counted for this page's check-ins only: an aggregate over the whole list would read every
    # answer the programme ever had.
    answered = dict(
        Answer.objects.filter(check_in__in=check_ins)
        .values("check_in")
        .annotate(n=Count("pk"))
        .values_list("check_in", "n")
    )
    lines = [
        CheckInLine(
            check_in_id=check_in.pk,
            person_id=check_in.person_id,
            case_code=check_in.person.case_code,
            kind=check_in.kind,
            kind_label=check_in.get_kind_display(),
            date=check_in.date,
            recorded_by=str(check_in.created_by) if check_in.created_by else "",
            answered=answered.get(check_in.pk, 0),
        )
        for check_in in check_ins
    ]
    return page, lines


def library_size() -> int:
    """How many questions a check-in asks (the default language's copies)."""
    return Indicator.objects.filter(locale=Locale.get_default(), outcome__isnull=False).count()


def account_with_verified_address(email: str) -> User | None:
    """The account whose verified address this is, if any."""
    address = (
        EmailAddress.objects.filter(email__iexact=email.strip(), verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address is not None else None


def workspaces_for_administrators() -> QuerySet[Organisation]:
    """Every workspace with how many members and people it has (never who the people are)."""
    return Organisation.objects.annotate(
        member_count=Count("memberships", distinct=True),
        people_count=Count("people", distinct=True),
    ).order_by("name")
