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
from mscos.measurement.models import Organisation
from mscos.measurement.services import access_log_record

CellKey = tuple[int, str, str]  # outcome id, kind of programme, period
# The access log's line for a lead's choice (measurement's AccessLogEntry.Action names it).
POOLED_SHARING_ACTION = "pooled-sharing"


def rule() -> disclosure.Rule:
    return disclosure.Rule(
        min_cell=settings.EVIDENCE_MIN_CELL,
        min_organisations=settings.EVIDENCE_MIN_ORGANISATIONS,
    )


def _fingerprint(person_readings: list[measures.Reading]) -> str:
    """16 bits of what a person contributes: enough to see a change, too few to read it back."""
    text = ";".join(
        f"{r.kind},{r.survivor!r},{r.practitioner!r},{r.gap!r}" for r in person_readings
    )
    return hashlib.sha256(text.encode()).hexdigest()[:4]


def _figures_counting(outcome_id: int, person_readings: list[measures.Reading]) -> str:
    """Which figures of a cell count this person, by the measures' own definitions."""
    alone = measures.measures_for_outcome(outcome_id, {0: person_readings})
    letters = ""
    if alone.people:
        letters += disclosure.PEOPLE
    if alone.with_baseline:
        letters += disclosure.BASELINE
    if alone.paired:
        letters += disclosure.PAIRED
    if alone.gap.people:
        letters += disclosure.GAP
    return letters


def _gather() -> tuple[
    dict[CellKey, dict[int, disclosure.Member]], dict[CellKey, dict[int, list[measures.Reading]]]
]:
    """Every cell's members and their readings, one organisation at a time (bounded memory)."""
    population = selectors.pooled_population()
    indicators = selectors.survivor_indicators()
    by_organisation: dict[int, set[int]] = {}
    for person_id, person in population.items():
        by_organisation.setdefault(person.organisation_id, set()).add(person_id)
    members: dict[CellKey, dict[int, disclosure.Member]] = {}
    readings: dict[CellKey, dict[int, list[measures.Reading]]] = {}
    for organisation_id, people in sorted(by_organisation.items()):
        rows = list(selectors.pooled_answer_rows(organisation_id, people, indicators))
        periods = measures.baseline_quarters(rows)
        for outcome_id, per_person in measures.readings(rows).items():
            for person_id, person_readings in per_person.items():
                period = periods.get(person_id)
                letters = _figures_counting(outcome_id, person_readings)
                if period is None or not letters:
                    continue  # no baseline yet: not in any period's cell
                key = (outcome_id, population[person_id].programme_kind, period)
                members.setdefault(key, {})[person_id] = disclosure.Member(
                    organisation=organisation_id,
                    fingerprint=_fingerprint(person_readings),
                    figures=letters,
                )
                readings.setdefault(key, {})[person_id] = person_readings
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

    Reads every pooled person's answers once, one organisation at a time; writes only the cells
    whose figures change, so a night with little new data writes little.
    """
    now = now or timezone.now()
    refresh = EvidenceRefresh.objects.create(started_at=now)
    members, readings = _gather()
    the_rule = rule()
    cells = {(c.outcome_id, c.programme_kind, c.period): c for c in PooledCell.objects.all()}
    history = selectors.releases_by_cell()
    released = hidden = kept = 0
    with transaction.atomic():
        for key in sorted(cells.keys() | members.keys()):
            new = members.get(key, {})
            cell = cells.get(key)
            releases = [_release(r) for r in history.get(cell.pk, [])] if cell else []
            current = releases[-1] if cell is not None and cell.figures is not None else None
            if cell is None and not new:
                continue
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
                outcome_id, kind, period = key
                cell = PooledCell.objects.create(
                    outcome_id=outcome_id, programme_kind=kind, period=period
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
            action=POOLED_SHARING_ACTION,
            detail="taking part" if shares else "not taking part",
        )
    return True
