"""Notes encrypted at rest with keys kept outside the database (MultiFernet: newest key first).

Keys come from settings.MEASUREMENT_NOTE_KEYS (the environment, comma-separated, newest first).
Without them (local mode and tests) one key is generated into settings.MEASUREMENT_NOTE_KEY_FILE on
first use, readable by this account only, never in the database.
"""

import os
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class NoteUnreadable(Exception):
    """The note was encrypted with a key that is no longer configured."""


def _key_from_file(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    key = Fernet.generate_key()
    with os.fdopen(descriptor, "wb") as file:
        file.write(key)
    return key


def configured_keys() -> list[bytes]:
    """The keys, newest first."""
    keys = [key.strip().encode("ascii") for key in settings.MEASUREMENT_NOTE_KEYS if key.strip()]
    return keys or [_key_from_file(Path(settings.MEASUREMENT_NOTE_KEY_FILE))]


@cache
def _fernet(keys: tuple[bytes, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(configured_keys()))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise NoteUnreadable from error


def reencrypt(token: str) -> str:
    """The same text under the newest key."""
    try:
        return fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as error:
        raise NoteUnreadable from error
