"""The forum load benchmark: gunicorn (2 workers) on SQLite and on PostgreSQL, driven by load.py."""

# The data (provision.py), the server (server.py), the measurements (measure.py) and the report
# (report.py) each have their module; this one is the command line and the order of a run.

import argparse
import http.client
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import (
    SEARCH_TIMEOUT,
    cancel_running_queries,
    check_did_you_mean,
    log_round,
    measure,
    pages,
    searches,
    server_ticks,
    static_file,
    wait_for_quiet,
)
from provision import (
    FULL,
    QUICK,
    EngineUnavailable,
    postgres_database,
    sqlite_database,
)
from report import RESULTS, section, table, verdicts, write_results
from server import (
    DATA_DIR,
    REPO_DIR,
    VAR_DIR,
    collect_static,
    fetch,
    gunicorn,
    log,
    wait_until_responsive,
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small data, short runs (~1 min)")
    parser.add_argument(
        "--engines", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"]
    )
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--duration", type=float, help="seconds measured per page")
    parser.add_argument("--warmup", type=float, help="seconds of requests before measuring")
    parser.add_argument("--rounds", type=int, help="measure every page this many times")
    parser.add_argument(
        "--quiet-percent",
        type=float,
        default=10.0,
        help="before each measurement, wait for other work to use at most this share of the CPUs",
    )
    parser.add_argument(
        "--quiet-wait", type=float, help="but no longer (seconds; 60, or 0 with --quick)"
    )
    parser.add_argument("--regenerate", action="store_true", help="ignore cached data")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="a PostgreSQL server where a database may be created (and is dropped after)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md")
    parser.add_argument(
        "--searches-only",
        action="store_true",
        help="measure only the static file and the searches (RESULTS.md: its own section)",
    )
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    args.sizes = QUICK if args.quick else FULL
    args.duration = args.duration or (3.0 if args.quick else 10.0)
    args.rounds = args.rounds or (1 if args.quick else 3)
    if args.quiet_wait is None:
        args.quiet_wait = 0.0 if args.quick else 60.0
    args.warmup = args.warmup if args.warmup is not None else (1.0 if args.quick else 3.0)
    host = urlsplit(args.postgres_url).hostname
    if host not in {"127.0.0.1", "localhost", "::1", None}:
        parser.error("the benchmark only talks to this machine: use a PostgreSQL on 127.0.0.1")
    return args


def bench_engine(engine: str, args: argparse.Namespace) -> dict:
    opener = sqlite_database if engine == "sqlite" else postgres_database
    with opener(args) as (database_url, manifest):
        folder = DATA_DIR / f"{engine}-{args.sizes.key}"
        with gunicorn(database_url, folder / "gunicorn.log") as (port, server_pid):

            def server_cpu() -> tuple[int, dict[int, int]]:
                return server_ticks(server_pid, database_url)

            targets = [] if args.searches_only else pages(manifest)
            for _name, path, expected in targets:
                status, body = fetch(port, path)
                if status != 200 or expected.encode() not in body:
                    raise SystemExit(f"{engine} {path}: HTTP {status}, or not the expected page")
            runs: dict[str, list[dict]] = {name: [] for name, _path, _expected in targets}
            for round_number in range(1, args.rounds + 1):
                for name, path, _expected in targets:
                    quiet = wait_for_quiet(args)
                    result = measure(port, path, args, server_cpu)
                    runs[name].append({"name": name, "round": round_number, **result})
                    log_round(engine, round_number, name, quiet, result)
            # Searches last: a slow one keeps workers (and PostgreSQL) busy after it. In rounds
            # too, so one disturbed measurement does not decide.
            first_search = searches(manifest)[0][1]
            try:
                status = fetch(port, first_search, timeout=SEARCH_TIMEOUT)[0]
            except (OSError, http.client.HTTPException) as error:
                status = type(error).__name__
            if status != 404:  # it exists: slow or failing, it is measured and reported
                search = "measured" if status == 200 else f"measured (first answer: {status})"
                search += f"; header search misspelling {check_did_you_mean(port, manifest)}"
                # Each round starts with the static file: the same server's ceiling, under the
                # same load from the rest of the machine, for the ratios in the report.
                measured = [static_file(port), *searches(manifest)]
                for round_number in range(1, args.rounds + 1):
                    for name, path in measured:
                        wait_until_responsive(port)
                        quiet = wait_for_quiet(args)
                        result = measure(port, path, args, server_cpu, timeout=SEARCH_TIMEOUT)
                        cancel_running_queries(database_url)
                        runs.setdefault(name, []).append(
                            {"name": name, "round": round_number, **result}
                        )
                        log_round(engine, round_number, name, quiet, result)
            else:
                search = f"not implemented ({first_search} answers {status})"
                log(f"{engine}: search: {search}")
        # Per page, the round least disturbed by other work (chosen by disturbance, not speed).
        rows = [min(found, key=lambda r: r["others"]) for found in runs.values()]
        return {
            "engine": engine,
            "manifest": manifest,
            "rows": rows,
            "runs": runs,
            "search": search,
        }


def mode(args: argparse.Namespace) -> str:
    """The section of RESULTS.md a run replaces."""
    return ("quick" if args.quick else "full") + ("-searches" if args.searches_only else "")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Gigabytes of generated data must never end up in a commit, whatever the top .gitignore says.
    (DATA_DIR / ".gitignore").write_text(
        "# Benchmark data: large, regenerated on demand; never committed.\n*\n"
    )
    collect_static()
    results, skipped = [], []
    for engine in args.engines:
        try:
            results.append(bench_engine(engine, args))
        except EngineUnavailable as error:
            skipped.append(f"{engine}: skipped, {error}")
            log(skipped[-1])
    text = section(args, results, skipped)
    print()
    print(table(results))
    for result in results:
        print(f"{result['engine']}: " + "; ".join(verdicts(result)).replace("**", ""))
    for note in skipped:
        print(note)
    if not args.no_write:
        write_results(text, mode(args))
        log(f"wrote {RESULTS.relative_to(REPO_DIR)}")


if __name__ == "__main__":
    main()
