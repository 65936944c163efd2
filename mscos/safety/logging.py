"""A logging filter that keeps client addresses, private links' tokens and attached requests out
of every log line."""

import ipaddress
import logging
import re

from django.views.debug import SafeExceptionReporterFilter

# Broad candidates; each is then checked with `ipaddress`, so clock times like 12:30:45 survive.
CANDIDATE = re.compile(r"(?<![\w:.])[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*(?:%\w+)?(?![\w:])")
IPV4_INSIDE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d|\.\d)")
REDACTED = "[address removed]"
# The part of a private link that lets its holder in (a survivor's check-in, an invitation, a
# guest's own post, newsletter and event links, a self-assessment report) must not outlive its use
# in a log: a request line is logged whole, by Django's "Not Found" warning and gunicorn's access
# log. Every URL route with a `token` argument is listed here; tests/safety/test_logging.py checks.
PRIVATE_LINK = re.compile(
    r"(/(?:my-check-in|workspace/invitations|events/registration|events/invitation"
    r"|forums/digests/stop|forums/guest/\d+|newsletter/confirm|newsletter/preferences"
    r"|newsletter/unsubscribe|self-assessment/report|account/confirm-email"
    r"|account/password/reset/key|admin/password_reset/confirm/[^/\s]+)/)"
    r"(?!\[token removed\])[^/\s?#\"']+"
)
PRIVATE_LINK_REDACTED = "[token removed]"
_FORMATTER = logging.Formatter()


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _replace_if_address(match: re.Match[str]) -> str:
    candidate = match.group(0)
    # "… 192.0.2.1." ends a sentence; "ip=192.0.2.1: refused" (gunicorn) ends with a colon.
    for trimmed in (candidate.rstrip("."), candidate.rstrip(".:")):
        if _is_address(trimmed):
            return REDACTED + candidate[len(trimmed) :]
    # "192.0.2.1:54321": an IPv4 address with its port, which no single parse accepts.
    return IPV4_INSIDE.sub(
        lambda inner: REDACTED if _is_address(inner.group(0)) else inner.group(0), candidate
    )


def redact_addresses(text: str) -> str:
    """Replaces every IPv4 and IPv6 address in `text`, and every private link's token."""
    without_addresses = CANDIDATE.sub(_replace_if_address, text)
    return PRIVATE_LINK.sub(rf"\g<1>{PRIVATE_LINK_REDACTED}", without_addresses)


class RedactPrivateDataFilter(logging.Filter):
    """Rewrites a record's message and traceback without addresses; drops the attached request."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact_addresses(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_addresses(record.exc_text)
        # Django attaches the request (headers, cookies, body) to error records; nothing needs it.
        if hasattr(record, "request"):
            record.request = None
        return True


class StrictExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports show no submitted values, cookies or secrets at all, only their names.

    Django's default hides fields that look like passwords; a post body, a recovery code or an
    email address would still show. Here every POST value, every cookie and every setting whose
    name suggests a secret is replaced.
    """

    hidden_settings = re.compile(
        "API|AUTH|CODE|COOKIE|CREDENTIAL|EMAIL|HASH|KEY|PASS|SECRET|SIGNATURE|TOKEN|URL",
        flags=re.IGNORECASE,
    )

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {name: self.cleansed_substitute for name in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name, _value in tb_frame.f_locals.items()]

    def get_safe_request_meta(self, request):
        return {name: self.cleansed_substitute for name in request.META}

    def get_safe_cookies(self, request):
        return {name: self.cleansed_substitute for name in request.COOKIES}
