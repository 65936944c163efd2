"""Programme dashboards at size (issue 21): 100 organisations, 200,000 people and 2,000,000
check-in answers; a programme's dashboard should answer in under 200 ms at p95.

The data (bulk inserts, one process): each organisation has a lead with two-factor and 5
programmes; people spread over the programmes with an age band, gender and nationality; each
person a baseline and a review 90 days later, answering one question on each of 5 outcomes
(five-point scales, "I'd rather not say" now and then), the practitioner's view beside it:
10 answers a person. The timing: Django's test client signed in as one organisation's lead asks
for one programme's dashboard (the full stack: middleware, the four queries, the measures, the
charts, the template) again and again, in this process, against the database; p50/p95/p99 over
the requests, with the number of SQL queries per page. It measures the server's work for one
page, not a network or several clients (bench/measurement.py does that for the journey).

    .venv/bin/python bench/dashboard.py [--engine postgres|sqlite] [--organisations 100]
        [--people 200000] [--requests 100] [--postgres-url postgres://postgres@127.0.0.1:5432/]

SQLite defaults to a tenth of the size (20,000 people in 10 organisations). A PostgreSQL
database is made for the run and dropped after it; a SQLite file lives under /tmp.
"""

import argparse
import datetime
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
P95_TARGET_MS = 200.0
PROGRAMMES = 5
OUTCOMES = 5
BATCH = 20_000


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--organisations", type=int)
    parser.add_argument("--people", type=int)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/")
    args = parser.parse_args()
    small = args.engine == "sqlite"
    args.organisations = args.organisations or (10 if small else 100)
    args.people = args.people or (20_000 if small else 200_000)
    return args


def _setup(database_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="mscos.settings.dev",
        DATABASE_URL=database_url,
        SECRET_KEY="bench",  # noqa: S106 (a throwaway database for one run)
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
    )
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="mscos-bench-dashboard-"))
    sys.path.insert(0, str(REPO_DIR))
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # Pages name their static files without the collected manifest (no collectstatic here);
    # override_settings also resets the storages Django has already made.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()


