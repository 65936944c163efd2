"""Matching watched words against what people write, despite spacing, accents and look-alikes."""

import re
import unicodedata

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from mscos.forum.screening import ScreenResult
from mscos.moderation.models import WatchedWord

CACHE_KEY = "moderation:watched-words:v1"
# Letters people swap in to get past filters; mapped back before matching.
LOOK_ALIKES = str.maketrans(
    {
        **{"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"},
        # Cyrillic and Greek letters that look Latin (written as escapes to stay readable).
        **{"\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c"},
        **{"\u0443": "y", "\u0445": "x", "\u0456": "i", "\u0458": "j", "\u0455": "s"},
        **{"\u0501": "d", "\u0261": "g", "\u03bf": "o", "\u03bd": "v", "\u03b1": "a"},
    }
)
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def normalise(text: str) -> str:
    """Lower case, no accents or zero-width characters, look-alikes mapped, words single-spaced."""
    text = unicodedata.normalize("NFKD", text.translate(ZERO_WIDTH))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.translate(LOOK_ALIKES)
    return " ".join(re.findall(r"[a-z]+", text))


def _pattern(phrase: str) -> re.Pattern[str]:
    words = [w for w in re.split(r"\s+", phrase.strip()) if w]
    parts = []
    for word in words:
        wildcard = word.endswith("*")
        core = normalise(word.rstrip("*")).replace(" ", "")
        parts.append(re.escape(core) + (r"[a-z]*" if wildcard else ""))
    # Whole words; letters spread out with spaces ("k i l l") are joined by `squashed` below.
    return re.compile(r"\b" + r" ".join(parts) + r"\b")


def _compiled() -> list[tuple[re.Pattern[str], re.Pattern[str], str, str]]:
    rules = cache.get(CACHE_KEY)
    if rules is None:
        rules = [
            (word.phrase, word.action, word.message)
            for word in WatchedWord.objects.all().only("phrase", "action", "message")
        ]
        cache.set(CACHE_KEY, rules, timeout=300)
    compiled = []
    for phrase, action, message in rules:
        pattern = _pattern(phrase)
        squashed = re.compile(re.escape(normalise(phrase.rstrip("*")).replace(" ", "")))
        compiled.append((pattern, squashed, action, message))
    return compiled


def matches(text: str) -> list[tuple[str, str]]:
    """(action, message) for every watched word found in the text."""
    normal = normalise(text)
    squashed = normal.replace(" ", "")
    found = []
    for pattern, squashed_pattern, action, message in _compiled():
        # Letters spread apart ("k i l l m e") are caught by the squashed form, but only for
        # holding and urgency: a wrongly held post costs a moderator a click, a refusal costs trust.
        spread_out = (
            action != WatchedWord.Action.BLOCK
            and len(squashed_pattern.pattern) >= 6
            and squashed_pattern.search(squashed)
        )
        if pattern.search(normal) or spread_out:
            found.append((action, message))
    return found


def screen_text(text: str) -> ScreenResult:
    """The forum's screener: what the watched words say about a post."""
    result = ScreenResult()
    for action, message in matches(text):
        if action == WatchedWord.Action.BLOCK:
            result.block_message = (
                result.block_message
                or message
                or _(
                    "Your post contains words we do not allow here. Please change it and try again."
                )
            )
            result.reasons.append("watched word: block")
        elif action == WatchedWord.Action.HOLD:
            result.hold = True
            result.reasons.append("watched word: hold")
        elif action == WatchedWord.Action.URGENT:
            result.urgent = True
            result.hold = True
            result.reasons.append("safeguarding: urgent")
    return result


def _forget(**kwargs) -> None:
    cache.delete(CACHE_KEY)


post_save.connect(_forget, sender=WatchedWord, dispatch_uid="watched-words-saved")
post_delete.connect(_forget, sender=WatchedWord, dispatch_uid="watched-words-deleted")
