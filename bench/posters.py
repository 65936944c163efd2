"""How long the server takes to make an A4 help poster's PDF (mscos/posters/pdf.py), from the
HTML to the finished file, without the cache. The target is under 2 s on one core. Uses the demo
poster "hospitality-a4-english" (run `make demo` first). Run: `make bench`, or
`.venv/bin/python bench/posters.py`.
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

import logging  # noqa: E402

from mscos.posters.models import PosterPage  # noqa: E402
from mscos.posters.pdf import build_pdf  # noqa: E402

TARGET_SECONDS = 2.0
RUNS = 5


def main() -> int:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    poster = PosterPage.objects.filter(slug="hospitality-a4-english").first()
    if poster is None:
        print("No demo poster: run `make demo` first.")
        return 1
    build_pdf(poster)  # the first build loads the fonts and WeasyPrint
    timings = []
    for _run in range(RUNS):
        started = time.perf_counter()
        build_pdf(poster)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(
        f"A4 poster PDF: median {median:.2f} s, slowest {max(timings):.2f} s over {RUNS} builds "
        f"(target {TARGET_SECONDS:.0f} s)"
    )
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
