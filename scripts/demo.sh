#!/usr/bin/env bash
# The tool's main job, offline: builds xmpp-onboard, starts a local demo Prosody on 127.0.0.1 with its own
# test CA, creates a demo account and runs `xmpp-onboard account verify` against it. The server is
# stopped when the script ends. (Once the wizard exists, this starts the wizard against the demo server.)
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
password="demo-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n%s\n' "$password" "$password" | prosodyctl --config "$DEMO_CONFIG" adduser "alice@$DEMO_DOMAIN" >/dev/null
printf '%s\n' "$password" > "$work/password"
echo "Demo server: $DEMO_DOMAIN on 127.0.0.1:$DEMO_PORT (STARTTLS) and :$DEMO_TLS_PORT (Direct TLS)" >&2
echo "\$ xmpp-onboard account verify alice@$DEMO_DOMAIN --host 127.0.0.1:$DEMO_PORT --ca-file … --password-file …" >&2
"$tool" account verify "alice@$DEMO_DOMAIN" --host "127.0.0.1:$DEMO_PORT" --ca-file "$DEMO_CA" \
  --password-file "$work/password" "$@"
