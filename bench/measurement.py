"""Measurement workspaces at size (issue 20): a person's journey and a programme's check-in list
with 5,000 people and 50,000 check-ins, against a static file from the same server.

For each engine: a database filled by this script's generator (bulk inserts: one organisation,
its lead and caseworkers with two-factor, 7 outcomes with 3 questions each, people in 5
programmes, 10 check-ins a person, an answer to every question), gunicorn as bench/server.py
starts it (2 workers, DEBUG off), and bench/load.py with a signed-in session (4 clients), each
page measured in turn in several rounds. The table gives per page the medians over the rounds of
p50, p95 and p99 latency and requests/s, that rate as a share of the static file's, and the
other work on the machine during the round (bench/measure.py). Target: p95 under 100 ms.

    .venv/bin/python bench/measurement.py [--engines sqlite postgres] [--rounds 3]
        [--duration 5] [--people 5000] [--quick] [--no-write]
"""

import argparse
import contextlib
import json
import os
import random
import secrets
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))
import measure  # noqa: E402
import report  # noqa: E402
import server  # noqa: E402
from generate import schema_fingerprint  # noqa: E402
from provision import postgres_params, postgres_url  # noqa: E402

DATA = server.DATA_DIR / "measurement"
GENERATOR_VERSION = 1
P95_TARGET_MS = 100.0
PROGRAMMES = 5
CASEWORKERS = 10
OUTCOMES = 7
BATCH = 20_000


# The generator (run in its own process: it configures Django for the target database).


