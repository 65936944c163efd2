"""Readers' pages against the static-file ceiling, with the page cache on and off (issue 22).

The demo site on SQLite, gunicorn with the project's config and 2 workers, load.py with 4 clients
in a separate process; each page and a static file from the same server are measured in the same
round, several rounds, and the table gives medians of requests per second and their ratio to the
static file's. Bars: cached reader pages at least 50% of the static file's rate; uncached at
least 8%.

    .venv/bin/python bench/page_cache.py [--rounds 3] [--duration 5] [--no-write]
"""

import argparse
import os
import re
import statistics
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
import measure  # noqa: E402
import report  # noqa: E402
import server  # noqa: E402

DATA = server.DATA_DIR / "page-cache"
CACHED_BAR, UNCACHED_BAR = 0.50, 0.08


def demo_database() -> str:
    """A demo site in its own SQLite file, made once (migrate, cache table, demo content)."""
    DATA.mkdir(parents=True, exist_ok=True)
    database = DATA / "db.sqlite3"
    url = f"sqlite:///{database}"
    if not database.exists():
        env = server.server_env(url)
        for command in (["migrate", "--no-input"], ["createcachetable"], ["load_demo"]):
            server.run_checked(
                [sys.executable, "manage.py", *command], env=env, timeout=900, what=command[0]
            )
    return url


def reader_pages(port: int) -> list[tuple[str, str]]:
    """The static file the home page links to, and one page of each kind readers read."""
    home = server.fetch(port, "/")[1].decode()
    static = re.search(r'rel="stylesheet" href="([^"]+)"', home).group(1)
    forum = server.fetch(port, "/forums/")[1].decode()
    not_categories = {"search", "watch", "preferences", "following", "feed", "t", "p", "guest"}
    category = next(
        f"/forums/{slug}/"
        for slug in re.findall(r'href="/forums/([a-z0-9-]+)/"', forum)
        if slug not in not_categories
    )
    topic = re.search(r'href="(/forums/t/\d+/)"', forum).group(1)
    return [
        ("static file", static),
        ("home", "/"),
        ("outcome page", "/core-outcomes/safety-from-any-trafficker-or-other-abuser/"),
        ("forum index", "/forums/"),
        ("category", category),
        ("topic", topic),
    ]


def measure_server(url: str, cached: bool, args: argparse.Namespace) -> dict[str, list[float]]:
    seconds = "300" if cached else "0"
    rates: dict[str, list[float]] = {}
    log = DATA / f"gunicorn-{'cached' if cached else 'uncached'}.log"
    with server.gunicorn(url, log, PAGE_CACHE_SECONDS=seconds) as (port, pid):
        pages = reader_pages(port)
        for _ in range(args.rounds):
            for name, path in pages:
                result = measure.measure(
                    port, path, args, lambda pid=pid: (measure.process_ticks(pid), {})
                )
                if result["errors"]:
                    raise SystemExit(f"{name}: {result['errors']} errors ({result['statuses']})")
                rates.setdefault(name, []).append(result["rps"])
                server.log(f"{'cached' if cached else 'uncached'} {name}: {result['rps']} req/s")
    return rates


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    server.collect_static()
    url = demo_database()
    lines = [
        "<!-- results:page-cache:start -->",
        "## Readers' pages against a static file (`bench/page_cache.py`)",
        "",
        f"Machine: {report.machine()}. Demo site on SQLite, gunicorn 2 workers, {args.clients} "
        f"clients, {args.rounds} rounds of {args.duration:g} s per page; medians of requests/s, "
        "and their share of the static file's rate measured by the same server in the same run.",
        "",
        "| page | cached req/s | share | uncached req/s | share |",
        "|---|---|---|---|---|",
    ]
    cached, uncached = measure_server(url, True, args), measure_server(url, False, args)
    ceiling_cached = statistics.median(cached["static file"])
    ceiling_uncached = statistics.median(uncached["static file"])
    verdicts = []
    for name in cached:
        hit, miss = statistics.median(cached[name]), statistics.median(uncached[name])
        hit_share, miss_share = hit / ceiling_cached, miss / ceiling_uncached
        lines.append(f"| {name} | {hit:.0f} | {hit_share:.0%} | {miss:.0f} | {miss_share:.0%} |")
        if name != "static file":
            verdicts.append(
                f"{name}: cached {'met' if hit_share >= CACHED_BAR else 'MISSED'}, "
                f"uncached {'met' if miss_share >= UNCACHED_BAR else 'MISSED'}"
            )
    lines += [
        "",
        f"Bars: cached at least {CACHED_BAR:.0%} of the static file, uncached at least "
        f"{UNCACHED_BAR:.0%}. " + "; ".join(verdicts) + ".",
        "<!-- results:page-cache:end -->",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        report.write_results(text, "page-cache")


if __name__ == "__main__":
    os.chdir(server.REPO_DIR)
    main()