def _generate(args: argparse.Namespace) -> tuple[object, object]:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Locale

    from mscos.accounts.models import User
    from mscos.measurement.models import (
        DECLINED,
        Answer,
        CheckIn,
        Indicator,
        Membership,
        Organisation,
        Person,
        Programme,
    )
    from mscos.outcomes.models import Domain, LongListOutcome

    started = time.monotonic()
    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    print(f"migrated in {time.monotonic() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
        else:
            cursor.execute("SET synchronous_commit = off")
    rng = random.Random(20261203)
    default = Locale.get_default()
    with transaction.atomic():
        domain = Domain.objects.create(name="Bench outcomes")
        indicators = []
        for n in range(OUTCOMES):
            outcome = LongListOutcome.objects.create(
                domain=domain, name=f"Outcome {n + 1}", sort_order=n
            )
            indicators.append(
                Indicator.objects.create(
                    outcome=outcome,
                    locale=default,
                    text=f"Question on outcome {n + 1}",
                    point_1="Not at all",
                    point_2="A little",
                    point_3="Somewhat",
                    point_4="Mostly",
                    point_5="Completely",
                )
            )
        organisations = Organisation.objects.bulk_create(
            Organisation(name=f"Bench {n:03d}", slug=f"bench-{n:03d}")
            for n in range(args.organisations)
        )
        lead = User.objects.create_user(
            username="benchlead", email="benchlead@example.org", display_name="Bench Lead"
        )
        TOTP.activate(lead, generate_totp_secret())
        Membership.objects.create(user=lead, organisation=organisations[0], role="lead")
        programmes = Programme.objects.bulk_create(
            Programme(organisation=organisation, name=f"Programme {n + 1}", kind="safe_house")
            for organisation in organisations
            for n in range(PROGRAMMES)
        )
    ages = ["under-18", "18-25", "26-35", "36-50", "over-50", ""]
    genders = ["woman", "man", "other", "not-said", ""]
    nationalities = ["Albanian", "Vietnamese", "Nigerian", "Romanian", "British", "Eritrean", ""]
    first_day = datetime.date(2025, 1, 6)
    people = Person.objects.bulk_create(
        (
            Person(
                organisation_id=programmes[n % len(programmes)].organisation_id,
                programme=programmes[n % len(programmes)],
                case_code=f"B-{n:06d}",
                age_band=rng.choice(ages),
                gender=rng.choice(genders),
                nationality=rng.choice(nationalities),
                start_date=first_day + datetime.timedelta(days=n % 300),
            )
            for n in range(args.people)
        ),
        batch_size=BATCH,
    )
    check_ins = CheckIn.objects.bulk_create(
        (
            CheckIn(
                person=person,
                date=person.start_date + datetime.timedelta(days=90 * k),
                kind="baseline" if k == 0 else "review",
            )
            for person in people
            for k in range(2)
        ),
        batch_size=BATCH,
    )

    def answers():
        for check_in in check_ins:
            for indicator in indicators:
                survivor = DECLINED if rng.random() < 0.05 else str(rng.randint(1, 5))
                yield Answer(
                    check_in=check_in,
                    indicator=indicator,
                    survivor_answer=survivor,
                    practitioner_answer=str(rng.randint(1, 5)),
                )

    Answer.objects.bulk_create(answers(), batch_size=BATCH)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            connection.ensure_connection()
            connection.connection.autocommit = True
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
    print(
        f"generated {len(people):,} people, {len(check_ins):,} check-ins, "
        f"{len(check_ins) * OUTCOMES:,} answers in {time.monotonic() - started:.0f} s",
        flush=True,
    )
    return lead, programmes[0]


def _time(args: argparse.Namespace, lead, programme) -> dict:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(lead)
    url = reverse(
        "measurement:programme_dashboard", args=[programme.organisation.slug, programme.pk]
    )
    for _warm in range(5):
        response = client.get(url)
        if response.status_code != 200 or b"dashboard-chart" not in response.content:
            raise SystemExit(f"the dashboard did not answer ({response.status_code})")
    # Counted with a wrapper: a request's start empties connection.queries, so
    # CaptureQueriesContext would count nothing.
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        client.get(url)
    times = []
    for _n in range(args.requests):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {
        "p50": statistics.median(times),
        "p95": cuts[94],
        "p99": cuts[98],
        "queries": len(queries),
        "people": programme.people.count(),
    }


def main() -> None:
    args = _arguments()
    name = f"mscos_bench_dashboard_{secrets.token_hex(4)}"
    admin = None
    if args.engine == "postgres":
        import psycopg
        from psycopg import sql

        base = args.postgres_url.rstrip("/")
        admin = psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=5)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        url = f"{base}/{name}"
    else:
        folder = Path(tempfile.mkdtemp(prefix="mscos-bench-dashboard-"))
        url = f"sqlite:///{folder / 'db.sqlite3'}"
    try:
        _setup(url)
        lead, programme = _generate(args)
        found = _time(args, lead, programme)
    finally:
        if admin is not None:
            from django.db import connections

            connections.close_all()
            from psycopg import sql

            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            admin.close()
    verdict = "met" if found["p95"] < P95_TARGET_MS else "MISSED"
    print(
        f"{args.engine}: {args.organisations} organisations, {args.people:,} people, "
        f"{args.people * 2 * OUTCOMES:,} answers; one programme of {found['people']} people: "
        f"p50 {found['p50']:.1f} ms, p95 {found['p95']:.1f} ms, p99 {found['p99']:.1f} ms over "
        f"{args.requests} requests, {found['queries']} queries a page "
        f"(target p95 < {P95_TARGET_MS:.0f} ms: {verdict})"
    )


if __name__ == "__main__":
    main()
