#!/usr/bin/env python3
"""Minimal SCRAM-PLUS client that checks the scripted server's SCRAM mode (not a general XMPP client).

Connects with STARTTLS (or --direct-tls) using pyOpenSSL, authenticates with the named SCRAM mechanism and
channel binding (tls-exporter, tls-unique, tls-server-end-point or none), checks the server's `v=` and, when
present, the XEP-0474 `h=` against the advertised mechanisms and channel-binding types. Prints one JSON
object: {"outcome": "success" | "failure" | "error", "detail": …, "h": "match" | "mismatch" | null}.

Usage: scram_plus_client.py --port N --ca-file PEM --domain localhost --username u --password p
           --mechanism SCRAM-SHA-256-PLUS --binding tls-exporter [--direct-tls]
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import re
import secrets
import signal
import socket
import sys

from OpenSSL import SSL, crypto

HEADER = ("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
          "to='{domain}' version='1.0'>")


class Stream:
    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""

    def send(self, text: str) -> None:
        self.sock.sendall(text.encode())

    def read_until(self, pattern: str) -> re.Match:
        regex = re.compile(pattern.encode(), re.DOTALL)
        while True:
            match = regex.search(self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                return match
            data = self.sock.recv(65536)
            if not data:
                raise EOFError(f"closed while waiting for {pattern}")
            self.buffer += data


def tls_wrap(sock, ca_file: str, domain: str):
    context = SSL.Context(SSL.TLS_CLIENT_METHOD)
    context.load_verify_locations(ca_file)
    context.set_verify(SSL.VERIFY_PEER, lambda *args: args[-1])
    connection = SSL.Connection(context, sock)
    connection.set_tlsext_host_name(domain.encode())
    connection.set_connect_state()
    connection.do_handshake()
    return connection


def binding_data(connection, kind: str) -> bytes:
    if kind == "tls-exporter":
        return connection.export_keying_material(b"EXPORTER-Channel-Binding", 32, None)
    if kind == "tls-unique":
        return connection.get_finished()
    if kind == "tls-server-end-point":
        certificate = connection.get_peer_certificate()
        der = crypto.dump_certificate(crypto.FILETYPE_ASN1, certificate)
        name = certificate.to_cryptography().signature_hash_algorithm.name
        return hashlib.new("sha256" if name in ("md5", "sha1") else name, der).digest()
    raise ValueError(kind)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca-file", required=True)
    parser.add_argument("--domain", default="localhost")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--mechanism", required=True)
    parser.add_argument("--binding", default="none")
    parser.add_argument("--direct-tls", action="store_true")
    arguments = parser.parse_args()

    signal.alarm(20)  # bounded: pyOpenSSL needs a blocking socket, so no per-call timeouts
    sock = socket.create_connection(("127.0.0.1", arguments.port), timeout=10)
    sock.settimeout(None)
    if arguments.direct_tls:
        connection = tls_wrap(sock, arguments.ca_file, arguments.domain)
        stream = Stream(connection)
    else:
        stream = Stream(sock)
        stream.send(HEADER.format(domain=arguments.domain))
        stream.read_until(r"<starttls[^>]*>")
        stream.read_until(r"</stream:features>")
        stream.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        stream.read_until(r"<proceed[^>]*/>")
        connection = tls_wrap(sock, arguments.ca_file, arguments.domain)
        stream = Stream(connection)
    stream.send(HEADER.format(domain=arguments.domain))
    features = stream.read_until(r"<stream:features>(.*?)</stream:features>").group(1).decode()
    mechanisms = re.findall(r"<mechanism>([^<]+)</mechanism>", features)
    bindings = re.findall(r"<channel-binding[^>]*type=['\"]([^'\"]+)['\"]", features)

    hash_name = {"SCRAM-SHA-1": "sha1", "SCRAM-SHA-256": "sha256",
                 "SCRAM-SHA-512": "sha512"}[arguments.mechanism.removesuffix("-PLUS")]
    plus = arguments.mechanism.endswith("-PLUS")
    gs2 = f"p={arguments.binding},," if plus else "n,,"
    client_nonce = base64.b64encode(secrets.token_bytes(18)).decode()
    bare = f"n={arguments.username},r={client_nonce}"
    stream.send(f"<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='{arguments.mechanism}'>"
                f"{base64.b64encode((gs2 + bare).encode()).decode()}</auth>")
    reply = stream.read_until(r"<(challenge|failure)[^>]*>(.*?)</\1>")
    if reply.group(1) == b"failure":
        print(json.dumps({"outcome": "failure", "detail": reply.group(2).decode()}))
        return 1
    server_first = base64.b64decode(reply.group(2)).decode()
    attributes = dict(item.split("=", 1) for item in server_first.split(","))
    h_state = None
    if "h" in attributes:
        text = b"\x1e".join(sorted(m.encode() for m in mechanisms))
        if bindings:
            text += b"\x1f" + b"\x1e".join(sorted(b.encode() for b in bindings))
        expected = base64.b64encode(hashlib.new(hash_name, text).digest()).decode()
        h_state = "match" if expected == attributes["h"] else "mismatch"
    cbind = gs2.encode() + (binding_data(connection, arguments.binding) if plus else b"")
    without_proof = f"c={base64.b64encode(cbind).decode()},r={attributes['r']}"
    salted = hashlib.pbkdf2_hmac(hash_name, arguments.password.encode(), base64.b64decode(attributes["s"]),
                                 int(attributes["i"]))
    auth_message = f"{bare},{server_first},{without_proof}".encode()
    client_key = hmac.new(salted, b"Client Key", hash_name).digest()
    signature = hmac.new(hashlib.new(hash_name, client_key).digest(), auth_message, hash_name).digest()
    proof = base64.b64encode(bytes(a ^ b for a, b in zip(client_key, signature))).decode()
    stream.send(f"<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                f"{base64.b64encode(f'{without_proof},p={proof}'.encode()).decode()}</response>")
    reply = stream.read_until(r"<(success|failure)[^>]*?(?:/>|>(.*?)</\1>)")
    if reply.group(1) == b"failure":
        print(json.dumps({"outcome": "failure", "detail": (reply.group(2) or b"").decode(), "h": h_state}))
        return 1
    server_key = hmac.new(salted, b"Server Key", hash_name).digest()
    expected_v = "v=" + base64.b64encode(hmac.new(server_key, auth_message, hash_name).digest()).decode()
    final = base64.b64decode(reply.group(2) or b"").decode()
    outcome = "success" if final == expected_v else "error"
    print(json.dumps({"outcome": outcome, "detail": final, "h": h_state,
                      "tls_version": connection.get_protocol_version_name()}))
    return 0 if outcome == "success" else 1


if __name__ == "__main__":
    sys.exit(main())
