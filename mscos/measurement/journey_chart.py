"""Where the journey charts' bars, dots and lines go: plain numbers for server-drawn SVG (no
JavaScript).

The charts show exactly the figures of the tables beside them (`selectors.journey`,
`selectors.trajectory`). In a right-to-left language the bars grow from the right and time runs
from right to left, as the reader's eye starts there.
"""

import dataclasses
import datetime

from django.utils import formats

from mscos.measurement.models import CheckIn
from mscos.measurement.selectors import OutcomeChange, OutcomeTrajectory, Reading

WIDTH = 320  # the SVG's own units; it scales to the column
BAR_HEIGHT = 14
ROW_HEIGHT = 62


@dataclasses.dataclass(frozen=True)
class Bar:
    when: str  # "first" or "latest"
    value: int | None
    y: int
    width: float
    x: float  # where the bar starts
    value_x: float  # where its figure (or "no answers") is written


@dataclasses.dataclass(frozen=True)
class Row:
    outcome: str
    label_y: int
    bars: tuple[Bar, Bar]


def _bar(when: str, value: int | None, y: int, *, right_to_left: bool) -> Bar:
    width = round((value or 0) / 100 * (WIDTH - 40), 1)
    if right_to_left:
        shown_at = WIDTH - width - 4 if value is not None else WIDTH
        return Bar(when=when, value=value, y=y, width=width, x=WIDTH - width, value_x=shown_at)
    shown_at = width + 4 if value is not None else 0
    return Bar(when=when, value=value, y=y, width=width, x=0, value_x=shown_at)


def chart_rows(
    changes: list[OutcomeChange], *, right_to_left: bool = False
) -> tuple[list[Row], int]:
    """The rows of the chart and its height."""
    rows = []
    for index, change in enumerate(changes):
        top = index * ROW_HEIGHT
        first, latest = (
            _bar(when, value, top + 20 + offset * (BAR_HEIGHT + 4), right_to_left=right_to_left)
            for offset, (when, value) in enumerate(
                (("first", change.first), ("latest", change.latest))
            )
        )
        rows.append(Row(outcome=change.outcome, label_y=top + 14, bars=(first, latest)))
    return rows, max(len(changes) * ROW_HEIGHT, ROW_HEIGHT)


# The trajectory: one small chart per outcome, every check-in's score over time. Time runs along
# the reading direction (right to left in Arabic); 0 is at the bottom, 100 at the top.
PANEL_WIDTH = 240
PANEL_HEIGHT = 104
PLOT_TOP, PLOT_BOTTOM = 8, 78
AXIS_GAP = 28  # room for the 0, 50 and 100 on the side where time starts
END_GAP = 10
DATE_Y = 96


@dataclasses.dataclass(frozen=True)
class Dot:
    date: datetime.date
    kind: str
    value: int
    x: float
    y: float
    iso: str  # the date as written in data-date; `label` in the reader's format (its tooltip)
    label: str


@dataclasses.dataclass(frozen=True)
class Panel:
    outcome: str
    dots: list[Dot]
    lines: list[str]  # SVG polyline points; a check-in without a score breaks the line
    first_x: float  # where the first and the latest check-in's dates are written
    latest_x: float


@dataclasses.dataclass(frozen=True)
class Axis:
    """Where the scale's lines and figures go, the same in every panel."""

    start: float  # the plot's edge on the side time starts from, and its other edge
    end: float
    label_x: float
    ticks: list[tuple[int, float]]  # (figure, y)


def axis(*, right_to_left: bool = False) -> Axis:
    ticks = [(value, _y(value)) for value in (0, 50, 100)]
    if right_to_left:
        return Axis(PANEL_WIDTH - AXIS_GAP, END_GAP, PANEL_WIDTH - AXIS_GAP + 4, ticks)
    return Axis(AXIS_GAP, PANEL_WIDTH - END_GAP, AXIS_GAP - 4, ticks)


def _y(value: int) -> float:
    return round(PLOT_BOTTOM - value / 100 * (PLOT_BOTTOM - PLOT_TOP), 1)


def _x(day: datetime.date, first: datetime.date, span: int, *, right_to_left: bool) -> float:
    plot = PANEL_WIDTH - AXIS_GAP - END_GAP
    # A single check-in (or all on one day) stands in the middle of the time axis.
    share = (day - first).days / span if span else 0.5
    offset = AXIS_GAP + 6 + share * (plot - 12)
    return round(PANEL_WIDTH - offset if right_to_left else offset, 1)


def trajectory_panels(
    trajectories: list[OutcomeTrajectory], *, right_to_left: bool = False
) -> list[Panel]:
    """Per outcome, a dot for each check-in with a score, joined in date order."""
    panels = []
    # Each date is formatted once, not once per outcome (formatting dominated the page's time).
    labels: dict[datetime.date, str] = {}
    for outcome in trajectories:
        readings = outcome.readings
        first, latest = readings[0].date, readings[-1].date
        span = (latest - first).days

        def x(day: datetime.date, first=first, span=span) -> float:
            return _x(day, first, span, right_to_left=right_to_left)

        dots: list[Dot] = []
        lines: list[str] = []
        run: list[str] = []
        for reading in readings:
            if reading.value is None:
                if len(run) > 1:
                    lines.append(" ".join(run))
                run = []
                continue
            dot = Dot(
                reading.date,
                reading.kind,
                reading.value,
                x(reading.date),
                _y(reading.value),
                reading.date.isoformat(),
                labels.setdefault(reading.date, formats.date_format(reading.date, "DATE_FORMAT")),
            )
            dots.append(dot)
            run.append(f"{dot.x:g},{dot.y:g}")
        if len(run) > 1:
            lines.append(" ".join(run))
        panels.append(Panel(outcome.outcome, dots, lines, x(first), x(latest)))
    return panels


def table_rows(
    check_ins: list[CheckIn], trajectories: list[OutcomeTrajectory]
) -> list[tuple[CheckIn, str, list[tuple[str, Reading]]]]:
    """The trajectory's table the other way round: a row per check-in, a cell per outcome."""
    return [
        (
            check_in,
            check_in.date.isoformat(),
            [(outcome.outcome, outcome.readings[index]) for outcome in trajectories],
        )
        for index, check_in in enumerate(check_ins)
    ]
