"""The measurements behind scripts/bench; standard library only."""

import argparse
import http.client
import json
import os
import statistics
import threading
import time
from urllib.parse import urlparse


def request(base, method, path, body=None):
    """One request on a fresh connection; returns (status, seconds)."""
    url = urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    payload = json.dumps(body) if body is not None else None
    headers = {"content-type": "application/json"} if body is not None else {}
    started = time.perf_counter()
    connection.request(method, path, body=payload, headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, elapsed


def login(base, email, password):
    return request(base, "POST", "/auth/login", {"email": email, "password": password})


def median_ms(samples):
    return statistics.median(samples) * 1000


def p95_ms(samples):
    return sorted(samples)[int(len(samples) * 0.95) - 1] * 1000


def unknown_vs_wrong(base, rounds):
    """Alternates the two kinds of failed sign-in so that drift hits both."""
    known, unknown = [], []
    for i in range(rounds):
        status, elapsed = login(base, "bench@example.com", f"wrong password {i}")
        assert status == 401, status
        known.append(elapsed)
        status, elapsed = login(base, f"nobody-{i}@example.com", f"wrong password {i}")
        assert status == 401, status
        unknown.append(elapsed)
    return known, unknown


def health_during_burst(base, seconds, workers):
    """GET /health latencies while `workers` threads sign in back to back."""
    stop = threading.Event()
    logins = []

    def hammer(worker):
        i = 0
        while not stop.is_set():
            status, _ = login(base, "bench@example.com", f"burst {worker} {i}")
            logins.append(status)
            i += 1

    threads = [threading.Thread(target=hammer, args=(w,)) for w in range(workers)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    samples = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, elapsed = request(base, "GET", "/health")
        assert status == 200, status
        samples.append(elapsed)
        time.sleep(0.02)
    stop.set()
    for thread in threads:
        thread.join()
    return samples, len(logins)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--burst-seconds", type=float, default=8.0)
    args = parser.parse_args()
    base = args.base

    status, _ = request(base, "POST", "/auth/register",
                        {"email": "bench@example.com", "password": "benchmark passphrase", "name": "Bench Mark"})
    assert status == 201, status

    known, unknown = unknown_vs_wrong(base, args.rounds)
    idle = [request(base, "GET", "/health")[1] for _ in range(200)]
    workers = 4 * (os.cpu_count() or 1)
    busy, logins = health_during_burst(base, args.burst_seconds, workers)

    print()
    print(f"{'measurement':<52} {'median ms':>10} {'p95 ms':>8}")
    rows = [
        ("sign-in, existing email, wrong password", known),
        ("sign-in, unknown email", unknown),
        ("GET /health, idle", idle),
        (f"GET /health during {workers} concurrent sign-in loops", busy),
    ]
    for name, samples in rows:
        print(f"{name:<52} {median_ms(samples):>10.2f} {p95_ms(samples):>8.2f}")
    print()
    print(f"unknown email / wrong password (median):     {median_ms(unknown) / median_ms(known):.2f}  (1.00 means indistinguishable)")
    print(f"sign-in / GET /health, idle (median):        {median_ms(known) / median_ms(idle):.1f}  (the cost of argon2id)")
    print(f"GET /health busy / idle (median):            {median_ms(busy) / median_ms(idle):.1f}  (small: hashing does not starve the runtime)")
    print(f"sign-ins per second under the burst:         {logins / args.burst_seconds:.1f}")


if __name__ == "__main__":
    main()
