"""Whole pages kept for readers who carry no cookie, served before routing and the page shell.

Readers who are not signed in get no cookie (docs/privacy.md), and the page such a reader gets
depends only on the address: that makes it safe to keep. The rules, each a safeguard:

- Only a GET with no Cookie and no Authorization header is answered from the cache or stored.
  Someone signed in (or mid-way through a form, with a CSRF cookie) always gets a fresh page.
- Only a 200 that sets no cookie, varies by nothing but Cookie, is not private/no-store/no-cache,
  and uses no CSP nonce is stored: a page that hands out a form token or anything personal is never
  kept, whatever the view forgot to say.
- Any write to the database that changes what readers can see (every table but sessions, tasks,
  the cache table and a few logs) moves the site's page generation on, at once and again when
  its transaction commits, and the generation is part of every key: a published page, an
  approved or hidden post, an edited menu or setting show at once, on every process. Writes are
  seen at the database connection (an execute wrapper), so `.update()` and raw SQL count too.
- PAGE_CACHE_SECONDS (a backstop for pages that change with the clock, such as "on duty now").

Where the pages and the generation live: with REDIS_URL both are in Redis, shared by every app
server; on one machine, the pages are in each process's memory and the generation is a small file
in VAR_DIR that every process on the machine reads (a file read, no query).
"""

import hashlib
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
# Writes to these tables never change what a reader sees.
UNSEEN_TABLES = frozenset(
    {
        "django_session",
        "django_tasks_database_dbtaskresult",  # django-tasks-db's queue
        "core_periodicjobrun",  # the scheduler's claim, tried on every pass
        "newsletter_mailing",  # a mailing's progress and heartbeat, shown in the admin only
        "newsletter_delivery",  # one row per mail sent, marked as each is accepted
        "mscos_cache",
        "django_admin_log",
        "wagtailcore_modellogentry",
        "wagtailcore_pagelogentry",
        "wagtailcore_revision",
        "wagtailcore_pagesubscription",
        "wagtailcore_comment",
        "wagtailcore_commentreply",
        "wagtailadmin_editingsession",
        "account_emailconfirmation",
        "mfa_authenticator",
    }
)
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+["`]?(\w+)',
    re.IGNORECASE,
)
_STORED_HEADERS_SKIPPED = frozenset({"set-cookie", "date"})


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def _shared() -> bool:
    """Whether kept pages live in Redis, for every app server: then so does the generation."""
    return "redis" in settings.CACHES.get(CACHE_ALIAS, {}).get("BACKEND", "").lower()


def _stamp_file() -> Path:
    return Path(settings.PAGE_CACHE_STAMP_FILE)


def generation() -> str:
    """The site's page generation: it changes whenever something readers see has changed."""
    if _shared():
        value = caches[CACHE_ALIAS].get(GENERATION_KEY)
        if value is None:
            value = secrets.token_hex(8)
            caches[CACHE_ALIAS].add(GENERATION_KEY, value, timeout=None)
            value = caches[CACHE_ALIAS].get(GENERATION_KEY, value)
        return str(value)
    try:
        return _stamp_file().read_text(encoding="ascii")
    except FileNotFoundError:
        return new_generation()


def new_generation() -> str:
    """Moves every process on to a new generation: every kept page is out of date at once."""
    value = secrets.token_hex(8)
    if _shared():
        caches[CACHE_ALIAS].set(GENERATION_KEY, value, timeout=None)
        return value
    stamp = _stamp_file()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed into place, so a reader never sees half a value.
    temporary = stamp.with_name(f"{stamp.name}.{secrets.token_hex(4)}")
    temporary.write_text(value, encoding="ascii")
    temporary.replace(stamp)
    return value


def changes_what_readers_see(sql: str) -> bool:
    found = _WRITE.match(sql)
    return found is not None and found.group(1).lower() not in UNSEEN_TABLES


def _new_generation_on_commit() -> None:
    new_generation()


def _note_write(connection: Any) -> None:
    # At once (tests and autocommit), and again when the transaction commits: a reader who asked
    # in between may have kept the page as it was before the commit.
    new_generation()
    # Each entry is (savepoints, callback, robust). The connection itself, not its alias: a
    # connection made outside settings.DATABASES has no alias to look up.
    if connection.in_atomic_block and not any(
        entry[1] is _new_generation_on_commit for entry in connection.run_on_commit
    ):
        connection.on_commit(_new_generation_on_commit)


def write_watcher() -> Callable[..., Any]:
    def watch(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if enabled() and changes_what_readers_see(sql):
            _note_write(context["connection"])
        return result

    return watch


def watch_connection(sender, connection, **kwargs) -> None:
    """connection_created: every database connection reports its writes."""
    if not getattr(connection, "_page_cache_watched", False):
        connection.execute_wrappers.append(write_watcher())
        connection._page_cache_watched = True


def on_setting_changed(**kwargs) -> None:
    """Tests change settings under running code; a page made with the old ones is out of date."""
    if kwargs.get("setting") != "PAGE_CACHE_STAMP_FILE":
        new_generation()


def _key(request: HttpRequest) -> str:
    address = f"{generation()}|{request.get_host()}|{request.get_full_path()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def _request_may_use_cache(request: HttpRequest) -> bool:
    return (
        enabled()
        and request.method == "GET"
        and not request.META.get("HTTP_COOKIE", "").strip()
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _response_may_be_kept(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    varies = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    if varies - {"cookie"}:
        return False
    if "nonce-" in response.get("Content-Security-Policy", ""):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """First in the chain after security headers and static files (see the module's docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _request_may_use_cache(request):
            return self.get_response(request)
        key = _key(request)
        pages = caches[CACHE_ALIAS]
        kept = pages.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _response_may_be_kept(request, response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in _STORED_HEADERS_SKIPPED
            ]
            pages.set(key, (response.content, headers), timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
