"""The nightly pooled-evidence refresh at size (issue 21): 100 organisations, 200,000 people and
2,000,000 check-in answers, on PostgreSQL (and a smaller size on SQLite). Target: under 2 minutes.

The generator bulk-inserts organisations taking part, 7 programmes each (one per kind), people
(90% with a live pooled consent, 5% withdrawn, 5% never asked), a baseline for everyone over eight
quarters and a review for 43% of them, and an answer (the survivor's and the practitioner's) to
one survivor-reported question per core outcome (7) at every check-in: 10 answers a person.
Then it times, in this process, `evidence.services.refresh_pooled_evidence`:
1. first: every cell is new;
2. quiet: nothing changed since (a normal night with no new data);
3. a busy night: 1% more people and 0.5% of pooled consents withdrawn.

    .venv/bin/python bench/evidence_refresh.py \
        --database-url postgres://postgres@127.0.0.1:5432/evidence_bench
    .venv/bin/python bench/evidence_refresh.py \
        --database-url sqlite:///bench/data/evidence.sqlite3 --people 20000
"""

import argparse
import datetime
import os
import random
import resource
import sys
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
ORGANISATIONS = 100
OUTCOMES = 7
BATCH = 20_000


def setup(database_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="mscos.settings.dev",
        DATABASE_URL=database_url,
        VAR_DIR=str(REPO_DIR / "bench" / "data" / "var"),
    )
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(REPO_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(people: int, *, seed: int = 21) -> dict:
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    from mscos.measurement.models import (
        Answer,
        CheckIn,
        Consent,
        Indicator,
        Organisation,
        Person,
        Programme,
    )
    from mscos.outcomes.models import Domain, LongListOutcome

    rng = random.Random(seed)
    started = time.perf_counter()
    locale = Locale.get_default()
    domain = Domain.objects.create(name="Bench domain")
    questions = []
    for n in range(OUTCOMES):
        outcome = LongListOutcome.objects.create(domain=domain, name=f"Bench outcome {n}")
        questions.append(
            Indicator.objects.create(
                outcome=outcome,
                locale=locale,
                text=f"Bench question {n}",
                point_1="1",
                point_2="2",
                point_3="3",
                point_4="4",
                point_5="5",
            )
        )
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Bench {n}", slug=f"bench-{n}", shares_pooled_statistics=True)
        for n in range(ORGANISATIONS)
    )
    kinds = list(Programme.Kind.values)
    programmes = Programme.objects.bulk_create(
        Programme(organisation=org, name=kind, kind=kind) for org in organisations for kind in kinds
    )
    by_org = {}
    for programme in programmes:
        by_org.setdefault(programme.organisation_id, []).append(programme)
    now = timezone.now()
    answers = 0
    for start in range(0, people, BATCH):
        size = min(BATCH, people - start)
        with transaction.atomic():
            batch = []
            for n in range(start, start + size):
                org = organisations[int(rng.paretovariate(1.2)) % ORGANISATIONS]
                batch.append(
                    Person(
                        organisation=org,
                        case_code=f"B{n:07d}",
                        programme=rng.choice(by_org[org.pk]),
                    )
                )
            persons = Person.objects.bulk_create(batch, batch_size=5_000)
            consents, check_ins = [], []
            for person in persons:
                consents.append(
                    Consent(person=person, use="record", text_version="b", given_at=now)
                )
                roll = rng.random()
                if roll < 0.95:
                    consents.append(
                        Consent(
                            person=person,
                            use="pooled",
                            text_version="b",
                            given_at=now,
                            withdrawn_at=now if roll >= 0.90 else None,
                        )
                    )
                baseline = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(700))
                check_ins.append(CheckIn(person=person, date=baseline, kind="baseline"))
                if rng.random() < 0.43:
                    later = baseline + datetime.timedelta(days=rng.randrange(30, 300))
                    check_ins.append(CheckIn(person=person, date=later, kind="review"))
            Consent.objects.bulk_create(consents, batch_size=5_000)
            check_ins = CheckIn.objects.bulk_create(check_ins, batch_size=5_000)
            rows = [
                Answer(
                    check_in=check_in,
                    indicator=question,
                    survivor_answer=str(rng.randint(1, 5)),
                    practitioner_answer=str(rng.randint(1, 5)),
                )
                for check_in in check_ins
                for question in questions
            ]
            Answer.objects.bulk_create(rows, batch_size=10_000)
            answers += len(rows)
    return {
        "people": people,
        "answers": answers,
        "seconds": round(time.perf_counter() - started, 1),
    }


