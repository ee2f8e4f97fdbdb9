#!/usr/bin/env bash
# Runs every test: unit, integration (real Prosody and ejabberd on loopback) and end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export XMPP_ONBOARD_PYTHON="$PWD/.venv/bin/python"
swift build --build-tests
swift test --skip-build "$@"
