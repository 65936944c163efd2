"""Where a programme dashboard's bars go: plain numbers for server-drawn SVG (no JavaScript).

The charts show exactly the figures of the tables beside them (`dashboard.py`), and nothing a
table hides: a hidden count ("fewer than 5") is not drawn, its part of the bar left grey. In a
right-to-left language bars start at the right, as the reader's eye does.
"""

import dataclasses

from django.utils.translation import gettext as _

from mscos.measurement.dashboard import Cell, ProgrammeDashboard, band_labels

WIDTH = 320  # the SVG's own units; it scales to the column
BAR_HEIGHT = 16
ROW_HEIGHT = 44
LABEL_Y = 13
BAR_Y = 20
# Lightest to darkest for the bands of first readings (low need-met to high); for movement,
# up dark, the same mid, down a warm contrast. Text on a segment is white on the dark ones.
BAND_COLOURS = ("#d6e4ea", "#a9c4d0", "#7197a8", "#3f6f82", "#1f4d5c")
MOVEMENT_COLOURS = ("#1f4d5c", "#a9c4d0", "#b5562b")
HIDDEN_COLOUR = "#e4e4e0"
_LIGHT = {"#d6e4ea", "#a9c4d0"}


@dataclasses.dataclass(frozen=True)
class Segment:
    index: int  # which part of the set
    colour: str
    text_colour: str
    x: float
    width: float
    text: str  # the share written on it, "" when it is too narrow to hold it
    text_x: float


@dataclasses.dataclass(frozen=True)
class StackedRow:
    label: str
    label_y: int
    bar_y: int
    segments: list[Segment]
    hidden: Segment | None  # the grey part standing for counts too small to show
    note: str  # written instead of a bar when the whole row is too small


def _x(start: float, width: float, *, right_to_left: bool) -> float:
    return round(WIDTH - start - width, 1) if right_to_left else round(start, 1)


def stacked_rows(
    rows: list[tuple[str, list[Cell], int, bool]],
    *,
    right_to_left: bool,
    note: str,
    colours: tuple[str, ...],
    top_offset: int = 0,
) -> tuple[list[StackedRow], int]:
    """One 100% bar per (label, counts, total, total shown), below `top_offset` (the legend),
    and the chart's height."""
    result = []
    for index, (label, cells, total, total_shown) in enumerate(rows):
        top = top_offset + index * ROW_HEIGHT
        segments: list[Segment] = []
        hidden = None
        if total_shown and total > 0:
            start = 0.0
            hidden_share = 0.0
            for part, cell in enumerate(cells):
                if cell.suppressed or cell.value is None:
                    continue
                width = round(cell.value / total * WIDTH, 1)
                if width <= 0:
                    continue
                x = _x(start, width, right_to_left=right_to_left)
                percent = round(cell.value / total * 100)
                segments.append(
                    Segment(
                        index=part,
                        colour=colours[part],
                        text_colour="#1a1a1a" if colours[part] in _LIGHT else "#ffffff",
                        x=x,
                        width=width,
                        text=f"{percent}%" if width >= 30 else "",
                        text_x=round(x + width / 2, 1),
                    )
                )
                start += width
            hidden_share = WIDTH - start
            if any(cell.suppressed for cell in cells) and hidden_share > 0.5:
                width = round(hidden_share, 1)
                x = _x(start, width, right_to_left=right_to_left)
                hidden = Segment(
                    index=-1,
                    colour=HIDDEN_COLOUR,
                    text_colour="",
                    x=x,
                    width=width,
                    text="",
                    text_x=x,
                )
        result.append(
            StackedRow(
                label=label,
                label_y=top + LABEL_Y,
                bar_y=top + BAR_Y,
                segments=segments,
                hidden=hidden,
                note="" if segments or hidden else note,
            )
        )
    return result, top_offset + max(len(rows) * ROW_HEIGHT, ROW_HEIGHT)


@dataclasses.dataclass(frozen=True)
class LegendItem:
    colour: str
    words: str
    x: float  # the swatch
    y: int
    text_x: float


LEGEND_ROW = 16
SWATCH = 10


def legend(items: list[tuple[str, str]], *, right_to_left: bool) -> tuple[list[LegendItem], int]:
    """The key to a chart's colours, drawn in the chart (two to a row), and its height."""
    placed = []
    column_width = WIDTH / 2
    for index, (colour, words) in enumerate(items):
        row, column = divmod(index, 2)
        start = column * column_width
        y = row * LEGEND_ROW
        if right_to_left:
            x = WIDTH - start - SWATCH
            text_x = x - 4
        else:
            x = start
            text_x = start + SWATCH + 4
        placed.append(LegendItem(colour, words, round(x, 1), y, round(text_x, 1)))
    rows = (len(items) + 1) // 2
    return placed, rows * LEGEND_ROW + 8


