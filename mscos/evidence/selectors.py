"""Reads for pooled evidence: the refresh's input (people who may be counted, their answers) and
what public pages show (the stored cells only: never people or answers)."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Container, Iterable, Iterator

from django.db import connection
from django.db.models import QuerySet
from wagtail.models import Locale

from mscos.evidence.models import EvidenceRefresh, PooledCell, PooledRelease
from mscos.measurement import measures
from mscos.measurement.models import (
    POINT_FIELDS,
    Answer,
    CheckIn,
    Indicator,
    Organisation,
    Programme,
)
from mscos.measurement.selectors import pooled_people
from mscos.outcomes.models import LongListOutcome

NO_PROGRAMME_KIND = Programme.Kind.OTHER


@dataclasses.dataclass(frozen=True)
class PooledPerson:
    organisation_id: int
    programme_kind: str


def pooled_population() -> dict[int, PooledPerson]:
    """Person id → organisation and kind of programme, for everyone pooled figures may count:
    a live pooled consent, in an organisation that takes part."""
    rows = (
        pooled_people()
        .filter(organisation__shares_pooled_statistics=True)
        .values_list("pk", "organisation_id", "programme__kind")
        .distinct()
    )
    return {
        pk: PooledPerson(organisation_id=org, programme_kind=kind or NO_PROGRAMME_KIND)
        for pk, org, kind in rows.iterator(chunk_size=20_000)
    }


def baseline_periods(people: Iterable[int]) -> dict[int, str]:
    """Person id → the quarter of their baseline check-in ("2026 Q1"), for those who have one."""
    wanted = set(people)
    rows = CheckIn.objects.filter(kind=CheckIn.Kind.BASELINE).values_list("person_id", "date")
    return {
        person: measures.quarter(date)
        for person, date in rows.iterator(chunk_size=20_000)
        if person in wanted
    }


def survivor_indicators() -> dict[int, tuple[int, int]]:
    """Indicator id → (outcome id, points on its scale), for the survivor-reported questions in the
    default language (the copies answers name)."""
    result = {}
    for row in Indicator.objects.filter(
        locale=Locale.get_default(), kind=Indicator.Kind.SURVIVOR, outcome__isnull=False
    ).values("pk", "outcome_id", *POINT_FIELDS):
        points = 0
        for name in POINT_FIELDS:
            if not row[name].strip():
                break
            points += 1
        result[row["pk"]] = (row["outcome_id"], points)
    return result


def pooled_answer_rows(
    people: Container[int], indicators: dict[int, tuple[int, int]]
) -> Iterator[measures.AnswerRow]:
    """The answers to the given survivor-reported questions, for the people given: one query,
    streamed (the few answers of people not counted are skipped here, cheaper than a join)."""
    rows = (
        Answer.objects.filter(indicator_id__in=list(indicators))
        .values_list(
            "check_in__person_id",
            "check_in_id",
            "check_in__date",
            "check_in__kind",
            "indicator_id",
            "survivor_answer",
            "practitioner_answer",
        )
        .order_by()
    )
    # Straight from the cursor: at two million answers Django's per-row work is most of the time.
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(20_000):
            for person_id, check_in_id, date, kind, indicator_id, survivor, practitioner in chunk:
                if person_id not in people:
                    continue
                outcome_id, points = indicators[indicator_id]
                yield measures.AnswerRow(
                    person_id=person_id,
                    check_in_id=check_in_id,
                    # SQLite hands dates back as text.
                    date=date if isinstance(date, datetime.date) else _date(date),
                    kind=kind,
                    outcome_id=outcome_id,
                    scale_points=points,
                    survivor_answer=survivor,
                    practitioner_answer=practitioner,
                )


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(str(value)[:10])


def sharing_organisation_ids() -> list[int]:
    return list(
        Organisation.objects.filter(shares_pooled_statistics=True).values_list("pk", flat=True)
    )


def cells_with_history() -> QuerySet[PooledCell]:
    """Every stored cell, with its releases' members (the refresh checks new ones against them)."""
    return PooledCell.objects.all()


def releases_by_cell() -> dict[int, list[PooledRelease]]:
    grouped: dict[int, list[PooledRelease]] = {}
    for release in PooledRelease.objects.order_by("cell_id", "released_at", "pk"):
        grouped.setdefault(release.cell_id, []).append(release)
    return grouped


# What public pages read: the stored cells only.


def latest_refresh() -> EvidenceRefresh | None:
    return EvidenceRefresh.objects.filter(finished_at__isnull=False).first()


def shown_cells(outcome: LongListOutcome | None = None) -> QuerySet[PooledCell]:
    """Cells with published figures, by outcome, kind and period."""
    cells = PooledCell.objects.filter(figures__isnull=False).select_related("outcome__outcome_page")
    if outcome is not None:
        cells = cells.filter(outcome=outcome)
    return cells.order_by("outcome_id", "programme_kind", "period")


def core_outcomes() -> list[LongListOutcome]:
    """The core outcomes (those with a page), in the set's order, each with its page."""
    return list(
        LongListOutcome.objects.filter(outcome_page__isnull=False)
        .select_related("outcome_page", "domain")
        .order_by("outcome_page__number", "domain__sort_order", "sort_order", "pk")
    )


def outcome_for_slug(slug: str) -> LongListOutcome | None:
    """A core outcome by its page's slug (the English page's)."""
    found: LongListOutcome | None = (
        LongListOutcome.objects.filter(
            outcome_page__slug=slug, outcome_page__locale=Locale.get_default()
        )
        .select_related("outcome_page")
        .first()
    )
    return found


def shown_cell_counts() -> dict[int, int]:
    """Outcome id → how many of its cells show figures."""
    counts: dict[int, int] = {}
    for outcome_id in shown_cells().values_list("outcome_id", flat=True):
        counts[outcome_id] = counts.get(outcome_id, 0) + 1
    return counts
