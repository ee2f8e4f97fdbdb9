"""Benchmark: `xmpp-onboard account verify` vs an equivalent slixmpp login script (issue #2).

Starts a throwaway Prosody (scripts/demo-server.sh), creates an account, then runs both clients alternately
against it over STARTTLS: median of N runs, wall time and peak memory, and their ratios.
Usage: .venv/bin/python Benchmarks/bench_verify.py TOOL [--runs N] [--markdown FILE]
"""
import argparse
import datetime
import os
import platform
import secrets
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import harness  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_env(path):
    values = {}
    with open(path) as handle:
        for line in handle:
            key, _, value = line.strip().partition("=")
            values[key] = value
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tool")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--markdown")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="xo-bench-")
    subprocess.run([os.path.join(ROOT, "scripts/demo-server.sh"), work], check=True)
    env = load_env(os.path.join(work, "env"))
    try:
        password = secrets.token_hex(12)
        jid = f"bench@{env['DEMO_DOMAIN']}"
        subprocess.run(["prosodyctl", "--config", env["DEMO_CONFIG"], "adduser", jid],
                       input=f"{password}\n{password}\n".encode(), check=True, capture_output=True)
        password_file = os.path.join(work, "password")
        with open(password_file, "w") as handle:
            handle.write(password + "\n")
        host = f"127.0.0.1:{env['DEMO_PORT']}"
        candidates = {
            "xmpp-onboard": ([args.tool, "account", "verify", jid, "--host", host, "--ca-file", env["DEMO_CA"],
                              "--password-file", password_file, "--json"], None, None),
            "slixmpp": ([sys.executable, os.path.join(ROOT, "Benchmarks/slixmpp_verify.py"), jid, "--host", "127.0.0.1",
                         "--port", env["DEMO_PORT"], "--ca-file", env["DEMO_CA"], "--password-file", password_file],
                        None, None),
        }
        results = harness.compare(candidates, runs=args.runs)
    finally:
        subprocess.run(["kill", env.get("DEMO_PID", "0")], check=False)
    ours, theirs = results["xmpp-onboard"], results["slixmpp"]
    lines = [
        f"## account verify vs slixmpp login ({datetime.date.today().isoformat()})",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; local Prosody 0.12 over "
        f"STARTTLS on loopback; median of {args.runs} alternating runs after one warm-up each.",
        "",
        "| client | wall time (ms) | peak memory (MiB) |",
        "|---|---|---|",
        f"| xmpp-onboard account verify | {ours[0]*1000:.1f} | {ours[1]/1024:.1f} |",
        f"| slixmpp script | {theirs[0]*1000:.1f} | {theirs[1]/1024:.1f} |",
        f"| **ratio** | **{ours[0]/theirs[0]:.2f}×** | **{ours[1]/theirs[1]:.2f}×** |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        with open(args.markdown, "a") as handle:
            handle.write(text + "\n")


if __name__ == "__main__":
    main()
