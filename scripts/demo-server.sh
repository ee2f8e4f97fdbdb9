#!/usr/bin/env bash
# Starts a throwaway Prosody on 127.0.0.1 for demos and benchmarks, with its own test CA.
# Usage: scripts/demo-server.sh DIR   → writes DIR/env (DEMO_DOMAIN, DEMO_PORT, DEMO_TLS_PORT, DEMO_CA, DEMO_PID)
# Stop it with: kill "$(cat DIR/prosody.pid)"
set -euo pipefail
dir="$(cd "$1" && pwd)"
domain="${DEMO_DOMAIN:-demo.localhost}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port="$(free_port)"; tls_port="$(free_port)"

mkdir -p "$dir/certs" "$dir/data"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=xmpp-onboard demo CA" \
  -keyout "$dir/certs/ca.key" -out "$dir/certs/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=$domain" -keyout "$dir/certs/$domain.key" \
  -out "$dir/certs/$domain.csr" 2>/dev/null
printf 'subjectAltName=DNS:%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$domain" > "$dir/certs/ext.cnf"
openssl x509 -req -in "$dir/certs/$domain.csr" -CA "$dir/certs/ca.pem" -CAkey "$dir/certs/ca.key" \
  -CAcreateserial -days 2 -extfile "$dir/certs/ext.cnf" -out "$dir/certs/$domain.crt" 2>/dev/null
chmod 644 "$dir/certs/"*

cat > "$dir/prosody.cfg.lua" <<CFG
daemonize = false
run_as_root = true
pidfile = "$dir/prosody.pid"
data_path = "$dir/data"
log = { info = "$dir/prosody.log" }
interfaces = { "127.0.0.1" }
c2s_ports = { $port }
c2s_direct_tls_ports = { $tls_port }
s2s_ports = { }
http_ports = { }
https_ports = { }
modules_enabled = { "tls"; "saslauth"; "disco"; "register"; "ping"; "version"; "roster"; "pep"; "blocklist"; "carbons"; "vcard4"; "mam" }
modules_disabled = { "s2s"; "posix" }
c2s_require_encryption = true
authentication = "internal_hashed"
password_hash = "SHA-256"
allow_registration = true
min_seconds_between_registrations = 0
certificates = "$dir/certs"
ssl = { key = "$dir/certs/$domain.key"; certificate = "$dir/certs/$domain.crt" }
VirtualHost "$domain"
CFG

prosody --config "$dir/prosody.cfg.lua" -F >"$dir/prosody.out" 2>&1 &
echo $! > "$dir/prosody.pid.launcher"
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done
cat > "$dir/env" <<ENV
DEMO_DOMAIN=$domain
DEMO_PORT=$port
DEMO_TLS_PORT=$tls_port
DEMO_CA=$dir/certs/ca.pem
DEMO_PID=$(cat "$dir/prosody.pid.launcher")
DEMO_CONFIG=$dir/prosody.cfg.lua
ENV
