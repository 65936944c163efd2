"""Media in an S3-compatible bucket, still served by the site itself.

When `MEDIA_S3_BUCKET` is set (mscos/settings/base.py), uploads, Wagtail's picture sizes and
documents live in the bucket instead of `VAR_DIR/media`. Nothing changes for readers: a picture's
address stays `/media/images/…` on the site (mscos.core.views.media_file reads it from the bucket)
and a document is still served by Wagtail's document view, which checks its privacy first. The
bucket's own address is never given to a browser: that would be a request to another origin, and
it would let anyone with a link skip the site's checks.

A bucket that cannot be reached, or refuses the site's keys, raises `MediaStorageUnavailable`
(mscos/core/media_files.py), whose message says which bucket and why; mscos.core.middleware turns
it into a calm 503 page and one log line, management commands into their error.
"""

from typing import Any
from urllib.parse import quote

from botocore.config import Config  # type: ignore[import-untyped]
from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]
from django.conf import settings
from storages.backends.s3 import S3Storage  # type: ignore[import-untyped]

from mscos.core.media_files import MediaStorageUnavailable


def _reason(error: Exception) -> str:
    if isinstance(error, ClientError):
        details = error.response.get("Error", {})
        return f"{details.get('Code', 'error')}: {details.get('Message', '')}".strip(": ")
    return str(error)


class MediaBucketStorage(S3Storage):
    """django-storages' S3 storage with the site's addresses and errors a person can act on."""

    def __init__(self, **options: Any) -> None:
        # A bucket that is away must not hold a gunicorn worker for minutes (boto3's defaults:
        # 60 s to connect, several retries); a slow answer still gets its full read time.
        options.setdefault(
            "client_config",
            Config(connect_timeout=5, read_timeout=60, retries={"max_attempts": 2}),
        )
        # Each upload keeps its own name, as on local disk (Wagtail never overwrites a file).
        options.setdefault("file_overwrite", False)
        # Objects are private: only the site's keys can read them, and the site serves them.
        options.setdefault("default_acl", None)
        options.setdefault("querystring_auth", True)
        super().__init__(**options)

    def _failed(self, error: Exception) -> MediaStorageUnavailable:
        endpoint = self.endpoint_url or "the provider's default endpoint"
        return MediaStorageUnavailable(
            f"The media bucket {self.bucket_name!r} at {endpoint} could not be used "
            f"({_reason(error)}). Check MEDIA_S3_BUCKET, MEDIA_S3_ENDPOINT_URL and the access "
            "keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)."
        )

    def url(self, name: str, parameters: Any = None, expire: Any = None, http_method: Any = None):
        """The file's address on the site itself (see the module's docstring)."""
        return settings.MEDIA_URL + quote(name.replace("\\", "/").lstrip("/"))

    def _open(self, name: str, mode: str = "rb"):
        try:
            file = super()._open(name, mode)
            if "r" in mode:
                file.file  # noqa: B018 # downloads now, so a failure is raised here, not mid-answer
            return file
        except (BotoCoreError, ClientError) as error:
            raise self._failed(error) from None

    def _save(self, name: str, content: Any) -> str:
        try:
            return super()._save(name, content)
        except (BotoCoreError, ClientError) as error:
            raise self._failed(error) from None

    def delete(self, name: str) -> None:
        try:
            super().delete(name)
        except (BotoCoreError, ClientError) as error:
            raise self._failed(error) from None

    def exists(self, name: str) -> bool:
        try:
            return super().exists(name)
        except (BotoCoreError, ClientError) as error:
            raise self._failed(error) from None

    def listdir(self, name: str) -> tuple[list[str], list[str]]:
        try:
            return super().listdir(name)
        except (BotoCoreError, ClientError) as error:
            raise self._failed(error) from None

    def size(self, name: str) -> int:
        try:
            return super().size(name)
        except (BotoCoreError, ClientError) as error:
            raise self._failed(error) from None

    def get_modified_time(self, name: str):
        try:
            return super().get_modified_time(name)
        except (BotoCoreError, ClientError) as error:
            raise self._failed(error) from None
