"""Building the mails: a neutral sender, both parts, the unsubscribe headers of RFC 8058."""

import base64
import html
import secrets
from email.header import Header
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from mscos.core.site_address import absolute_url
from mscos.newsletter.models import NewsletterSettings, Subscriber, reject_control_characters
from mscos.newsletter.tokens import make_token

# Rendered pages carry these; each recipient's own links replace them when the mail is built.
UNSUBSCRIBE_PLACEHOLDER = "%%UNSUBSCRIBE_URL%%"
PREFERENCES_PLACEHOLDER = "%%PREFERENCES_URL%%"


def absolute(path: str) -> str:
    return absolute_url(path)


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute(reverse("newsletter:unsubscribe", args=[make_token(subscriber, "unsubscribe")]))


def preferences_url(subscriber: Subscriber) -> str:
    return absolute(reverse("newsletter:preferences", args=[make_token(subscriber, "preferences")]))


def sender_address() -> str:
    """The configured address with the plain sender name from the newsletter settings."""
    name = NewsletterSettings.load().sender_name
    reject_control_characters(name)
    return formataddr((name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))


def new_message_id() -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{secrets.token_hex(16)}@{domain}>"


def personalise(
    *, html_body: str, text_body: str, subscriber: Subscriber, unsubscribe: str | None = None
) -> tuple[str, str]:
    unsubscribe = unsubscribe or unsubscribe_url(subscriber)
    preferences = preferences_url(subscriber)
    html_out = html_body.replace(UNSUBSCRIBE_PLACEHOLDER, html.escape(unsubscribe)).replace(
        PREFERENCES_PLACEHOLDER, html.escape(preferences)
    )
    text_out = text_body.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe).replace(
        PREFERENCES_PLACEHOLDER, preferences
    )
    return html_out, text_out


def build_message(
    *,
    subject: str,
    html_body: str,
    text_body: str,
    to: str,
    message_id: str,
    list_unsubscribe: str | None,
    from_email: str | None = None,
) -> EmailMultiAlternatives:
    """One mail; raises ValidationError if the subject would break out of its header."""
    reject_control_characters(subject)
    headers = {"Message-ID": message_id, "Auto-Submitted": "auto-generated"}
    if list_unsubscribe:
        headers["List-Unsubscribe"] = f"<{list_unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text_body,
        from_email=from_email or sender_address(),
        to=[to],
        headers=headers,
    )
    message.attach_alternative(html_body, "text/html")
    return message


def _base64_lines(text: str) -> bytes:
    return base64.encodebytes(text.encode()).replace(b"\n", b"\r\n")


def build_bytes(
    *,
    subject: str,
    html_body: str,
    text_body: str,
    to: str,
    message_id: str,
    list_unsubscribe: str,
    from_name: str,
    from_address: str,
    date: str,
) -> bytes:
    """The same mail as `build_message`, assembled directly for bulk sends (CRLF line ends).

    Every header value is checked for line breaks first; nothing from a subscriber goes into a
    header except their (validated) address. Both parts are base64, so no body line is too long.
    """
    for value in (subject, to, message_id, list_unsubscribe, from_name, from_address, date):
        reject_control_characters(value)
    boundary = f"=_part_{secrets.token_hex(12)}"
    headers = [
        f"From: {formataddr((Header(from_name, 'utf-8').encode(), from_address))}",
        f"To: {to}",
        f"Subject: {Header(subject, 'utf-8').encode()}",
        f"Date: {date}",
        f"Message-ID: {message_id}",
        "Auto-Submitted: auto-generated",
        f"List-Unsubscribe: <{list_unsubscribe}>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative; boundary="{boundary}"',
    ]
    part_head = (
        'Content-Type: text/{}; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    )
    return b"".join(
        [
            "\r\n".join(headers).encode(),
            f"\r\n\r\n--{boundary}\r\n".encode(),
            part_head.format("plain").encode(),
            _base64_lines(text_body),
            f"--{boundary}\r\n".encode(),
            part_head.format("html").encode(),
            _base64_lines(html_body),
            f"--{boundary}--\r\n".encode(),
        ]
    )
