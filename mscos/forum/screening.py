"""Checks a post's words before it is saved. Moderation registers the checks; the forum runs them.

The forum never imports moderation (moderation builds on the forum), so moderation registers a
screener here in its AppConfig.ready.
"""

from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class ScreenResult:
    block_message: str = ""  # refuse the post with this kind message
    hold: bool = False  # keep it for a moderator
    urgent: bool = False  # someone may be in danger: hold it, show help at once
    reasons: list[str] = field(default_factory=list)

    def merge(self, other: "ScreenResult") -> "ScreenResult":
        return ScreenResult(
            block_message=self.block_message or other.block_message,
            hold=self.hold or other.hold,
            urgent=self.urgent or other.urgent,
            reasons=[*self.reasons, *other.reasons],
        )


class Screener(Protocol):
    def __call__(self, text: str, *, language: str = "") -> ScreenResult: ...


_screeners: list[Screener] = []


def register_screener(screener: Screener) -> None:
    if screener not in _screeners:
        _screeners.append(screener)


def screen(text: str, *, language: str = "") -> ScreenResult:
    """What the registered checks say about this text, written in `language` ("" if unknown)."""
    result = ScreenResult()
    for screener in _screeners:
        result = result.merge(screener(text, language=language))
    return result
