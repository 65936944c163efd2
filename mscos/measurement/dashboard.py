"""A programme's dashboard: its rows read from the database, the measures (`measures.py`) worked
out per outcome and per group of people, and every figure made safe to show (small cells hidden).

No figure names or counts a caseworker: rows carry people, check-ins and answers, never who
recorded them, so no breakdown, chart or file can rank workers (Triangle's warning, #21).

Suppression: any figure that covers fewer people than `settings.MEASUREMENT_DASHBOARD_MIN_CELL`
(5) is shown as "fewer than 5", zero included (a zero in "moved down" says something about every
member of a group). Where a set of counts adds up to a total that is shown (the bands of first
readings, moved up / stayed / moved down, the groups of a breakdown), hiding one cell alone would
let it be worked out by subtraction, so the next smallest is hidden with it. The pooled figures
(`mscos/evidence/`) go further; these are an organisation's own figures about its own people.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext as _
from wagtail.models import Locale

from mscos.measurement import measures
from mscos.measurement.models import Answer, CheckIn, Indicator, Membership, Person, Programme
from mscos.measurement.models.indicators import POINT_FIELDS


def min_cell() -> int:
    return settings.MEASUREMENT_DASHBOARD_MIN_CELL


@dataclasses.dataclass(frozen=True)
class Cell:
    """One figure as the dashboard, its PDF and its CSV all show it.

    `value` is None when there is nothing to show (no people); `suppressed` when it covers too few
    people to be shown at all. `kind` says how to write it: a count, a score (0-100), a signed
    change, or a percentage (value 0-1).
    """

    value: float | None
    suppressed: bool = False
    kind: str = "count"

    @property
    def shown(self) -> bool:
        return not self.suppressed and self.value is not None

    @property
    def number(self) -> int | None:
        """The whole number that is written (a share as a percentage), None when not shown."""
        if not self.shown or self.value is None:
            return None
        if self.kind == "share":
            return round(self.value * 100)
        return round(self.value)

    @property
    def signed_html(self) -> str:
        """The figure for a page, a signed one kept left to right in a right-to-left page."""
        if not self.shown:
            return conditional_escape(str(self))
        return format_html('<bdi dir="ltr">{}</bdi>', str(self))

    def __str__(self) -> str:
        if self.suppressed:
            return _("fewer than %(count)s") % {"count": min_cell()}
        number = self.number
        if number is None:
            return "—"
        text = formats.number_format(number)
        if self.kind == "share":
            return _("%(number)s%%") % {"number": text}
        if self.kind == "change" and number > 0:
            return f"+{text}"
        return text


def _count(count: int) -> Cell:
    return Cell(count, suppressed=count < min_cell())


def _figure(value: float | None, people: int, kind: str) -> Cell:
    """A figure worked out from `people` people: hidden with them when they are too few."""
    if people < min_cell():
        return Cell(None, suppressed=True, kind=kind)
    return Cell(value, kind=kind)


def protect(counts: list[int], *, total_shown: bool = True) -> list[bool]:
    """Which counts of a set to hide: the small ones, and one more when only one would be hidden
    and the set's total is shown (it could be found by subtraction)."""
    limit = min_cell()
    hidden = [count < limit for count in counts]
    if total_shown and sum(hidden) == 1 and len(counts) > 1:
        others = [(count, index) for index, count in enumerate(counts) if not hidden[index]]
        hidden[min(others)[1]] = True
    return hidden


def _protected_counts(counts: list[int], *, total_shown: bool = True) -> list[Cell]:
    hidden = protect(counts, total_shown=total_shown)
    return [Cell(count, suppressed=hide) for count, hide in zip(counts, hidden, strict=True)]


def _shares(counts: list[Cell], total: int) -> list[Cell]:
    return [
        Cell(None if not total else (cell.value or 0) / total, cell.suppressed, kind="share")
        for cell in counts
    ]


