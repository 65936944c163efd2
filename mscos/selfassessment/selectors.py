"""Reads for the self-assessment: the outcomes asked about, a report, a workspace's assessments,
and the counts behind "Where services struggle" (with small cells suppressed)."""

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mscos.core.translated_pages import default_language_only, in_reader_language
from mscos.measurement.models import Organisation
from mscos.outcomes.models import OutcomePage
from mscos.practice import selectors as practice_selectors
from mscos.practice.models import PracticeExamplePage, Recommendation
from mscos.selfassessment.models import Assessment, Barrier, Help, Measured, OutcomeAnswer


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def core_outcomes() -> list[OutcomePage]:
    """The live core outcomes of the English section, in the set's order (answers point at these;
    pages show each in the reader's language through `in_reader_language`)."""
    return list(
        default_language_only(OutcomePage.objects.live().public())
        .filter(kind=OutcomePage.CORE)
        .order_by("number", "path")
    )


def assessment_for_token(token: str) -> Assessment | None:
    """The public assessment behind a report link, while the link works; None otherwise."""
    if not token or len(token) > 100:
        return None
    return (
        Assessment.objects.filter(
            token_hash=token_digest(token), organisation__isnull=True, expires_at__gt=timezone.now()
        )
        .prefetch_related("answers")
        .first()
    )


def assessments_for_organisation(organisation: Organisation) -> list[Assessment]:
    """A workspace's assessments, newest first, each with its answers."""
    return list(
        Assessment.objects.filter(organisation=organisation)
        .select_related("made_by")
        .prefetch_related("answers")
    )


def assessment_for_organisation(organisation: Organisation, pk: int) -> Assessment | None:
    return (
        Assessment.objects.filter(organisation=organisation, pk=pk)
        .prefetch_related("answers")
        .first()
    )


@dataclass
class ReportRow:
    """One outcome in a report: the answer, and what on the site may help with its gaps."""

    outcome: Any  # the outcome page in the reader's language
    answer: OutcomeAnswer
    barriers: list[tuple[str, str]]  # (label, tip)
    helps: list[str]
    practice: list[PracticeExamplePage] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)

    @property
    def is_gap(self) -> bool:
        return self.answer.is_gap


def report_rows(assessment: Assessment) -> list[ReportRow]:
    """Per core outcome, in the set's order: the answer, and for a gap the practice examples and
    recommendations the site holds for that outcome (in the reader's language where translated)."""
    from mscos.selfassessment.wording import BARRIER_TIPS

    answers = {answer.outcome_id: answer for answer in assessment.answers.all()}
    barrier_labels = dict(Barrier.choices)
    help_labels = dict(Help.choices)
    rows = []
    outcomes = core_outcomes()
    for outcome, shown in zip(outcomes, in_reader_language(outcomes), strict=True):
        answer = answers.get(outcome.pk)
        if answer is None:
            continue  # an outcome added to the set after this assessment was made
        row = ReportRow(
            outcome=shown,
            answer=answer,
            barriers=[
                (str(barrier_labels[code]), str(BARRIER_TIPS.get(code, "")))
                for code in answer.barriers
                if code in barrier_labels
            ],
            helps=[str(help_labels[code]) for code in answer.helps if code in help_labels],
        )
        if answer.is_gap:
            row.practice = in_reader_language(
                practice_selectors.practice_examples_for_outcome(outcome.pk)
            )
            row.recommendations = practice_selectors.recommendations_for_outcome(outcome.pk)
        rows.append(row)
    return rows


@dataclass
class Comparison:
    """A workspace's assessments side by side: per outcome, how it was measured each time."""

    assessments: list[Assessment]
    rows: list[tuple[Any, list[str]]]  # (outcome page, measured label per assessment)