def _generate(database_url: str, people: int, per_person: int, manifest_path: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="mscos.settings.dev",
        DATABASE_URL=database_url,
        SECRET_KEY="bench",  # noqa: S106 (the benchmark's own throwaway key, as server.py's)
        VAR_DIR=str(server.VAR_DIR),
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(REPO_DIR))
    import django

    django.setup()
    import datetime

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Locale

    from mscos.accounts.models import User
    from mscos.measurement.models import (
        DECLINED,
        Answer,
        CheckIn,
        Consent,
        Indicator,
        Membership,
        Observation,
        Organisation,
        Person,
        Programme,
    )
    from mscos.outcomes.models import Domain, LongListOutcome

    started = time.monotonic()
    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    # Only this connection trades durability for speed (as bench/generate.py does).
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
        else:
            cursor.execute("SET synchronous_commit = off")
    rng = random.Random(20261203)
    default = Locale.get_default()

    def account(name: str) -> User:
        user = User.objects.create_user(
            username=name, email=f"{name}@example.org", password=None, display_name=name.title()
        )
        TOTP.activate(user, generate_totp_secret())
        return user

    def session_for(user: User) -> str:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.set_expiry(7 * 24 * 3600)
        session.create()
        return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

    with transaction.atomic():
        organisation = Organisation.objects.create(name="Bench Harbour", slug="bench-harbour")
        lead = account("benchlead")
        Membership.objects.create(user=lead, organisation=organisation, role="lead")
        caseworkers = [account(f"benchcase{n}") for n in range(CASEWORKERS)]
        Membership.objects.bulk_create(
            Membership(user=user, organisation=organisation, role="caseworker")
            for user in caseworkers
        )
        programmes = Programme.objects.bulk_create(
            Programme(organisation=organisation, name=f"Programme {n + 1}")
            for n in range(PROGRAMMES)
        )
        domain = Domain.objects.create(name="Bench outcomes")
        indicators = []
        for n in range(OUTCOMES):
            outcome = LongListOutcome.objects.create(
                domain=domain, name=f"Outcome {n + 1}", sort_order=n
            )
            for kind, order in (("survivor", 0), ("survivor", 1), ("practitioner", 2)):
                scale = ("Not at all", "A little", "Somewhat", "Mostly", "Completely")
                indicators.append(
                    Indicator.objects.create(
                        outcome=outcome,
                        locale=default,
                        kind=kind,
                        text=f"Question {order + 1} on outcome {n + 1}",
                        sort_order=order,
                        **(
                            dict(zip(("point_1", "point_2", "point_3", "point_4", "point_5"),
                                     scale, strict=True))
                            if kind == "survivor" else {}
                        ),
                    )
                )  # fmt: skip
    first_day = datetime.date(2023, 1, 2)
    people_rows = Person.objects.bulk_create(
        (
            Person(
                organisation=organisation,
                case_code=f"BH-{n:05d}",
                programme=programmes[n % PROGRAMMES],
                caseworker=caseworkers[n % CASEWORKERS],
                start_date=first_day + datetime.timedelta(days=n % 120),
            )
            for n in range(people)
        ),
        batch_size=BATCH,
    )
    now = datetime.datetime.now(datetime.UTC)
    Consent.objects.bulk_create(
        (
            Consent(person=person, use="record", text_version="2026-12-v1", given_at=now)
            for person in people_rows
        ),
        batch_size=BATCH,
    )
    check_ins = CheckIn.objects.bulk_create(
        (
            CheckIn(
                person=person,
                date=person.start_date + datetime.timedelta(days=90 * n),
                kind="baseline" if n == 0 else "review",
                created_by=person.caseworker,
                updated_by=person.caseworker,
            )
            for person in people_rows
            for n in range(per_person)
        ),
        batch_size=BATCH,
    )
    observations = [*Observation.values, DECLINED]

    def answers() -> Iterator[Answer]:
        for check_in in check_ins:
            for indicator in indicators:
                if indicator.kind == "survivor":
                    value = DECLINED if rng.random() < 0.05 else str(rng.randint(1, 5))
                    yield Answer(check_in=check_in, indicator=indicator, survivor_answer=value,
                                 practitioner_answer=str(rng.randint(1, 5)))  # fmt: skip
                else:
                    yield Answer(check_in=check_in, indicator=indicator,
                                 practitioner_answer=rng.choice(observations))  # fmt: skip

    Answer.objects.bulk_create(answers(), batch_size=BATCH)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode=WAL")
        else:
            connection.ensure_connection()
            connection.connection.autocommit = True
            cursor.execute("VACUUM ANALYZE")
    middle = people_rows[people // 2]
    manifest = {
        "version": GENERATOR_VERSION,
        "schema": schema_fingerprint(),
        "people": people,
        "check_ins": len(check_ins),
        "answers": len(check_ins) * len(indicators),
        "slug": organisation.slug,
        "person_id": middle.pk,
        "programme_id": programmes[0].pk,
        "lead_cookie": session_for(lead),
        "caseworker_cookie": session_for(caseworkers[0]),
        "generation_seconds": round(time.monotonic() - started, 1),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")


# The run.


def generate(url: str, args: argparse.Namespace, manifest_path: Path) -> dict:
    server.log(f"generating {args.people} people, {args.people * 10} check-ins")
    server.run_checked(
        [sys.executable, __file__, "--generate", url, "--people", str(args.people),
         "--manifest", str(manifest_path)],
        env=server.server_env(url),
        timeout=3600,
        what="the generator",
    )  # fmt: skip
    manifest = json.loads(manifest_path.read_text())
    server.log(f"generated in {manifest['generation_seconds']} s")
    return manifest


@contextlib.contextmanager
def sqlite_database(args: argparse.Namespace) -> Iterator[tuple[str, dict]]:
    folder = DATA / f"sqlite-{args.people}"
    database, manifest_path = folder / "db.sqlite3", folder / "manifest.json"
    url = f"sqlite:///{database}"
    manifest = None
    if manifest_path.exists() and database.exists() and not args.regenerate:
        manifest = json.loads(manifest_path.read_text())
        if (manifest.get("version"), manifest.get("schema")) != (
            GENERATOR_VERSION,
            schema_fingerprint(),
        ):
            manifest = None
    if manifest is None:
        if folder.exists():
            for path in folder.iterdir():
                path.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        manifest = generate(url, args, manifest_path)
    else:
        server.log(f"reusing {database}")
    yield url, manifest


@contextlib.contextmanager
def postgres_database(args: argparse.Namespace) -> Iterator[tuple[str, dict]]:
    """A database made for this run and dropped after it (the data is generated each time)."""
    import psycopg
    from psycopg import sql

    params = postgres_params(args.postgres_url)
    name = f"mscos_bench_measure_{secrets.token_hex(4)}"
    url = postgres_url(params, name)
    folder = DATA / f"postgres-{args.people}"
    folder.mkdir(parents=True, exist_ok=True)
    with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **params) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield url, generate(url, args, folder / "manifest.json")
        finally:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            server.log(f"dropped {name}")


def pages(manifest: dict, static: str) -> list[tuple[str, str, str]]:
    """(name, path, cookie): a static file, the journey, the list's first and last pages."""
    slug, lead, caseworker = (
        manifest["slug"],
        manifest["lead_cookie"],
        manifest["caseworker_cookie"],
    )
    workspace = f"/workspace/{slug}"
    in_programme = manifest["check_ins"] // PROGRAMMES
    last = max(-(-in_programme // 25), 1)
    listing = f"{workspace}/programmes/{manifest['programme_id']}/check-ins/"
    return [
        ("static file", static, lead),
        ("journey (10 check-ins)", f"{workspace}/people/{manifest['person_id']}/journey/", lead),
        (f"check-in list, page 1 of {last} (lead)", listing, lead),
        (f"check-in list, page {last} of {last} (lead)", f"{listing}?page={last}", lead),
        ("check-in list, page 1 (a caseworker's own)", listing, caseworker),
    ]


def fetch_as(port: int, path: str, cookie: str) -> tuple[int, bytes]:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def measure_engine(engine: str, url: str, manifest: dict, args: argparse.Namespace) -> dict:
    import re

    rounds: dict[str, list[dict]] = {}
    log_path = DATA / f"gunicorn-{engine}.log"
    with server.gunicorn(url, log_path) as (port, pid):
        journey_path = pages(manifest, "")[1][1]
        status, body = fetch_as(port, journey_path, manifest["lead_cookie"])
        if status != 200 or b"trajectory" not in body:
            raise SystemExit(f"the journey did not answer as a signed-in lead ({status})")
        static = re.search(r'rel="stylesheet" href="([^"]+)"', body.decode()).group(1)
        measured = pages(manifest, static)
        for name, path, cookie in measured[2:]:
            status, body = fetch_as(port, path, cookie)
            if status != 200 or b"data-table" not in body:
                raise SystemExit(f"{name}: HTTP {status}, not the list")
        for number in range(1, args.rounds + 1):
            for name, path, cookie in measured:
                quiet = measure.wait_for_quiet(args)
                result = measure.measure(
                    port,
                    path,
                    args,
                    lambda: measure.server_ticks(pid, url),
                    cookie=cookie,
                )
                if result["errors"]:
                    raise SystemExit(f"{name}: {result['errors']} errors ({result['statuses']})")
                rounds.setdefault(name, []).append({**result, "quiet": quiet})
                measure.log_round(engine, number, name, quiet, result)
    return {"engine": engine, "manifest": manifest, "rounds": rounds}


def summary_rows(result: dict) -> list[str]:
    static_rps = statistics.median(r["rps"] for r in result["rounds"]["static file"])
    lines = []
    for name, found in result["rounds"].items():
        p50 = statistics.median(r["median_ms"] for r in found)
        p95 = statistics.median(r["p95_ms"] for r in found)
        p99 = statistics.median(r["p99_ms"] for r in found)
        rps = statistics.median(r["rps"] for r in found)
        others = statistics.median(r["others"] for r in found)
        verdict = "" if name == "static file" else ("met" if p95 < P95_TARGET_MS else "**MISSED**")
        lines.append(
            f"| {result['engine']} | {name} | {p50:g} | {p95:g} | {p99:g} | {rps:g} "
            f"| {rps / static_rps:.0%} | {others:g}% | {verdict} |"
        )
    return lines


def rounds_rows(result: dict) -> list[str]:
    return [
        f"| {result['engine']} | {name} | {n} | {r['median_ms']} | {r['p95_ms']} | {r['p99_ms']} "
        f"| {r['rps']} | {r['quiet']}% | {r['others']}% |"
        for name, found in result["rounds"].items()
        for n, r in enumerate(found, 1)
    ]


def section(args: argparse.Namespace, results: list[dict], skipped: list[str]) -> str:
    lines = [
        "<!-- results:measurement:start -->",
        "## Measurement workspaces at size (`bench/measurement.py`)",
        "",
        f"Command: `.venv/bin/python bench/measurement.py {' '.join(args.argv)}`".rstrip() + "",
        "",
        f"One organisation with {args.people:,} people in {PROGRAMMES} programmes and "
        f"{args.people * 10:,} check-ins (10 a person, an answer to each of 21 questions); "
        f"gunicorn with `gunicorn.conf.py` and 2 sync workers, DEBUG off; {args.clients} clients "
        f"(bench/load.py) signed in as the lead (or a caseworker), {args.warmup:g} s warm-up "
        f"then {args.duration:g} s per page, {args.rounds} rounds, every page in turn in each "
        "round. Figures are medians over the rounds; *share* is the page's rate against the "
        "static file's from the same server in the same run; *other work* is the share of the "
        "CPUs used meanwhile by anything but gunicorn, its database backends and the load "
        f"generator. Target: p95 under {P95_TARGET_MS:.0f} ms.",
        "",
        report.machine(),
    ]
    for result in results:
        manifest = result["manifest"]
        lines.append(
            f"- {result['engine']}: {manifest['people']:,} people, {manifest['check_ins']:,} "
            f"check-ins, {manifest['answers']:,} answers; data generated in "
            f"{manifest['generation_seconds']} s"
        )
    lines += [
        "",
        "| Engine | Page | p50 ms | p95 ms | p99 ms | req/s | share | other work | p95 < 100 ms |",
        "|---|---|--:|--:|--:|--:|--:|--:|---|",
        *[row for result in results for row in summary_rows(result)],
        "",
        *[f"- {note}" for note in skipped],
        "<details><summary>Every round</summary>",
        "",
        "| Engine | Page | round | p50 ms | p95 ms | p99 ms | req/s | other work before | during |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
        *[row for result in results for row in rounds_rows(result)],
        "",
        "</details>",
        "<!-- results:measurement:end -->",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--quiet-percent", type=float, default=10.0)
    parser.add_argument("--quiet-wait", type=float, default=20.0)
    parser.add_argument("--quick", action="store_true", help="500 people, 1 round of 2 s")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument("--generate", help=argparse.SUPPRESS)
    parser.add_argument("--manifest", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        _generate(args.generate, args.people, 10, Path(args.manifest))
        return
    args.argv = sys.argv[1:]
    if args.quick:
        args.people, args.rounds, args.duration, args.quiet_wait = 500, 1, 2.0, 0.0
    DATA.mkdir(parents=True, exist_ok=True)
    (server.DATA_DIR / ".gitignore").write_text("*\n")
    server.collect_static()
    results, skipped = [], []
    for engine in args.engines:
        opener = sqlite_database if engine == "sqlite" else postgres_database
        try:
            with opener(args) as (url, manifest):
                results.append(measure_engine(engine, url, manifest, args))
        except Exception as error:  # an engine that cannot be reached is reported, not fatal
            if engine != "postgres" or "connect" not in str(error):
                raise
            skipped.append(f"postgres: not measured ({error})")
    text = section(args, results, skipped)
    print(text)
    if not args.no_write:
        report.write_results(text, "measurement")


if __name__ == "__main__":
    os.chdir(REPO_DIR)
    main()
