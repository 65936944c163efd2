"""No client address reaches a log line, even inside a traceback or Django's request records."""

import io
import logging
import re
import sys
import uuid

import pytest

from mscos.safety.logging import REDACTED, RedactPrivateDataFilter, redact_addresses


@pytest.mark.parametrize(
    "text",
    [
        "request from 203.0.113.9 failed",
        "request from 2001:db8:85a3::8a2e:370:7334 failed",
        "mapped ::ffff:198.51.100.7 failed",
        "loopback ::1 failed",
        "scoped fe80::1%eth0 failed",
        # gunicorn's own wording, and an address with its port
        "Invalid request from ip=203.0.113.9: Invalid HTTP request line failed",
        "connection 203.0.113.9:54321 failed",
        "bracketed [2001:db8::1]:443 failed",
    ],
)
def test_addresses_are_removed(text):
    redacted = redact_addresses(text)
    assert REDACTED in redacted
    assert redacted.startswith(text.split(" ")[0]) and redacted.endswith("failed")


@pytest.mark.parametrize("text", ["at 12:30:45", "version 1.2.3", "ratio 3:2", "hash deadbeef"])
def test_things_that_only_look_like_addresses_stay(text):
    assert redact_addresses(text) == text


def test_log_records_lose_addresses_in_message_args_and_traceback(rf):
    request = rf.get("/", REMOTE_ADDR="203.0.113.9")
    try:
        raise ValueError("bad input from 203.0.113.9")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal error for %s",
            ("198.51.100.4",),
            exc_info=sys.exc_info(),
            extra={"request": request},
        )
    assert RedactPrivateDataFilter().filter(record) is True
    formatted = logging.Formatter("%(message)s").format(record)
    assert "203.0.113.9" not in formatted
    assert "198.51.100.4" not in formatted
    assert "ValueError" in formatted
    assert record.request is None


def test_configured_logging_filters_every_handler(settings):
    handler_filters = settings.LOGGING["handlers"]["console"]["filters"]
    assert "privacy" in handler_filters
    logger = logging.getLogger("mscos.test")
    stream_handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    buffer = io.StringIO()
    original = stream_handler.stream
    stream_handler.setStream(buffer)
    try:
        logger.warning("suspicious request from %s", "192.0.2.55")
    finally:
        stream_handler.setStream(original)
    assert "192.0.2.55" not in buffer.getvalue()
    assert REDACTED in buffer.getvalue()


def test_error_reports_hide_post_bodies_passwords_tokens_and_cookies(rf, settings):
    from django.views.debug import ExceptionReporter

    # Made at run time, so the report's source-code excerpts cannot contain them.
    marker = uuid.uuid4().hex
    body, password, code = f"scared-{marker}", f"pw-{marker}", f"code-{marker}"
    cookie, token = f"session-{marker}", f"token-{marker}"
    address = f"203.0.113.{uuid.uuid4().int % 200 + 20}"
    request = rf.post(
        "/forums/general-discussion/",
        {"body": body, "password": password, "code": code},
        REMOTE_ADDR=address,
    )
    request.COOKIES["sessionid"] = cookie

    def view_with_secrets_in_locals(text=body, secret=token):
        raise ValueError("boom")

    try:
        view_with_secrets_in_locals()
    except ValueError:
        reporter = ExceptionReporter(request, *sys.exc_info())
        report = reporter.get_traceback_text() + reporter.get_traceback_html()
    assert marker not in report
    assert address not in report and settings.SECRET_KEY not in report
    assert "ValueError" in report and "boom" in report


def _private_link_routes():
    """Every route in the URL map whose address carries a secret: a `token` or `key` argument."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and re.search(r"<(?:\w+:)?(?:token|key)>", route):
                yield route

    return sorted(set(walk(get_resolver().url_patterns, "/")))


def test_every_private_link_loses_its_token_in_a_log_line(caplog):
    routes = _private_link_routes()
    # The survivor's link, invitations, newsletter and event links, guests' posts, reports,
    # and allauth's confirmation and password-reset keys: the list must not silently shrink.
    assert len(routes) >= 14, routes
    secret = "Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0"
    logger = logging.getLogger("mscos.test.private_links")
    logger.addFilter(RedactPrivateDataFilter())
    for route in routes:
        # allauth's routes are regular expressions: (?P<key>…) is filled like <str:key>.
        route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", route).replace("^", "").replace("$", "")
        path = re.sub(r"<(?:int:)?\w*(?:post_id|pk|id)>", "42", route)
        path = re.sub(r"<(?:\w+:)?(?:token|key)>", secret, path)
        path = re.sub(r"<(?:\w+:)?\w+>", "x", path)
        for shown in (path, "/ar" + path):
            line = f'03/Dec/2026:16:00:00 "GET {shown}?next=/ HTTP/1.1" 404 120 3ms'
            with caplog.at_level(logging.INFO, logger=logger.name):
                logger.info("%s", line)
            logged = caplog.records[-1].getMessage()
            assert secret not in logged, (route, logged)
            assert logged.count("[token removed]") == 1, (route, logged)
