"""A small HTTP load generator: N client threads on keep-alive connections, latency per request."""

import argparse
import contextlib
import http.client
import json
import math
import statistics
import sys
import threading
import time

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True, help="e.g. /forums/")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds measured")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds run, not measured")
    parser.add_argument(
        "--max-requests", type=int, default=100_000, help="stop earlier after this many"
    )
    parser.add_argument("--timeout", type=float, default=10.0, help="per request, seconds")
    parser.add_argument(
        "--cookie", default="", help="a Cookie header to send (a signed-in member's session)"
    )
    args = parser.parse_args(argv)
    if args.host not in LOCAL_HOSTS:
        parser.error("the benchmark only talks to this machine (127.0.0.1)")
    if args.clients < 1 or args.duration <= 0 or args.max_requests < args.clients:
        parser.error("need at least one client, a positive duration and a request per client")
    return args


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


class Client(threading.Thread):
    """One simulated visitor: requests the page again as soon as the previous answer is read."""

    def __init__(self, args: argparse.Namespace, start: threading.Barrier, quota: int) -> None:
        super().__init__(daemon=True)
        self.args = args
        self.start_line = start
        self.quota = quota
        self.latencies: list[float] = []
        self.statuses: dict[str, int] = {}
        self.bytes = 0
        self.measure_until = 0.0

    def _fetch(self, connection: http.client.HTTPConnection) -> tuple[str, int]:
        try:
            headers = {"Connection": "keep-alive"}
            if self.args.cookie:
                headers["Cookie"] = self.args.cookie
            connection.request("GET", self.args.path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            # A server that answers "Connection: close" (gunicorn's sync workers do) makes
            # http.client close the socket; the next request then opens a new one by itself.
            return str(response.status), len(body)
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            return type(error).__name__, 0

    def run(self) -> None:
        connection = http.client.HTTPConnection(
            self.args.host, self.args.port, timeout=self.args.timeout
        )
        warm_until = time.monotonic() + self.args.warmup
        for _ in range(self.quota):  # bounded by count as well as by time
            if time.monotonic() >= warm_until:
                break
            self._fetch(connection)
        # A broken barrier leaves measure_until at 0: this client then measures nothing.
        with contextlib.suppress(threading.BrokenBarrierError):
            self.start_line.wait(timeout=self.args.warmup + self.args.timeout + 30)
        for _ in range(self.quota):
            if time.monotonic() >= self.measure_until:
                break
            begin = time.perf_counter()
            status, size = self._fetch(connection)
            if status == "200":  # failures are counted, not timed: a timeout is no latency
                self.latencies.append(time.perf_counter() - begin)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.bytes += size
        connection.close()


def run(args: argparse.Namespace) -> dict:
    quota = args.max_requests // args.clients
    clients: list[Client] = []

    def measurement_starts() -> None:
        # Runs once, when every client has finished warming up.
        until = time.monotonic() + args.duration
        for client in clients:
            client.measure_until = until
        started.append(time.perf_counter())

    started: list[float] = []
    start = threading.Barrier(args.clients, action=measurement_starts)
    clients.extend(Client(args, start, quota) for _ in range(args.clients))
    for client in clients:
        client.start()
    for client in clients:
        client.join(timeout=args.warmup + args.duration + 2 * args.timeout + 60)
    elapsed = time.perf_counter() - started[0] if started else float("nan")
    latencies = sorted(value * 1000 for client in clients for value in client.latencies)
    statuses: dict[str, int] = {}
    for client in clients:
        for status, count in client.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    ok = statuses.get("200", 0)
    return {
        "path": args.path,
        "clients": args.clients,
        "requests": sum(statuses.values()),
        "ok": ok,
        "errors": sum(statuses.values()) - ok,
        "statuses": statuses,
        "seconds": round(elapsed, 3),
        "rps": round(ok / elapsed, 1) if ok else 0.0,
        "median_ms": round(statistics.median(latencies), 2) if latencies else None,
        "p95_ms": round(percentile(latencies, 0.95), 2) if latencies else None,
        "p99_ms": round(percentile(latencies, 0.99), 2) if latencies else None,
        "max_ms": round(latencies[-1], 2) if latencies else None,
        "mean_bytes": round(sum(c.bytes for c in clients) / len(latencies)) if latencies else 0,
        "unfinished_clients": sum(client.is_alive() for client in clients),
    }


def main(argv: list[str] | None = None) -> None:
    result = run(parse_args(argv))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
