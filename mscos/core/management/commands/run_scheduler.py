"""Runs the periodic-job scheduler: enqueues due jobs, sleeps, repeats until told to stop."""

import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

from mscos.core.scheduling import enqueue_due_jobs

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Command(BaseCommand):
    help = "Enqueue periodic jobs when they are due; loops until SIGINT or SIGTERM."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=60.0,
            help="Seconds to wait between passes (default 60).",
        )
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")

    def handle(self, *args, **options):
        interval = options["interval"]
        if interval <= 0:
            raise CommandError(_("--interval must be more than 0 seconds."))
        if options["once"]:
            self.run_pass()
            return
        stop = threading.Event()
        previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
        for number in STOP_SIGNALS:
            signal.signal(number, lambda _number, _frame: stop.set())
        try:
            while not stop.is_set():
                self.run_pass()
                # Waiting on the event rather than sleeping lets a signal end the wait at once.
                stop.wait(interval)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
        self.stdout.write(_("Scheduler stopped."))

    def run_pass(self) -> None:
        # A long-lived process must drop connections the database closed or that grew too old.
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:
                connection.close_if_unusable_or_obsolete()
        for name in enqueue_due_jobs():
            self.stdout.write(_("Enqueued %(name)s") % {"name": name})
