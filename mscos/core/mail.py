"""Mail headers Python's email package gets wrong for us, and the headers automatic mail carries.

Python folds a Subject that does not fit on the first line by moving all of it to the next one
("Subject:" then a line starting with a space), which mail programs show with a leading space or
not at all. `UnfoldedSubjectMixin` writes the Subject itself: plain ASCII on one line (RFC 5322
allows 998 characters), anything else as RFC 2047 encoded words of at most 75 characters, the
first on the Subject line, so the decoded subject is exactly the text, never starting with space.
"""

import base64
import email.policy

from django.core.mail import EmailMessage, EmailMultiAlternatives

# Mail the site sends by itself, not a person writing (RFC 3834): out-of-office replies and
# auto-responders must not answer it.
AUTOMATIC_HEADERS = {"Auto-Submitted": "auto-generated"}

_HARD_LINE_LIMIT = 998
_ENCODED_WORD_BYTES = 45  # 60 base64 characters: "=?utf-8?b?" + 60 + "?=" is 72, under 75


def _encoded_words(text: str) -> list[str]:
    words, chunk = [], b""
    for character in text:
        encoded = character.encode("utf-8")
        if chunk and len(chunk) + len(encoded) > _ENCODED_WORD_BYTES:
            words.append(chunk)
            chunk = b""
        chunk += encoded
    if chunk or not words:
        words.append(chunk)
    return [f"=?utf-8?b?{base64.b64encode(word).decode('ascii')}?=" for word in words]


class UnfoldedSubject(str):
    """A Subject value that folds itself (the email package calls `fold` when it has one)."""

    name = "Subject"

    def fold(self, *, policy) -> str:
        text = str(self)
        plain = text.isascii() and "=?" not in text and len(text) + 9 <= _HARD_LINE_LIMIT
        if plain:
            return f"Subject: {text}{policy.linesep}"
        # Whitespace between encoded words is not part of the text (RFC 2047, 6.2).
        return "Subject: " + f"{policy.linesep} ".join(_encoded_words(text)) + policy.linesep


class UnfoldedSubjectMixin:
    def message(self, *, policy=email.policy.default):
        msg = super().message(policy=policy)
        if isinstance(policy, email.policy.EmailPolicy):
            del msg["Subject"]
            msg["Subject"] = UnfoldedSubject(str(self.subject))
        return msg


class SiteEmailMessage(UnfoldedSubjectMixin, EmailMessage):
    pass


class SiteEmailMultiAlternatives(UnfoldedSubjectMixin, EmailMultiAlternatives):
    pass