@dataclasses.dataclass(frozen=True)
class ChangeBar:
    label: str
    label_y: int
    bar_y: int
    x: float
    width: float
    text: str
    text_x: float
    anchor: str  # "start" when the figure is written to the right of text_x, else "end"
    shown: bool


def change_bars(
    rows: list[tuple[str, Cell]], *, right_to_left: bool
) -> tuple[list[ChangeBar], int, float]:
    """Bars for the average change (-100 to +100) from the middle line, rising to the reader's
    forward side (right, or left in a right-to-left language); and the chart's height and the
    middle line's x."""
    middle = WIDTH / 2
    half = WIDTH / 2 - 30  # room for the figure at the bar's end
    bars = []
    for index, (label, cell) in enumerate(rows):
        top = index * ROW_HEIGHT
        number = cell.number
        if number is None:
            bars.append(
                ChangeBar(
                    label, top + LABEL_Y, top + BAR_Y, middle, 0, str(cell), middle, "middle", False
                )
            )
            continue
        length = round(abs(number) / 100 * half, 1)
        forward = (number >= 0) != right_to_left  # towards the right of the drawing
        x = middle if forward else middle - length
        text_x = middle + length + 4 if forward else middle - length - 4
        anchor = "start" if forward else "end"
        bars.append(
            ChangeBar(label, top + LABEL_Y, top + BAR_Y, x, length, str(cell), text_x, anchor, True)
        )
    return bars, max(len(rows) * ROW_HEIGHT, ROW_HEIGHT), middle


@dataclasses.dataclass(frozen=True)
class Charts:
    width: int
    bar_height: int
    # Labels are written left to right with an explicit anchor (the end at the right edge in a
    # right-to-left language): browsers and WeasyPrint (the PDF) then agree where text goes.
    label_x: int
    label_anchor: str
    arrival: list[StackedRow]
    arrival_height: int
    movement: list[StackedRow]
    movement_height: int
    change: list[ChangeBar]
    change_height: int
    middle: float
    band_legend: list[LegendItem]
    movement_legend: list[LegendItem]
    arrival_caption: str
    movement_caption: str


def charts(found: ProgrammeDashboard, *, right_to_left: bool) -> Charts:
    """The dashboard's three charts: where people started, how they moved, the average change."""
    note = _("fewer than %(count)s people") % {"count": found.min_cell}
    too_few = (HIDDEN_COLOUR, _("too few people to show"))
    band_legend, band_legend_height = legend(
        [*zip(BAND_COLOURS, band_labels(), strict=True), too_few], right_to_left=right_to_left
    )
    movement_words = [_("Moved up"), _("Stayed the same"), _("Moved down")]
    movement_legend, movement_legend_height = legend(
        [*zip(MOVEMENT_COLOURS, movement_words, strict=True), too_few],
        right_to_left=right_to_left,
    )
    arrival, arrival_height = stacked_rows(
        [
            (o.outcome, o.bands, int(o.with_baseline.value or 0), o.with_baseline.shown)
            for o in found.outcomes
        ],
        right_to_left=right_to_left,
        note=note,
        colours=BAND_COLOURS,
        top_offset=band_legend_height,
    )
    movement, movement_height = stacked_rows(
        [(o.outcome, o.movement, int(o.paired.value or 0), o.paired.shown) for o in found.outcomes],
        right_to_left=right_to_left,
        note=note,
        colours=MOVEMENT_COLOURS,
        top_offset=movement_legend_height,
    )
    change, change_height, middle = change_bars(
        [(o.outcome, o.change_mean) for o in found.outcomes], right_to_left=right_to_left
    )
    return Charts(
        width=WIDTH,
        bar_height=BAR_HEIGHT,
        label_x=WIDTH if right_to_left else 0,
        label_anchor="end" if right_to_left else "start",
        arrival=arrival,
        arrival_height=arrival_height,
        movement=movement,
        movement_height=movement_height,
        change=change,
        change_height=change_height,
        middle=middle,
        band_legend=band_legend,
        movement_legend=movement_legend,
        arrival_caption=_(
            "Each bar is the people with a baseline, split by their first score, lowest band first."
        ),
        movement_caption=_(
            "Each bar is the people with a baseline and a later check-in: who moved up, stayed "
            "the same or moved down."
        ),
    )
