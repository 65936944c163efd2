"""Client addresses become daily keyed hashes; neither the address nor the key reaches the disk."""

import base64
import datetime
import hashlib
import hmac
import json
import logging
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.cache import caches
from django.db import connection

from mscos.safety import addresses
from mscos.safety.addresses import (
    UNKNOWN_HASH,
    address_hash,
    client_address,
    network_of,
)
from tests.settings.declared import declared_default

REDIS_TEST_URL = "redis://127.0.0.1:6379/15"
DAY = datetime.date(2026, 3, 14)
IPV4 = "198.51.100.77"
IPV6 = "2001:db8:4d2:9a1:8a2e:370:7334:1234"
IPV6_SAME_64 = "2001:db8:4d2:9a1::1"
IPV6_OTHER_64 = "2001:db8:4d2:9a2:8a2e:370:7334:1234"
HASH_PATTERN_LENGTH = len("ah1:") + 32


@pytest.fixture(autouse=True)
def local_memory_cache(settings):
    """One server with local memory, whatever REDIS_URL says; shared_cache switches to Redis."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


# --- the attacker's view: what the hash gives away -------------------------------------------


@pytest.mark.parametrize("address", [IPV4, IPV6, "10.0.0.1", "::1", "::ffff:203.0.113.9"])
def test_hash_has_a_fixed_shape_and_never_contains_the_address(address):
    hashed = address_hash(address, day=DAY)
    assert hashed.startswith("ah1:")
    assert len(hashed) == HASH_PATTERN_LENGTH
    int(hashed[4:], 16)
    network = network_of(address)
    for revealing in {address, network, network.split("/")[0]}:
        assert revealing not in hashed


def test_addresses_in_one_ipv6_64_hash_alike_and_other_64s_differ():
    assert address_hash(IPV6, day=DAY) == address_hash(IPV6_SAME_64, day=DAY)
    assert address_hash(IPV6, day=DAY) != address_hash(IPV6_OTHER_64, day=DAY)


def test_neighbouring_ipv4_addresses_differ():
    assert address_hash("198.51.100.77", day=DAY) != address_hash("198.51.100.78", day=DAY)


def test_an_ipv4_mapped_ipv6_address_counts_as_the_ipv4_address():
    assert address_hash("::ffff:198.51.100.77", day=DAY) == address_hash(IPV4, day=DAY)


def test_same_address_hashes_alike_all_day_and_differently_the_next():
    next_day = DAY + datetime.timedelta(days=1)
    assert address_hash(IPV4, day=DAY) == address_hash(IPV4, day=DAY)
    assert address_hash(IPV4, day=DAY) != address_hash(IPV4, day=next_day)
    assert address_hash(IPV6, day=DAY) != address_hash(IPV6, day=next_day)


def test_the_day_defaults_to_today_in_utc():
    today = datetime.datetime.now(datetime.UTC).date()
    assert address_hash(IPV4) == address_hash(IPV4, day=today)


def test_guessing_without_the_key_fails():
    """A plain or unkeyed hash of the address is not what is stored."""
    hashed = address_hash(IPV4, day=DAY)[4:]
    for guess in (
        hashlib.sha256(IPV4.encode()).hexdigest(),
        hmac.new(b"", IPV4.encode(), hashlib.sha256).hexdigest(),
        hmac.new(DAY.isoformat().encode(), IPV4.encode(), hashlib.sha256).hexdigest(),
    ):
        assert not guess.startswith(hashed)


# --- networks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("198.51.100.77", "198.51.100.77"),
        (" 198.51.100.77 ", "198.51.100.77"),
        ("2001:DB8:4D2:9A1:8A2E:370:7334:1234", "2001:db8:4d2:9a1::/64"),
        ("2001:db8:4d2:9a1::1", "2001:db8:4d2:9a1::/64"),
        ("fe80::1%eth0", "fe80::/64"),
        ("::ffff:198.51.100.77", "198.51.100.77"),
        ("::1", "::/64"),
    ],
)
def test_network_of(address, network):
    assert network_of(address) == network


@pytest.mark.parametrize("value", ["", "not-an-address", "198.51.100.300", "198.51.100.077"])
def test_network_of_refuses_non_addresses_without_repeating_them(value):
    with pytest.raises(ValueError) as raised:
        network_of(value)
    assert value.strip() == "" or value not in str(raised.value)
    assert raised.value.__suppress_context__


@pytest.mark.parametrize("value", [None, "", "nonsense", "198.51.100.300"])
def test_a_missing_or_invalid_address_hashes_to_unknown(value):
    assert address_hash(value, day=DAY) == UNKNOWN_HASH


# --- where the address comes from -------------------------------------------------------------


def test_remote_addr_is_used_and_hashes_like_the_address(rf):
    request = rf.get("/", REMOTE_ADDR=IPV4)
    assert client_address(request) == IPV4
    assert address_hash(request, day=DAY) == address_hash(IPV4, day=DAY)


def test_a_request_without_an_address_hashes_to_unknown(rf):
    for remote in ("", "unix:/run/gunicorn.sock", "garbage"):
        request = rf.get("/", REMOTE_ADDR=remote)
        assert client_address(request) is None
        assert address_hash(request, day=DAY) == UNKNOWN_HASH


def test_x_forwarded_for_is_ignored_without_trusted_proxies(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR=IPV4, HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert client_address(request) == IPV4
    assert address_hash(request, day=DAY) != address_hash("203.0.113.66", day=DAY)


def test_x_forwarded_for_is_ignored_when_the_setting_is_not_set(rf, settings):
    settings.TRUSTED_PROXY_COUNT = declared_default("TRUSTED_PROXY_COUNT")
    request = rf.get("/", REMOTE_ADDR=IPV4, HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert client_address(request) == IPV4


def test_a_spoofed_leftmost_entry_is_not_taken_behind_one_proxy(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client sent "X-Forwarded-For: 203.0.113.66"; our proxy appended what it really saw.
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.66, {IPV4}")
    assert client_address(request) == IPV4
    assert address_hash(request, day=DAY) == address_hash(IPV4, day=DAY)


def test_two_proxies_count_two_entries_from_the_right(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = rf.get(
        "/",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"203.0.113.66, {IPV6}, 10.0.0.2",
    )
    assert client_address(request) == IPV6


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("garbage", None),
        ("203.0.113.66, garbage", None),
        (f"{IPV4}:51234", IPV4),
        (f"[{IPV6}]:443", IPV6),
    ],
)
def test_forwarded_values_that_are_not_addresses_give_none(rf, settings, header, expected):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=header)
    assert client_address(request) == expected


def test_fewer_forwarded_entries_than_proxies_gives_none(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=IPV4)
    assert client_address(request) is None
    assert address_hash(request, day=DAY) == UNKNOWN_HASH


# --- the key never reaches the disk -----------------------------------------------------------

_writes: list[str] | None = None


def _record_writes(event: str, args: tuple) -> None:
    if _writes is None or event != "open":
        return
    path, mode, flags = args
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    if (mode and any(letter in mode for letter in "wax+")) or (flags or 0) & writing:
        _writes.append(str(path))


sys.addaudithook(_record_writes)


def key_forms(key: bytes) -> list[bytes]:
    return [
        key,
        key.hex().encode(),
        key.hex().upper().encode(),
        base64.b64encode(key),
        base64.urlsafe_b64encode(key),
    ]


def address_forms() -> list[bytes]:
    forms = {IPV4, IPV6, IPV6_SAME_64, network_of(IPV6), network_of(IPV6).split("/")[0]}
    return [form.encode() for form in forms]


def files_under(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}


def database_bytes() -> bytes:
    """Everything the test database holds, as SQLite would put it on disk."""
    connection.ensure_connection()
    if connection.is_in_memory_db():
        return connection.connection.serialize()
    name = Path(connection.settings_dict["NAME"])
    return b"".join(
        path.read_bytes()
        for path in (name, Path(f"{name}-wal"), Path(f"{name}-journal"))
        if path.exists()
    )


def hash_like_the_site_does(rf, caplog) -> tuple[str, list[bytes]]:
    """Hashes addresses from requests and strings, recording every file opened for writing."""
    global _writes
    caplog.set_level(logging.DEBUG)
    _writes = []
    try:
        hashes = [
            address_hash(rf.get("/", REMOTE_ADDR=IPV4)),
            address_hash(rf.get("/", REMOTE_ADDR=IPV6)),
            address_hash(IPV6_SAME_64),
            address_hash(IPV4, day=DAY),
        ]
        opened_for_writing = list(_writes)
    finally:
        _writes = None
    assert opened_for_writing == []
    today = datetime.datetime.now(datetime.UTC).date()
    keys = [addresses._day_key(today), addresses._day_key(DAY)]
    return hashes[0], [form for key in keys for form in key_forms(key)]


def assert_nothing_revealing_in(blob: bytes, where: str, key_bytes: list[bytes]) -> None:
    for form in key_bytes:
        assert form not in blob, f"the day key reached {where}"
    for form in address_forms():
        assert form not in blob, f"an address reached {where}"


def store_a_hash_as_an_app_would(hashed: str, var_dir: Path, user) -> None:
    (var_dir / "app.log").write_text(f"throttled {hashed}\n")
    LogEntry.objects.create(user=user, action_flag=ADDITION, object_repr=hashed)


def check_disk_and_logs(var_dir: Path, hashed: str, key_bytes: list[bytes], caplog) -> None:
    stored = files_under(var_dir)
    # The scan works: the hash itself, which may be stored, is found where it was put.
    assert any(hashed.encode() in blob for blob in stored.values())
    for path, blob in stored.items():
        assert_nothing_revealing_in(blob, str(path), key_bytes)
    for record in caplog.records:
        assert_nothing_revealing_in(record.getMessage().encode(), "a log record", key_bytes)
    if connection.vendor == "sqlite":
        blob = database_bytes()
        assert hashed.encode() in blob
        assert_nothing_revealing_in(blob, "the database", key_bytes)


@pytest.fixture
def var_dir(settings, tmp_path) -> Path:
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path


def test_local_key_is_neither_cached_nor_written_anywhere(rf, caplog, var_dir, member):
    hashed, key_bytes = hash_like_the_site_does(rf, caplog)
    store_a_hash_as_an_app_would(hashed, var_dir, member)
    assert not addresses._uses_shared_cache()
    assert caches["default"].get(addresses.KEY_CACHE_NAME.format(day=DAY.isoformat())) is None
    check_disk_and_logs(var_dir, hashed, key_bytes, caplog)


def test_a_cache_that_writes_to_disk_never_receives_the_key(rf, caplog, var_dir, member, settings):
    cache_dir = var_dir / "cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(cache_dir),
        }
    }
    caches["default"].set("proof-the-cache-writes-here", "yes")
    hashed, key_bytes = hash_like_the_site_does(rf, caplog)
    store_a_hash_as_an_app_would(hashed, var_dir, member)
    assert not addresses._uses_shared_cache()
    assert len(files_under(cache_dir)) == 1
    check_disk_and_logs(var_dir, hashed, key_bytes, caplog)


def test_a_dummy_cache_still_gives_stable_hashes(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert address_hash(IPV4, day=DAY) == address_hash(IPV4, day=DAY)


def test_another_process_secret_gives_other_hashes_in_local_mode(monkeypatch):
    """Why gunicorn must preload the app: a worker with its own secret would disagree."""
    before = address_hash(IPV4, day=DAY)
    monkeypatch.setattr(addresses, "_PROCESS_SECRET", os.urandom(32))
    assert address_hash(IPV4, day=DAY) != before


FORKED_WORKERS = """
import json, os, sys
import django
django.setup()  # as gunicorn's master does with preload_app, before it forks
assert "mscos.safety.addresses" in sys.modules, "SafetyConfig.ready() must import the module"
results = []
for _ in range(2):
    read_end, write_end = os.pipe()
    if os.fork() == 0:
        from mscos.safety.addresses import address_hash
        os.write(write_end, address_hash("198.51.100.77").encode())
        os._exit(0)
    os.close(write_end)
    results.append(os.read(read_end, 100).decode())
    os.wait()