@dataclasses.dataclass(frozen=True)
class OutcomeFigures:
    outcome_id: int
    outcome: str
    people: Cell
    with_baseline: Cell
    paired: Cell
    bands: list[Cell]
    first_mean: Cell
    first_median: Cell
    change_mean: Cell
    change_sd: Cell
    change_q1: Cell
    change_median: Cell
    change_q3: Cell
    movement: list[Cell]  # moved up, stayed, moved down (counts)
    movement_shares: list[Cell]
    gap_people: Cell
    gap_mean: Cell
    gap_absolute: Cell

    @property
    def movement_pairs(self) -> list[tuple[Cell, Cell]]:
        """(count, share) for moved up, stayed and moved down."""
        return list(zip(self.movement, self.movement_shares, strict=True))


def outcome_figures(outcome_id: int, name: str, found: measures.OutcomeMeasures) -> OutcomeFigures:
    first = found.first_readings
    change = found.change
    paired = found.paired
    total_paired_shown = paired >= min_cell()
    movement = _protected_counts(
        [found.moved_up, found.stayed, found.moved_down], total_shown=total_paired_shown
    )
    if not total_paired_shown:
        movement = [Cell(None, suppressed=True) for _cell in movement]
    bands = _protected_counts(list(first.bands), total_shown=first.people >= min_cell())
    if first.people < min_cell():
        bands = [Cell(None, suppressed=True) for _cell in bands]
    gap = found.gap
    return OutcomeFigures(
        outcome_id=outcome_id,
        outcome=name,
        people=_count(found.people),
        with_baseline=_count(found.with_baseline),
        paired=_count(paired),
        bands=bands,
        first_mean=_figure(first.mean, first.people, "score"),
        first_median=_figure(first.median, first.people, "score"),
        change_mean=_figure(change.mean if change else None, paired, "change"),
        change_sd=_figure(change.sd if change else None, paired, "score"),
        change_q1=_figure(change.q1 if change else None, paired, "change"),
        change_median=_figure(change.median if change else None, paired, "change"),
        change_q3=_figure(change.q3 if change else None, paired, "change"),
        movement=movement,
        movement_shares=_shares(movement, paired),
        gap_people=_count(gap.people),
        gap_mean=_figure(gap.mean, gap.people, "change"),
        gap_absolute=_figure(gap.mean_absolute, gap.people, "score"),
    )


@dataclasses.dataclass(frozen=True)
class CompletionFigures:
    people: Cell
    never_checked_in: Cell
    up_to_date: Cell
    overdue_people: Cell
    overdue_check_ins: Cell
    interval_days: int


def completion_figures(found: measures.Completion, interval_days: int) -> CompletionFigures:
    never, up_to_date, overdue = _protected_counts(
        [found.never_checked_in, found.up_to_date, found.overdue_people],
        total_shown=found.people >= min_cell(),
    )
    return CompletionFigures(
        people=_count(found.people),
        never_checked_in=never,
        up_to_date=up_to_date,
        overdue_people=overdue,
        # How many check-ins are late says how many people are, when they are few.
        overdue_check_ins=Cell(found.overdue_check_ins, suppressed=overdue.suppressed),
        interval_days=interval_days,
    )


@dataclasses.dataclass(frozen=True)
class GroupFigures:
    label: str
    people: Cell
    change_means: list[Cell]  # one per outcome, in the dashboard's order
    paired: list[Cell]

    @property
    def cells(self) -> list[tuple[Cell, Cell]]:
        """(mean change, people it is worked out from) per outcome."""
        return list(zip(self.change_means, self.paired, strict=True))


@dataclasses.dataclass(frozen=True)
class Breakdown:
    key: str
    title: str
    groups: list[GroupFigures]


@dataclasses.dataclass(frozen=True)
class OutcomeName:
    pk: int
    name: str


