"""A record's id in a private link, signed so that only the site can have made the link.

Nothing secret is stored: the link names the record, the signature (with a salt per kind of
link, so one kind's token never opens another) proves the site made it, and the record itself
says whether the link may still be used (single use, expiry).
"""

import datetime

from django.core import signing


def signed_id(record_id: int, *, salt: str) -> str:
    return signing.dumps(record_id, salt=salt)


def id_from_signed(
    token: str, *, salt: str, max_age: int | datetime.timedelta | None = None
) -> int | None:
    """The id in `token`, or None when it was not signed by this site with this salt (or is
    older than `max_age`, seconds or a timedelta)."""
    try:
        return int(signing.loads(token, salt=salt, max_age=max_age))
    except (signing.BadSignature, TypeError, ValueError):
        # SignatureExpired is a BadSignature; an int that is not one is refused too.
        return None
