"""What every page's shell reads (the locales, the Site and its root paths, site settings, the
menu), kept in each process's memory, so a page costs only the queries of what it shows.

Dropped, on every process, when any of it may have changed: writes are seen at the database
connection (as the page cache sees them, so `.update()` and raw SQL count), and a write to one
of the watched tables (Wagtail's pages, locales, sites and view restrictions, every site
setting and what hangs off it, and tables apps add with `watch_tables`) empties this process's
memo at once and moves a shared generation on, again when its transaction commits. Every
request starts by reading that generation (from Redis with REDIS_URL, else a small file beside
the page cache's: no query), so another app server's change shows on the next request.

Nothing is kept from inside a transaction that has written a watched table: a rollback would
otherwise leave this process showing what never happened. MAX_AGE_SECONDS is a backstop.
"""

import copy
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import connection as default_connection

from mscos.core import page_cache

GENERATION_KEY = "shell-memo:generation"
MAX_AGE_SECONDS = 300
# Outside a request (a task worker, a shell), the generation is read again at most this often.
RECHECK_SECONDS = 2.0

_watched: set[str] = {
    "wagtailcore_page",
    "wagtailcore_locale",
    "wagtailcore_site",
    "wagtailcore_pageviewrestriction",
}
_memo: dict[Hashable, Any] = {}
_lock = threading.Lock()
_state: dict[str, Any] = {"generation": None, "filled_at": 0.0, "checked_at": 0.0}


def watch_tables(*tables: str) -> None:
    """A write to one of these tables empties the memo (apps whose rows the shell shows)."""
    _watched.update(table.lower() for table in tables)


def watched_tables() -> frozenset[str]:
    return frozenset(_watched)


def _stamp_file() -> Path:
    stamp = Path(settings.PAGE_CACHE_STAMP_FILE)
    return stamp.with_name(stamp.name + ".shell")


def _generation() -> str:
    if page_cache._shared():
        value = caches[page_cache.CACHE_ALIAS].get(GENERATION_KEY)
        return "" if value is None else str(value)
    try:
        return _stamp_file().read_text(encoding="ascii")
    except FileNotFoundError:
        return ""


def _new_generation() -> None:
    value = secrets.token_hex(8)
    if page_cache._shared():
        caches[page_cache.CACHE_ALIAS].set(GENERATION_KEY, value, timeout=None)
        return
    stamp = _stamp_file()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    temporary = stamp.with_name(f"{stamp.name}.{secrets.token_hex(4)}")
    temporary.write_text(value, encoding="ascii")
    temporary.replace(stamp)


def forget() -> None:
    """Empties this process's memo (the next read of each thing asks the database)."""
    with _lock:
        _memo.clear()
        _state["filled_at"] = time.monotonic()


def changed() -> None:
    """Something the shell shows changed: every process forgets."""
    forget()
    _new_generation()


def refresh() -> None:
    """Forgets what another process has since changed (read once at the start of a request)."""
    now = time.monotonic()
    current = _generation()
    _state["checked_at"] = now
    if current != _state["generation"] or now - _state["filled_at"] > MAX_AGE_SECONDS:
        forget()
        _state["generation"] = current


def on_request_started(**kwargs) -> None:
    refresh()


def on_setting_changed(**kwargs) -> None:
    forget()  # tests change LANGUAGES and the like under running code


def _real_transaction_open(connection: Any) -> bool:
    """A transaction of the code's own is open (not only a test case's, which is rolled back
    at the end of the test and inside which the test's writes count as done)."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _may_keep(connection: Any = default_connection) -> bool:
    if getattr(connection, "_shell_memo_written", False):
        if _real_transaction_open(connection):
            return False
        connection._shell_memo_written = False
    return True


def remember[T](key: Hashable, compute: Callable[[], T]) -> T:
    """The kept value for `key`, computed (and kept, unless that is unsafe now) when missing."""
    if time.monotonic() - _state["checked_at"] > RECHECK_SECONDS:
        refresh()
    try:
        return _memo[key]
    except KeyError:
        pass
    value = compute()
    if _may_keep():
        with _lock:
            _memo[key] = value
    return value


def remember_recent[T](family: str, key: Hashable, compute: Callable[[], T], size: int) -> T:
    """`remember` for keys made from what people type (searches): only the `size` most recently
    used of a family are kept, so no stream of new keys can fill a process's memory."""
    if time.monotonic() - _state["checked_at"] > RECHECK_SECONDS:
        refresh()
    with _lock:
        recent = _memo.get(("recent", family))
        if recent is not None and key in recent:
            recent.move_to_end(key)
            value: T = recent[key]
            return value
    value = compute()
    if _may_keep():
        with _lock:
            recent = _memo.setdefault(("recent", family), OrderedDict())
            recent[key] = value
            while len(recent) > size:
                recent.popitem(last=False)
    return value


def _changed_on_commit() -> None:
    changed()


def _note_write(connection: Any) -> None:
    changed()
    if connection.in_atomic_block:
        if _real_transaction_open(connection):
            connection._shell_memo_written = True
        if not any(entry[1] is _changed_on_commit for entry in connection.run_on_commit):
            connection.on_commit(_changed_on_commit)


def _writes_watched_table(sql: str) -> bool:
    found = page_cache._WRITE.match(sql)
    return found is not None and found.group(1).lower() in _watched


def write_watcher() -> Callable[..., Any]:
    def watch(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if _writes_watched_table(sql):
            _note_write(context["connection"])
        return result

    return watch


def watch_connection(sender, connection, **kwargs) -> None:
    """connection_created: every database connection reports writes to the watched tables."""
    if not getattr(connection, "_shell_memo_watched", False):
        connection.execute_wrappers.append(write_watcher())
        connection._shell_memo_watched = True


def kept_copy[T](key: Hashable, compute: Callable[[], T]) -> T:
    """`remember`, handing out a copy: for model instances a request may change."""
    return copy.copy(remember(key, compute))
