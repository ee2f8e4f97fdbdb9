#!/usr/bin/env bash
# Installs what xmpp-onboard needs to build, test and benchmark on Debian 12: system libraries, the real
# XMPP servers used by the integration tests, test tools, and the Python test peers in ./.venv.
# Idempotent: only installs what is missing. Needs root (or sudo) for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  pkg-config libssl-dev libxml2-dev libqrencode-dev libpng-dev libidn2-dev
  libchafa-dev libgdk-pixbuf-2.0-dev libcmark-dev libcurl4-openssl-dev
  openssl ca-certificates prosody ejabberd zbar-tools librsvg2-bin imagemagick fonts-dejavu-core tmux procps
  python3-venv hyperfine
)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  # The server packages start system services on install; the tests never use those, so stop them again.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  for service in prosody ejabberd; do
    if command -v service >/dev/null 2>&1; then $SUDO service "$service" stop >/dev/null 2>&1 || true; fi
  done
fi

# Python peers for tests and benchmarks only (never shipped): slixmpp as an independent client,
# pyOpenSSL for the scripted hostile server (it exposes the TLS exporter for channel binding).
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import slixmpp, OpenSSL' 2>/dev/null; then
  echo "setup: creating .venv with slixmpp and pyOpenSSL" >&2
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check slixmpp pyOpenSSL
fi
