"""Writes Linker/symbol-order.txt: the tool's functions that representative runs execute, for lld's
--symbol-ordering-file (see scripts/symbol-order.sh and Package.swift `releaseLinking`).

Each scenario runs the release binary (a copy without debug sections, which valgrind reads slowly) under
callgrind against a throwaway local Prosody (scripts/demo-server.sh). Every function of the binary that ran
in any scenario is listed once: first those that ran in the most scenarios (start-up, TLS, XML, argument
parsing), then the rarer ones, ties by name so the file is stable. Placing them together means a run maps a
few contiguous megabytes of code instead of touching pages all over the 13 MB text.

Usage: python3 Linker/profile.py TOOL OUTPUT
"""
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTRY = re.compile(r"^(ob|fn|cob|cfn|cfi|fi|fe)=\((\d+)\)(?: (.*))?$")


def functions_run(profile, binary_name):
    """Names of the functions in `binary_name` that a callgrind profile saw run (called or calling)."""
    objects, names, found = {}, {}, set()
    current_object = None
    for line in open(profile, encoding="utf-8", errors="replace"):
        match = ENTRY.match(line.rstrip("\n"))
        if not match:
            continue
        kind, number, name = match.groups()
        if kind in ("ob", "cob"):
            if name:
                objects[number] = name
            if kind == "ob":
                current_object = objects.get(number, "")
        elif kind in ("fn", "cfn"):
            if name:
                names[number] = name
            if kind == "fn" and current_object and os.path.basename(current_object) == binary_name:
                found.add(names[number])
    return found


def scenarios(tool, env, work):
    """(name, argv, stdin) for the runs to profile; each registers its own account."""
    domain, port, tls_port, ca = env["DEMO_DOMAIN"], env["DEMO_PORT"], env["DEMO_TLS_PORT"], env["DEMO_CA"]
    saved = os.path.join(work, "account.txt")
    password = os.path.join(work, "password.txt")
    server = ["--host", f"127.0.0.1:{port}", "--ca-file", ca]
    jid = lambda: open(saved, encoding="utf-8").read().splitlines()[0]  # noqa: E731
    return [
        ("help", [tool, "--help"], None),
        ("providers", [tool, "providers", "list"], None),
        ("recommend", [tool, "providers", "recommend", "--json"], None),
        ("show", [tool, "providers", "show", "conversations.im"], None),
        ("clients", [tool, "clients", "list"], None),
        ("qr", [tool, "qr", "xmpp:alice@example.org?message", "--format", "ascii"], None),
        ("links", [tool, "links", "alice@example.org", "--plain"], None),
        ("guide", [tool, "guide", "omemo"], None),
        ("register", [tool, "register", domain, "--generate-password", "--save", saved, "--force"] + server, None),
        ("register-json", [tool, "register", domain, "--generate-password", "--json", "--direct-tls",
                           "--host", f"127.0.0.1:{tls_port}", "--ca-file", ca], None),
        ("verify", lambda: [tool, "account", "verify", jid(), "--password-file", password, "--json"] + server, None),
        ("password", lambda: [tool, "password", "change", jid(), "--password-file", password,
                              "--generate-password", "--json"] + server, None),
        ("delete", lambda: [tool, "account", "delete", jid(), "--password-stdin", "--yes"] + server, "new"),
    ]


def main():
    tool, output = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="xo-symbol-order-")
    stripped = os.path.join(work, "xmpp-onboard")
    shutil.copy(tool, stripped)
    subprocess.run(["strip", "--strip-debug", stripped], check=True)
    server = os.path.join(work, "server")
    os.mkdir(server)
    subprocess.run([os.path.join(ROOT, "scripts/demo-server.sh"), server], check=True, stdout=subprocess.DEVNULL)
    env = dict(line.split("=", 1) for line in open(os.path.join(server, "env")).read().split())
    counts, new_password = collections.Counter(), None
    try:
        for name, argv, stdin in scenarios(stripped, env, work):
            argv = argv() if callable(argv) else argv
            if name == "verify":
                lines = open(os.path.join(work, "account.txt"), encoding="utf-8").read().splitlines()
                with open(os.path.join(work, "password.txt"), "w", encoding="utf-8") as file:
                    file.write(lines[1] + "\n")
            data = (new_password + "\n").encode() if stdin == "new" and new_password else None
            profile = os.path.join(work, f"callgrind.{name}")
            result = subprocess.run(
                ["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}"] + argv,
                input=data, capture_output=True, timeout=600)
            if result.returncode != 0:
                sys.exit(f"profile: scenario {name} failed ({result.returncode}):\n{result.stderr.decode()[-2000:]}")
            if name == "password":
                new_password = json.loads(result.stdout)["password"]
            found = functions_run(profile, os.path.basename(stripped))
            counts.update(found)
            print(f"profile: {name}: {len(found)} functions", file=sys.stderr)
    finally:
        subprocess.run(["kill", env["DEMO_PID"]], check=False)
    ordered = sorted(counts, key=lambda symbol: (-counts[symbol], symbol))
    with open(output, "w", encoding="utf-8") as file:
        file.write("".join(symbol + "\n" for symbol in ordered))
    print(f"profile: wrote {len(ordered)} symbols to {output}", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
