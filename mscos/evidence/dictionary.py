"""The researchers' download: its columns, what each means (the data dictionary), and its rows.

Aggregates only: one row per published cell, never a person. Counts are rounded to the nearest
5; scores and changes are on the journey's 0-100 scale, rounded to a whole point.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.text import slugify
from django.utils.translation import gettext as _

from mscos.evidence.presentation import public_figures
from mscos.measurement.measures import BANDS

BAND_COLUMNS = tuple(f"first_band_{low}_{high}" for low, high in BANDS)


def columns() -> list[tuple[str, str]]:
    """(column, what it means), in the download's order."""
    bands = [
        (
            name,
            _("People whose first reading was from %(low)s to under %(high)s (100 included)")
            % {"low": low, "high": high},
        )
        for name, (low, high) in zip(BAND_COLUMNS, BANDS, strict=True)
    ]
    return [
        ("outcome", _("The core outcome, by the address of its page on this site")),
        ("outcome_name", _("The outcome's name, in English")),
        ("programme_kind", _("The kind of support the people's programme gives")),
        ("period", _("The quarter of the people's first check-in (their baseline), as 2026-Q1")),
        ("people", _("People counted in this cell: with a score for the outcome")),
        ("first_people", _("People with a score at their first check-in")),
        ("first_mean", _("Mean first reading, 0 to 100")),
        ("first_median", _("Median first reading, 0 to 100")),
        *bands,
        ("change_people", _("People with a first and a later score")),
        ("change_mean", _("Mean change from first to latest score, in points")),
        ("change_sd", _("Standard deviation of the change")),
        ("change_q1", _("Lower quartile of the change")),
        ("change_median", _("Median change")),
        ("change_q3", _("Upper quartile of the change")),
        ("moved_up", _("People whose latest score is higher than their first")),
        ("stayed", _("People whose latest score is the same as their first")),
        ("moved_down", _("People whose latest score is lower than their first")),
        ("gap_people", _("People with both the survivor's and the practitioner's view")),
        (
            "gap_mean",
            _("Mean of survivor minus practitioner, in points (above 0: survivors rate higher)"),
        ),
        ("gap_mean_absolute", _("Mean size of the difference between the two views, in points")),
    ]


def row_for(*, outcome_slug: str, outcome_name: str, kind: str, period: str, figures: dict) -> dict:
    """One published cell as a flat row; a figure that is not published is None."""
    figures = public_figures(figures)
    first = figures.get("first_readings") or {}
    change = figures.get("change") or {}
    gap = figures.get("gap") or {}
    row: dict = {
        "outcome": outcome_slug,
        "outcome_name": outcome_name,
        "programme_kind": kind,
        "period": period.replace(" ", "-"),
        "people": figures.get("people"),
        "first_people": first.get("people"),
        "first_mean": first.get("mean"),
        "first_median": first.get("median"),
    }
    bands = first.get("bands") or [None] * len(BAND_COLUMNS)
    row.update(zip(BAND_COLUMNS, bands, strict=True))
    for key in ("people", "mean", "sd", "q1", "median", "q3"):
        row[f"change_{key}"] = change.get(key)
    for key in ("moved_up", "stayed", "moved_down"):
        row[key] = change.get(key)
    row["gap_people"] = gap.get("people")
    row["gap_mean"] = gap.get("mean")
    row["gap_mean_absolute"] = gap.get("mean_absolute")
    return row


def rows_for(cells: Iterable) -> list[dict]:
    return [
        row_for(
            outcome_slug=(
                cell.outcome.outcome_page.slug
                if cell.outcome.outcome_page
                else slugify(cell.outcome.name)
            ),
            outcome_name=cell.outcome.name,
            kind=cell.programme_kind,
            period=cell.period,
            figures=cell.figures,
        )
        for cell in cells
    ]
