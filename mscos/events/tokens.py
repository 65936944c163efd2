"""Signed tokens for the private links sent by email: a registration, an invitation.

Expiry and single use are checked against the record (`mscos/core/signed_ids.py`).
"""

from mscos.core.signed_ids import id_from_signed, signed_id

_REGISTRATION_SALT = "mscos.events.registration"
_INVITATION_SALT = "mscos.events.invitation"


def registration_token(registration_id: int) -> str:
    """The token in a person's private link to their registration (to see or cancel it)."""
    return signed_id(registration_id, salt=_REGISTRATION_SALT)


def registration_id_from_token(token: str) -> int | None:
    return id_from_signed(token, salt=_REGISTRATION_SALT)


def invitation_token(invitation_id: int) -> str:
    """The token in an invitation link; expiry and single use are checked against the record."""
    return signed_id(invitation_id, salt=_INVITATION_SALT)


def invitation_id_from_token(token: str) -> int | None:
    return id_from_signed(token, salt=_INVITATION_SALT)
