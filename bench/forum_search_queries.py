"""Times forum searches in-process against an existing database (no web server), 7 runs each.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> \
        .venv/bin/python bench/forum_search_queries.py

Fill the database first with bench/generate.py (see bench/README.md); the full benchmark
(bench/run.py) measures the same searches through gunicorn under load.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mscos.settings.dev")

import django

django.setup()

from mscos.forum import search  # noqa: E402

WORDS = ["housing", "group5001", "interpreters booked", "nonexistentword", "recovery"]

for word in WORDS:
    timings = []
    for _ in range(7):
        started = time.perf_counter()
        results = search.search_posts(word, None)
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"{word!r}: {len(results)} results, median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms"
    )
