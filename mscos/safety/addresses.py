"""Client addresses as keyed hashes, so no raw IP address is ever stored or logged.

`address_hash` turns an address into "ah1:" and 32 hex characters: an HMAC-SHA256 of the address's
network (an IPv4 address as it is, an IPv6 address by its /64, because one household or phone is
given a whole /64) under a key that belongs to one UTC day. The same address gives the same hash all
day, so rate limits, login throttling and abuse tracing work; the next day it gives another one,
so hashes from different days cannot be linked. Neither the address nor the key is ever written to
disk.

Where the day's key lives depends on the default cache:

- Shared cache (Redis or Memcached, for several app servers): the first server to need the day's
  key makes 32 random bytes and offers them with `cache.add`; the first offer wins and every server
  then reads the same key back. It expires from the cache after two days and is then gone for good.
  The Redis server itself must not save its memory to disk (`save ""` and `appendonly no` in
  redis.conf), or the key would reach its dump files.
- Anything else (local memory on one server, the default): each day's key is derived from a random
  secret made when this module is first imported and held only in memory. gunicorn must load the
  application before it starts its workers (`preload_app = True`), so that every worker inherits
  the same secret. A restart makes a new secret, so hashes made before it no longer match; other
  processes (the task worker, management commands) have their own secret and must not hash
  addresses that the web servers will compare with. Caches that write to disk or a database
  (file-based, database) are deliberately treated as local, so the key never reaches them.
"""

import datetime
import hashlib
import hmac
import ipaddress
import secrets

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.memcached import BaseMemcachedCache
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest

HASH_PREFIX = "ah1:"
UNKNOWN_HASH = HASH_PREFIX + "unknown"
HASH_HEX_LENGTH = 32
IPV6_NETWORK_PREFIX = 64
KEY_BYTES = 32
KEY_CACHE_TIMEOUT_SECONDS = 2 * 24 * 60 * 60
KEY_CACHE_NAME = "safety:address-hash-key:{day}"
SHARED_CACHE_BACKENDS = (RedisCache, BaseMemcachedCache)

# Made once per process and never stored; with gunicorn's preload_app every worker inherits it.
_PROCESS_SECRET = secrets.token_bytes(KEY_BYTES)


def _parse_address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address from a header entry, tolerating a port ("a.b.c.d:p", "[v6]:p"); else None."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The client's address, from REMOTE_ADDR or, behind trusted proxies, X-Forwarded-For."""
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count > 0:
        entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        # Each trusted proxy appends the address it saw; anything further left is client-supplied.
        if len(entries) < proxy_count:
            return None
        candidate = entries[-proxy_count]
    else:
        candidate = request.META.get("REMOTE_ADDR", "")
    address = _parse_address(candidate)
    return None if address is None else str(address)


def network_of(address: str) -> str:
    """The network an address is counted by: IPv4 as it is, IPv6 by its /64."""
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        # The message must not repeat the value: it may be an address and reach an error report.
        raise ValueError("not an IP address") from None
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        # A scope ("%eth0") names the server's interface, not the client; drop it.
        unscoped = ipaddress.IPv6Address(parsed.packed)
        network = ipaddress.IPv6Network((unscoped, IPV6_NETWORK_PREFIX), strict=False)
        return str(network)
    return str(parsed)


def _today() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date()


def _uses_shared_cache() -> bool:
    return isinstance(caches["default"], SHARED_CACHE_BACKENDS)


def _shared_day_key(day: datetime.date) -> bytes:
    cache = caches["default"]
    name = KEY_CACHE_NAME.format(day=day.isoformat())
    key = cache.get(name)
    if key is None:
        # The first server to offer a key wins; every other server reads that one back.
        cache.add(name, secrets.token_bytes(KEY_BYTES), timeout=KEY_CACHE_TIMEOUT_SECONDS)
        key = cache.get(name)
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise RuntimeError("The shared cache did not keep the address-hash key.")
    return key


def _day_key(day: datetime.date) -> bytes:
    """The key for one UTC day; kept in memory (process or shared cache) only."""
    if _uses_shared_cache():
        return _shared_day_key(day)
    message = b"address-hash-day-key:" + day.isoformat().encode()
    return hmac.new(_PROCESS_SECRET, message, hashlib.sha256).digest()


def address_hash(
    request_or_address: HttpRequest | str | None, *, day: datetime.date | None = None
) -> str:
    """A request's or address's keyed hash for `day` (UTC today by default), e.g. "ah1:3f…"."""
    if isinstance(request_or_address, HttpRequest):
        address = client_address(request_or_address)
    else:
        address = request_or_address
    if not address:
        return UNKNOWN_HASH
    try:
        network = network_of(address)
    except ValueError:
        return UNKNOWN_HASH
    key = _day_key(day or _today())
    digest = hmac.new(key, network.encode(), hashlib.sha256).hexdigest()
    return HASH_PREFIX + digest[:HASH_HEX_LENGTH]
