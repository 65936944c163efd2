"""Writes for pooled evidence: the nightly refresh, and an organisation's choice to take part."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from mscos.accounts.models import User
from mscos.evidence import disclosure, selectors
from mscos.evidence.models import EvidenceRefresh, PooledCell, PooledRelease
from mscos.measurement import measures, permissions
from mscos.measurement.models import AccessLogEntry, Organisation
from mscos.measurement.services import access_log_record

CellKey = tuple[int, str, str]  # outcome id, kind of programme, period


def rule() -> disclosure.Rule:
    return disclosure.Rule(
        min_cell=settings.EVIDENCE_MIN_CELL,
        min_organisations=settings.EVIDENCE_MIN_ORGANISATIONS,
    )


def essential_readings(person_readings: list[measures.Reading]) -> list[measures.Reading]:
    """The few readings the measures use (the baseline, the latest scored after it, the latest
    with both views, a scored one), so a change elsewhere is not a change to any figure."""
    baseline = next((r for r in person_readings if r.kind == measures.BASELINE), None)
    keep = [baseline] if baseline is not None else []
    if baseline is not None:
        after = [
            r
            for r in person_readings
            if r.survivor is not None
            and (r.date, r.check_in_id) > (baseline.date, baseline.check_in_id)
        ]
        keep += after[-1:]
    keep += [r for r in person_readings if r.gap is not None][-1:]
    if not any(r.survivor is not None for r in keep):
        keep += [r for r in person_readings if r.survivor is not None][:1]
    unique = {r.check_in_id: r for r in keep}
    return sorted(unique.values(), key=lambda r: (r.date, r.check_in_id))


def _fingerprint(person_readings: list[measures.Reading]) -> str:
    """16 bits of what a person contributes: enough to see a change, too few to read it back."""
    text = ";".join(f"{r.kind},{r.survivor!r},{r.gap!r}" for r in person_readings)
    return hashlib.sha256(text.encode()).hexdigest()[:4]


def figures_counting(person_readings: list[measures.Reading]) -> str:
    """Which figures of a cell count this person: the definitions of
    `measures.measures_for_outcome` for one person (tests/evidence/test_refresh.py holds the two
    together), without building its figures for every person."""
    letters = ""
    if any(r.survivor is not None for r in person_readings):
        letters += disclosure.PEOPLE
    baseline = next((r for r in person_readings if r.kind == measures.BASELINE), None)
    if baseline is not None and baseline.survivor is not None:
        letters += disclosure.BASELINE
        if any(
            r.survivor is not None
            and (r.date, r.check_in_id) > (baseline.date, baseline.check_in_id)
            for r in person_readings
        ):
            letters += disclosure.PAIRED
    if any(r.gap is not None for r in person_readings):
        letters += disclosure.GAP
    return letters


Gathered = tuple[
    dict[CellKey, dict[int, disclosure.Member]], dict[CellKey, dict[int, list[measures.Reading]]]
]


def _gather_outcome(
    outcome_id: int,
    indicators: dict[int, tuple[int, int]],
    population: dict[int, selectors.PooledPerson],
    periods: dict[int, str],
) -> Gathered:
    """One outcome's cells: their members and the readings the measures use."""
    members: dict[CellKey, dict[int, disclosure.Member]] = {}
    readings: dict[CellKey, dict[int, list[measures.Reading]]] = {}
    rows = selectors.pooled_answer_rows(population, indicators)
    for person_id, person_readings in measures.readings(rows).get(outcome_id, {}).items():
        period = periods.get(person_id)
        if period is None:
            continue  # no baseline yet: in no period's cell
        essential = essential_readings(person_readings)
        letters = figures_counting(essential)
        if not letters:
            continue
        person = population[person_id]
        key = (outcome_id, person.programme_kind, period)
        members.setdefault(key, {})[person_id] = disclosure.Member(
            organisation=person.organisation_id,
            fingerprint=_fingerprint(essential),
            figures=letters,
        )
        readings.setdefault(key, {})[person_id] = essential
    return members, readings


