"""Reporting: the targets, the verdicts, the tables, the machine's description and the sections
of bench/RESULTS.md (bench/run.py, bench/page_cache.py)."""

import argparse
import datetime
import platform
import re
import sqlite3
import subprocess
from importlib import metadata
from pathlib import Path

from provision import postgres_params
from server import BENCH_DIR

RESULTS = BENCH_DIR / "RESULTS.md"
P95_TARGET_MS = 50.0
LAST_PAGE_RATIO_TARGET = 1.5
SITE_SEARCH_TARGET_MS = 100.0  # issue 18: the header search under 100 ms at 1M posts


def engine_version(result: dict, args: argparse.Namespace) -> str:
    if result["engine"] == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    import psycopg

    with psycopg.connect(**postgres_params(args.postgres_url), dbname="postgres") as db:
        return db.execute("SHOW server_version").fetchone()[0].join(("PostgreSQL ", ""))


def verdicts(result: dict) -> list[str]:
    lines = []
    slow = [
        r["name"]
        for r in result["rows"]
        if not r["name"].startswith("header search") and (r["p95_ms"] or 1e9) >= P95_TARGET_MS
    ]
    failed = [r["name"] for r in result["rows"] if r["errors"]]
    lines.append(
        f"every page p95 < {P95_TARGET_MS:.0f} ms: "
        + ("**yes**" if not slow else f"**no** ({', '.join(slow)})")
    )
    by_name = {r["name"]: r for r in result["rows"]}
    first, last = by_name.get("topic, first page"), by_name.get("topic, last page")
    if first and last:
        median = last["median_ms"] / first["median_ms"]
        p95 = last["p95_ms"] / first["p95_ms"]
        ok = max(median, p95) <= LAST_PAGE_RATIO_TARGET
        lines.append(
            f"last page within {LAST_PAGE_RATIO_TARGET}x of the first: "
            f"{'**yes**' if ok else '**no**'} (median {median:.2f}x, p95 {p95:.2f}x)"
        )
    header = [r for r in result["rows"] if r["name"].startswith("header search")]
    if header:
        slow_header = [r["name"] for r in header if (r["p95_ms"] or 1e9) >= SITE_SEARCH_TARGET_MS]
        lines.append(
            f"header search p95 < {SITE_SEARCH_TARGET_MS:.0f} ms: "
            + ("**yes**" if not slow_header else f"**no** ({', '.join(slow_header)})")
        )
    ratios = static_ratios(result)
    if ratios:
        lines.append(f"against the static file (same server, same round): {ratios}")
    lines.append("errors: none" if not failed else f"errors: **{', '.join(failed)}**")
    lines.append(f"search: {result['search']}")
    return lines


def static_ratios(result: dict) -> str:
    """Each search's median and p95 as a multiple of the static file's in the same round: on a
    shared machine other work slows both, so the ratio moves less than the milliseconds."""
    parts = []
    for name, found in result["runs"].items():
        if name == "static file" or "search" not in name:
            continue
        for row in found:
            static = next(
                (r for r in result["runs"].get("static file", []) if r["round"] == row["round"]),
                None,
            )
            if static and static["median_ms"] and static["p95_ms"] and row["median_ms"]:
                median = row["median_ms"] / static["median_ms"]
                p95 = (row["p95_ms"] or 0) / static["p95_ms"]
                parts.append(f"{name} round {row['round']}: median {median:.1f}x, p95 {p95:.1f}x")
    return "; ".join(parts)


def table(results: list[dict]) -> str:
    head = (
        "| Engine | Page | URL | median ms | p95 ms | p99 ms | req/s | requests | errors "
        "| other work |\n"
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|\n"
    )
    lines = [
        f"| {result['engine']} | {r['name']} | `{r['path']}` | {ms(r['median_ms'])} "
        f"| {ms(r['p95_ms'])} | {ms(r['p99_ms'])} | {r['rps']} | {r['requests']} "
        f"| {errors(r)} | {r['others']}% |"
        for result in results
        for r in result["rows"]
    ]
    return head + "\n".join(lines) + "\n"


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def errors(row: dict) -> str:
    """How many requests failed, and how (HTTP status or the client's exception)."""
    if not row["errors"]:
        return "0"
    kinds = ", ".join(f"{kind} x{n}" for kind, n in row["statuses"].items() if kind != "200")
    return f"{row['errors']} ({kinds})"