def generate_postgres(people: int) -> dict:
    """The same data as `generate`, made by PostgreSQL itself (generate_series): minutes, not
    an hour, on a busy machine. Organisations, programmes and questions come from the ORM."""
    from django.db import connection

    from mscos.measurement.models import Indicator, Organisation, Programme

    started = time.perf_counter()
    generate(0)  # organisations, programmes and the questions, no people
    orgs = sorted(
        Organisation.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)
    )
    programmes = {}
    for pk, org in Programme.objects.filter(organisation_id__in=orgs).values_list(
        "pk", "organisation_id"
    ):
        programmes.setdefault(org, []).append(pk)
    kinds = len(Programme.Kind.values)
    questions = list(
        Indicator.objects.filter(text__startswith="Bench question").values_list("pk", flat=True)
    )
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bench_programme (n int, org bigint, programme bigint)")
        cursor.executemany(
            "INSERT INTO bench_programme VALUES (%s, %s, %s)",
            [
                (index * kinds + k, org, programme)
                for index, org in enumerate(orgs)
                for k, programme in enumerate(sorted(programmes[org]))
            ],
        )
        # Organisations of very different sizes: the square of a uniform number picks small ones
        # more often; the programme is one of the organisation's seven.
        cursor.execute(
            """
            INSERT INTO measurement_person
                (organisation_id, case_code, age_band, gender, nationality, programme_id,
                 created_at)
            SELECT b.org, 'B' || lpad(g::text, 7, '0'), '', '', '', b.programme, now()
            FROM generate_series(1, %s) AS g
            JOIN LATERAL (
                SELECT floor(power(random(), 2) * %s)::int * %s + floor(random() * %s)::int AS n
                WHERE g > 0
            ) AS pick ON true
            JOIN bench_programme AS b ON b.n = pick.n
            """,
            [people, len(orgs), kinds, kinds],
        )
        cursor.execute(
            """
            INSERT INTO measurement_consent (person_id, use, text_version, given_at)
            SELECT id, 'record', 'b', now() FROM measurement_person WHERE case_code LIKE 'B%%'
            """
        )
        cursor.execute(
            """
            INSERT INTO measurement_consent (person_id, use, text_version, given_at, withdrawn_at)
            SELECT id, 'pooled', 'b', now(), CASE WHEN r >= 0.90 THEN now() END
            FROM (SELECT id, random() AS r FROM measurement_person
                  WHERE case_code LIKE 'B%%') AS p
            WHERE r < 0.95
            """
        )
        cursor.execute(
            """
            INSERT INTO measurement_checkin (person_id, date, kind, created_at, updated_at, version)
            SELECT id, date '2025-01-01' + floor(random() * 700)::int, 'baseline', now(), now(), 1
            FROM measurement_person WHERE case_code LIKE 'B%%'
            """
        )
        cursor.execute(
            """
            INSERT INTO measurement_checkin (person_id, date, kind, created_at, updated_at, version)
            SELECT person_id, date + 30 + floor(random() * 270)::int, 'review', now(), now(), 1
            FROM measurement_checkin WHERE kind = 'baseline' AND random() < 0.43
            """
        )
        cursor.execute(
            """
            INSERT INTO measurement_answer
                (check_in_id, indicator_id, survivor_answer, practitioner_answer)
            SELECT c.id, q,
                (1 + floor(random() * 5))::int::text, (1 + floor(random() * 5))::int::text
            FROM measurement_checkin AS c CROSS JOIN unnest(%s::bigint[]) AS q
            """,
            [questions],
        )
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM measurement_answer")
        answers = cursor.fetchone()[0]
    return {
        "people": people,
        "answers": answers,
        "seconds": round(time.perf_counter() - started, 1),
    }


def busy_night(people: int, *, seed: int = 22) -> None:
    """1% more people (through the generator) and 0.5% of pooled consents withdrawn."""
    from django.utils import timezone

    from mscos.measurement.models import Consent

    rng = random.Random(seed)
    live = list(
        Consent.objects.filter(use="pooled", withdrawn_at__isnull=True).values_list("pk", flat=True)
    )
    withdrawn = rng.sample(live, len(live) // 200)
    Consent.objects.filter(pk__in=withdrawn).update(withdrawn_at=timezone.now())
    from mscos.measurement.models import Person

    _extra(people // 100, Person.objects.count(), rng)


def _extra(count: int, offset: int, rng: random.Random) -> None:
    from django.db import transaction
    from django.utils import timezone

    from mscos.measurement.models import (
        Answer,
        CheckIn,
        Consent,
        Indicator,
        Organisation,
        Person,
        Programme,
    )

    questions = list(Indicator.objects.filter(text__startswith="Bench question"))
    organisations = list(Organisation.objects.filter(slug__startswith="bench-"))
    programmes = {}
    for programme in Programme.objects.filter(organisation__in=organisations):
        programmes.setdefault(programme.organisation_id, []).append(programme)
    now = timezone.now()
    with transaction.atomic():
        persons = Person.objects.bulk_create(
            Person(
                organisation=(org := rng.choice(organisations)),
                case_code=f"B{offset + n:07d}",
                programme=rng.choice(programmes[org.pk]),
            )
            for n in range(count)
        )
        Consent.objects.bulk_create(
            Consent(person=p, use=use, text_version="b", given_at=now)
            for p in persons
            for use in ("record", "pooled")
        )
        check_ins = CheckIn.objects.bulk_create(
            CheckIn(person=p, date=datetime.date(2026, 10, 1), kind="baseline") for p in persons
        )
        Answer.objects.bulk_create(
            Answer(
                check_in=c,
                indicator=q,
                survivor_answer=str(rng.randint(1, 5)),
                practitioner_answer=str(rng.randint(1, 5)),
            )
            for c in check_ins
            for q in questions
        )


def timed_refresh() -> dict:
    from mscos.evidence import services

    started = time.perf_counter()
    refresh = services.refresh_pooled_evidence()
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "released": refresh.cells_released,
        "hidden": refresh.cells_hidden,
        "kept": refresh.cells_kept,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument(
        "--refresh-only", action="store_true", help="time a quiet refresh of data already there"
    )
    args = parser.parse_args()
    setup(args.database_url)
    load_before = os.getloadavg()
    if args.refresh_only:
        print("quiet", timed_refresh())
        print(f"load average before {load_before}, after {os.getloadavg()}")
        return
    postgres = args.database_url.startswith("postgres")
    data = generate_postgres(args.people) if postgres else generate(args.people)
    print(
        f"generated {data['people']:,} people, {data['answers']:,} answers in {data['seconds']} s"
    )
    runs = {}
    for name in ("first", "quiet"):
        runs[name] = timed_refresh()
        print(name, runs[name], flush=True)
    busy_night(args.people)
    runs["busy"] = timed_refresh()
    print("busy", runs["busy"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory {peak:,.0f} MiB; load average before {load_before}, after {os.getloadavg()}"
    )


if __name__ == "__main__":
    main()
