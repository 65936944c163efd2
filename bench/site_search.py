"""Site search speed on the demo data: the whole request (/search/), in-process, median of runs.

    .venv/bin/python bench/site_search.py [--runs 30]

Builds a throw-away SQLite site in a temporary directory (migrate, load_demo, update_index), then
times GET /search/ through Django's test client (every middleware, the view, the templates), for
several queries with and without the outcome filter. Nothing leaves the machine.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = [
    ("(empty form, baseline)", {}),
    ("one word, many hits", {"q": "survivors"}),
    ("two words", {"q": "victim navigator"}),
    ("rare word", {"q": "Romania"}),
    ("no match", {"q": "zebra"}),
    ("with outcome filter", {"q": "police", "outcome": "OUTCOME"}),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    var_dir = tempfile.mkdtemp(prefix="mscos-search-bench-")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "mscos.settings.dev",
            "VAR_DIR": var_dir,
            "SECRET_KEY": "bench",  # a throw-away site: # nosec B105
            "ALLOWED_HOSTS": "testserver",
        }
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from mscos.outcomes.models import OutcomePage

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_demo", stdout=quiet)
    call_command("update_index", stdout=quiet)
    call_command("collectstatic", interactive=False, verbosity=0)  # as make run does
    safety = OutcomePage.objects.get(slug="safety-from-any-trafficker-or-other-abuser")
    client = Client()
    print(f"{args.runs} runs per query, SQLite, in-process; medians and 95th percentiles in ms")
    for label, params in QUERIES:
        params = {k: (str(safety.pk) if v == "OUTCOME" else v) for k, v in params.items()}
        client.get("/search/", params)  # warm: templates compiled, settings cached
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get("/search/", params)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{params}: answered {response.status_code}")
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(f"{label:22} median {statistics.median(timings):6.1f}  p95 {p95:6.1f}")


if __name__ == "__main__":
    main()
