"""Suggests identifying details in a post (phone numbers, emails, postcodes, addresses, social
profiles) and replaces the ones a moderator chooses."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KINDS = {
    "phone": gettext_lazy("a phone number"),
    "email": gettext_lazy("an email address"),
    "postcode": gettext_lazy("a postcode"),
    "address": gettext_lazy("a street address"),
    "social": gettext_lazy("a link to a social media profile"),
    "other": gettext_lazy("a detail that could identify someone"),
}

_STREET_WORDS = (
    "street|st|road|rd|lane|ln|avenue|ave|close|drive|dr|way|place|court|crescent|terrace|"
    "gardens|grove|hill|square|row|walk|mews|park|parade|vale|view|green"
)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)),
    (
        "social",
        re.compile(
            r"(?:https?://)?(?:www\.|m\.)?(?:facebook\.com|fb\.com|instagram\.com|twitter\.com|"
            r"x\.com|tiktok\.com|linkedin\.com|snapchat\.com|t\.me|wa\.me|youtube\.com|"
            r"threads\.net|bsky\.app)/[^\s)\]>]+",
            re.IGNORECASE,
        ),
    ),
    # UK numbers: mobiles, landlines and freephone, with +44 or 0, spaces, dots or dashes.
    (
        "phone",
        re.compile(
            r"(?<![\w+])(?:(?:\+|00)\s?44\s?\(?0?\)?|0)\s?(?:\d[\s.-]?){8,9}\d(?!\d)"
            r"|(?<!\d)\+\d{1,3}[\s.-]?(?:\d[\s.-]?){6,12}\d(?!\d)"
        ),
    ),
    (
        "postcode",
        re.compile(
            r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)"
            r" ?\d[ABD-HJLNP-UW-Z]{2})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "address",
        re.compile(
            rf"\b\d{{1,4}}[a-z]?,?\s+(?:[A-Z][\w'-]+\s+){{1,3}}(?:{_STREET_WORDS})\b",
            re.IGNORECASE,
        ),
    ),
]


@dataclass(frozen=True)
class Suggestion:
    kind: str
    text: str

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])


def placeholder() -> str:
    return _("[removed to keep you safe]")


def suggestions(text: str) -> list[Suggestion]:
    """Identifying details found in the text, in reading order, each once."""
    found: list[tuple[int, int, Suggestion]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            # A longer match found earlier (an email, a link) wins over what lies inside it.
            if any(start < e and s < end for s, e, _ in found):
                continue
            found.append((start, end, Suggestion(kind=kind, text=match.group().strip())))
    seen: set[str] = set()
    ordered = []
    for _start, _end, suggestion in sorted(found, key=lambda f: f[0]):
        if suggestion.text not in seen:
            seen.add(suggestion.text)
            ordered.append(suggestion)
    return ordered


def apply(text: str, phrases: list[str]) -> str:
    """Replaces each phrase (longest first, any capitals) with the placeholder."""
    result = text
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        result = re.sub(re.escape(phrase), placeholder(), result, flags=re.IGNORECASE)
    return result
