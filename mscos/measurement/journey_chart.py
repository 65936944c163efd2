"""Where the journey chart's bars go: plain numbers for a server-drawn SVG (no JavaScript).

The chart shows exactly the figures of the table beside it (`selectors.journey`).
"""

import dataclasses

from mscos.measurement.selectors import OutcomeChange

WIDTH = 320  # the SVG's own units; it scales to the column
BAR_HEIGHT = 14
ROW_HEIGHT = 62


@dataclasses.dataclass(frozen=True)
class Bar:
    when: str  # "first" or "latest"
    value: int | None
    y: int
    width: float


@dataclasses.dataclass(frozen=True)
class Row:
    outcome: str
    label_y: int
    bars: tuple[Bar, Bar]


def chart_rows(changes: list[OutcomeChange]) -> tuple[list[Row], int]:
    """The rows of the chart and its height."""
    rows = []
    for index, change in enumerate(changes):
        top = index * ROW_HEIGHT
        bars = tuple(
            Bar(
                when=when,
                value=value,
                y=top + 20 + offset * (BAR_HEIGHT + 4),
                width=round((value or 0) / 100 * (WIDTH - 40), 1),
            )
            for offset, (when, value) in enumerate(
                (("first", change.first), ("latest", change.latest))
            )
        )
        rows.append(Row(outcome=change.outcome, label_y=top + 14, bars=(bars[0], bars[1])))
    return rows, max(len(changes) * ROW_HEIGHT, ROW_HEIGHT)
