"""The benchmark behind scripts/bench.

Starts the server (a release build, unless --smoke) and a bare axum handler,
measures the machine's ceilings in the same run, then loads the server:

- closed loop (wrk, bench/wrk/*.lua): getHealth and getCurrentUser against
  the bare handler; loginUser and registerUser against the argon2id hash
  rate times the cores; refreshToken against the store's committed-write
  rate;
- open loop (loadtest, bench/mix.mjs): the seed workload, sign-in 100/s,
  registration 10/s and refresh 50/s together, and the largest fraction of
  it the machine sustains with p99 under 500 ms and no errors;

sampling the server's resident memory throughout. Writes report.md,
results.json and latency.svg to the output directory. Every figure is a
measurement of this run; nothing is compared with a fixed number except the
goals the report lists.
"""

import argparse
import concurrent.futures
import http.client
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSWORD = "correct horse battery staple"
SEED_MIX = {"signIn": 100.0, "register": 10.0, "refresh": 50.0}
# Operations of the mix that hash a password once each.
HASHING = ("signIn", "register")
P99_LIMIT_MS = 500.0
MIB = 1024 * 1024


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(port, path, process, log):
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"bench: {log} exited before answering:\n{Path(log).read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"bench: nothing answered on port {port}")


class Client:
    """Requests on one kept-alive connection, for setting up accounts."""

    def __init__(self, port):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None, token=None):
        headers = {"content-type": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        payload = json.dumps(body) if body is not None else None
        try:
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
        data = response.read()
        return response.status, json.loads(data) if data else None


def in_parallel(port, items, work, workers=8):
    local = threading.local()

    def run(item):
        if not hasattr(local, "client"):
            local.client = Client(port)
        return work(local.client, item)

    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(run, items))


def register(client, email):
    status, body = client.call("POST", "/auth/register", {"email": email, "password": PASSWORD, "name": "Bench Mark"})
    if status != 201:
        raise SystemExit(f"bench: registering {email} answered {status}: {body}")
    return email


def sign_in(client, email):
    status, body = client.call("POST", "/auth/login", {"email": email, "password": PASSWORD})
    if status != 200:
        raise SystemExit(f"bench: signing in {email} answered {status}: {body}")
    return body


class Memory:
    """Samples a process's resident memory every 50 ms."""

    def __init__(self, pid):
        self.pid = pid
        self.peak_kib = 0
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def status(self, field):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def sample(self):
        while not self.stopped.is_set():
            try:
                rss = self.status("VmRSS")
            except OSError:
                return
            with self.lock:
                self.peak_kib = max(self.peak_kib, rss)
            time.sleep(0.05)

    def take_peak(self):
        """The highest resident memory since the last call, in KiB."""
        with self.lock:
            peak, self.peak_kib = self.peak_kib, self.status("VmRSS")
        return peak

    def settled(self, seconds):
        """Resident memory after `seconds` without load, in KiB."""
        time.sleep(seconds)
        return self.status("VmRSS")

    def high_water(self):
        return self.status("VmHWM")


