"""Signed links in mails: confirm (expires), preferences and unsubscribe (until the key changes)."""

from django.core import signing

CONFIRM_MAX_AGE_SECONDS = 7 * 24 * 60 * 60
_SALTS = {
    "confirm": "mscos.newsletter.confirm",
    "preferences": "mscos.newsletter.preferences",
    "unsubscribe": "mscos.newsletter.unsubscribe",
}


def make_token(subscriber, purpose: str) -> str:
    signer = signing.TimestampSigner(salt=_SALTS[purpose])
    return signer.sign(f"{subscriber.pk}.{subscriber.key}")


def read_token(token: str, purpose: str) -> tuple[int, str] | None:
    """The (subscriber id, key) a token names, or None if it is forged, mangled or expired."""
    signer = signing.TimestampSigner(salt=_SALTS[purpose])
    max_age = CONFIRM_MAX_AGE_SECONDS if purpose == "confirm" else None
    try:
        value = signer.unsign(token, max_age=max_age)
        pk, key = value.split(".", 1)
        return int(pk), key
    except (signing.BadSignature, ValueError):
        return None
