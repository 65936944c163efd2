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


KINDS = ("danger", "signal", "distance", "present", "everyday")
DEFAULT_WEIGHTS = {"danger": 1.0, "signal": 0.5, "distance": 0.8, "present": 0.3, "everyday": 0}
NOTHING: frozenset[int] = frozenset()  # most words of a post fill no slot: one shared answer


@dataclass
class WordIndex:
    """Which rules could match a text: every word slot of a rule (``a|b|c``) needs a word of the
    text, so a rule is tried only where each of its slots has one. Most sentences of a post have
    the first word of some rule ("ما", "on", "he"), far fewer have the words of all its slots: a
    20,000 character post was 15,000 pattern searches against first words, a few hundred this way.
    """

    exact: dict[str, set[int]] = field(default_factory=dict)  # slot numbers by word
    prefixes: dict[str, set[int]] = field(default_factory=dict)  # "word*"
    suffixes: dict[str, set[int]] = field(default_factory=dict)  # "*word"
    inner: dict[str, set[int]] = field(default_factory=dict)  # "*word*"
    slots: dict[str, int] = field(default_factory=dict)  # a slot as written, numbered once
    rule_slots: list[frozenset[int]] = field(default_factory=list)
    by_first_slot: dict[int, list[int]] = field(default_factory=dict)
    first_slots: frozenset[int] = frozenset()
    lengths: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)

    def add(self, source: str) -> None:
        """Index the next rule (rules are numbered in the order they are added, from 0)."""
        number, slots = len(self.rule_slots), []
        for token in source.split():
            if token.startswith("~"):
                continue
            slot = self.slots.get(token)
            if slot is None:
                slot = self.slots[token] = len(self.slots)
                for word in token.split("|"):
                    self._add_word(word, slot)
            slots.append(slot)
        self.rule_slots.append(frozenset(slots))
        self.by_first_slot.setdefault(slots[0], []).append(number)

    def _add_word(self, word: str, slot: int) -> None:
        """A choice fills its slot only if the text has each of its words ("ما_في_مخرج"): it is
        indexed by its longest, the least common as a rule ("مخرج", not "ما")."""
        found = []
        for piece in word.split("_"):
            words = fold(piece.strip("*")).split()
            starts, ends = piece.startswith("*"), piece.endswith("*")
            for place, core in enumerate(words):
                first, last = place == 0, place == len(words) - 1
                table = (
                    (self.inner if ends and last else self.suffixes)
                    if starts and first
                    else (self.prefixes if ends and last else self.exact)
                )
                found.append((len(core), core, table))
        _length, core, table = max(found, key=lambda item: item[0])
        table.setdefault(core, set()).add(slot)

    def freeze(self) -> None:
        """Note which slots come first in some rule, and group the lengths of the partial words
        by the letter they start (or, for "*word", end) with, so a word of a text is compared
        only with those that could be in it."""
        self.first_slots = frozenset(self.by_first_slot)
        for name, end in (("prefixes", 0), ("suffixes", -1), ("inner", 0)):
            grouped: dict[str, set[int]] = {}
            for word in getattr(self, name):
                grouped.setdefault(word[end], set()).add(len(word))
            self.lengths[name] = {letter: tuple(sorted(found)) for letter, found in grouped.items()}

    def slots_of(self, token: str) -> frozenset[int]:
        """The slots a word of a text fills."""
        exact = self.exact.get(token)
        found = set(exact) if exact else set()
        size = len(token)
        lengths = self.lengths["prefixes"].get(token[0])
        if lengths:
            for length in lengths:
                if length > size:
                    break
                found.update(self.prefixes.get(token[:length], ()))
        lengths = self.lengths["suffixes"].get(token[-1])
        if lengths:
            for length in lengths:
                if length > size:
                    break
                found.update(self.suffixes.get(token[-length:], ()))
        inner = self.lengths["inner"]
        if inner:  # most languages have no "*word*" patterns; Arabic has many
            for start, letter in enumerate(token):
                for length in inner.get(letter, ()):
                    if start + length > size:
                        break
                    found.update(self.inner.get(token[start : start + length], ()))
        return frozenset(found) if found else NOTHING

    def rules_for(self, filled: frozenset[int]) -> list[int]:
        """The rules whose every slot is filled, in order."""
        rule_slots, by_first_slot = self.rule_slots, self.by_first_slot
        return sorted(
            number
            for slot in filled & self.first_slots
            for number in by_first_slot[slot]
            if rule_slots[number] <= filled
        )


