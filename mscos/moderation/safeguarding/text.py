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


def fold(text: str, *, look_alikes: bool = False) -> str:
    """Lower-case words of any script, single-spaced, without accents, marks or apostrophes."""
    text = unicodedata.normalize("NFKD", text.translate(ZERO_WIDTH))
    # Arabic hamza seats decompose to alef + a combining hamza, so dropping marks folds them too.
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.translate(ARABIC_FORMS).translate(APOSTROPHES)
    if look_alikes:
        text = text.translate(LOOK_ALIKES)
    text = REPEATS.sub(r"\1", text)
    return " ".join(WORD.findall(text))
