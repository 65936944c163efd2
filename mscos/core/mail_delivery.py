"""Sending one mail from a task, and coming back later while the mail server is away.

django.tasks has no retries of its own: a task that sends a mail calls `send_or_retry`, which on a
temporary failure enqueues the same task again (with `attempt` one higher) after the next wait in
settings.MAIL_RETRY_MINUTES, and raises after the last so the task row records the failure.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

logger = logging.getLogger(__name__)

# What a mail server that is away, busy or refusing looks like to smtplib and the socket layer.
TEMPORARY_MAIL_ERRORS = (smtplib.SMTPException, OSError)


def retry_delay(attempt: int) -> datetime.timedelta | None:
    """How long to wait after failed attempt number `attempt`, or None when it was the last."""
    minutes = settings.MAIL_RETRY_MINUTES
    if attempt > len(minutes):
        return None
    return datetime.timedelta(minutes=minutes[attempt - 1])


def is_permanent(error: Exception) -> bool:
    """A refusal no retry can change: every recipient refused with a 5xx code (no such mailbox)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _reply in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    return False


def send_or_retry(message: EmailMessage, *, task, task_kwargs: dict, attempt: int) -> bool:
    """Sends `message`; True if sent, False if `task` was enqueued again to retry later."""
    try:
        message.send()
    except TEMPORARY_MAIL_ERRORS as error:
        delay = None if is_permanent(error) else retry_delay(attempt)
        # Addresses are personal: the log names the task and the attempt only.
        logger.warning("%s: mail not sent (attempt %d, %s)", task.name, attempt, type(error))
        if delay is None or not task.get_backend().supports_defer:
            raise
        task.using(run_after=timezone.now() + delay).enqueue(**task_kwargs, attempt=attempt + 1)
        return False
    return True