@dataclasses.dataclass(frozen=True)
class ProgrammeDashboard:
    programme: Programme
    today: datetime.date
    min_cell: int
    outcomes: list[OutcomeFigures]
    completion: CompletionFigures
    breakdowns: list[Breakdown]

    @property
    def has_answers(self) -> bool:
        return bool(self.outcomes)


def programmes_with_people(membership: Membership) -> QuerySet[Programme]:
    """The organisation's programmes, for the dashboards' index (reports: leads and viewers)."""
    return Programme.objects.filter(organisation_id=membership.organisation_id).order_by("name")


def _survivor_indicators() -> tuple[dict[int, tuple[int, int]], list[OutcomeName]]:
    """Indicator id → (outcome id, scale points) for the library's scaled questions, and the
    outcomes in the library's order."""
    indicators = (
        Indicator.objects.filter(
            locale=Locale.get_default(), kind=Indicator.Kind.SURVIVOR, outcome__isnull=False
        )
        .select_related("outcome")
        .order_by("outcome__domain__sort_order", "outcome__sort_order", "outcome_id", "pk")
        .only("pk", "outcome__name", *POINT_FIELDS)
    )
    scales: dict[int, tuple[int, int]] = {}
    outcomes: dict[int, OutcomeName] = {}
    for indicator in indicators:
        if indicator.outcome is None:  # filtered out above; for the type checker
            continue
        scales[indicator.pk] = (indicator.outcome.pk, len(indicator.scale_labels))
        outcomes.setdefault(
            indicator.outcome.pk, OutcomeName(indicator.outcome.pk, indicator.outcome.name)
        )
    return scales, list(outcomes.values())


def answer_rows(
    programme: Programme, scales: dict[int, tuple[int, int]]
) -> list[measures.AnswerRow]:
    """The programme's survivor-reported answers as the measures read them (one query)."""
    values = Answer.objects.filter(
        check_in__person__programme=programme, indicator_id__in=list(scales)
    ).values_list(
        "check_in__person_id",
        "check_in_id",
        "check_in__date",
        "check_in__kind",
        "indicator_id",
        "survivor_answer",
        "practitioner_answer",
    )
    rows = []
    for person_id, check_in_id, date, kind, indicator_id, survivor, practitioner in values:
        outcome_id, points = scales[indicator_id]
        rows.append(
            measures.AnswerRow(
                person_id, check_in_id, date, kind, outcome_id, points, survivor, practitioner
            )
        )
    return rows


@dataclasses.dataclass(frozen=True)
class PersonFacts:
    age_band: str
    gender: str
    nationality: str


def _people(programme: Programme) -> dict[int, PersonFacts]:
    return {
        pk: PersonFacts(age_band, gender, nationality.strip())
        for pk, age_band, gender, nationality in Person.objects.filter(
            programme=programme
        ).values_list("pk", "age_band", "gender", "nationality")
    }


def _check_ins(programme: Programme) -> tuple[list[measures.CheckInRow], dict[int, str]]:
    """Every check-in's person and date, and each person's baseline quarter (their arrival)."""
    rows, quarters = [], {}
    for person_id, date, kind in CheckIn.objects.filter(person__programme=programme).values_list(
        "person_id", "date", "kind"
    ):
        rows.append(measures.CheckInRow(person_id, date))
        if kind == CheckIn.Kind.BASELINE:
            quarters[person_id] = measures.quarter(date)
    return rows, quarters


