"""The programme measures of #21, computed from plain rows: no database, no Django, no rounding.

Used by the programme dashboards (`dashboard.py`) and the pooled statistics (`mscos/evidence/`),
so both say the same thing the same way.

Input: one `AnswerRow` per answer (one indicator in one check-in), as the selectors read them:

    AnswerRow(person_id, check_in_id, date, kind, outcome_id, scale_points,
              survivor_answer, practitioner_answer)

- `kind` is the check-in's kind: "baseline" or "review" (`CheckIn.Kind`).
- `scale_points` is the number of points on the indicator's scale (3 to 5) for a survivor-reported
  question, 0 for a practitioner-observed indicator (those rows are ignored by every score here).
- the answers are as stored (`Answer`): a scale point "1".."5", "declined" ("I'd rather not say"),
  "" (nobody answered), or for observed indicators yes / no / unknown.

Scores use the journey's 0-100 scaling (`selectors._score`): a question's answer is its share of
the scale (lowest point 0, highest 100); an outcome's score at a check-in is the mean over its
questions that were answered on the scale. "I'd rather not say" and gaps are never counted, so a
check-in where nobody answered an outcome has no score for it (not 0). The practitioner's view is
scored the same way from their answers to the same questions.

Per outcome (`OutcomeMeasures`):
- `people`: people with a score at any check-in; `with_baseline`: with a score at their baseline;
  `paired`: with a score at their baseline and at a later check-in.
- `first_readings`: the baseline scores (the profile of need on arrival) in five bands of 20
  points (`BANDS`; the last one holds 100), with their mean and median.
- `change`: latest minus baseline score for the paired people: mean, standard deviation (sample,
  n - 1; None below two people), quartiles (`statistics.quantiles(method="inclusive")`); the
  latest is the person's last check-in after the baseline that has a score for the outcome.
- `moved_up` / `stayed` / `moved_down`: of the paired people; a change of less than half a point
  (`STAYED_WITHIN`, what the rounded figures show as 0) counts as staying.
- `gap`: survivor minus practitioner, per person at the latest check-in where both answered at
  least one of the outcome's questions, over the questions both answered (like with like):
  its mean (positive: survivors rate themselves higher) and mean absolute size.

Completion (`completion`) is per group of people, not per outcome: from each person's check-in
dates and the programme's interval, a person is overdue when today is past their latest check-in
plus the interval; `overdue_check_ins` counts every interval missed since.

Breakdowns (`by_group`) split the rows by a label per person (age band, gender, nationality, the
quarter of their baseline: `quarter`) and compute the same measures for each group. Suppressing
small cells is the caller's job: every figure here carries the number of people behind it.
Figures are floats, unrounded; round them only to show them.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
import statistics
from collections.abc import Callable, Iterable, Mapping

BASELINE = "baseline"
DECLINED = "declined"  # the same word as models.check_ins.DECLINED; this module imports no models
BANDS: tuple[tuple[int, int], ...] = ((0, 20), (20, 40), (40, 60), (60, 80), (80, 100))
STAYED_WITHIN = 0.5


@dataclasses.dataclass(frozen=True)
class AnswerRow:
    person_id: int
    check_in_id: int
    date: datetime.date
    kind: str
    outcome_id: int
    scale_points: int
    survivor_answer: str
    practitioner_answer: str


@dataclasses.dataclass(frozen=True)
class Reading:
    """One person's scores for one outcome at one check-in (None: nothing answered on the scale)."""

    check_in_id: int
    date: datetime.date
    kind: str
    survivor: float | None
    practitioner: float | None
    gap: float | None  # survivor minus practitioner over the questions both answered


@dataclasses.dataclass(frozen=True)
class Distribution:
    people: int
    bands: tuple[int, ...]  # how many people in each of BANDS
    mean: float | None
    median: float | None


@dataclasses.dataclass(frozen=True)
class Spread:
    people: int
    mean: float
    sd: float | None
    q1: float
    median: float
    q3: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1


@dataclasses.dataclass(frozen=True)
class Gap:
    people: int
    mean: float | None
    mean_absolute: float | None


