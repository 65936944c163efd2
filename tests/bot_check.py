"""Helpers for posting public forms as a person would: the honeypot empty, filled in slowly."""

import time
from unittest import mock

from django.core import signing

from mscos.safety.bot_check import _SALT


def started_long_ago(seconds: int = 30) -> str:
    return signing.dumps(time.time() - seconds, salt=_SALT)


def human(data: dict) -> dict:
    return {"website": "", "started": started_long_ago(), **data}


def signed_days_ago(days: int) -> str:
    """A start time signed that long ago: a form left open in a tab for days."""
    then = time.time() - days * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=then):
        return signing.dumps(then, salt=_SALT)
