"""Test mode: fast hashing, tasks run at once, mail kept in memory."""

from mscos.settings.base import *  # noqa: F403
from mscos.settings.base import STORAGES

SECRET_KEY = "test-only-not-secret"  # noqa: S105 # used by the test suite only: # nosec B105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
