"""Signed tokens for private links: a lead's invitation, a survivor's check-in link.

Nothing secret is stored: the link names the record, the signature proves the site made it, and
expiry and single use are checked against the record.
"""

from django.core import signing

_INVITATION_SALT = "mscos.measurement.invitation"
_SURVIVOR_LINK_SALT = "mscos.measurement.survivor-link"


def invitation_token(invitation_id: int) -> str:
    return signing.dumps(invitation_id, salt=_INVITATION_SALT)


def invitation_id_from_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=_INVITATION_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def survivor_link_token(link_id: int) -> str:
    return signing.dumps(link_id, salt=_SURVIVOR_LINK_SALT)


def survivor_link_id_from_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=_SURVIVOR_LINK_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
