#!/usr/bin/env bash
# The tool's main job, offline: builds xmpp-onboard, starts a local demo Prosody on 127.0.0.1 (with its own
# test CA), registers a new account on it in-band — generated username and strong password, saved to a 0600
# file — and then logs in with it to show how the connection is secured. The server is stopped at the end.
# Extra arguments go to `register` (for example --lang bg, --json, --verbose).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --static-swift-stdlib --product xmpp-onboard >&2
tool="$PWD/.build/release/xmpp-onboard"

work="$(mktemp -d /tmp/xmpp-onboard-demo.XXXXXX)"
cleanup() {
  if [ -f "$work/env" ]; then . "$work/env"; kill "$DEMO_PID" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
scripts/demo-server.sh "$work"
. "$work/env"
connection=(--host "127.0.0.1:$DEMO_PORT" --ca-file "$DEMO_CA")
echo "Demo server: $DEMO_DOMAIN on 127.0.0.1:$DEMO_PORT (STARTTLS) and :$DEMO_TLS_PORT (Direct TLS)" >&2
echo "\$ xmpp-onboard register $DEMO_DOMAIN --generate-password --save account.txt" >&2
"$tool" register "$DEMO_DOMAIN" "${connection[@]}" --generate-password --save "$work/account.txt" "$@"
jid="$(sed -n 1p "$work/account.txt")"
echo >&2
echo "\$ xmpp-onboard account verify $jid --password-stdin" >&2
sed -n 2p "$work/account.txt" | "$tool" account verify "$jid" "${connection[@]}" --password-stdin
