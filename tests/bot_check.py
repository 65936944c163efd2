"""Helpers for posting public forms as a person would: the honeypot empty, filled in slowly."""

import time

from django.core import signing

from mscos.safety.bot_check import _SALT


def started_long_ago(seconds: int = 30) -> str:
    return signing.dumps(time.time() - seconds, salt=_SALT)


def human(data: dict) -> dict:
    return {"website": "", "started": started_long_ago(), **data}
