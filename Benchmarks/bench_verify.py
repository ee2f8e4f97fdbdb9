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
    parser.add_argument("--dynamic-tool", help="the same tool linked against the shared Swift runtime, for comparison")
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
        def verify(tool):
            return ([tool, "account", "verify", jid, "--host", host, "--ca-file", env["DEMO_CA"],
                     "--password-file", password_file, "--json"], None, None)
        candidates = {
            "xmpp-onboard": verify(args.tool),
            "slixmpp": ([sys.executable, os.path.join(ROOT, "Benchmarks/slixmpp_verify.py"), jid, "--host", "127.0.0.1",
                         "--port", env["DEMO_PORT"], "--ca-file", env["DEMO_CA"], "--password-file", password_file],
                        None, None),
        }
        if args.dynamic_tool:
            candidates["xmpp-onboard (shared Swift runtime)"] = verify(args.dynamic_tool)
        results = harness.compare(candidates, runs=args.runs)
    finally:
        subprocess.run(["kill", env.get("DEMO_PID", "0")], check=False)
    ours, theirs = results["xmpp-onboard"], results["slixmpp"]
    lines = [
        "## account verify vs slixmpp login (scripts/bench-verify.sh)",
        "",
        f"Date: {datetime.date.today().isoformat()}. Target (issue #2): ≤ 0.25× slixmpp's wall time.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; local Prosody 0.12 over "
        f"STARTTLS on loopback; median of {args.runs} alternating runs after one warm-up each.",
        "",
        "| client | wall time (ms) | peak memory (MiB) |",
        "|---|---|---|",
        f"| xmpp-onboard account verify (static Swift runtime) | {ours[0]*1000:.1f} | {ours[1]/1024:.1f} |",
        f"| slixmpp script | {theirs[0]*1000:.1f} | {theirs[1]/1024:.1f} |",
        f"| **ratio** | **{ours[0]/theirs[0]:.2f}×** | **{ours[1]/theirs[1]:.2f}×** |",
    ]
    if args.dynamic_tool:
        dyn = results["xmpp-onboard (shared Swift runtime)"]
        lines.insert(-1, f"| xmpp-onboard, shared Swift runtime | {dyn[0]*1000:.1f} | {dyn[1]/1024:.1f} |")
    lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.markdown:
        replace_section(args.markdown, text)


def replace_section(path, section):
    """Rewrites this benchmark's own `## ` section of the Markdown file (appends it the first time)."""
    title = section.splitlines()[0]
    try:
        with open(path) as handle:
            content = handle.read()
    except FileNotFoundError:
        content = "# Benchmarks\n\n"
    start = content.find(title)
    if start >= 0:
        end = content.find("\n## ", start + len(title))
        content = content[:start] + section + ("\n" + content[end + 1:] if end >= 0 else "")
    else:
        content = content.rstrip("\n") + "\n\n" + section
    with open(path, "w") as handle:
        handle.write(content)


if __name__ == "__main__":
    main()