print(json.dumps(results))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork, as gunicorn does")
def test_preloaded_workers_share_the_key_and_a_separate_process_does_not():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "mscos.settings.test"}
    env.pop("REDIS_URL", None)
    runs = [
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", FORKED_WORKERS],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        for _ in range(2)
    ]
    first, second = (json.loads(run.stdout.strip().splitlines()[-1]) for run in runs)
    assert first[0] == first[1] and first[0].startswith("ah1:")
    assert second[0] == second[1]
    assert first[0] != second[0]


# --- a shared cache (several app servers) -----------------------------------------------------


@pytest.fixture
def shared_cache(settings):
    """Django's RedisCache on a real Redis; a CI run fails if Redis is missing."""
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1, socket_timeout=2)
    try:
        client.ping()
    except redis.exceptions.RedisError as error:
        message = f"Redis at {REDIS_TEST_URL} is not reachable ({error.__class__.__name__})"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI must run the shared-cache tests.")
        pytest.skip(message + "; start Redis to run the shared-cache tests.")
    prefix = f"mscos-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield client
    caches.close_all()
    for name in client.scan_iter(match=f"{prefix}:*"):
        client.delete(name)
    client.close()


def test_shared_cache_is_detected(shared_cache):
    assert addresses._uses_shared_cache()


