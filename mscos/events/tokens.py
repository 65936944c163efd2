"""Signed tokens for the private links sent by email: a registration, an invitation."""

from django.core import signing

_REGISTRATION_SALT = "mscos.events.registration"
_INVITATION_SALT = "mscos.events.invitation"


def registration_token(registration_id: int) -> str:
    """The token in a person's private link to their registration (to see or cancel it)."""
    return signing.dumps(registration_id, salt=_REGISTRATION_SALT)


def registration_id_from_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=_REGISTRATION_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def invitation_token(invitation_id: int) -> str:
    """The token in an invitation link; expiry and single use are checked against the record."""
    return signing.dumps(invitation_id, salt=_INVITATION_SALT)


def invitation_id_from_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=_INVITATION_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
