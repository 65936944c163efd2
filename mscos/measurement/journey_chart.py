"""Where the journey chart's bars go: plain numbers for a server-drawn SVG (no JavaScript).

The chart shows exactly the figures of the table beside it (`selectors.journey`). In a
right-to-left language the bars grow from the right, as the reader's eye starts there.
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
