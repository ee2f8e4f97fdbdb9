#!/usr/bin/env bash
# Benchmark: whole-process time of `xmpp-onboard providers list` on the shipped catalogue (target: ≤ 30 ms).
# Builds the release binary as shipped (static Swift runtime), measures with hyperfine (installed from Debian
# if missing), and records the result as a section of docs/benchmarks.md. Not a test: timing depends on the
# machine. Usage: scripts/bench-providers.sh [--no-build] [--no-write]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
write=1
for argument in "$@"; do
  case "$argument" in
    --no-build) build=0 ;;
    --no-write) write=0 ;;
    *) echo "usage: $0 [--no-build] [--no-write]" >&2; exit 64 ;;
  esac
done

if ! command -v hyperfine >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  echo "bench: installing hyperfine" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends hyperfine >/dev/null
fi

if [ "$build" = 1 ]; then
  swift build -c release --static-swift-stdlib --product xmpp-onboard >&2
fi
binary=.build/release/xmpp-onboard
[ -x "$binary" ] || { echo "bench: $binary missing (build first)" >&2; exit 1; }

# A private data home, so an updated user copy cannot change what is measured: the shipped providers.json
# (found through the source tree) is read every time.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" LANG=C
unset XMPP_ONBOARD_DATA_DIR COLUMNS

entries=$("$binary" providers list --json | grep -c '"jid"')
hyperfine --shell=none --warmup 5 --runs 100 --export-json "$scratch/result.json" \
  "$binary providers list" "$binary providers list --json" >&2

read -r median_list median_json mean_list stddev_list <<<"$(python3 - "$scratch/result.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
ms = lambda seconds: f"{seconds * 1000:.1f}"
print(ms(results[0]["median"]), ms(results[1]["median"]), ms(results[0]["mean"]), ms(results[0]["stddev"]))
PY
)"

load=$(cut -d' ' -f1 /proc/loadavg)
machine="$(uname -sm), $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load ${load}"
summary="providers list: median ${median_list} ms (mean ${mean_list} ± ${stddev_list} ms); --json: median ${median_json} ms; ${entries} providers"
echo "bench: $summary" >&2

if [ "$write" = 1 ]; then
  file=docs/benchmarks.md
  [ -f "$file" ] || printf '# Benchmarks\n\nMeasured by the scripts in scripts/; each script owns one section and rewrites it.\n' >"$file"
  section=$(cat <<MD
## providers list (scripts/bench-providers.sh)

Whole-process time of \`xmpp-onboard providers list\` on the shipped catalogue (target: ≤ 30 ms), release build
with \`--static-swift-stdlib\`, hyperfine (5 warm-up runs, 100 runs, no shell).

| Date | Machine | Providers | \`providers list\` median | mean ± σ | \`--json\` median |
|---|---|---|---|---|---|
| $(date -u +%Y-%m-%d) | ${machine} | ${entries} | ${median_list} ms | ${mean_list} ± ${stddev_list} ms | ${median_json} ms |
MD
)
  python3 - "$file" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
pattern = re.compile(r"^## providers list \(scripts/bench-providers\.sh\)\n.*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda _: section + "\n\n", text)
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text.rstrip("\n") + "\n")
PY
  echo "bench: wrote $file" >&2
fi
