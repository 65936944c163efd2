"""A language's safeguarding data (languages/<code>.toml), compiled into patterns over folded text.

Pattern syntax, one pattern a string, words separated by spaces:
- a word matches that word: ``passport``; ``kill*`` any ending; ``*قتل*`` the letters anywhere
  in a word (Arabic joins pronouns and particles to the verb); ``*mbyll`` any beginning;
- ``a|b|c``: any of these words; ``going_to|gonna``: ``_`` joins words inside one choice;
- ``~`` up to three other words in between, ``~5`` up to five. Without it, the language's ``gap``
  (other words allowed between any two words of a pattern) applies.
Words are folded like the posts (case, accents, Arabic letter forms), so data may be written with
or without diacritics.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from mscos.moderation.safeguarding.text import fold

LANGUAGES_DIR = Path(__file__).parent / "languages"
DEFAULT_WIDE_GAP = 3


class LexiconError(ValueError):
    """A language file that cannot be read; raised at load time, never while screening."""


@dataclass(frozen=True)
class Rule:
    kind: str  # danger | signal | distance | present | everyday
    label: str
    weight: float
    source: str  # the pattern as written, shown to moderators
    pattern: re.Pattern[str]


@dataclass
class FirstWordIndex:
    """Which rules could match a text, from the first word of each: most posts rule most out,
    so only a few patterns run (a long post was 0.8 s against every pattern, 10x less this way)."""

    exact: dict[str, set[int]] = field(default_factory=dict)
    prefixes: dict[str, set[int]] = field(default_factory=dict)
    inner: list[tuple[str, int]] = field(default_factory=list)  # "*word": anywhere in the text
    longest_prefix: int = 0
    prefix_lengths: tuple[int, ...] = ()

    def add(self, source: str, number: int) -> None:
        first = next(token for token in source.split() if not token.startswith("~"))
        for word in first.split("|"):
            head = word.split("_")[0]
            core = fold(head.strip("*")).split(" ")[0]
            if head.startswith("*"):
                self.inner.append((core, number))
            elif head.endswith("*"):
                self.prefixes.setdefault(core, set()).add(number)
                self.longest_prefix = max(self.longest_prefix, len(core))
                self.prefix_lengths = tuple(sorted({*self.prefix_lengths, len(core)}))
            else:
                self.exact.setdefault(core, set()).add(number)

    def of_token(self, token: str) -> set[int]:
        found = set(self.exact.get(token, ()))
        for length in self.prefix_lengths:
            if length > len(token):
                break
            found |= self.prefixes.get(token[:length], set())
        return found

    def candidates(self, text: str) -> set[int]:
        """The rules whose first word is in the text."""
        found: set[int] = set()
        for token in set(text.split()):
            found |= self.of_token(token)
        found.update(number for core, number in self.inner if core in text)
        return found


class Screening:
    """One post's lookups, shared by its sentences and by the kinds of rule: each word of the post
    is looked up once, and only the "*word" rules found somewhere in the post are tried on each
    sentence (a 20,000 character post has hundreds of sentences, and Arabic hundreds of such
    rules)."""

    def __init__(self, lexicon: "Lexicon", whole: str) -> None:
        self.lexicon = lexicon
        self.by_token: dict[str, set[int]] = {}
        self.by_text: dict[str, set[int]] = {}  # each sentence is asked about every kind
        self.inner = [(core, n) for core, n in lexicon.every_rule.inner if core in whole]

    def _of_token(self, token: str) -> set[int]:
        known = self.by_token.get(token)
        if known is None:
            known = self.by_token[token] = self.lexicon.every_rule.of_token(token)
        return known

    def candidates(self, kind: str, text: str) -> set[int]:
        """Numbers of the rules of this kind that could match the text."""
        first, end = self.lexicon.numbers[kind]
        found = self.by_text.get(text)
        if found is None:
            found = set()
            for token in set(text.split()):
                found |= self._of_token(token)
            found.update(number for core, number in self.inner if core in text)
            self.by_text[text] = found
        return {number - first for number in found if first <= number < end}

    def matching(self, kind: str, text: str) -> list[tuple["Rule", re.Match[str]]]:
        return self.lexicon.matching(kind, text, self.candidates(kind, text))


@dataclass(frozen=True)
class Lexicon:
    code: str
    rules: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    indexes: dict[str, FirstWordIndex] = field(default_factory=dict)
    # Every rule in one index, numbered kind after kind (numbers: each kind's range), so a post's
    # words are looked up once for all kinds.
    every_rule: FirstWordIndex = field(default_factory=FirstWordIndex)
    numbers: dict[str, tuple[int, int]] = field(default_factory=dict)

    def of_kind(self, kind: str) -> tuple[Rule, ...]:
        return self.rules.get(kind, ())

    def matching(
        self, kind: str, text: str, candidates: set[int] | None = None
    ) -> list[tuple[Rule, re.Match[str]]]:
        """The rules of a kind that match the folded text, with their first match."""
        rules = self.of_kind(kind)
        if candidates is None:
            candidates = self.indexes[kind].candidates(text)
        found = []
        for number in sorted(candidates):
            match = rules[number].pattern.search(text)
            if match:
                found.append((rules[number], match))
        return found


KINDS = ("danger", "signal", "distance", "present", "everyday")
DEFAULT_WEIGHTS = {"danger": 1.0, "signal": 0.5, "distance": 0.8, "present": 0.3, "everyday": 0}


def _choice(word: str) -> str:
    pieces = []
    for piece in word.split("_"):
        starts, ends = piece.startswith("*"), piece.endswith("*")
        core = fold(piece.strip("*"))
        if not core:
            raise LexiconError(f"'{word}' has no letters to match")
        pieces.append(
            ("[^ ]*" if starts else "")
            + re.escape(core).replace(r"\ ", " ")
            + ("[^ ]*" if ends else "")
        )
    return " ".join(pieces)


def compile_pattern(source: str, *, gap: int) -> re.Pattern[str]:
    """The regular expression for one pattern, over text folded and single-spaced."""
    parts: list[str] = []
    pending_gap = None
    for token in source.split():
        if token.startswith("~"):
            pending_gap = int(token[1:] or DEFAULT_WIDE_GAP)
            continue
        slot = "(?:" + "|".join(_choice(word) for word in token.split("|")) + ")"
        if parts:
            allowed = gap if pending_gap is None else pending_gap
            parts.append(f"(?: [^ ]+){{0,{allowed}}} " if allowed else " ")
        parts.append(slot)
        pending_gap = None
    if not parts:
        raise LexiconError(f"pattern '{source}' is empty")
    return re.compile("(?<![^ ])" + "".join(parts) + "(?![^ ])")


def parse(data: dict, *, code: str) -> Lexicon:
    gap = int(data.get("gap", 1))
    rules: dict[str, list[Rule]] = {kind: [] for kind in KINDS}
    for kind in KINDS:
        for group in data.get(kind, []):
            weight = float(group.get("weight", DEFAULT_WEIGHTS[kind]))
            label = str(group.get("label", kind))
            for source in group.get("patterns", []):
                try:
                    pattern = compile_pattern(source, gap=gap)
                except (LexiconError, ValueError, re.error) as error:
                    raise LexiconError(f"{code}: {kind} '{label}': {error}") from error
                rules[kind].append(Rule(kind, label, weight, source, pattern))
    indexes = {kind: FirstWordIndex() for kind in KINDS}
    every_rule, numbers, first = FirstWordIndex(), {}, 0
    for kind, found in rules.items():
        for number, rule in enumerate(found):
            indexes[kind].add(rule.source, number)
            every_rule.add(rule.source, first + number)
        numbers[kind] = (first, first + len(found))
        first += len(found)
    return Lexicon(
        code=code,
        rules={kind: tuple(found) for kind, found in rules.items()},
        indexes=indexes,
        every_rule=every_rule,
        numbers=numbers,
    )


@cache
def lexicons() -> tuple[Lexicon, ...]:
    """Every language's data, compiled once per process; a new file is a new language."""
    found = []
    for path in sorted(LANGUAGES_DIR.glob("*.toml")):
        with path.open("rb") as file:
            found.append(parse(tomllib.load(file), code=path.stem))
    return tuple(found)
