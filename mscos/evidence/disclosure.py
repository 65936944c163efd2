"""Disclosure control for pooled figures: pure functions, no database.

The rule, for every figure anyone could see or work out: it covers at least `min_cell` people
beyond the organisation that contributes most, from at least `min_organisations` organisations.
It is applied to each figure of a cell (people, first readings, change, the survivor-practitioner
gap, each over its own people) and to the difference between a new release of a cell and every
earlier one, so neither a cell nor a change between two releases can single anyone out
(docs/decisions/0018-pooled-disclosure-control.md).
"""

from __future__ import annotations

import dataclasses
import enum
import math
from collections import Counter
from collections.abc import Iterable, Mapping

# The figures of a cell, each over its own people (letters kept short in stored releases).
PEOPLE = "p"  # everyone with a score for the outcome
BASELINE = "b"  # with a score at their baseline: the first readings
PAIRED = "c"  # with a baseline and a later score: the change
GAP = "g"  # with both views at one check-in: the survivor-practitioner gap
FIGURES = (PEOPLE, BASELINE, PAIRED, GAP)
ROUND_TO = 5


@dataclasses.dataclass(frozen=True)
class Member:
    """One person in a cell: their organisation, a fingerprint of what they contribute, and
    which figures count them."""

    organisation: int
    fingerprint: str
    figures: str

    def to_json(self) -> list:
        return [self.organisation, self.fingerprint, self.figures]

    @classmethod
    def from_json(cls, value: list) -> Member:
        return cls(organisation=int(value[0]), fingerprint=str(value[1]), figures=str(value[2]))


Members = Mapping[int, Member]


@dataclasses.dataclass(frozen=True)
class Rule:
    min_cell: int
    min_organisations: int

    def covers_enough(self, organisations: Iterable[int]) -> bool:
        """Enough people beyond the largest contributor, from enough organisations."""
        counts = Counter(organisations)
        if not counts:
            return False
        beyond_largest = sum(counts.values()) - max(counts.values())
        return len(counts) >= self.min_organisations and beyond_largest >= self.min_cell


@dataclasses.dataclass(frozen=True)
class Release:
    """What an earlier release counted, and which of its figures it showed."""

    members: Members
    shown: frozenset[str]


def counted(members: Members, figure: str) -> list[int]:
    """The organisations of the people a figure counts (one entry per person)."""
    return [member.organisation for member in members.values() if figure in member.figures]


def changed(old: Members, new: Members, figure: str) -> list[int]:
    """The organisations of the people whose part in `figure` differs between two releases:
    counted in one and not the other, or counted in both with a different contribution."""
    organisations = []
    for person in old.keys() | new.keys():
        before, after = old.get(person), new.get(person)
        was = before if before is not None and figure in before.figures else None
        now = after if after is not None and figure in after.figures else None
        if was is None and now is None:
            continue
        if was is None or now is None or was.fingerprint != now.fingerprint:
            organisations.append((now or was).organisation)  # type: ignore[union-attr]
    return organisations


class Outcome(enum.Enum):
    RELEASE = "release"  # publish the new figures (those in `shown`)
    KEEP = "keep"  # keep showing the current release: everyone in it is still counted
    HIDE = "hide"  # show nothing: someone the current release counts has gone


@dataclasses.dataclass(frozen=True)
class Decision:
    outcome: Outcome
    shown: frozenset[str] = frozenset()


def decide(
    new: Members, *, current: Release | None, history: Iterable[Release], rule: Rule
) -> Decision:
    """What to publish for a cell now, given its earlier releases (the current one among them).

    A figure may be shown if it covers enough people and, against every earlier release that
    showed it, it is unchanged or the people it changed for cover enough too. The cell is
    released only if its count of people may be shown. Otherwise the current release stays,
    unless someone it counts has left the pooled figures (withdrawn consent, erased, their
    organisation stopped taking part): then the cell is hidden.
    """
    earlier = list(history)
    if current is not None and dict(current.members) == dict(new):
        return Decision(Outcome.KEEP, current.shown)
    shown = set()
    for figure in FIGURES:
        if not rule.covers_enough(counted(new, figure)):
            continue
        if all(
            figure not in release.shown
            or not (difference := changed(release.members, new, figure))
            or rule.covers_enough(difference)
            for release in earlier
        ):
            shown.add(figure)
    if PEOPLE in shown:
        return Decision(Outcome.RELEASE, frozenset(shown))
    if current is not None and current.members.keys() <= new.keys():
        return Decision(Outcome.KEEP, current.shown)
    return Decision(Outcome.HIDE)


def round_count(count: int) -> int:
    """A count rounded to the nearest 5 (halves up), as every published count is."""
    return ROUND_TO * math.floor(count / ROUND_TO + 0.5)


def round_figure(value: float | None) -> int | None:
    """A score or change rounded to a whole point (halves away from zero)."""
    if value is None:
        return None
    return int(math.copysign(math.floor(abs(value) + 0.5), value))
