"""Settings come from the environment; bad values fail loudly with a clear message."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from mscos.settings.environment import env_bool, env_int, mailer_from_url, secret_key_from_file

REPO = Path(__file__).resolve().parents[2]


def test_yes_no_variables_reject_unclear_values(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG")
    monkeypatch.setenv("SOME_FLAG", "Yes")
    assert env_bool("SOME_FLAG") is True


def test_number_variables_reject_words(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "twenty")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("SOME_NUMBER", 1)


def test_email_url_becomes_an_smtp_mailer():
    mailer = mailer_from_url("smtp://mailer:p%40ss@mail.example.org:587?tls=1")
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "mail.example.org",
        "port": 587,
        "username": "mailer",
        "password": "p@ss",
        "use_ssl": False,
        "use_tls": True,
        "timeout": 20,
    }
    assert mailer_from_url("smtps://mail.example.org")["OPTIONS"]["port"] == 465


@pytest.mark.parametrize("url", ["http://mail.example.org", "smtp://", "smtp://host:notaport"])
def test_bad_email_url_is_a_clear_error(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        mailer_from_url(url)


def test_secret_key_is_created_once_and_private(tmp_path):
    key_file = tmp_path / "var" / "secret_key"
    first = secret_key_from_file(key_file)
    assert len(first) >= 50
    assert secret_key_from_file(key_file) == first
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"


def run_django(settings_module: str, code: str, **extra_env: str) -> subprocess.CompletedProcess:
    # A clean environment: no secret, no database or cache chosen by the CI run, and nothing
    # the test session itself sets (DJANGO_*); each test passes what it means to test.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "REDIS_URL"} and not key.startswith("DJANGO_")
    }
    env.update(DJANGO_SETTINGS_MODULE=settings_module, **extra_env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("mscos.settings.production", "pass")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deploy_check_with_no_warning(tmp_path):
    result = run_django(
        "mscos.settings.production",
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')",
        SECRET_KEY="x" * 30 + "-production-secret-for-the-check-only",
        ALLOWED_HOSTS="mscos.example.org",
        SITE_URL="https://mscos.example.org",
        EMAIL_URL="smtp://mail.example.org:587?tls=1",
        VAR_DIR=str(tmp_path),
        MEASUREMENT_NOTE_KEYS=Fernet.generate_key().decode(),
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


@pytest.mark.parametrize(("keys", "error"), [("", "mscos.E201"), ("not-a-key", "mscos.E202")])
def test_production_refuses_the_deploy_check_without_real_note_keys(tmp_path, keys, error):
    result = run_django(
        "mscos.settings.production",
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')",
        SECRET_KEY="x" * 30 + "-production-secret-for-the-check-only",
        ALLOWED_HOSTS="mscos.example.org",
        SITE_URL="https://mscos.example.org",
        EMAIL_URL="smtp://mail.example.org:587?tls=1",
        VAR_DIR=str(tmp_path),
        MEASUREMENT_NOTE_KEYS=keys,
    )
    assert result.returncode != 0
    assert error in result.stderr


def test_database_url_picks_postgresql():
    result = run_django(
        "mscos.settings.dev",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/example",
        SECRET_KEY="dev",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql", result.stderr


def test_redis_url_switches_cache_to_redis():
    result = run_django(
        "mscos.settings.dev",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        REDIS_URL="redis://127.0.0.1:6379/0",
        SECRET_KEY="dev",
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache", result.stderr


def test_default_database_is_the_embedded_sqlite_file_in_wal_mode(tmp_path):
    result = run_django(
        "mscos.settings.dev",
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'], d['OPTIONS']['transaction_mode'], d['OPTIONS']['timeout'])",
        VAR_DIR=str(tmp_path),
        SECRET_KEY="dev",
    )
    engine, name, mode, timeout = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(tmp_path / "db.sqlite3")
    assert mode == "IMMEDIATE" and int(timeout) >= 20
