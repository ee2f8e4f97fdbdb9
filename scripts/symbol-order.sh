#!/usr/bin/env bash
# Regenerates Linker/symbol-order.txt, the function order lld uses for the release binary (Package.swift
# `releaseLinking`): builds the release binary, runs representative commands under valgrind's callgrind against
# a throwaway local Prosody, and lists the functions they ran. Run it after larger code changes; a stale file
# only costs memory (docs/benchmarks.md, "Notes on peak memory").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if ! command -v valgrind >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get install -y -qq --no-install-recommends valgrind >/dev/null
fi
swift build -c release --static-swift-stdlib --product xmpp-onboard >&2
binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/xmpp-onboard"
python3 Linker/profile.py "$binary" Linker/symbol-order.txt
# Link again so the binary in .build uses the new order (SwiftPM does not track the order file).
rm -f "$binary"
swift build -c release --static-swift-stdlib --product xmpp-onboard >&2