class Screening:
    """One post's lookups, shared by its sentences and by the kinds of rule: each word of the post
    is looked up once, and each sentence's candidate rules are found once for every kind."""

    def __init__(self, lexicon: "Lexicon") -> None:
        self.lexicon = lexicon
        self.by_token: dict[str, frozenset[int]] = {}
        self.by_filled: dict[str, frozenset[int]] = {}
        self.by_text: dict[str, dict[str, list[int]]] = {}  # each sentence is asked every kind

    def _slots(self, token: str) -> frozenset[int]:
        known = self.by_token.get(token)
        if known is None:
            known = self.by_token[token] = self.lexicon.index.slots_of(token)
        return known

    def filled(self, text: str) -> frozenset[int]:
        """The slots the words of the text fill."""
        found = self.by_filled.get(text)
        if found is None:
            slots: set[int] = set()
            for token in set(text.split()):
                slots |= self._slots(token)
            found = self.by_filled[text] = frozenset(slots)
        return found

    def joined(self, texts: list[str]) -> str:
        """The texts joined by spaces, its slots known from theirs (a long post's whole text)."""
        text = " ".join(texts)
        if text not in self.by_filled:
            self.by_filled[text] = frozenset().union(*(self.filled(part) for part in texts))
        return text

    def candidates(self, kind: str, text: str) -> list[int]:
        """Numbers (within their kind) of the rules of this kind that could match the text."""
        kinds = self.by_text.get(text)
        if kinds is None:
            kinds = {name: [] for name in KINDS}
            for number in self.lexicon.index.rules_for(self.filled(text)):
                name, first = self.lexicon.kind_of[number]
                kinds[name].append(number - first)
            self.by_text[text] = kinds
        return kinds[kind]

    def matching(
        self, kind: str, text: str, *, label_prefix: str = ""
    ) -> list[tuple["Rule", re.Match[str]]]:
        """The rules of a kind (and label) that match the folded text, with their first match."""
        rules = self.lexicon.of_kind(kind)
        found = []
        for number in self.candidates(kind, text):
            rule = rules[number]
            if not rule.label.startswith(label_prefix):
                continue
            match = rule.pattern.search(text)
            if match:
                found.append((rule, match))
        return found


@dataclass(frozen=True)
class Lexicon:
    code: str
    rules: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    # Every rule in one index, numbered kind after kind, so a post's words are looked up once for
    # all kinds; kind_of gives each number's kind and the number its kind starts at.
    index: WordIndex = field(default_factory=WordIndex)
    kind_of: tuple[tuple[str, int], ...] = ()

    def of_kind(self, kind: str) -> tuple[Rule, ...]:
        return self.rules.get(kind, ())

    def matching(self, kind: str, text: str) -> list[tuple[Rule, re.Match[str]]]:
        """The rules of a kind that match the folded text, with their first match."""
        return Screening(self).matching(kind, text)


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
    index, kind_of, first = WordIndex(), [], 0
    for kind, found in rules.items():
        for rule in found:
            index.add(rule.source)
            kind_of.append((kind, first))
        first += len(found)
    index.freeze()
    return Lexicon(
        code=code,
        rules={kind: tuple(found) for kind, found in rules.items()},
        index=index,
        kind_of=tuple(kind_of),
    )


@cache
def lexicons() -> tuple[Lexicon, ...]:
    """Every language's data, compiled once per process; a new file is a new language."""
    found = []
    for path in sorted(LANGUAGES_DIR.glob("*.toml")):
        with path.open("rb") as file:
            found.append(parse(tomllib.load(file), code=path.stem))
    return tuple(found)
