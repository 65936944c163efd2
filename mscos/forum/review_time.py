"""When a moderator will read a post that waits for one. Moderation says; the forum shows it.

The forum never imports moderation (moderation builds on the forum), so moderation registers an
estimator here in its AppConfig.ready, from the hours its moderators are on duty.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReviewTime:
    on_duty_now: bool = False  # a moderator is on duty at this moment
    within_hours: int | None = None  # otherwise: the next hours on duty begin within this many


Estimator = Callable[[datetime.datetime | None], ReviewTime | None]
_estimators: list[Estimator] = []


def register_estimator(estimator: Estimator) -> None:
    if estimator not in _estimators:
        _estimators.append(estimator)


def review_time(now: datetime.datetime | None = None) -> ReviewTime | None:
    """The first answer a registered estimator gives; None when nobody can say (no hours set)."""
    for estimator in _estimators:
        answer = estimator(now)
        if answer is not None:
            return answer
    return None