class Bench:
    def __init__(self, args):
        self.args = args
        self.smoke = args.smoke
        self.out = Path(args.out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.scratch = Path(tempfile.mkdtemp(prefix="auth-bench."))
        self.processes = []
        self.results = {"mode": "smoke" if self.smoke else "full", "cores": os.cpu_count(), "phases": []}
        self.phase_seconds = 1 if self.smoke else args.seconds

    # -- processes ---------------------------------------------------------

    def start(self, name, command, env=None):
        log = self.out / f"{name}.log"
        process = subprocess.Popen(
            command, stdout=open(log, "w"), stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        self.processes.append(process)
        return process, log

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def start_servers(self):
        self.bare_port = free_port()
        bare, log = self.start("baseline", [self.args.baseline, "serve", str(self.bare_port)])
        wait_until_answering(self.bare_port, "/", bare, log)
        self.port = free_port()
        settings = {
            "AUTH_SERVER__PORT": str(self.port),
            "AUTH_STORAGE__DATA_DIR": str(self.scratch / "data"),
            # Per-address limits off: every request comes from 127.0.0.1.
            "AUTH_SERVER__RATE_LIMIT_PER_SECOND": "0",
            "AUTH_LOGIN__MAX_FAILURES_PER_IP": "1000000000",
            "AUTH_LOG__LEVEL": self.args.log_level,
            "AUTH_LOG__FORMAT": "json",
        }
        server, log = self.start("server", [self.args.server], settings)
        self.server = server
        wait_until_answering(self.port, "/health", server, log)
        self.memory = Memory(server.pid)
        self.results["idle_rss_mib"] = self.memory.status("VmRSS") / 1024

    # -- ceilings of the machine ---------------------------------------------

    def baseline(self, *arguments):
        output = subprocess.run([self.args.baseline, *map(str, arguments)], check=True, capture_output=True, text=True)
        return json.loads(output.stdout)

    def measure_ceilings(self):
        self.sample_hash_rate("start")
        commit_rate = self.baseline("commit-rate", 0.25 if self.smoke else 3, self.scratch / "commit")["per_second"]
        self.results["ceilings"]["commit_rate"] = commit_rate

    def sample_hash_rate(self, when):
        """One core's argon2id rate, measured at several points of the run
        (the machine's speed drifts); the bound is their mean × cores."""
        rate = self.baseline("hash-rate", 0.5 if self.smoke else 4)["per_second"]
        ceilings = self.results.setdefault("ceilings", {"hash_rate_samples": []})
        ceilings["hash_rate_samples"].append({"when": when, "per_second": rate})
        mean = statistics.mean(sample["per_second"] for sample in ceilings["hash_rate_samples"])
        ceilings["hash_rate_per_core"] = mean
        ceilings["hash_bound"] = mean * os.cpu_count()

    # -- closed loop -----------------------------------------------------------

    def wrk(self, name, path, script, threads, connections, *script_args, port=None):
        url = f"http://127.0.0.1:{port or self.port}{path}"
        command = [
            "wrk", f"-t{threads}", f"-c{connections}", f"-d{self.phase_seconds}s", "--timeout", "30s",
            "-s", str(HERE / "wrk" / script), url,
        ]
        if script_args:
            command += ["--", *map(str, script_args)]
        self.memory.take_peak()
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        errors = sum(figures["errors"].values())
        phase = {
            "name": name,
            "kind": "closed",
            "connections": connections,
            "requests": figures["requests"],
            "per_second": figures["requests"] / (figures["duration_us"] / 1e6),
            "errors": errors,
            "latency_ms": {key: value / 1000 for key, value in figures["latency_us"].items()},
            "peak_rss_mib": self.memory.take_peak() / 1024,
            "settled_rss_mib": self.memory.settled(0.2 if self.smoke else 2) / 1024,
        }
        self.results["phases"].append(phase)
        print(f"  {name}: {phase['per_second']:.0f}/s, p99 {phase['latency_ms']['p99']:.1f} ms, {errors} errors",
              flush=True)
        return phase

    def closed_loop(self, accounts):
        self.wrk("bare axum handler", "/", "get.lua", 2, 50, port=self.bare_port)
        self.wrk("getHealth", "/health", "get.lua", 2, 50)
        token = sign_in(Client(self.port), accounts[0])["accessToken"]
        self.wrk("getCurrentUser", "/users/me", "get.lua", 2, 50, token)
        accounts_file = self.scratch / "accounts.txt"
        accounts_file.write_text("\n".join(accounts) + "\n")
        for connections in (8, 64):
            self.wrk(f"loginUser ({connections} connections)", "/auth/login", "login.lua", connections, connections,
                     accounts_file, PASSWORD)
        self.wrk("registerUser", "/auth/register", "register.lua", 8, 8, f"closed-{os.getpid()}", PASSWORD)
        self.sample_hash_rate("after the closed-loop sign-ins and registrations")
        tokens = self.refresh_tokens(accounts, 50)
        tokens_file = self.scratch / "tokens.txt"
        tokens_file.write_text("\n".join(tokens) + "\n")
        self.wrk("refreshToken", "/auth/token/refresh", "refresh.lua", 50, 50, tokens_file)

    def refresh_tokens(self, accounts, count):
        signed_in = in_parallel(self.port, [accounts[i % len(accounts)] for i in range(count)], sign_in)
        return [body["refreshToken"] for body in signed_in]

    def enumeration(self, accounts):
        """Median time of a wrong password vs an unknown address, alternated."""
        client = Client(self.port)
        known, unknown = [], []
        for round_ in range(6 if self.smoke else 40):
            # Each wrong password on an account of its own, well within the
            # account's failure limit.
            wrong = accounts[round_ % len(accounts)]
            for samples, email in ((known, wrong), (unknown, f"nobody-{round_}@bench.example")):
                started = time.perf_counter()
                status, _ = client.call("POST", "/auth/login", {"email": email, "password": f"wrong {round_}"})
                samples.append(time.perf_counter() - started)
                if status != 401:
                    raise SystemExit(f"bench: a wrong sign-in answered {status}")
        self.results["enumeration"] = {
            "wrong_password_ms": statistics.median(known) * 1000,
            "unknown_address_ms": statistics.median(unknown) * 1000,
        }

    # -- open loop ---------------------------------------------------------------

    def mix(self, label, fraction, seconds, accounts):
        rates = {name: rate * fraction for name, rate in SEED_MIX.items()}
        tokens = self.refresh_tokens(accounts, max(8, math.ceil(rates["refresh"] * 2)))
        samples = self.out / f"mix-{len(self.results.get('mix', []))}.csv"
        config = {
            "base": f"http://127.0.0.1:{self.port}",
            "seconds": seconds,
            "rates": rates,
            "accounts": accounts,
            "password": PASSWORD,
            "refreshTokens": tokens,
            "registerPrefix": f"mix-{os.getpid()}-{len(self.results.get('mix', []))}",
            "samples": str(samples),
        }
        config_file = self.scratch / "mix.json"
        config_file.write_text(json.dumps(config))
        self.memory.take_peak()
        node = subprocess.run(
            ["node", str(HERE / "mix.mjs"), str(config_file)],
            check=True, capture_output=True, text=True, env={**os.environ, "LOADTEST_MODULES": self.args.node_modules},
        )
        summary = json.loads(node.stdout.strip().splitlines()[-1])
        operations = {}
        rows = [line.split(",") for line in samples.read_text().splitlines()]
        for name, rate in rates.items():
            mine = [(float(start), float(latency), int(status)) for op, start, latency, status in rows if op == name]
            answered = [latency for _, latency, status in mine if status]
            ok = sum(1 for _, _, status in mine if 200 <= status < 300)
            sent = summary["operations"][name]["sent"]
            operations[name] = {
                "target_per_second": rate,
                "achieved_per_second": ok / seconds,
                "sent": sent,
                # Every request sent and not answered with a 2xx: other
                # statuses, no answer, and none recorded at all.
                "errors": sent - ok,
                "latency_ms": percentiles(answered),
            }
        hashed = sum(operations[name]["achieved_per_second"] for name in HASHING)
        run = {
            "label": label,
            "fraction": fraction,
            "seconds": seconds,
            "operations": operations,
            "hashes_per_second": hashed,
            "passes": all(op["errors"] == 0 and op["latency_ms"]["p99"] < P99_LIMIT_MS for op in operations.values()),
            "peak_rss_mib": self.memory.take_peak() / 1024,
            "settled_rss_mib": self.memory.settled(0.2 if self.smoke else 2) / 1024,
            "samples": samples.name,
        }
        self.results.setdefault("mix", []).append(run)
        worst = max(op["latency_ms"]["p99"] for op in operations.values())
        errors = sum(op["errors"] for op in operations.values())
        print(f"  {label}: {fraction:.0%} of the seed mix, worst p99 {worst:.0f} ms, {errors} errors", flush=True)
        return run

    def open_loop(self, accounts):
        if self.smoke:
            self.mix("seed mix (smoke)", 0.1, 3, accounts)
            return
        seconds = self.args.mix_seconds
        self.mix("seed mix", 1.0, seconds, accounts)
        # The mix scaled to 95 %, 90 %, ... of what the hash bound allows,
        # each probed briefly; the first that passes is run again over the
        # full duration and reported as the largest fraction sustained.
        share = self.results["ceilings"]["hash_bound"] / sum(SEED_MIX[name] for name in HASHING)
        for percent in range(95, 0, -5):
            fraction = round(share * percent / 100, 3)
            if self.mix(f"probe at {percent} % of the bound", fraction, self.args.probe_seconds, accounts)["passes"]:
                confirmed = self.mix(f"confirmation at {percent} % of the bound", fraction, seconds, accounts)
                if confirmed["passes"]:
                    return

    # -- all of it -----------------------------------------------------------------

    def run(self):
        try:
            print(f"bench: {'smoke' if self.smoke else 'full'} run; report in {self.out}", flush=True)
            self.start_servers()
            self.measure_ceilings()
            ceilings = self.results["ceilings"]
            print(f"  argon2id: {ceilings['hash_rate_per_core']:.1f} hashes/s per core; "
                  f"store: {ceilings['commit_rate']:.0f} commits/s", flush=True)
            accounts = in_parallel(
                self.port, [f"bench-{i}@bench.example" for i in range(16 if self.smoke else 256)], register
            )
            self.closed_loop(accounts)
            self.enumeration(accounts)
            self.open_loop(accounts)
            self.sample_hash_rate("end")
            self.results["peak_rss_mib"] = self.memory.high_water() / 1024
        finally:
            self.stop_all()
        (self.out / "results.json").write_text(json.dumps(self.results, indent=2) + "\n")
        plot(self.results, self.out)
        (self.out / "report.md").write_text(report(self.results))
        print((self.out / "report.md").read_text())
        return self.results


def percentiles(samples):
    if not samples:
        return {"p50": math.nan, "p95": math.nan, "p99": math.nan, "max": math.nan}
    ordered = sorted(samples)

    def at(p):
        return ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)]

    return {"p50": at(50), "p95": at(95), "p99": at(99), "max": ordered[-1]}