def _breakdown(
    key: str,
    title: str,
    found: dict[int, dict[int, list[measures.Reading]]],
    labels: dict[int, str],
    outcomes: list[OutcomeName],
    display: Callable[[str], str],
    *,
    missing: str,
    order: list[str] | None = None,
) -> Breakdown:
    """One breakdown: how many people in each group and, per outcome, each group's people with a
    baseline and a later check-in and their mean change. `labels`: person id → group ("" for
    none, shown as `missing`, last)."""
    split = measures.group_measures(found, lambda pk: labels.get(pk) or _MISSING)
    counted: dict[str, int] = {}
    for label in labels.values():
        counted[label or _MISSING] = counted.get(label or _MISSING, 0) + 1
    rank = {k: i for i, k in enumerate(order or [])}
    keys = sorted(counted, key=lambda k: (k == _MISSING, rank.get(k, 0), k))
    people_cells = _protected_counts([counted[k] for k in keys])
    # Per outcome, the groups' counts add up to the outcome's own: protected as one set.
    paired_by_outcome = []
    for outcome in outcomes:
        counts = []
        for group_key in keys:
            one = split.get(group_key, {}).get(outcome.pk)
            counts.append(one.paired if one else 0)
        paired_by_outcome.append(_protected_counts(counts))
    groups = []
    for index, (group_key, people_cell) in enumerate(zip(keys, people_cells, strict=True)):
        in_group = split.get(group_key, {})
        change_means, paired = [], []
        for column, outcome in enumerate(outcomes):
            cell = paired_by_outcome[column][index]
            one = in_group.get(outcome.pk)
            paired.append(cell)
            if cell.suppressed:
                change_means.append(Cell(None, suppressed=True, kind="change"))
            else:
                mean = one.change.mean if one and one.change else None
                change_means.append(Cell(mean, kind="change"))
        groups.append(
            GroupFigures(
                label=missing if group_key == _MISSING else display(group_key),
                people=people_cell,
                change_means=change_means,
                paired=paired,
            )
        )
    return Breakdown(key=key, title=title, groups=groups)


_MISSING = "\x00"  # the group of people with no value (sorted last)


def _quarter_words(label: str) -> str:
    """ "2026 Q1" (how `measures.quarter` sorts) in the reader's words."""
    year, _sep, quarter = label.partition(" Q")
    return _("%(year)s, quarter %(quarter)s") % {"year": year, "quarter": quarter}


def programme_dashboard(
    programme: Programme, *, today: datetime.date | None = None
) -> ProgrammeDashboard:
    """Everything a programme's dashboard, its PDF and its CSV show (four queries)."""
    today = today or timezone.localdate()
    scales, outcome_names = _survivor_indicators()
    rows = answer_rows(programme, scales)
    people = _people(programme)
    readings = measures.readings(rows)
    found = {
        outcome_id: measures.measures_for_outcome(outcome_id, by_person)
        for outcome_id, by_person in readings.items()
    }
    outcomes = [o for o in outcome_names if o.pk in found]
    check_ins, quarters = _check_ins(programme)
    completion = measures.completion(
        check_ins,
        interval_days=programme.check_in_interval_days,
        today=today,
        people=list(people),
    )
    age_labels = {str(k): str(v) for k, v in Person.AgeBand.choices}
    gender_labels = {str(k): str(v) for k, v in Person.Gender.choices}
    # Nationality is typed freely: "british" and "British " are one group, shown as first typed.
    spelling: dict[str, str] = {}
    for facts in people.values():
        if facts.nationality:
            spelling.setdefault(facts.nationality.casefold(), facts.nationality)
    not_recorded = _("Not recorded")
    breakdowns = [
        _breakdown(
            "period",
            _("When they arrived (the quarter of their baseline)"),
            readings,
            {pk: quarters.get(pk, "") for pk in people},
            outcomes,
            _quarter_words,
            missing=_("No baseline yet"),
        ),
        _breakdown(
            "age_band",
            _("Age band"),
            readings,
            {pk: facts.age_band for pk, facts in people.items()},
            outcomes,
            lambda k: age_labels.get(k, k),
            missing=not_recorded,
            order=list(age_labels),
        ),
        _breakdown(
            "gender",
            _("Gender"),
            readings,
            {pk: facts.gender for pk, facts in people.items()},
            outcomes,
            lambda k: gender_labels.get(k, k),
            missing=not_recorded,
            order=list(gender_labels),
        ),
        _breakdown(
            "nationality",
            _("Nationality"),
            readings,
            {pk: facts.nationality.casefold() for pk, facts in people.items()},
            outcomes,
            lambda k: spelling.get(k, k),
            missing=not_recorded,
        ),
    ]
    return ProgrammeDashboard(
        programme=programme,
        today=today,
        min_cell=min_cell(),
        outcomes=[outcome_figures(o.pk, o.name, found[o.pk]) for o in outcomes],
        completion=completion_figures(completion, programme.check_in_interval_days),
        breakdowns=breakdowns,
    )


