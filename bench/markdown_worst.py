"""The slowest Markdown inputs we know of, rendered as a post is (mscos/forum/rendering.py).

Each input is as bad as the structural bounds let it be (at the length cap, with as many links,
emphasis marks, table cells, code spans or lines as allowed), plus inputs past the bounds, which
are shown as plain text and never parsed. Prints the median and slowest of several renders per
input; the target is about 200 ms on one core. Run: `make bench`, or
`.venv/bin/python bench/markdown_worst.py`.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscos.settings.dev")

import django

django.setup()

from mscos.forum.rendering import (  # noqa: E402
    MAX_RENDER_LENGTH,
    STRUCTURE_LIMITS,
    render_markdown,
    structure_within_bounds,
)

TARGET_MS = 200
ROUNDS = 5
LIMIT = dict(STRUCTURE_LIMITS)
LINES = LIMIT["\n"] - 1


def _fill(unit: str, count: int, tail: str = "") -> str:
    """`unit` repeated `count` times, padded with plain words to the length cap."""
    text = unit * count + tail
    return text + ("word " * MAX_RENDER_LENGTH)[: max(MAX_RENDER_LENGTH - len(text), 0)]


def worst_inputs() -> dict[str, str]:
    """Every input within the bounds is cut at the length cap; the last three are past them."""
    within = {name: text[:MAX_RENDER_LENGTH] for name, text in _within_bounds().items()}
    return {
        **within,
        "1 MB table (past the bound)": "| a | b |\n|---|---|\n" + "| x | y |\n" * 100_000,
        "20,000 brackets (past the bound)": "[" * MAX_RENDER_LENGTH,
        "20,000 emphasis marks (past)": "*_" * (MAX_RENDER_LENGTH // 2),
    }


def _within_bounds() -> dict[str, str]:
    cells_per_row = 10
    rows = min(LIMIT["|"] // (cells_per_row + 1), LINES) - 2
    row = "|" + "x|" * cells_per_row + "\n"
    table = "|" + "h|" * cells_per_row + "\n|" + "-|" * cells_per_row + "\n" + row * rows
    return {
        "table at the cell bound": table,
        "two-column table, long cells": "|a|b|\n|-|-|\n"
        + ("|" + "word " * 4 + "|" + "word " * 4 + "|\n") * (LIMIT["|"] // 3 - 2),
        "nested quotes": _fill(">" * 200 + " deep\n", 1),
        "nested lists": "".join("  " * (depth % 40) + "- item\n" for depth in range(LINES)),
        "quotes and lists": "".join(("> " * (i % 30)) + "- x\n" for i in range(LINES)),
        "emphasis run *_": "*_" * (LIMIT["*_~"] // 2),
        "emphasis run **a": "**a" * (LIMIT["*_~"] // 2),
        "strike-through run": "~~a" * (LIMIT["*_~"] // 2),
        "unclosed emphasis + words": _fill("*a ", LIMIT["*_~"]),
        "brackets [": _fill("[", LIMIT["["]),
        "nested brackets": _fill("[" * (LIMIT["["] // 2) + "a" + "]" * (LIMIT["["] // 2), 1),
        "links": _fill("[a](https://example.org/path) ", LIMIT["["]),
        "images": _fill("![a](https://example.org/i.png) ", LIMIT["["]),
        "reference definitions": "".join(f"[r{i}]: /p{i}\n" for i in range(LIMIT["["] - 1)),
        "code spans": _fill("`a` ", LIMIT["`"] // 2),
        "unmatched backticks": _fill("`a``", LIMIT["`"] // 3),
        "entities": _fill("&amp; ", LIMIT["<&"]),
        "angle brackets": _fill("<a ", LIMIT["<&"]),
        "autolinks": _fill("<https://example.org> ", MAX_RENDER_LENGTH // 22),
        "paragraphs": "a\n\n" * (LINES // 2),
        "headings": "### a\n" * LINES,
        "one long line": "a" * MAX_RENDER_LENGTH,
        "long words and spaces": ("a" * 200 + " ") * (MAX_RENDER_LENGTH // 201),
        "everything at once": (
            "[a](/x) **b** `c` &amp; |d|\n" * 40 + "> - q\n" * 40 + "\n\n" + "words " * 2000
        ),
    }


def main() -> int:
    slowest_overall = median_overall = 0.0
    print(f"{'input':36} {'chars':>8} {'render':>8} {'median ms':>10} {'slowest ms':>11}")
    for name, text in worst_inputs().items():
        timings = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            render_markdown(text)
            timings.append((time.perf_counter() - started) * 1000)
        slowest, median = max(timings), statistics.median(timings)
        slowest_overall = max(slowest_overall, slowest)
        median_overall = max(median_overall, median)
        how = "parsed" if structure_within_bounds(text) else "plain"
        print(f"{name:36} {len(text):8} {how:>8} {median:10.1f} {slowest:11.1f}")
    # On a machine shared with other work the slowest of a few runs is noisy; the median is not.
    verdict = "meets" if median_overall <= TARGET_MS else "misses"
    print(
        f"worst median {median_overall:.1f} ms, slowest single render {slowest_overall:.1f} ms: "
        f"{verdict} the {TARGET_MS} ms target"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
