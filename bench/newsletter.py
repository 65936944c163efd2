"""Newsletter delivery benchmark: one update to 10,000 subscribers through aiosmtpd on loopback.

The worker is the real one (`manage.py db_worker`, the database queue, `mscos.settings.dev`) on a
fresh SQLite database in bench/data/newsletter/. The SMTP server runs in this process and only
counts what it accepts. Reported per run: seconds from starting the worker to the last accepted
message, messages per second over the sending itself, and the worker's peak resident memory
(VmHWM). The figures are medians over --runs runs; the section "newsletter" of bench/RESULTS.md is
replaced.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data" / "newsletter"
RESULTS = BENCH_DIR / "RESULTS.md"
TIME_TARGET_S = 60.0
MEMORY_TARGET_MB = 250.0

SETUP = """
import sys
import django
django.setup()
from django.core.management import call_command
from django.utils import timezone
from mscos.newsletter import services
from mscos.newsletter.models import ConsentText, Subscriber

call_command("migrate", verbosity=0)
consent = ConsentText.objects.get()
now = timezone.now()
Subscriber.objects.bulk_create(
    (Subscriber(email=f"reader{i}@example.org", consent_text=consent, consented_at=now,
                status=Subscriber.ACTIVE) for i in range(int(sys.argv[1]))),
    batch_size=2000,
)
html = "<p>" + "The update, a few paragraphs long. " * 120 + "</p>"
services.mailing_start(page=None, subject="Community update: Week 22", html_body=html,
                       text_body=html, acting_user=None)
"""


class Counter:
    def __init__(self):
        self.count = 0
        self.first = None
        self.last = None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        with self.lock:
            self.count += 1
            self.first = self.first or now
            self.last = now
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else None


def one_run(subscribers: int) -> dict:
    shutil.rmtree(DATA_DIR, ignore_errors=True)
    DATA_DIR.mkdir(parents=True)
    counter = Counter()
    port = free_port()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mscos.settings.dev",
        "DATABASE_URL": f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        "VAR_DIR": str(DATA_DIR),
        "SECRET_KEY": "bench",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "SITE_URL": "http://127.0.0.1:8000",
    }
    env.pop("REDIS_URL", None)
    try:
        subprocess.run(
            [sys.executable, "-c", SETUP, str(subscribers)], cwd=REPO_DIR, env=env, check=True
        )
        started = time.monotonic()
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
            cwd=REPO_DIR,
            env=env,
        )
        peak = 0.0
        while worker.poll() is None:
            peak = max(peak, peak_rss_mb(worker.pid) or 0.0)
            time.sleep(0.1)
        total = (counter.last or time.monotonic()) - started
        sending = (counter.last or 0) - (counter.first or 0)
    finally:
        controller.stop()
    return {
        "delivered": counter.count,
        "total_s": total,
        "rate": counter.count / sending if sending > 0 else 0.0,
        "peak_mb": peak,
        "exit": worker.returncode,
    }


def write_section(text: str) -> None:
    start, end = "<!-- results:newsletter:start -->", "<!-- results:newsletter:end -->"
    current = RESULTS.read_text() if RESULTS.exists() else ""
    block = f"{start}\n{text}\n{end}"
    if start in current:
        current = re.sub(
            re.escape(start) + ".*?" + re.escape(end), lambda _m: block, current, flags=re.S
        )
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(current)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    runs = []
    for number in range(1, args.runs + 1):
        result = one_run(args.subscribers)
        runs.append(result)
        print(
            f"run {number}: {result['delivered']:,} delivered in {result['total_s']:.1f} s, "
            f"{result['rate']:.0f} msg/s, worker peak {result['peak_mb']:.0f} MB",
            flush=True,
        )
    total = statistics.median(r["total_s"] for r in runs)
    rate = statistics.median(r["rate"] for r in runs)
    peak = statistics.median(r["peak_mb"] for r in runs)
    all_delivered = all(r["delivered"] == args.subscribers and r["exit"] == 0 for r in runs)
    verdict_time = "met" if total < TIME_TARGET_S and all_delivered else "MISSED"
    verdict_memory = "met" if peak < MEMORY_TARGET_MB else "MISSED"
    rows = "\n".join(
        f"| {i} | {r['delivered']:,} | {r['total_s']:.1f} | {r['rate']:.0f} | {r['peak_mb']:.0f} |"
        for i, r in enumerate(runs, 1)
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    when = f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC"
    count = f"{args.subscribers:,}"
    memory_target = f"< {MEMORY_TARGET_MB:.0f} MB ({verdict_memory})"
    text = f"""## Newsletter delivery: one update to {args.subscribers:,} subscribers

Command: `make bench-newsletter` (`.venv/bin/python bench/newsletter.py --runs {args.runs}`)

A real worker (`manage.py db_worker --batch`, database queue, `mscos.settings.dev`, SQLite) sends
through aiosmtpd on 127.0.0.1 (in the benchmark process, counting what it accepts) over one
SMTP connection; delivery rows are claimed 200 at a time and each is marked sent as soon as it
is accepted, as in production. Time runs from starting the worker (Django start-up included) to the
last accepted message; msg/s is over the sending itself; memory is the worker's peak
resident memory (VmHWM).

- Date: {when}; `nproc`: {os.cpu_count()}; CPU: {cpu}
- Shared machine: other engineers ran tests at the same time, so figures vary between runs.
- Python {platform.python_version()}; {platform.platform()}

| median of {args.runs} runs | all {count} delivered in | messages/s | worker peak memory |
|---|--:|--:|--:|
| result | {total:.1f} s | {rate:.0f} | {peak:.0f} MB |
| target | < {TIME_TARGET_S:.0f} s ({verdict_time}) | | {memory_target} |

| run | delivered | seconds | msg/s | peak MB |
|--:|--:|--:|--:|--:|
{rows}
"""
    print(text)
    if not args.no_write:
        write_section(text)
    return 0 if verdict_time == "met" and verdict_memory == "met" else 1


if __name__ == "__main__":
    sys.exit(main())
