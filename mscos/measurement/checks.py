"""Deployment checks for the measurement workspaces: notes need keys kept outside the database."""

import binascii

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.checks import Error, register


@register(deploy=True)
def note_keys_are_configured(app_configs, **kwargs):
    """Without MEASUREMENT_NOTE_KEYS a key would be generated into VAR_DIR, beside the database
    and its backups, where anyone with a copy of both could read every note."""
    keys = [key.strip() for key in settings.MEASUREMENT_NOTE_KEYS if key.strip()]
    if not keys:
        return [
            Error(
                "MEASUREMENT_NOTE_KEYS is not set: case notes would be encrypted with a key "
                "generated beside the database.",
                hint="Set MEASUREMENT_NOTE_KEYS to a Fernet key kept where SECRET_KEY is kept "
                "(docs/measurement.md, 'Keys and rotation').",
                id="mscos.E201",
            )
        ]
    errors = []
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode("ascii"))
        except (ValueError, binascii.Error, UnicodeEncodeError):
            errors.append(
                Error(
                    f"Key {number} in MEASUREMENT_NOTE_KEYS is not a Fernet key.",
                    hint='Make one with: python -c "from cryptography.fernet import Fernet; '
                    'print(Fernet.generate_key().decode())"',
                    id="mscos.E202",
                )
            )
    return errors
