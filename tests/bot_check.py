"""Helpers for posting public forms as a person would: the honeypot empty, filled in slowly."""

import time
from unittest import mock

from mscos.safety.bot_check import start_token


def started_long_ago(seconds: int = 30) -> str:
    """A start time of its own (each is good for one submission), signed `seconds` ago."""
    return start_token(at=time.time() - seconds)


def human(data: dict) -> dict:
    return {"website": "", "started": started_long_ago(), **data}


def signed_days_ago(days: int) -> str:
    """A start time signed that long ago: a form left open in a tab for days."""
    then = time.time() - days * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=then):
        return start_token(at=then)
