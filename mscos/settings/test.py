"""Test mode: fast hashing, tasks run at once, mail kept in memory."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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

# Uploads and picture sizes made by a test process go to a folder of its own, removed when it ends,
# not into the checkout's var/media. Set here, before any storage object is made.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mscos-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)

# Test runs split across processes (pytest-xdist, `make test`) each get their own Redis database:
# the suite empties the cache between tests, and FLUSHDB would empty every process's at once.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _xdist_worker.startswith("gw"):  # noqa: F405
    _parts = urlsplit(REDIS_URL)  # noqa: F405
    _database = int(_parts.path.strip("/") or 0) + int(_xdist_worker[2:])
    CACHES["default"]["LOCATION"] = urlunsplit(_parts._replace(path=f"/{_database}"))  # noqa: F405
    # Every cache kept in Redis follows (a picture size cached by another process names a file in
    # that process's media folder and a row in its database).
    for _alias, _cache in CACHES.items():  # noqa: F405
        if _cache["BACKEND"] == CACHES["default"]["BACKEND"]:  # noqa: F405
            _cache["LOCATION"] = CACHES["default"]["LOCATION"]  # noqa: F405