def comparison(assessments: list[Assessment]) -> Comparison:
    short: dict[str, Any] = {
        Measured.NOT_AT_ALL.value: _("Not at all"),
        Measured.INFORMALLY.value: _("Informally"),
        Measured.WITH_TOOL.value: _("With a tool"),
    }
    by_assessment = [
        {answer.outcome_id: answer.measured for answer in assessment.answers.all()}
        for assessment in assessments
    ]
    rows = []
    outcomes = core_outcomes()
    for outcome, shown in zip(outcomes, in_reader_language(outcomes), strict=True):
        rows.append(
            (
                shown,
                [str(short.get(answers.get(outcome.pk, ""), "-")) for answers in by_assessment],
            )
        )
    return Comparison(assessments=assessments, rows=rows)


# "Where services struggle"


@dataclass
class Cell:
    label: str
    count: int | None  # None: suppressed (fewer than the minimum, or would give one away)


@dataclass
class StruggleRow:
    outcome: Any
    measured: list[Cell]
    barriers: list[Cell]
    helps: list[Cell]

    @property
    def groups(self) -> list[tuple[Any, list[Cell]]]:
        return [
            (_("How it is measured"), self.measured),
            (_("What gets in the way"), self.barriers),
            (_("What would help"), self.helps),
        ]


@dataclass
class StruggleTable:
    minimum: int
    total: int | None  # None when fewer than the minimum have been made: nothing is shown
    rows: list[StruggleRow]


def _cells(choices: list[tuple[str, Any]], counts: Counter[str], minimum: int) -> list[Cell]:
    return [
        Cell(label=str(label), count=counts[value] if counts[value] >= minimum else None)
        for value, label in choices
    ]


def _protect_sum(cells: list[Cell], counts: dict[str, int], values: list[str]) -> None:
    """The measured cells add up to the published total, so one hidden cell could be worked out
    from the others: then the smallest shown one is hidden too (secondary suppression)."""
    hidden = [cell for cell in cells if cell.count is None]
    if len(hidden) != 1:
        return
    shown = [
        (counts[value], index)
        for index, value in enumerate(values)
        if cells[index].count is not None
    ]
    if shown:
        cells[min(shown)[1]].count = None


def struggle_table() -> StruggleTable:
    """Counts per core outcome and answer, over every assessment; a cell with fewer than
    SELF_ASSESSMENT_MIN_CELL behind it is not shown, and never any free text."""
    minimum = settings.SELF_ASSESSMENT_MIN_CELL
    outcomes = core_outcomes()
    total = Assessment.objects.count()
    if total < minimum:
        return StruggleTable(minimum=minimum, total=None, rows=[])
    measured: dict[int, Counter[str]] = {outcome.pk: Counter() for outcome in outcomes}
    barriers: dict[int, Counter[str]] = {outcome.pk: Counter() for outcome in outcomes}
    helps: dict[int, Counter[str]] = {outcome.pk: Counter() for outcome in outcomes}
    answers = OutcomeAnswer.objects.filter(outcome_id__in=measured.keys()).values_list(
        "outcome_id", "measured", "barriers", "helps"
    )
    for outcome_id, measured_value, barrier_values, help_values in answers.iterator():
        measured[outcome_id][measured_value] += 1
        barriers[outcome_id].update(set(barrier_values or []))
        helps[outcome_id].update(set(help_values or []))
    rows = []
    measured_values = [value for value, _label in Measured.choices]
    for outcome, shown in zip(outcomes, in_reader_language(outcomes), strict=True):
        measured_cells = _cells(Measured.choices, measured[outcome.pk], minimum)
        _protect_sum(measured_cells, measured[outcome.pk], measured_values)
        rows.append(
            StruggleRow(
                outcome=shown,
                measured=measured_cells,
                barriers=_cells(Barrier.choices, barriers[outcome.pk], minimum),
                helps=_cells(Help.choices, helps[outcome.pk], minimum),
            )
        )
    return StruggleTable(minimum=minimum, total=total, rows=rows)