def cell_figures(
    outcome_id: int, people: Mapping[int, list[measures.Reading]], shown: frozenset[str]
) -> dict[str, Any]:
    """The published figures of a cell: only those allowed, every count rounded to 5, every
    score and change to a whole point."""
    m = measures.measures_for_outcome(outcome_id, people)
    count = disclosure.round_count
    point = disclosure.round_figure
    figures: dict[str, Any] = {"people": count(m.people)}
    if disclosure.BASELINE in shown:
        first = m.first_readings
        figures["first_readings"] = {
            "people": count(first.people),
            "bands": [count(n) for n in first.bands],
            "mean": point(first.mean),
            "median": point(first.median),
        }
    if disclosure.PAIRED in shown and m.change is not None:
        figures["change"] = {
            "people": count(m.paired),
            "mean": point(m.change.mean),
            "sd": point(m.change.sd),
            "q1": point(m.change.q1),
            "median": point(m.change.median),
            "q3": point(m.change.q3),
            "moved_up": count(m.moved_up),
            "stayed": count(m.stayed),
            "moved_down": count(m.moved_down),
        }
    if disclosure.GAP in shown:
        figures["gap"] = {
            "people": count(m.gap.people),
            "mean": point(m.gap.mean),
            "mean_absolute": point(m.gap.mean_absolute),
        }
    return figures


def _release(release: PooledRelease) -> disclosure.Release:
    return disclosure.Release(
        members={
            int(person): disclosure.Member.from_json(value)
            for person, value in release.members.items()
        },
        shown=frozenset(release.figures.get("shown", "")),
    )


def refresh_pooled_evidence(*, now: datetime.datetime | None = None) -> EvidenceRefresh:
    """Recomputes every cell from the people who may be counted and publishes what the
    disclosure rule allows (docs/decisions/0018-pooled-disclosure-control.md).

    Reads each outcome's answers in one streamed query (memory holds one outcome); writes only
    the cells whose members changed, so a quiet night writes little.
    Each outcome's cells change together, in one transaction.
    """
    now = now or timezone.now()
    refresh = EvidenceRefresh.objects.create(started_at=now)
    population = selectors.pooled_population()
    periods = selectors.baseline_periods(population.keys())
    indicators = selectors.survivor_indicators()
    the_rule = rule()
    cells = {(c.outcome_id, c.programme_kind, c.period): c for c in PooledCell.objects.all()}
    history = selectors.releases_by_cell()
    released = hidden = kept = 0
    outcome_ids = sorted(
        {outcome for outcome, _points in indicators.values()} | {k[0] for k in cells}
    )
    for outcome_id in outcome_ids:
        # One outcome at a time: its answers only, so memory holds one outcome's readings.
        of_outcome = {pk: value for pk, value in indicators.items() if value[0] == outcome_id}
        members, readings = (
            _gather_outcome(outcome_id, of_outcome, population, periods) if of_outcome else ({}, {})
        )
        keys = {key for key in cells if key[0] == outcome_id} | members.keys()
        with transaction.atomic():
            for key in sorted(keys):
                new = members.get(key, {})
                cell = cells.get(key)
                releases = [_release(r) for r in history.get(cell.pk, [])] if cell else []
                current = releases[-1] if cell is not None and cell.figures is not None else None
                decision = disclosure.decide(new, current=current, history=releases, rule=the_rule)
                if decision.outcome is disclosure.Outcome.KEEP:
                    kept += current is not None
                    continue
                if decision.outcome is disclosure.Outcome.HIDE:
                    if cell is not None and cell.figures is not None:
                        cell.figures = None
                        cell.hidden_since = now
                        cell.save(update_fields=["figures", "hidden_since"])
                        hidden += 1
                    continue
                if cell is None:
                    cell = PooledCell.objects.create(
                        outcome_id=key[0], programme_kind=key[1], period=key[2]
                    )
                figures = cell_figures(key[0], readings.get(key, {}), decision.shown)
                figures["shown"] = "".join(sorted(decision.shown))
                PooledRelease.objects.create(
                    cell=cell,
                    released_at=now,
                    figures=figures,
                    members={str(pk): member.to_json() for pk, member in new.items()},
                )
                cell.figures = figures
                cell.released_at = now
                cell.hidden_since = None
                cell.save(update_fields=["figures", "released_at", "hidden_since"])
                released += 1
    with transaction.atomic():
        refresh.cells_released = released
        refresh.cells_hidden = hidden
        refresh.cells_kept = kept
        refresh.finished_at = timezone.now()
        refresh.save()
    return refresh


def pooled_sharing_set(*, organisation: Organisation, shares: bool, acting_user: User) -> bool:
    """A lead's choice whether their organisation's people (those who consented) are counted in
    pooled figures; written to the access log. Returns whether anything changed."""
    membership = permissions.membership_for(acting_user, organisation)
    if membership is None:
        raise PermissionDenied
    permissions.check_manage_workspace(membership)
    if organisation.shares_pooled_statistics == shares:
        return False
    with transaction.atomic():
        organisation.shares_pooled_statistics = shares
        organisation.save(update_fields=["shares_pooled_statistics"])
        access_log_record(
            organisation=organisation,
            acting_user=acting_user,
            action=AccessLogEntry.Action.POOLED_SHARING,
            detail="taking part" if shares else "not taking part",
        )
    return True
