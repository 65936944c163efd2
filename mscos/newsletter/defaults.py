"""The first consent text, used by the demo when the database has none (e.g. after a flush)."""

FIRST_CONSENT_VERSION = "2026-11"
FIRST_CONSENT_TEXT = (
    "I would like the Community of Practice update by email. My address and the outcomes I "
    "choose are used only to send it; I can change them or stop at any time from a link in "
    "every email, and then only a scrambled form of my address is kept, so that it is not "
    "mailed again."
)
