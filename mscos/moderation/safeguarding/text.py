"""Folding text for matching in every script: case, accents, Arabic letter forms, hidden marks.

Both the watched words and the danger detector match on this folded form, so a phrase a moderator
types and a post written in any script meet in the same shape.
"""

import re
import unicodedata

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u0640"), None)
# Arabic letters written in several ways (hamza seats, final forms, Persian/Urdu keyboard letters).
ARABIC_FORMS = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda
        "\u0623": "\u0627",  # alef with hamza above
        "\u0625": "\u0627",  # alef with hamza below
        "\u0671": "\u0627",  # alef wasla
        "\u0649": "\u064a",  # alef maqsura -> ya
        "\u06cc": "\u064a",  # Farsi ya
        "\u0629": "\u0647",  # ta marbuta -> ha
        "\u06a9": "\u0643",  # keheh -> kaf
        "\u0624": "\u0648",  # waw with hamza
        "\u0626": "\u064a",  # ya with hamza
    }
)
# Digits people swap for letters to get past filters; only the watched words map them back,
# because the detector needs real digits ("in 2015", "999").
LOOK_ALIKES = str.maketrans(
    {
        **{"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"},
        # Cyrillic and Greek letters that look Latin (written as escapes to stay readable).
        **{"\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c"},
        **{"\u0443": "y", "\u0445": "x", "\u0456": "i", "\u0458": "j", "\u0455": "s"},
        **{"\u0501": "d", "\u0261": "g", "\u03bf": "o", "\u03bd": "v", "\u03b1": "a"},
    }
)
APOSTROPHES = dict.fromkeys(map(ord, "'\u2019\u2018\u02bc\u0060\u00b4"), None)
WORD = re.compile(r"[^\W_]+")
REPEATS = re.compile(r"([^\W\d_])\1{2,}")  # "pleeease" -> "please"; two letters stay ("kill")
# The same foldings as regular expressions, which run in one pass of C over a long post (20,000
# characters of Arabic took 1 ms per str.translate with a dict, a twentieth of that this way).
_HIDDEN = re.compile("[" + "".join(map(chr, ZERO_WIDTH)) + "]")
_LETTER_FORMS = {
    chr(code): (value or "") for code, value in {**ARABIC_FORMS, **APOSTROPHES}.items()
}
_LETTER_FORM = re.compile("[" + re.escape("".join(_LETTER_FORMS)) + "]")
# Combining marks (accents, harakat, the hamza NFKD splits off) of the Basic Multilingual Plane in
# one character class; marks beyond it (rare) are taken out one character at a time.
_MARKS = re.compile(
    "["
    + "".join(re.escape(chr(code)) for code in range(0x10000) if unicodedata.combining(chr(code)))
    + "]"
)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
PART_BREAK = "\x00"  # joins the parts fold_parts folds in one pass; never left in a folded text


def _normalised(text: str, *, look_alikes: bool) -> str:
    text = unicodedata.normalize("NFKD", _HIDDEN.sub("", text))
    # Arabic hamza seats decompose to alef + a combining hamza, so dropping marks folds them too.
    text = _MARKS.sub("", text)
    if any(unicodedata.combining(c) for c in _ASTRAL.findall(text)):  # not for emoji
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _LETTER_FORM.sub(lambda match: _LETTER_FORMS[match.group()], text.casefold())
    if look_alikes:
        text = text.translate(LOOK_ALIKES)
    return REPEATS.sub(r"\1", text)


def fold(text: str, *, look_alikes: bool = False) -> str:
    """Lower-case words of any script, single-spaced, without accents, marks or apostrophes."""
    return " ".join(WORD.findall(_normalised(text, look_alikes=look_alikes)))


def fold_parts(parts: list[str]) -> list[str]:
    """fold() of each part (a post's sentences), in one pass over the whole text. The break
    between parts is a character folding never makes or moves, and not a letter, so no
    folding runs across it; the same character inside a part was a space to fold anyway."""
    joined = PART_BREAK.join(part.replace(PART_BREAK, " ") for part in parts)
    return [
        " ".join(WORD.findall(part))
        for part in _normalised(joined, look_alikes=False).split(PART_BREAK)
    ]