def test_shared_key_is_random_kept_two_days_and_independent_of_the_process(
    shared_cache, monkeypatch
):
    key = addresses._day_key(DAY)
    assert len(key) == 32
    name = caches["default"].make_key(addresses.KEY_CACHE_NAME.format(day=DAY.isoformat()))
    assert 0 < shared_cache.ttl(name) <= 2 * 24 * 60 * 60
    monkeypatch.setattr(addresses, "_PROCESS_SECRET", os.urandom(32))
    assert addresses._day_key(DAY) == key


OTHER_SERVER = """
import datetime, django
django.setup()
from mscos.safety.addresses import address_hash
print(address_hash("198.51.100.77", day=datetime.date(2026, 3, 14)))
"""


def test_two_servers_agree_on_the_day_key(shared_cache, settings):
    server_a = address_hash(IPV4, day=DAY)
    # Server B: another process, with its own secret, on the same Redis and key prefix.
    # Not a test process: without PYTEST_XDIST_WORKER its settings use REDIS_URL as given.
    env = {
        **{key: value for key, value in os.environ.items() if key != "PYTEST_XDIST_WORKER"},
        "DJANGO_SETTINGS_MODULE": "mscos.settings.test",
        "REDIS_URL": REDIS_TEST_URL,
        "REDIS_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
    }
    server_b = (
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", OTHER_SERVER],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    assert server_b == server_a
    assert address_hash(IPV4, day=DAY + datetime.timedelta(days=1)) != server_a


def test_servers_racing_for_a_new_day_all_get_the_first_key(shared_cache):
    racing_day = DAY + datetime.timedelta(days=400)
    barrier = threading.Barrier(8)
    keys: list[bytes] = []
    lock = threading.Lock()

    def server() -> None:
        # Each thread gets its own cache connection, as a separate server would.
        barrier.wait()
        key = addresses._day_key(racing_day)
        with lock:
            keys.append(key)
        caches["default"].close()

    threads = [threading.Thread(target=server) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(keys) == 8
    assert len(set(keys)) == 1


def test_the_first_offered_key_wins(shared_cache):
    offered = os.urandom(32)
    name = addresses.KEY_CACHE_NAME.format(day=DAY.isoformat())
    assert caches["default"].add(name, offered, timeout=60)
    assert addresses._day_key(DAY) == offered


def test_shared_key_is_not_written_to_local_disk_or_database(
    shared_cache, rf, caplog, var_dir, member
):
    hashed, key_bytes = hash_like_the_site_does(rf, caplog)
    store_a_hash_as_an_app_would(hashed, var_dir, member)
    check_disk_and_logs(var_dir, hashed, key_bytes, caplog)
