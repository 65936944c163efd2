"""Measuring: the pages and searches asked for, load.py run against the server, and the CPU time
of the machine, the server, its database backends and the load generator from /proc, so that
other work on the machine is seen and reported."""

import argparse
import contextlib
import json
import os
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from server import BENCH_DIR, fetch, log, run_checked

SEARCH_PREFIX = "/forums/search/?q="
# The header's search (every page): pages, recommendations, resources and the forum's posts.
SITE_SEARCH_PREFIX = "/search/?q="
# Just over gunicorn's 30 s worker timeout: a search that slow is seen as the server ends it.
SEARCH_TIMEOUT = 35.0


def misspelled(word: str) -> str:
    """The word with one letter left out ('housng'): it finds nothing as written, so the header
    search takes its 'did you mean' path (the vocabulary, then a second search)."""
    return word[:-2] + word[-1]


def searches(manifest: dict) -> list[tuple[str, str]]:
    common = manifest["common_term"]
    return [
        ("search, common word", SEARCH_PREFIX + common),
        ("search, rare word", SEARCH_PREFIX + manifest["rare_term"]),
        ("header search, common word", SITE_SEARCH_PREFIX + common),
        ("header search, rare word", SITE_SEARCH_PREFIX + manifest["rare_term"]),
        ("header search, misspelled (did you mean)", SITE_SEARCH_PREFIX + misspelled(common)),
    ]


STATIC_FILE = "static file"


def static_file(port: int) -> tuple[str, str]:
    """The stylesheet every page links to, served by the same gunicorn (WhiteNoise): the ceiling
    a page's speed is compared with, since the shared machine's load moves both alike."""
    page = fetch(port, "/forums/")[1].decode()
    found = re.search(r'rel="stylesheet" href="([^"]+)"', page)
    if found is None:
        raise SystemExit("/forums/ links to no stylesheet")
    return STATIC_FILE, found.group(1)


def check_did_you_mean(port: int, manifest: dict) -> str:
    """Whether the misspelled header search really was corrected (else it measured less)."""
    path = SITE_SEARCH_PREFIX + misspelled(manifest["common_term"])
    status, body = fetch(port, path, timeout=SEARCH_TIMEOUT)
    if status == 200 and b"search-correction" in body:
        return "corrected"
    return f"**not corrected** (HTTP {status}): the 'did you mean' row measured no correction"


def cancel_running_queries(database_url: str) -> None:
    """A search the server gave up on may still run in PostgreSQL; stop it (our database only)."""
    if not database_url.startswith("postgres"):
        return
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as db:
        db.execute(
            "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = "
            "current_database() AND pid <> pg_backend_pid() AND state = 'active'"
        )


def pages(manifest: dict) -> list[tuple[str, str, str]]:
    """(name, path, text the answer must contain to count as the right page)."""
    big = manifest["big_topic_id"]
    last_first_position = max(manifest["big_topic_posts"] - 19, 1)
    return [
        ("forum index", "/forums/", f"/forums/{manifest['category_slug']}/"),
        ("category page", f"/forums/{manifest['category_slug']}/", f"/forums/t/{big}/"),
        ("topic, first page", f"/forums/t/{big}/", "?after=20"),
        ("topic, last page", f"/forums/t/{big}/?last", f"?before={last_first_position}"),
    ]


def machine_ticks() -> tuple[int, int]:
    """CPU time of the whole machine so far, busy and in all, in clock ticks."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4], sum(fields)  # less idle and iowait


def process_ticks(pid: int, *, reaped: bool = False) -> int:
    """CPU time of a process so far in clock ticks (with its reaped children's); 0 once gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    return ticks + (int(fields[13]) + int(fields[14]) if reaped else 0)  # cutime, cstime


def children_ticks() -> int:
    """CPU time of our finished child processes (load.py), in clock ticks."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round((usage.ru_utime + usage.ru_stime) * os.sysconf("SC_CLK_TCK"))


def server_ticks(server_pid: int, database_url: str) -> tuple[int, dict[int, int]]:
    """CPU time so far of gunicorn (master, live workers, and workers it killed and reaped),
    and of each PostgreSQL backend serving this database."""
    family = process_ticks(server_pid, reaped=True)
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text()
        family += sum(process_ticks(int(pid)) for pid in children.split())
    backends: dict[int, int] = {}
    if database_url.startswith("postgres"):
        import psycopg

        with psycopg.connect(database_url) as db:
            rows = db.execute(
                "SELECT pid FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        backends = {pid: process_ticks(pid) for (pid,) in rows}
    return family, backends


def others_percent(seconds: float) -> float:
    """How busy the machine is while our server idles: the share other work takes."""
    busy_before, total_before = machine_ticks()
    time.sleep(seconds)
    busy_after, total_after = machine_ticks()
    return round(100 * (busy_after - busy_before) / max(total_after - total_before, 1), 1)


def wait_for_quiet(args: argparse.Namespace) -> float:
    """Waits (a bounded time) until other work leaves the CPUs nearly idle; returns its share."""
    deadline = time.monotonic() + args.quiet_wait
    while True:
        share = others_percent(1.0)
        if share <= args.quiet_percent or time.monotonic() >= deadline:
            return share


def measure(
    port: int,
    path: str,
    args: argparse.Namespace,
    server_cpu: Callable[[], tuple[int, dict[int, int]]],
    timeout: float = 10.0,
    cookie: str = "",
) -> dict:
    """One load.py run; also how much CPU other work took meanwhile (our processes excluded).
    `cookie` is sent with every request (a member's session, for pages behind sign-in)."""
    command = [
        sys.executable,
        str(BENCH_DIR / "load.py"),
        "--host=127.0.0.1",
        f"--port={port}",
        f"--path={path}",
        f"--clients={args.clients}",
        f"--duration={args.duration}",
        f"--warmup={args.warmup}",
        f"--timeout={timeout}",
        *([f"--cookie={cookie}"] if cookie else []),
    ]
    busy_before, total_before = machine_ticks()
    (family_before, backends_before), load_before = server_cpu(), children_ticks()
    output = run_checked(
        command,
        env=dict(os.environ),
        timeout=args.duration + args.warmup + 2 * timeout + 120,
        what="load.py",
    )
    busy_after, total_after = machine_ticks()
    family_after, backends_after = server_cpu()
    # A database backend that started meanwhile counts whole; one that ended is not counted
    # (its last ticks are lost), so other work can be overstated a little on PostgreSQL.
    ours = children_ticks() - load_before + family_after - family_before
    ours += sum(after - backends_before.get(pid, 0) for pid, after in backends_after.items())
    others = min(max(busy_after - busy_before - ours, 0) / max(total_after - total_before, 1), 1)
    # The whole load.py run (warm-up included) is covered, so this is a fair average.
    return {**json.loads(output.strip().splitlines()[-1]), "others": round(100 * others, 1)}


def log_round(engine: str, round_number: int, name: str, quiet: float, result: dict) -> None:
    log(
        f"{engine} round {round_number}: {name}: median {result['median_ms']} ms, "
        f"p95 {result['p95_ms']} ms, {result['rps']} req/s, {result['errors']} errors; "
        f"other work {quiet}% before, {result['others']}% during"
    )