def csv_value(cell: Cell) -> int | str:
    """A figure for a spreadsheet: the whole number (a share in per cent, a change signed only
    when negative), "fewer than 5", or nothing."""
    if cell.shown and cell.number is not None:
        return cell.number
    return str(cell) if cell.suppressed else ""


def csv_rows(dashboard: ProgrammeDashboard) -> Iterable[list[str | int]]:
    """The dashboard's aggregates, one figure a line: never a row about a person, never a code."""
    name = dashboard.programme.name
    completion = dashboard.completion
    for label, cell in (
        (_("People in the programme"), completion.people),
        (_("People with no check-in yet"), completion.never_checked_in),
        (_("People whose next check-in is not yet due"), completion.up_to_date),
        (_("People with a check-in overdue"), completion.overdue_people),
        (_("Check-ins overdue"), completion.overdue_check_ins),
    ):
        yield [name, "", "", "", str(label), csv_value(cell)]
    for outcome in dashboard.outcomes:
        for label, cell in _outcome_lines(outcome):
            yield [name, outcome.outcome, "", "", str(label), csv_value(cell)]
    for breakdown in dashboard.breakdowns:
        for group in breakdown.groups:
            yield [name, "", breakdown.title, group.label, _("People"), csv_value(group.people)]
            for outcome, paired, change in zip(
                dashboard.outcomes, group.paired, group.change_means, strict=True
            ):
                yield [
                    name,
                    outcome.outcome,
                    breakdown.title,
                    group.label,
                    _("People with a baseline and a later check-in"),
                    csv_value(paired),
                ]
                yield [
                    name,
                    outcome.outcome,
                    breakdown.title,
                    group.label,
                    _("Average change, first to latest"),
                    csv_value(change),
                ]


def band_labels() -> list[str]:
    return [
        _("%(low)s to %(high)s") % {"low": low, "high": high if high == 100 else high - 1}
        for low, high in measures.BANDS
    ]


def _outcome_lines(outcome: OutcomeFigures) -> list[tuple[str, Cell]]:
    lines: list[tuple[str, Cell]] = [
        (_("People with answers"), outcome.people),
        (_("People with a baseline"), outcome.with_baseline),
        (_("People with a baseline and a later check-in"), outcome.paired),
    ]
    for label, cell in zip(band_labels(), outcome.bands, strict=True):
        lines.append((_("First readings from %(band)s") % {"band": label}, cell))
    lines += [
        (_("Average first reading"), outcome.first_mean),
        (_("Median first reading"), outcome.first_median),
        (_("Average change, first to latest"), outcome.change_mean),
        (_("Standard deviation of the change"), outcome.change_sd),
        (_("Lower quartile of the change"), outcome.change_q1),
        (_("Median change"), outcome.change_median),
        (_("Upper quartile of the change"), outcome.change_q3),
        (_("Moved up"), outcome.movement[0]),
        (_("Stayed the same"), outcome.movement[1]),
        (_("Moved down"), outcome.movement[2]),
        (_("Moved up (per cent)"), outcome.movement_shares[0]),
        (_("Stayed the same (per cent)"), outcome.movement_shares[1]),
        (_("Moved down (per cent)"), outcome.movement_shares[2]),
        (_("People with both views at a check-in"), outcome.gap_people),
        (_("Average gap, survivor minus practitioner"), outcome.gap_mean),
        (_("Average size of the gap"), outcome.gap_absolute),
    ]
    return lines
