#!/usr/bin/env bash
# Benchmark: `xmpp-onboard register` vs a slixmpp registration script on the same local Prosody (issue #3):
# wall time, peak memory, and round trips through a 25 ms-per-direction delay proxy. Builds the release binary
# with the Swift runtime linked statically (what we ship); writes its section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --static-swift-stdlib --product xmpp-onboard >&2
.venv/bin/python Benchmarks/bench_register.py .build/release/xmpp-onboard --runs "${RUNS:-7}" --markdown docs/benchmarks.md
