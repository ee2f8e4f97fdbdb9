"""Benchmark: `xmpp-onboard register` vs a slixmpp registration script on the same local Prosody (issue #3).

Starts a throwaway Prosody (scripts/demo-server.sh). Each run registers a new account and proves it with a
login on the same stream. Reports the median wall time and peak memory of both (alternating runs) and their
ratios, then the round trips each needs, measured through a loopback TCP proxy that delays every chunk by
25 ms each way (Benchmarks/delay_proxy.py): round trips ≈ (wall through the proxy − wall direct) / 50 ms,
over STARTTLS and Direct TLS.
Usage: .venv/bin/python Benchmarks/bench_register.py TOOL [--runs N] [--markdown FILE]
"""
import argparse
import datetime
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import bench_verify  # noqa: E402
import harness  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DELAY = 0.025


def load_env(path):
    values = {}
    with open(path) as handle:
        for line in handle:
            key, _, value = line.strip().partition("=")
            values[key] = value
    return values


class Candidates:
    """Command lines that register a fresh account each time they are built."""

    def __init__(self, tool, env):
        self.tool = tool
        self.env = env

    def ours(self, port, direct_tls=False):
        argv = [self.tool, "register", self.env["DEMO_DOMAIN"], "--generate-password", "--json",
                "--host", f"127.0.0.1:{port}", "--ca-file", self.env["DEMO_CA"]]
        return (argv + (["--direct-tls"] if direct_tls else [])), None, None

    def slixmpp(self, port, direct_tls=False):
        jid = f"sx{secrets.token_hex(5)}@{self.env['DEMO_DOMAIN']}"
        argv = [sys.executable, os.path.join(ROOT, "Benchmarks/slixmpp_register.py"), jid, "--host", "127.0.0.1",
                "--port", str(port), "--ca-file", self.env["DEMO_CA"], "--password-stdin"]
        return (argv + (["--direct-tls"] if direct_tls else [])), None, secrets.token_hex(12).encode() + b"\n"


def median_wall(make, runs):
    walls = []
    for _ in range(runs):
        argv, env, stdin = make()
        wall, _, _ = harness.run_once(argv, env, stdin)
        walls.append(wall)
    return statistics.median(walls)


def start_proxy(upstream):
    proxy = subprocess.Popen([sys.executable, os.path.join(ROOT, "Benchmarks/delay_proxy.py"), str(upstream),
                              "--delay", str(DELAY)], stdout=subprocess.PIPE, text=True)
    return proxy, int(proxy.stdout.readline())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tool")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--markdown")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="xo-bench-register-")
    subprocess.run([os.path.join(ROOT, "scripts/demo-server.sh"), work], check=True)
    env = load_env(os.path.join(work, "env"))
    make = Candidates(args.tool, env)
    port, tls_port = int(env["DEMO_PORT"]), int(env["DEMO_TLS_PORT"])
    proxies = []
    try:
        # Whole-process comparison: fresh Candidates argv per run (a new account each time).
        results = {"xmpp-onboard": ([], []), "slixmpp": ([], [])}
        for index in range(args.runs + 1):
            for name, build in (("xmpp-onboard", make.ours), ("slixmpp", make.slixmpp)):
                argv, run_env, stdin = build(port)
                wall, rss, _ = harness.run_once(argv, run_env, stdin)
                if index > 0:  # the first round is the warm-up
                    results[name][0].append(wall)
                    results[name][1].append(rss)
        ours = (statistics.median(results["xmpp-onboard"][0]), statistics.median(results["xmpp-onboard"][1]))
        theirs = (statistics.median(results["slixmpp"][0]), statistics.median(results["slixmpp"][1]))
        # Private memory, in separate untimed runs (sampling costs CPU).
        anonymous = {"xmpp-onboard": [], "slixmpp": []}
        for _ in range(args.runs):
            for name, build in (("xmpp-onboard", make.ours), ("slixmpp", make.slixmpp)):
                anonymous[name].append(harness.peak_anonymous(*build(port)))
        anonymous = {name: statistics.median(values) for name, values in anonymous.items()}

        proxy, proxy_port = start_proxy(port)
        proxies.append(proxy)
        tls_proxy, tls_proxy_port = start_proxy(tls_port)
        proxies.append(tls_proxy)
        trips = {}
        for label, build, direct_port, delayed_port, direct_tls in (
            ("xmpp-onboard, STARTTLS", make.ours, port, proxy_port, False),
            ("xmpp-onboard, Direct TLS", make.ours, tls_port, tls_proxy_port, True),
            ("slixmpp, STARTTLS", make.slixmpp, port, proxy_port, False),
            ("slixmpp, Direct TLS", make.slixmpp, tls_port, tls_proxy_port, True),
        ):
            direct = median_wall(lambda: build(direct_port, direct_tls), args.runs)
            delayed = median_wall(lambda: build(delayed_port, direct_tls), args.runs)
            trips[label] = (direct, delayed, (delayed - direct) / (2 * DELAY))
    finally:
        for proxy in proxies:
            proxy.kill()
        subprocess.run(["kill", env.get("DEMO_PID", "0")], check=False)

    lines = [
        "## register vs slixmpp registration (scripts/bench-register.sh)",
        "",
        f"Date: {datetime.date.today().isoformat()}. Targets (issue #3): ≤ 0.25× slixmpp's wall time, ≤ 0.5× its peak "
        "memory; ≤ 8 round trips over STARTTLS and ≤ 6 over Direct TLS (registration plus the proving login).",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, load "
        f"{os.getloadavg()[0]:.2f}; release build with the Swift runtime linked statically; local Prosody 0.12 on "
        f"loopback; each run registers a new account and logs in with it on the same stream; median of "
        f"{args.runs} alternating runs after one warm-up each.",
        "",
        "| client | wall time (ms) | peak memory (MiB) |",
        "|---|---|---|",
        f"| xmpp-onboard register (STARTTLS) | {ours[0]*1000:.1f} | {ours[1]/1024:.1f} |",
        f"| slixmpp registration script (STARTTLS) | {theirs[0]*1000:.1f} | {theirs[1]/1024:.1f} |",
        f"| **ratio** (target ≤ 0.25× wall, ≤ 0.5× memory) | **{ours[0]/theirs[0]:.2f}×** | **{ours[1]/theirs[1]:.2f}×** |",
        "",
        "Peak memory above is ru_maxrss: every resident page, code mapped from the binary and shared libraries "
        "included. The memory each process owns (RssAnon: heap, stacks, written data; sampled every 0.5 ms in "
        f"{args.runs} further runs each, median of the peaks): xmpp-onboard {anonymous['xmpp-onboard']/1024:.1f} MiB, "
        f"slixmpp {anonymous['slixmpp']/1024:.1f} MiB, **{anonymous['xmpp-onboard']/anonymous['slixmpp']:.2f}×**.",
        "",
        f"Round trips through a loopback proxy delaying every chunk {DELAY*1000:.0f} ms each way "
        f"(≈ (wall via proxy − wall direct) / {2*DELAY*1000:.0f} ms); targets ≤ 8 over STARTTLS, ≤ 6 over Direct TLS:",
        "",
        "| client, transport | wall direct (ms) | wall via proxy (ms) | round trips |",
        "|---|---|---|---|",
    ]
    for label, (direct, delayed, count) in trips.items():
        lines.append(f"| {label} | {direct*1000:.1f} | {delayed*1000:.1f} | {count:.1f} |")
    lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        bench_verify.replace_section(args.markdown, text)


if __name__ == "__main__":
    main()
