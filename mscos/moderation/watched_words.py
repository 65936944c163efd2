"""Matching watched words against what people write, despite spacing, accents and look-alikes."""

import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from mscos.forum.screening import ScreenResult
from mscos.moderation.models import WatchedWord
from mscos.moderation.safeguarding.text import fold

CACHE_KEY = "moderation:watched-words:v3"
SPREAD_LETTERS = re.compile(r"(?<= )(?:[^ ] ){3,}")


def normalise(text: str) -> str:
    """Lower case, no accents or hidden characters, look-alikes mapped, words single-spaced.

    Every script keeps its letters: a phrase in Arabic or Cyrillic matches posts in that script.
    """
    return fold(text, look_alikes=True)


def _word(word: str) -> str:
    starts, ends = word.startswith("*"), word.endswith("*")
    core = normalise(word.strip("*")).replace(" ", "")
    if not core:
        return ""
    return ("[^ ]*" if starts else "") + re.escape(core) + ("[^ ]*" if ends else "")


def _pattern(phrase: str) -> re.Pattern[str] | None:
    """Whole words, in order; None for a phrase with no letters at all, which must match nothing."""
    parts = [_word(word) for word in phrase.split()]
    parts = [part for part in parts if part]
    if not parts:
        return None
    # Letters spread out with spaces ("k i l l") are joined by the squashed form in `matches`.
    return re.compile(r"(?<![^ ])" + " ".join(parts) + r"(?![^ ])")


@dataclass(frozen=True)
class CompiledWord:
    phrase: str
    action: str
    message: str
    language: str  # "" for every language
    pattern: re.Pattern[str]
    squashed: str  # the phrase's letters without spaces, for letters spread apart


def _compiled() -> list[CompiledWord]:
    rules = cache.get(CACHE_KEY)
    if rules is None:
        rules = [
            (word.phrase, word.action, word.message, word.language)
            for word in WatchedWord.objects.all().only("phrase", "action", "message", "language")
        ]
        cache.set(CACHE_KEY, rules, timeout=300)
    compiled = []
    for phrase, action, message, language in rules:
        pattern = _pattern(phrase)
        if pattern is None:
            continue  # nothing to match: it must never match everything
        squashed = normalise(phrase.strip("*")).replace(" ", "")
        compiled.append(CompiledWord(phrase, action, message, language, pattern, squashed))
    return compiled


def matching_words(text: str, *, language: str = "") -> list[CompiledWord]:
    """Every watched word found in the text. A word kept for one language is looked for in posts
    in that language and in posts whose language is not known ("")."""
    normal = normalise(text)
    # Only letters written apart ("k i l l m e") are joined up, so "mama omoara" stays two words.
    spread_letters = " ".join(run.replace(" ", "") for run in SPREAD_LETTERS.findall(f" {normal} "))
    found = []
    for word in _compiled():
        if word.language and language and word.language != language:
            continue
        # Letters spread apart ("k i l l m e") are caught by the squashed form, but only for
        # holding and urgency: a wrongly held post costs a moderator a click, a refusal costs trust.
        spread_out = (
            word.action != WatchedWord.Action.BLOCK
            and len(word.squashed) >= 6
            and word.squashed in spread_letters
        )
        if word.pattern.search(normal) or spread_out:
            found.append(word)
    return found


def matches(text: str, *, language: str = "") -> list[tuple[str, str]]:
    """(action, message) for every watched word found in the text."""
    return [(word.action, word.message) for word in matching_words(text, language=language)]


def screen_text(text: str, *, language: str = "") -> ScreenResult:
    """The forum's screener: what the watched words say about a post."""
    result = ScreenResult()
    for word in matching_words(text, language=language):
        if word.action == WatchedWord.Action.BLOCK:
            result.block_message = (
                result.block_message
                or word.message
                or _(
                    "Your post contains words we do not allow here. Please change it and try again."
                )
            )
            result.reasons.append(f"watched word (refuse): '{word.phrase}'")
        elif word.action == WatchedWord.Action.HOLD:
            result.hold = True
            result.reasons.append(f"watched word (hold): '{word.phrase}'")
        elif word.action == WatchedWord.Action.URGENT:
            result.urgent = True
            result.hold = True
            result.reasons.append(f"safeguarding phrase: '{word.phrase}'")
    return result


def _forget(**kwargs) -> None:
    cache.delete(CACHE_KEY)


post_save.connect(_forget, sender=WatchedWord, dispatch_uid="watched-words-saved")
post_delete.connect(_forget, sender=WatchedWord, dispatch_uid="watched-words-deleted")
