#!/usr/bin/env bash
# Benchmark: `xmpp-onboard account verify` vs an equivalent slixmpp login on the same local Prosody (issue #2).
# Builds the release binary with the Swift runtime linked statically (what we ship) and, for comparison, with
# the shared runtime; writes its section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --static-swift-stdlib --product xmpp-onboard >&2
swift build -c release --product xmpp-onboard --scratch-path .build-dynamic >&2
.venv/bin/python Benchmarks/bench_verify.py .build/release/xmpp-onboard \
  --dynamic-tool .build-dynamic/release/xmpp-onboard --runs "${RUNS:-9}" --markdown docs/benchmarks.md
