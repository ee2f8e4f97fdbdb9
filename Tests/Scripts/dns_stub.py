#!/usr/bin/env python3
"""Tiny authoritative DNS server on loopback for SRV tests (standard library only, RFC 1035 wire format).

Usage:
    dns_stub.py --records FILE [--host 127.0.0.1] [--port 0] [--log FILE] [--exit-on-stdin-eof]
    dns_stub.py --query NAME --type SRV --server 127.0.0.1:PORT      (a one-shot client, for self-tests)

Serves UDP and TCP on the same port and prints `{"port": N}` on stdout once listening.

Records file (JSON):
    {
      "records": {
        "_xmpp-client._tcp.example.org": {"SRV": [{"priority": 0, "weight": 5, "port": 5222,
                                                    "target": "xmpp.example.org"}]},
        "_xmpps-client._tcp.example.org": {"SRV": [{"priority": 0, "weight": 0, "port": 0, "target": "."}]},
        "xmpp.example.org": {"A": ["127.0.0.1"], "AAAA": ["::1"]},
        "gone.example.org": {"rcode": "NXDOMAIN"}
      },
      "default_rcode": "NXDOMAIN"          # for names not listed (NXDOMAIN | SERVFAIL | REFUSED | NOERROR)
    }
A listed name without records of the asked type answers NOERROR with no answers (NODATA). Names are
case-insensitive; a trailing dot is optional. Every query is logged as a JSON line {"name", "type", "proto"}.
"""
from __future__ import annotations

import argparse
import ipaddress
import json
import os
import socket
import socketserver
import struct
import sys
import threading

TYPES = {"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33,
         "OPT": 41, "ANY": 255}
TYPE_NAMES = {value: key for key, value in TYPES.items()}
RCODES = {"NOERROR": 0, "FORMERR": 1, "SERVFAIL": 2, "NXDOMAIN": 3, "NOTIMP": 4, "REFUSED": 5}
TTL = 60


def normalize(name: str) -> str:
    return name.rstrip(".").lower()


def encode_name(name: str) -> bytes:
    """Uncompressed wire name; "." (or "") is the root."""
    name = name.rstrip(".")
    if not name:
        return b"\x00"
    out = b""
    for label in name.split("."):
        raw = label.encode("idna") if any(ord(c) > 127 for c in label) else label.encode("ascii")
        if not 0 < len(raw) < 64:
            raise ValueError(f"bad label in {name!r}")
        out += bytes([len(raw)]) + raw
    return out + b"\x00"


def decode_name(message: bytes, offset: int) -> tuple[str, int]:
    """Returns (name, offset after the name in the original position); follows compression pointers."""
    labels, jumped, end, hops = [], False, offset, 0
    while True:
        length = message[offset]
        if length & 0xC0 == 0xC0:
            pointer = struct.unpack_from("!H", message, offset)[0] & 0x3FFF
            if not jumped:
                end = offset + 2
            jumped, offset, hops = True, pointer, hops + 1
            if hops > 20:
                raise ValueError("compression loop")
            continue
        offset += 1
        if length == 0:
            break
        labels.append(message[offset:offset + length].decode("ascii", "replace"))
        offset += length
    return ".".join(labels), (end if jumped else offset)


def encode_rdata(kind: str, value) -> bytes:
    if kind == "A":
        return ipaddress.IPv4Address(value).packed
    if kind == "AAAA":
        return ipaddress.IPv6Address(value).packed
    if kind == "SRV":
        return struct.pack("!HHH", value["priority"], value["weight"], value["port"]) + encode_name(value["target"])
    if kind == "TXT":
        raw = value.encode()
        return bytes([len(raw)]) + raw
    raise ValueError(kind)