@dataclasses.dataclass(frozen=True)
class OutcomeMeasures:
    outcome_id: int
    people: int
    with_baseline: int
    paired: int
    first_readings: Distribution
    change: Spread | None
    moved_up: int
    stayed: int
    moved_down: int
    gap: Gap

    def share(self, count: int) -> float | None:
        """A count of paired people as a share of them (0 to 1), None when nobody is paired."""
        return count / self.paired if self.paired else None


@dataclasses.dataclass(frozen=True)
class CheckInRow:
    person_id: int
    date: datetime.date


@dataclasses.dataclass(frozen=True)
class Completion:
    people: int  # people in the group
    never_checked_in: int
    up_to_date: int
    overdue_people: int
    overdue_check_ins: int


def point_share(answer: str, scale_points: int) -> float | None:
    """An answer as a share of its scale, 0 (lowest point) to 100; None when not on the scale."""
    if scale_points < 2 or not answer.isdigit():
        return None
    point = int(answer)
    if not 1 <= point <= scale_points:
        return None
    return (point - 1) / (scale_points - 1) * 100


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def readings(rows: Iterable[AnswerRow]) -> dict[int, dict[int, list[Reading]]]:
    """Outcome id → person id → their readings, oldest first (by date, then check-in id)."""
    grouped: dict[tuple[int, int, int], list[AnswerRow]] = {}
    for row in rows:
        if row.scale_points < 2:
            continue
        grouped.setdefault((row.outcome_id, row.person_id, row.check_in_id), []).append(row)
    result: dict[int, dict[int, list[Reading]]] = {}
    for (outcome_id, person_id, check_in_id), answers in grouped.items():
        survivor, practitioner, gaps = [], [], []
        for answer in answers:
            s = point_share(answer.survivor_answer, answer.scale_points)
            p = point_share(answer.practitioner_answer, answer.scale_points)
            if s is not None:
                survivor.append(s)
            if p is not None:
                practitioner.append(p)
            if s is not None and p is not None:
                gaps.append(s - p)
        first = answers[0]
        reading = Reading(
            check_in_id=check_in_id,
            date=first.date,
            kind=first.kind,
            survivor=_mean(survivor),
            practitioner=_mean(practitioner),
            gap=_mean(gaps),
        )
        result.setdefault(outcome_id, {}).setdefault(person_id, []).append(reading)
    for people in result.values():
        for person_readings in people.values():
            person_readings.sort(key=lambda r: (r.date, r.check_in_id))
    return result


def band_of(score: float) -> int:
    """Which of BANDS a score falls in (the last band holds 100)."""
    for index, (_low, high) in enumerate(BANDS):
        if score < high:
            return index
    return len(BANDS) - 1


def distribution(scores: list[float]) -> Distribution:
    bands = [0] * len(BANDS)
    for score in scores:
        bands[band_of(score)] += 1
    return Distribution(
        people=len(scores),
        bands=tuple(bands),
        mean=_mean(scores),
        median=statistics.median(scores) if scores else None,
    )


def _sample_sd(values: list[float], mean: float) -> float:
    # In floats: statistics.stdev works in exact fractions, many times slower for a dashboard.
    return math.sqrt(math.fsum((value - mean) ** 2 for value in values) / (len(values) - 1))


def spread(values: list[float]) -> Spread | None:
    if not values:
        return None
    if len(values) == 1:
        only = values[0]
        return Spread(people=1, mean=only, sd=None, q1=only, median=only, q3=only)
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    mean = math.fsum(values) / len(values)
    return Spread(
        people=len(values),
        mean=mean,
        sd=_sample_sd(values, mean),
        q1=q1,
        median=median,
        q3=q3,
    )