def plot(results, out):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    runs = [run for run in results.get("mix", []) if not run["label"].startswith("probe")]
    figure, axes = pyplot.subplots(len(runs), 1, figsize=(9, 3.2 * len(runs)), squeeze=False)
    for axis, run in zip(axes[:, 0], runs):
        rows = [line.split(",") for line in (out / run["samples"]).read_text().splitlines()]
        for name, color in zip(SEED_MIX, ("tab:blue", "tab:orange", "tab:green")):
            windows = {}
            for op, start, latency, status in rows:
                if op == name and int(status):
                    windows.setdefault(int(float(start) // 1000), []).append(float(latency))
            seconds = sorted(windows)
            axis.plot(seconds, [percentiles(windows[s])["p99"] for s in seconds], color=color, label=f"{name} p99")
            axis.plot(seconds, [percentiles(windows[s])["p50"] for s in seconds], color=color, linestyle=":",
                      label=f"{name} p50")
        axis.axhline(P99_LIMIT_MS, color="grey", linewidth=0.8, linestyle="--")
        axis.set_yscale("log")
        axis.set_title(f"{run['label']}: {run['fraction']:.0%} of the seed mix")
        axis.set_xlabel("second of the run")
        axis.set_ylabel("latency (ms, per second)")
        axis.legend(fontsize=7, ncol=3)
    figure.tight_layout()
    figure.savefig(out / "latency.svg")


def report(results):
    ceilings = results["ceilings"]
    phases = {phase["name"]: phase for phase in results["phases"]}
    bare = phases["bare axum handler"]["per_second"]
    samples = ", ".join(f"{sample['per_second']:.1f}" for sample in ceilings["hash_rate_samples"])
    lines = [
        f"# Benchmark ({results['mode']} run, {results['cores']} cores)",
        "",
        "Every ratio compares figures measured in this run on this machine.",
        "",
    ]
    if results["mode"] == "smoke":
        lines += ["A smoke run: a debug build, seconds per phase. It shows that the benchmark runs; its figures "
                  "mean nothing.", ""]
    lines += [
        "## Ceilings of the machine",
        "",
        "| ceiling | figure |",
        "| --- | --- |",
        f"| argon2id hashes/s, one core (mean of {samples}) | {ceilings['hash_rate_per_core']:.1f} |",
        f"| hash bound (× {results['cores']} cores) | {ceilings['hash_bound']:.1f}/s |",
        f"| store commits/s, one at a time | {ceilings['commit_rate']:.0f} |",
        f"| bare axum JSON handler, 50 connections | {bare:.0f} req/s |",
        "",
        "## Closed loop (wrk)",
        "",
        "| operation | connections | req/s | p50 ms | p99 ms | errors | against | ratio | peak RSS MiB | settled RSS MiB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for phase in results["phases"]:
        name = phase["name"]
        if name in ("getHealth", "getCurrentUser"):
            against, ratio = "bare handler", f"{phase['per_second'] / bare:.0%}"
        elif name.startswith(("loginUser", "registerUser")):
            against, ratio = "hash bound", f"{phase['per_second'] / ceilings['hash_bound']:.0%}"
        elif name == "refreshToken":
            against, ratio = "store commits", f"{phase['per_second'] / ceilings['commit_rate']:.2f}×"
        else:
            against, ratio = "", ""
        lines.append(
            f"| {name} | {phase['connections']} | {phase['per_second']:.0f} | {phase['latency_ms']['p50']:.2f} | "
            f"{phase['latency_ms']['p99']:.2f} | {phase['errors']} | {against} | {ratio} | "
            f"{phase['peak_rss_mib']:.0f} | {phase['settled_rss_mib']:.0f} |"
        )
    enumeration = results["enumeration"]
    lines += [
        "",
        f"Failed sign-in, median: wrong password {enumeration['wrong_password_ms']:.1f} ms, unknown address "
        f"{enumeration['unknown_address_ms']:.1f} ms (ratio "
        f"{enumeration['unknown_address_ms'] / enumeration['wrong_password_ms']:.2f}; 1.00 reveals nothing).",
        "",
        "## Seed workload, open loop (loadtest)",
        "",
        f"Sign-in {SEED_MIX['signIn']:.0f}/s, registration {SEED_MIX['register']:.0f}/s and refresh "
        f"{SEED_MIX['refresh']:.0f}/s together at 100 %; each hashes a password except refresh, so the "
        f"full mix needs {SEED_MIX['signIn'] + SEED_MIX['register']:.0f} hashes/s against a bound of "
        f"{ceilings['hash_bound']:.1f}/s. A run passes with p99 under {P99_LIMIT_MS:.0f} ms and no errors.",
        "",
        "| run | fraction | seconds | operation | target/s | achieved/s | p50 ms | p95 ms | p99 ms | errors | "
        "hashes/s ÷ bound | passes | peak RSS MiB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for run in results.get("mix", []):
        head = [run["label"], f"{run['fraction']:.0%}", f"{run['seconds']:g}"]
        tail = [
            f"{run['hashes_per_second'] / ceilings['hash_bound']:.0%}",
            "yes" if run["passes"] else "no",
            f"{run['peak_rss_mib']:.0f}",
        ]
        for index, (name, op) in enumerate(run["operations"].items()):
            latency = op["latency_ms"]
            cells = (head if index == 0 else ["", "", ""]) + [
                name,
                f"{op['target_per_second']:.1f}",
                f"{op['achieved_per_second']:.1f}",
                f"{latency['p50']:.1f}",
                f"{latency['p95']:.1f}",
                f"{latency['p99']:.1f}",
                str(op["errors"]),
            ] + (tail if index == 0 else ["", "", ""])
            lines.append("| " + " | ".join(cells) + " |")
    sustained = [run for run in results.get("mix", []) if run["passes"] and not run["label"].startswith("probe")]
    best = max(sustained, key=lambda run: run["fraction"], default=None)
    lines += ["", "![latency over time](latency.svg)", ""]
    if results["mode"] != "smoke":
        lines += goals(results, phases, best)
    lines += [f"Idle RSS before the run: {results['idle_rss_mib']:.0f} MiB; peak over the run (VmHWM): "
              f"{results['peak_rss_mib']:.0f} MiB.", ""]
    return "\n".join(lines)


def goals(results, phases, best):
    ceilings = results["ceilings"]
    bare = phases["bare axum handler"]["per_second"]
    lines = ["## Goals", "", "| goal | measured | met |", "| --- | --- | --- |"]
    targets = [
        ("peak RSS through the whole run ≤ 128 MiB", f"{results['peak_rss_mib']:.0f} MiB",
         results["peak_rss_mib"] <= 128),
        ("getCurrentUser ≥ 50 % of the bare handler", f"{phases['getCurrentUser']['per_second'] / bare:.0%}",
         phases["getCurrentUser"]["per_second"] / bare >= 0.5),
    ]
    for name, phase in phases.items():
        if name.startswith("loginUser"):
            share = phase["per_second"] / ceilings["hash_bound"]
            targets.append((f"{name} ≥ 90 % of the hash bound", f"{share:.0%}", share >= 0.9))
    refresh = phases["refreshToken"]["per_second"]
    targets.append(("refreshToken ≥ 5,000/s", f"{refresh:.0f}/s", refresh >= 5000))
    if best:
        share = best["hashes_per_second"] / ceilings["hash_bound"]
        targets.append(("seed mix ≥ 85 % of the hash-bound rate, p99 < 500 ms, 0 errors",
                        f"{best['fraction']:.0%} of the mix = {share:.0%} of the bound", share >= 0.85))
    else:
        targets.append(("seed mix ≥ 85 % of the hash-bound rate, p99 < 500 ms, 0 errors", "no run passed", False))
    for name, measured, met in targets:
        lines.append(f"| {name} | {measured} | {'yes' if met else 'no'} |")
    return lines + [""]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="the auth-server binary")
    parser.add_argument("--baseline", required=True, help="the baseline example binary")
    parser.add_argument("--node-modules", required=True, help="node_modules holding loadtest")
    parser.add_argument("--out", default="reports/bench")
    parser.add_argument("--smoke", action="store_true", help="seconds per phase, to check that it all still runs")
    parser.add_argument("--seconds", type=int, default=10, help="length of each closed-loop phase")
    parser.add_argument("--mix-seconds", type=float, default=60, help="length of a seed mix run")
    parser.add_argument("--probe-seconds", type=float, default=20, help="length of a probe of a fraction of the mix")
    parser.add_argument("--log-level", default="info", help="the server's log.level")
    args = parser.parse_args()
    results = Bench(args).run()
    if args.smoke:
        failed = [phase["name"] for phase in results["phases"] if phase["errors"] or not phase["requests"]]
        failed += [run["label"] for run in results["mix"] if any(op["errors"] for op in run["operations"].values())]
        if failed:
            raise SystemExit(f"bench: errors in {', '.join(failed)}")


if __name__ == "__main__":
    main()