class Zone:
    def __init__(self, config: dict, log_path: str | None):
        self.records = {normalize(name): entry for name, entry in config.get("records", {}).items()}
        self.default_rcode = RCODES[config.get("default_rcode", "NXDOMAIN")]
        self.log = open(log_path, "a", encoding="utf-8", buffering=1) if log_path else None
        self.lock = threading.Lock()

    def answer(self, query: bytes, proto: str) -> bytes | None:
        if len(query) < 12:
            return None
        identifier, flags, qdcount = struct.unpack_from("!HHH", query, 0)
        if flags & 0x8000 or qdcount != 1:
            return struct.pack("!HHHHHH", identifier, 0x8000 | (flags & 0x0100) | RCODES["FORMERR"], 0, 0, 0, 0)
        name, offset = decode_name(query, 12)
        qtype, qclass = struct.unpack_from("!HH", query, offset)
        question = query[12:offset + 4]
        if self.log:
            with self.lock:
                self.log.write(json.dumps({"name": name, "type": TYPE_NAMES.get(qtype, str(qtype)),
                                           "proto": proto}) + "\n")
        entry = self.records.get(normalize(name))
        answers = []
        if entry is None:
            rcode = self.default_rcode
        else:
            rcode = RCODES[entry.get("rcode", "NOERROR")]
            if rcode == 0:
                for kind in ("A", "AAAA", "SRV", "TXT"):
                    if qtype in (TYPES[kind], TYPES["ANY"]):
                        for value in entry.get(kind, []):
                            rdata = encode_rdata(kind, value)
                            # Owner name as a compression pointer to the question (offset 12).
                            answers.append(struct.pack("!HHHIH", 0xC00C, TYPES[kind], 1, TTL, len(rdata)) + rdata)
        response_flags = 0x8000 | (flags & 0x7800) | 0x0400 | (flags & 0x0100) | 0x0080 | rcode  # QR AA RD RA
        body = b"".join(answers)
        if proto == "udp" and 12 + len(question) + len(body) > 512:
            answers, body, response_flags = [], b"", response_flags | 0x0200  # TC: retry over TCP
        header = struct.pack("!HHHHHH", identifier, response_flags, 1, len(answers), 0, 0)
        return header + question + body


class UDPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        try:
            response = self.server.zone.answer(data, "udp")
        except (ValueError, struct.error, IndexError):
            return
        if response:
            sock.sendto(response, self.client_address)


class TCPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        sock = self.request
        sock.settimeout(5)
        try:
            while True:
                header = sock.recv(2, socket.MSG_WAITALL)
                if len(header) < 2:
                    return
                (length,) = struct.unpack("!H", header)
                data = sock.recv(length, socket.MSG_WAITALL)
                response = self.server.zone.answer(data, "tcp")
                if response:
                    sock.sendall(struct.pack("!H", len(response)) + response)
        except (OSError, ValueError, struct.error, IndexError):
            return


class ThreadingUDP(socketserver.ThreadingMixIn, socketserver.UDPServer):
    daemon_threads = True


class ThreadingTCP(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(arguments) -> None:
    with open(arguments.records, encoding="utf-8") as handle:
        zone = Zone(json.load(handle), arguments.log)
    for _ in range(20):  # find a port free for both UDP and TCP
        udp = ThreadingUDP((arguments.host, arguments.port), UDPHandler)
        port = udp.server_address[1]
        try:
            tcp = ThreadingTCP((arguments.host, port), TCPHandler)
            break
        except OSError:
            udp.server_close()
            if arguments.port:
                raise
    else:
        raise SystemExit("no free port for UDP and TCP")
    udp.zone = tcp.zone = zone
    for server in (udp, tcp):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"port": port}), flush=True)
    if arguments.exit_on_stdin_eof:
        while sys.stdin.buffer.read(4096):
            pass
    else:
        threading.Event().wait()


def query(arguments) -> int:
    host, port = arguments.server.rsplit(":", 1)
    identifier = os.getpid() & 0xFFFF
    message = struct.pack("!HHHHHH", identifier, 0x0100, 1, 0, 0, 0) + encode_name(arguments.query) + \
        struct.pack("!HH", TYPES[arguments.type], 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(5)
        sock.sendto(message, (host, int(port)))
        response, _ = sock.recvfrom(65535)
    _, flags, qdcount, ancount, _, _ = struct.unpack_from("!HHHHHH", response, 0)
    offset = 12
    for _ in range(qdcount):
        _, offset = decode_name(response, offset)
        offset += 4
    answers = []
    for _ in range(ancount):
        _, offset = decode_name(response, offset)
        kind, _, _, length = struct.unpack_from("!HHIH", response, offset)
        offset += 10
        rdata_offset, offset = offset, offset + length
        if kind == TYPES["SRV"]:
            priority, weight, target_port = struct.unpack_from("!HHH", response, rdata_offset)
            target, _ = decode_name(response, rdata_offset + 6)
            answers.append({"priority": priority, "weight": weight, "port": target_port, "target": target or "."})
        elif kind == TYPES["A"]:
            answers.append(str(ipaddress.IPv4Address(response[rdata_offset:offset])))
        elif kind == TYPES["AAAA"]:
            answers.append(str(ipaddress.IPv6Address(response[rdata_offset:offset])))
    rcode = {value: key for key, value in RCODES.items()}.get(flags & 0xF, str(flags & 0xF))
    print(json.dumps({"rcode": rcode, "answers": answers, "truncated": bool(flags & 0x0200)}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="DNS stub for tests")
    parser.add_argument("--records")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log")
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    parser.add_argument("--query")
    parser.add_argument("--type", default="SRV")
    parser.add_argument("--server")
    arguments = parser.parse_args()
    if arguments.query:
        return query(arguments)
    if not arguments.records:
        parser.error("--records is required")
    serve(arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main())
