"""Signed tokens for private links: a lead's invitation, a survivor's check-in link.

Nothing secret is stored: the link names the record, the signature proves the site made it, and
expiry and single use are checked against the record (`mscos/core/signed_ids.py`).
"""

from mscos.core.signed_ids import id_from_signed, signed_id

_INVITATION_SALT = "mscos.measurement.invitation"
_SURVIVOR_LINK_SALT = "mscos.measurement.survivor-link"


def invitation_token(invitation_id: int) -> str:
    return signed_id(invitation_id, salt=_INVITATION_SALT)


def invitation_id_from_token(token: str) -> int | None:
    return id_from_signed(token, salt=_INVITATION_SALT)


def survivor_link_token(link_id: int) -> str:
    return signed_id(link_id, salt=_SURVIVOR_LINK_SALT)


def survivor_link_id_from_token(token: str) -> int | None:
    return id_from_signed(token, salt=_SURVIVOR_LINK_SALT)
