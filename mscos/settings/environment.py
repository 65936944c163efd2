"""Reading settings from environment variables, with safe defaults and clear errors."""

import ipaddress
import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """The variable's value, or the default when unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no variable; anything unrecognised is an error rather than a guess."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    """A whole-number variable."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def sqlite_options() -> dict[str, object]:
    """SQLite connection options: WAL lets readers run beside a writer; IMMEDIATE transactions and
    a long busy timeout make writers queue instead of failing with "database is locked"."""
    return {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT_SECONDS", 30),
    }


POOLERS = {"", "pgbouncer"}


def database_behind_pooler(database: dict[str, Any], pooler: str) -> dict[str, Any]:
    """The database settings for a connection through `pooler` ("" for none, "pgbouncer" for
    PgBouncer in transaction mode, where each transaction may get another server connection, so
    nothing may outlive one: no kept connection, no server-side cursor, no prepared statement)."""
    if pooler not in POOLERS:
        raise ImproperlyConfigured(f"DATABASE_POOLER must be empty or 'pgbouncer'; got {pooler!r}")
    if not pooler or database["ENGINE"] != "django.db.backends.postgresql":
        return database
    return {
        **database,
        "CONN_MAX_AGE": 0,
        # .iterator() would otherwise DECLARE a cursor WITH HOLD, which outlives its transaction.
        "DISABLE_SERVER_SIDE_CURSORS": True,
        # psycopg 3 prepares a statement run 5 times on one connection; PgBouncer before 1.21
        # would hand the next transaction a server connection that never saw it.
        "OPTIONS": {**database.get("OPTIONS", {}), "prepare_threshold": None},
    }


def secret_key_from_file(path: Path) -> str:
    """Reads the local secret key, creating it (readable by the owner only) on first run."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key)
    return key


def mail_domain_of(site_url: str) -> str:
    """The domain mail from the site is sent from: SITE_URL's host, or "localhost" for an address
    (127.0.0.1) or a bare name no mail server would accept."""
    host = urlsplit(site_url).hostname or ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host if "." in host else "localhost"
    return "localhost"


def mailer_from_url(url: str) -> dict[str, object]:
    """A MAILERS entry from smtp://user:password@host:port?tls=1 (or smtps:// for SSL)."""
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp:// or smtps://; got {parts.scheme!r}"
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL needs a host name, e.g. smtp://mail.example.org:587")
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    use_ssl = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if use_ssl else 25)
        timeout = int(options.get("timeout", "20"))
    except ValueError as error:
        raise ImproperlyConfigured(
            f"EMAIL_URL has a port or timeout that is not a number: {error}"
        ) from error
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname,
            "port": port,
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_ssl": use_ssl,
            "use_tls": options.get("tls", "0").lower() in TRUE_WORDS,
            "timeout": timeout,
        },
    }


def media_bucket_storage(bucket: str) -> dict[str, Any]:
    """The STORAGES entry for media in an S3-compatible bucket (mscos/core/media_storage.py).
    The access keys are left to boto3, which reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
    (or a machine role) itself, so they never become a Django setting."""
    endpoint = env_str("MEDIA_S3_ENDPOINT_URL")
    if endpoint and urlsplit(endpoint).scheme not in {"http", "https"}:
        raise ImproperlyConfigured(
            f"MEDIA_S3_ENDPOINT_URL must start with https:// (or http://); got {endpoint!r}"
        )
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "region_name": env_str("MEDIA_S3_REGION") or None,
        "location": env_str("MEDIA_S3_PREFIX").strip("/"),
    }
    if endpoint:
        # S3-compatible servers (MinIO, Garage, Ceph, moto) name the bucket in the path.
        options["addressing_style"] = "path"
    return {"BACKEND": "mscos.core.media_storage.MediaBucketStorage", "OPTIONS": options}
