"""A small fixed-window rate limit in the shared cache, keyed by account or address hash."""

from django.core.cache import cache


def allow(key: str, *, limit: int, window_seconds: int) -> bool:
    """Counts one action under `key`; False once `limit` is passed within the window."""
    cache_key = f"safety:rate:{key}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
