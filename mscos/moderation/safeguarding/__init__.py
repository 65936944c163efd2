"""The danger detector: does a post say someone may be in danger now or may harm themselves?

Registered as one of the forum's screeners (moderation's AppConfig.ready), so the forum never
imports it. Data per language in languages/<code>.toml; measured by `make safeguarding-report`.
"""

from mscos.forum.screening import ScreenResult
from mscos.moderation.safeguarding.detector import Assessment, assess

__all__ = ["Assessment", "assess", "screen_text"]


def screen_text(text: str, *, language: str = "") -> ScreenResult:
    """The forum's screener: hold and mark urgent what the detector reads as danger.

    Every language's data reads every post, whatever language it says it is in: people mix them.
    """
    assessment = assess(text)
    if not assessment.urgent:
        return ScreenResult()
    return ScreenResult(hold=True, urgent=True, reasons=[assessment.reason()])