def rounds_table(results: list[dict]) -> str:
    head = (
        "| Engine | Page | round | median ms | p95 ms | req/s | errors | other work |\n"
        "|---|---|--:|--:|--:|--:|--:|--:|\n"
    )
    lines = [
        f"| {result['engine']} | {r['name']} | {r['round']} | {ms(r['median_ms'])} "
        f"| {ms(r['p95_ms'])} | {r['rps']} | {errors(r)} | {r['others']}% |"
        for result in results
        for found in result["runs"].values()
        for r in found
    ]
    return head + "\n".join(lines) + "\n"


def output_of(*command: str) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return result.stdout.rstrip()


def machine() -> str:
    cpu = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    packages = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("django", "wagtail", "gunicorn", "psycopg", "whitenoise")
    )
    return (
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- `nproc`: {output_of('nproc')}; CPU: {cpu.group(1) if cpu else '?'}\n"
        f"- `free -h`:\n\n```\n{output_of('free', '-h')}\n```\n\n"
        f"- {platform.platform()}; Python {platform.python_version()}; {packages}\n"
    )


def section(args: argparse.Namespace, results: list[dict], skipped: list[str]) -> str:
    mode = ("quick" if args.quick else "full") + ("-searches" if args.searches_only else "")
    what = "Quick check" if args.quick else "Full size"
    if args.searches_only:
        what += ", searches only"
    lines = [
        f"## {what}: {args.sizes.label}",
        "",
        f"Command: `{' '.join(['.venv/bin/python', 'bench/run.py', *args.argv])}`"
        + (" (what `make bench` runs)" if not args.argv else ""),
        "",
        f"gunicorn with `gunicorn.conf.py` and 2 sync workers, `mscos.settings.dev`, DEBUG off; "
        f"{args.clients} concurrent clients (bench/load.py, a separate process), "
        f"{args.warmup:g} s warm-up then {args.duration:g} s per page, {args.rounds} round(s); "
        "anonymous visitor.",
        "",
        "*Other work* is the share of the machine's CPUs used during the measurement by processes "
        "other than gunicorn, its database backends and the load generator (the machine is "
        "shared). With several rounds, each page's row is the round with the least other work; "
        "all rounds are listed below the verdicts.",
        "",
        machine(),
    ]
    for result in results:
        manifest = result["manifest"]
        origin = (
            "reused from bench/data/"
            if manifest.get("reused")
            else f"generated in {manifest['generation_seconds']} s"
        )
        lines.append(
            f"- {engine_version(result, args)}: data {origin}, database "
            f"{manifest['database_size'] / 2**20:,.0f} MiB"
        )
    lines += ["", table(results)]
    for result in results:
        lines.append(f"**{result['engine']}**: " + "; ".join(verdicts(result)) + "\n")
    lines += [f"- {note}" for note in skipped]
    if args.rounds > 1:
        lines += ["", "<details><summary>Every round</summary>", "", rounds_table(results),
                  "</details>"]  # fmt: skip
    body = "\n".join(lines).rstrip() + "\n"
    return f"<!-- results:{mode}:start -->\n{body}<!-- results:{mode}:end -->\n"


def write_results(text: str, mode: str) -> None:
    intro = (
        "# Forum benchmark results\n\n"
        "Written by `bench/run.py`; see bench/README.md for what is measured and how. "
        "Each mode's section is replaced when that mode runs again.\n\n"
    )
    current = RESULTS.read_text() if RESULTS.exists() else intro
    pattern = re.compile(
        rf"<!-- results:{mode}:start -->.*?<!-- results:{mode}:end -->\n", re.DOTALL
    )
    if pattern.search(current):
        current = pattern.sub(lambda _match: text, current)
    elif mode == "full" and "<!-- results:quick:start -->" in current:  # full size first
        current = current.replace(
            "<!-- results:quick:start -->", text + "\n<!-- results:quick:start -->"
        )
    else:
        current = current.rstrip() + "\n\n" + text
    RESULTS.write_text(current)
