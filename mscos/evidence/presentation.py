"""Published cells as readers see them: labels in the reader's language, the chart's geometry.

Pure: takes the stored figures, never people or answers. The chart shows exactly the figures of
the table beside it; in a right-to-left language its bars start on the right.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from django.utils.translation import gettext as _

from mscos.measurement.measures import BANDS
from mscos.measurement.models import Programme

CHART_WIDTH = 320
LABEL_HEIGHT = 16
BAR_HEIGHT = 16
ROW_HEIGHT = 44
MOVEMENTS = ("moved_up", "stayed", "moved_down")
COLOURS = {"moved_up": "#1f4d5c", "stayed": "#9aa5ad", "moved_down": "#c0622b"}


def kind_label(kind: str) -> str:
    try:
        return str(Programme.Kind(kind).label)
    except ValueError:
        return kind


def period_label(period: str) -> str:
    """ "2026 Q1" as readers read it."""
    year, _space, quarter = period.partition(" Q")
    return _("%(year)s, quarter %(quarter)s") % {"year": year, "quarter": quarter}


def band_labels() -> list[str]:
    """ "0\u201320" and so on: each band holds its lower bound, up to (not including) the next;
    the last one holds 100."""
    return [f"{low}\u2013{high}" for low, high in BANDS]


@dataclasses.dataclass(frozen=True)
class Segment:
    movement: str
    count: int
    x: float
    width: float
    colour: str


@dataclasses.dataclass(frozen=True)
class ShownCell:
    kind: str
    kind_label: str
    period: str
    period_label: str
    figures: dict

    @property
    def label(self) -> str:
        return f"{self.kind_label} · {self.period_label}"

    @property
    def change(self) -> dict | None:
        return self.figures.get("change")

    @property
    def first_readings(self) -> dict | None:
        return self.figures.get("first_readings")

    @property
    def gap(self) -> dict | None:
        return self.figures.get("gap")


@dataclasses.dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: int
    bar_y: int
    segments: list[Segment]


def shown_cells(cells: Iterable) -> list[ShownCell]:
    """Stored cells (with figures) for a page, kind then period."""
    return [
        ShownCell(
            kind=cell.programme_kind,
            kind_label=kind_label(cell.programme_kind),
            period=cell.period,
            period_label=period_label(cell.period),
            figures=public_figures(cell.figures),
        )
        for cell in cells
    ]


def public_figures(figures: dict) -> dict:
    """The figures without the refresh's own bookkeeping."""
    return {key: value for key, value in figures.items() if key != "shown"}


def movement_chart(cells: list[ShownCell], *, right_to_left: bool) -> tuple[list[ChartRow], int]:
    """One bar per cell with change figures: the shares who moved up, stayed and moved down."""
    rows: list[ChartRow] = []
    for cell in cells:
        change = cell.change
        if not change:
            continue
        top = len(rows) * ROW_HEIGHT
        total = sum(change[m] for m in MOVEMENTS) or 1
        segments: list[Segment] = []
        edge = 0.0
        for movement in MOVEMENTS:
            width = round(change[movement] / total * CHART_WIDTH, 1)
            x = CHART_WIDTH - edge - width if right_to_left else edge
            segments.append(
                Segment(movement, change[movement], round(x, 1), width, COLOURS[movement])
            )
            edge += width
        rows.append(
            ChartRow(
                label=cell.label, label_y=top + 12, bar_y=top + LABEL_HEIGHT, segments=segments
            )
        )
    return rows, max(len(rows) * ROW_HEIGHT, 1)
