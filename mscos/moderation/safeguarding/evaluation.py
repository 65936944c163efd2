"""Measuring the detector on the evaluation set (tests/safeguarding/eval/<language>/).

Each language has a tuning part (the data was adjusted while reading it) and a held-out part
(never read while writing the data): only the held-out figures say how it does on new posts.
"""

import time
from dataclasses import dataclass
from pathlib import Path

from mscos.moderation.safeguarding.detector import assess

PARTS = ("tuning", "heldout")


@dataclass(frozen=True)
class Measure:
    language: str
    part: str
    danger: int
    safe: int
    found: int  # danger examples marked urgent
    false_alarms: int  # safe examples marked urgent
    slowest_ms: float
    ordinary: int = 0  # everyday posts (heldout_ordinary_safe.txt), safe by any reading
    ordinary_alarms: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.danger if self.danger else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.safe if self.safe else 0.0

    @property
    def ordinary_alarm_rate(self) -> float:
        return self.ordinary_alarms / self.ordinary if self.ordinary else 0.0


def examples(folder: Path, language: str, part: str, kind: str) -> list[str]:
    path = folder / language / f"{part}_{kind}.txt"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def languages(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.is_dir())


def measure(folder: Path, language: str, part: str) -> tuple[Measure, list[str], list[str]]:
    """The figures for one part, with the missed danger and the false alarms."""
    assess("")  # compile every language's data first, so the timings are of screening alone
    danger = examples(folder, language, part, "danger")
    safe = examples(folder, language, part, "safe")
    ordinary = examples(folder, language, f"{part}_ordinary", "safe")
    slowest = 0.0
    missed, alarms = [], []
    for text, expected in [*((t, True) for t in danger), *((t, False) for t in safe)]:
        started = time.perf_counter()
        urgent = assess(text).urgent
        slowest = max(slowest, (time.perf_counter() - started) * 1000)
        if urgent != expected:
            (missed if expected else alarms).append(text)
    ordinary_alarms = [text for text in ordinary if assess(text).urgent]
    alarms += ordinary_alarms
    result = Measure(
        language=language,
        part=part,
        danger=len(danger),
        safe=len(safe),
        found=len(danger) - len(missed),
        false_alarms=len(alarms) - len(ordinary_alarms),
        slowest_ms=slowest,
        ordinary=len(ordinary),
        ordinary_alarms=len(ordinary_alarms),
    )
    return result, missed, alarms