def measures_for_outcome(outcome_id: int, people: Mapping[int, list[Reading]]) -> OutcomeMeasures:
    """The measures of one outcome from each person's readings (oldest first)."""
    scored = 0
    firsts: list[float] = []
    changes: list[float] = []
    gaps: list[float] = []
    for person_readings in people.values():
        if any(r.survivor is not None for r in person_readings):
            scored += 1
        baseline = next((r for r in person_readings if r.kind == BASELINE), None)
        if baseline is not None and baseline.survivor is not None:
            firsts.append(baseline.survivor)
            later = [
                r.survivor
                for r in person_readings
                if r.survivor is not None
                and (r.date, r.check_in_id) > (baseline.date, baseline.check_in_id)
            ]
            if later:
                changes.append(later[-1] - baseline.survivor)
        with_gap = [r.gap for r in person_readings if r.gap is not None]
        if with_gap:
            gaps.append(with_gap[-1])
    up = sum(1 for c in changes if c >= STAYED_WITHIN)
    down = sum(1 for c in changes if c <= -STAYED_WITHIN)
    return OutcomeMeasures(
        outcome_id=outcome_id,
        people=scored,
        with_baseline=len(firsts),
        paired=len(changes),
        first_readings=distribution(firsts),
        change=spread(changes),
        moved_up=up,
        stayed=len(changes) - up - down,
        moved_down=down,
        gap=Gap(
            people=len(gaps),
            mean=_mean(gaps),
            mean_absolute=_mean([abs(g) for g in gaps]),
        ),
    )


def outcome_measures(rows: Iterable[AnswerRow]) -> dict[int, OutcomeMeasures]:
    """Outcome id → its measures, for every outcome any row scores."""
    return {
        outcome_id: measures_for_outcome(outcome_id, people)
        for outcome_id, people in readings(rows).items()
    }


def completion(
    check_ins: Iterable[CheckInRow],
    *,
    interval_days: int,
    today: datetime.date,
    people: Iterable[int] = (),
) -> Completion:
    """Who is due a check-in: overdue once today is past their latest check-in + the interval.

    `people` (ids) adds those with no check-in at all, counted apart: they have no baseline yet.
    """
    latest: dict[int, datetime.date] = {}
    for row in check_ins:
        if row.person_id not in latest or row.date > latest[row.person_id]:
            latest[row.person_id] = row.date
    never = len(set(people) - set(latest))
    overdue_people = overdue_check_ins = 0
    for last in latest.values():
        days = (today - last).days
        # Due on last + interval, last + 2 intervals, ...; overdue from the day after each.
        missed = (days - 1) // interval_days if interval_days > 0 and days > 0 else 0
        if missed:
            overdue_people += 1
            overdue_check_ins += missed
    return Completion(
        people=len(latest) + never,
        never_checked_in=never,
        up_to_date=len(latest) - overdue_people,
        overdue_people=overdue_people,
        overdue_check_ins=overdue_check_ins,
    )


def quarter(date: datetime.date) -> str:
    """The period a date falls in, as "2026 Q1" (a label to group by, not translated)."""
    return f"{date.year} Q{(date.month - 1) // 3 + 1}"


def baseline_quarters(rows: Iterable[AnswerRow]) -> dict[int, str]:
    """Person id → the quarter of their baseline check-in (people with one), to group by period."""
    return {row.person_id: quarter(row.date) for row in rows if row.kind == BASELINE}


def by_group(
    rows: Iterable[AnswerRow], group_of: Mapping[int, str] | Callable[[int], str | None]
) -> dict[str, dict[int, OutcomeMeasures]]:
    """The same measures for each group of people: label → outcome id → measures.

    `group_of` maps a person id to a label (a mapping or a function); a person with no label
    (missing, None or "") is left out of every group.
    """
    return group_measures(readings(rows), group_of)


def group_measures(
    found: Mapping[int, Mapping[int, list[Reading]]],
    group_of: Mapping[int, str] | Callable[[int], str | None],
) -> dict[str, dict[int, OutcomeMeasures]]:
    """`by_group` from readings already worked out (`readings(rows)`), to split them several
    ways without reading the rows again."""
    lookup: Callable[[int], str | None] = (
        group_of.get if isinstance(group_of, Mapping) else group_of
    )
    split: dict[str, dict[int, dict[int, list[Reading]]]] = {}
    for outcome_id, people in found.items():
        for person_id, person_readings in people.items():
            label = lookup(person_id)
            if label:
                split.setdefault(label, {}).setdefault(outcome_id, {})[person_id] = person_readings
    return {
        label: {
            outcome_id: measures_for_outcome(outcome_id, people)
            for outcome_id, people in outcomes.items()
        }
        for label, outcomes in sorted(split.items())
    }
