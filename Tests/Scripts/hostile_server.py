#!/usr/bin/env python3
"""Scripted XMPP server for the cases real servers never produce (docs/security.md §8.2–§8.3).

Listens on loopback, runs a JSON scenario against every accepted connection, and records everything it
receives (decrypted) so tests can assert what the client did and did not send.

Usage:
    hostile_server.py --scenario FILE --transcript FILE --events FILE [--host 127.0.0.1] [--port 0]
                      [--exit-on-stdin-eof]

Prints one line `{"port": N}` on stdout once listening. Runs until killed (or, with --exit-on-stdin-eof,
until its standard input closes, so it never outlives the test process that started it).

Scenario (JSON):
    {
      "steps": [STEP, ...],             # run on every connection (or "connections": [[STEP...], ...] per
                                        # connection, in accept order; the last list repeats)
      "expect_timeout_ms": 10000,       # default for "expect"
      "after_steps": "drain"            # "drain": keep reading and recording until the peer closes; "close"
    }

Steps (each a one-key object plus options):
    {"expect": "REGEX"}                 wait until the unconsumed received text matches (DOTALL); named groups
                                        become variables; option "timeout_ms". Consumes up to the match end.
    {"send": "TEXT"}                    send UTF-8 text; "{{name}}" is replaced by a captured variable.
                                        Options: "chunk_size" + "chunk_delay_ms" split the write.
    {"send_hex": "HEX"}                 send raw bytes (invalid UTF-8, NUL, …)
    {"starttls": {TLS, "proceed": "<proceed …/>", "send_after_proceed": "TEXT"}}
                                        send <proceed/> (plus TEXT in the same write, T12), then a TLS
                                        handshake as server.
    {"direct_tls": {TLS}}               TLS handshake immediately (XEP-0368).
    {"close": true}                     close (option "reset": true sends a TCP RST instead of a FIN)
    {"delay_ms": N}
    {"record": "FILE"}                  write everything received on this connection so far to FILE
    {"scram_server": {...}}             a real SCRAM exchange, see ScramServer below.
    TLS = {"cert": PEM, "key": PEM, "alpn": "xmpp-client"|null, "alpn_force": "h2"|null,
           "min_version": "TLSv1.2", "max_version": "TLSv1.3", "exporter_context": null|""}

Events (JSON lines in --events): {"conn": N, "kind": "...", ...}; kinds: accepted, received, sent, tls,
expect-matched, step-failed, scram, closed, steps-done.
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import secrets
import socket
import struct
import sys
import threading

try:
    from OpenSSL import SSL, crypto
except ImportError:  # reported when a TLS step runs
    SSL = None
    crypto = None

SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl"


class StepFailed(Exception):
    pass


class PeerClosed(Exception):
    pass


class Recorder:
    """Writes the transcript (raw received bytes, all connections) and the event log, flushed each time."""

    def __init__(self, transcript_path: str, events_path: str):
        self.transcript = open(transcript_path, "ab", buffering=0)
        self.events = open(events_path, "a", encoding="utf-8", buffering=1)
        self.lock = threading.Lock()

    def received(self, conn: int, data: bytes) -> None:
        with self.lock:
            self.transcript.write(data)
        self.event(conn, "received", text=data.decode("utf-8", "replace"))

    def event(self, conn: int, kind: str, **fields) -> None:
        record = {"conn": str(conn), "kind": kind}
        record.update({key: value if isinstance(value, str) else json.dumps(value)
                       for key, value in fields.items() if value is not None})
        with self.lock:
            self.events.write(json.dumps(record) + "\n")


class TLSLayer:
    """Server-side TLS over memory BIOs (pyOpenSSL), so it runs on asyncio streams and exposes the exporter."""

    VERSIONS = {}
    if SSL is not None:
        VERSIONS = {"TLSv1": SSL.TLS1_VERSION, "TLSv1.1": SSL.TLS1_1_VERSION,
                    "TLSv1.2": SSL.TLS1_2_VERSION, "TLSv1.3": SSL.TLS1_3_VERSION}

    def __init__(self, options: dict):
        if SSL is None:
            raise StepFailed("pyOpenSSL is not installed for this interpreter (use the project's .venv)")
        self.options = options
        self.offered_alpn: list[str] = []
        self.server_name: str | None = None
        context = SSL.Context(SSL.TLS_SERVER_METHOD)
        context.use_certificate_chain_file(options["cert"])
        context.use_privatekey_file(options["key"])
        min_version = options.get("min_version")
        max_version = options.get("max_version")
        if min_version:
            context.set_min_proto_version(self.VERSIONS[min_version])
        if max_version:
            context.set_max_proto_version(self.VERSIONS[max_version])
        if (min_version in ("TLSv1", "TLSv1.1")) or (max_version in ("TLSv1", "TLSv1.1")):
            context.set_cipher_list(b"DEFAULT:@SECLEVEL=0")
        context.set_alpn_select_callback(self._select_alpn)
        context.set_tlsext_servername_callback(self._server_name)
        self.connection = SSL.Connection(context, None)
        self.connection.set_accept_state()

    def _select_alpn(self, _connection, offered):
        self.offered_alpn = [item.decode("ascii", "replace") for item in offered]
        forced = self.options.get("alpn_force")
        if forced:
            return forced.encode()
        wanted = self.options.get("alpn")
        if wanted and wanted.encode() in offered:
            return wanted.encode()
        return SSL.NO_OVERLAPPING_PROTOCOLS

    def _server_name(self, connection):
        name = connection.get_servername()
        self.server_name = name.decode("ascii", "replace") if name else None

    def pending_output(self) -> bytes:
        chunks = []
        while True:
            try:
                chunk = self.connection.bio_read(65536)
            except SSL.WantReadError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def feed(self, data: bytes) -> None:
        self.connection.bio_write(data)

    def read_plaintext(self) -> tuple[bytes, bool]:
        """Returns (plaintext, closed)."""
        chunks = []
        while True:
            try:
                chunks.append(self.connection.recv(65536))
            except SSL.WantReadError:
                return b"".join(chunks), False
            except SSL.ZeroReturnError:
                return b"".join(chunks), True

    def channel_binding(self, kind: str) -> bytes:
        if kind == "tls-exporter":
            context = self.options.get("exporter_context")
            return self.connection.export_keying_material(
                b"EXPORTER-Channel-Binding", 32, None if context is None else context.encode())
        if kind == "tls-unique":
            finished = self.connection.get_peer_finished()  # first Finished of a full handshake: the client's
            if finished is None:
                raise StepFailed("no Finished message for tls-unique")
            return finished
        if kind == "tls-server-end-point":
            certificate = self.connection.get_certificate()
            der = crypto.dump_certificate(crypto.FILETYPE_ASN1, certificate)
            algorithm = certificate.to_cryptography().signature_hash_algorithm
            name = algorithm.name if algorithm is not None else "sha256"
            if name in ("md5", "sha1"):
                name = "sha256"
            return hashlib.new(name, der).digest()
        raise StepFailed(f"unknown channel binding type {kind}")

    def info(self) -> dict:
        return {"version": self.connection.get_protocol_version_name(),
                "cipher": self.connection.get_cipher_name(),
                "alpn_offered": self.offered_alpn,
                "alpn_selected": (self.connection.get_alpn_proto_negotiated() or b"").decode() or None,
                "sni": self.server_name}


class Connection:
    def __init__(self, number: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 recorder: Recorder, scenario: dict):
        self.number = number
        self.reader = reader
        self.writer = writer
        self.recorder = recorder
        self.scenario = scenario
        self.tls: TLSLayer | None = None
        self.buffer = b""        # received plaintext not yet consumed by "expect"
        self.everything = b""    # all plaintext received on this connection
        self.variables: dict[str, str] = {}
        self.eof = False

    def event(self, kind: str, **fields) -> None:
        self.recorder.event(self.number, kind, **fields)

    # --- I/O -------------------------------------------------------------------------------------------------
    async def _read_raw(self, timeout: float | None) -> bytes:
        data = await asyncio.wait_for(self.reader.read(65536), timeout)
        if not data:
            self.eof = True
        return data

    async def receive_more(self, timeout: float | None) -> None:
        """Reads at least one chunk of plaintext (or raises PeerClosed)."""
        while True:
            if self.eof:
                raise PeerClosed()
            data = await self._read_raw(timeout)
            if not data:
                raise PeerClosed()
            if self.tls is None:
                plaintext, closed = data, False
            else:
                self.tls.feed(data)
                plaintext, closed = await self._take_tls_plaintext()
            self._record_received(plaintext, closed)
            if plaintext or closed:
                if closed and not plaintext:
                    raise PeerClosed()
                return

    async def _flush_tls(self) -> None:
        if self.tls is not None:
            output = self.tls.pending_output()
            if output:
                self.writer.write(output)
                await self.writer.drain()

    async def send(self, data: bytes) -> None:
        self.event("sent", text=data.decode("utf-8", "replace"))
        if self.tls is None:
            self.writer.write(data)
            await self.writer.drain()
        else:
            self.tls.connection.sendall(data)
            await self._flush_tls()

    async def handshake(self, options: dict) -> None:
        self.tls = TLSLayer(options)
        pending, self.buffer = self.buffer, b""
        if pending:
            self.tls.feed(pending)
        while True:
            try:
                self.tls.connection.do_handshake()
                break
            except SSL.WantReadError:
                await self._flush_tls()
                data = await self._read_raw(self.scenario.get("expect_timeout_ms", 10000) / 1000)
                if not data:
                    self.event("tls", outcome="peer-closed-during-handshake", **self.tls.info())
                    raise PeerClosed()
                self.tls.feed(data)
            except SSL.Error as error:
                await self._flush_tls()
                self.event("tls", outcome="failed", error=str(error), **self.tls.info())
                raise StepFailed(f"TLS handshake failed: {error}") from error
        await self._flush_tls()
        self.event("tls", outcome="established", **self.tls.info())
        # The client's first application data (its stream header) may have arrived in the same read as its
        # Finished message: it is already inside the SSL object, and waiting on the socket would deadlock.
        self._record_received(*await self._take_tls_plaintext())

    async def _take_tls_plaintext(self):
        """Decrypted bytes waiting in the TLS object, and whether the peer closed (close_notify)."""
        try:
            plaintext, closed = self.tls.read_plaintext()
        except SSL.Error as error:
            self.event("tls-error", error=str(error))
            raise PeerClosed() from error
        await self._flush_tls()
        return plaintext, closed

    def _record_received(self, plaintext, closed):
        if plaintext:
            self.buffer += plaintext
            self.everything += plaintext
            self.recorder.received(self.number, plaintext)
        if closed:
            self.eof = True

    # --- steps -----------------------------------------------------------------------------------------------
    def substitute(self, text: str) -> str:
        return re.sub(r"\{\{(\w+)\}\}", lambda match: self.variables.get(match.group(1), match.group(0)), text)

    async def expect(self, pattern: str, timeout_ms: int | None = None) -> re.Match:
        regex = re.compile(self.substitute(pattern).encode("utf-8"), re.DOTALL)
        timeout = (timeout_ms or self.scenario.get("expect_timeout_ms", 10000)) / 1000
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            match = regex.search(self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                for name, value in match.groupdict().items():
                    if value is not None:
                        self.variables[name] = value.decode("utf-8", "replace")
                self.event("expect-matched", pattern=pattern)
                return match
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise StepFailed(f"timed out waiting for {pattern!r}")
            try:
                await self.receive_more(remaining)
            except asyncio.TimeoutError as error:
                raise StepFailed(f"timed out waiting for {pattern!r}") from error
            except PeerClosed as error:
                raise StepFailed(f"peer closed while waiting for {pattern!r}") from error

    async def run_step(self, step: dict) -> bool:
        """Runs one step; returns False when the connection is finished."""
        if "expect" in step:
            await self.expect(step["expect"], step.get("timeout_ms"))
        elif "send" in step:
            data = self.substitute(step["send"]).encode("utf-8")
            size = step.get("chunk_size")
            if size:
                for offset in range(0, len(data), size):
                    await self.send(data[offset:offset + size])
                    await asyncio.sleep(step.get("chunk_delay_ms", 0) / 1000)
            else:
                await self.send(data)
        elif "send_hex" in step:
            await self.send(binascii.unhexlify(step["send_hex"]))
        elif "starttls" in step:
            options = step["starttls"]
            proceed = options.get("proceed", "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
            injected = options.get("send_after_proceed", "")
            await self.send((proceed + injected).encode("utf-8"))  # one write: one segment on loopback
            await self.handshake(options)
        elif "direct_tls" in step:
            await self.handshake(step["direct_tls"])
        elif "delay_ms" in step:
            await asyncio.sleep(step["delay_ms"] / 1000)
        elif "record" in step:
            with open(step["record"], "wb") as handle:
                handle.write(self.everything)
        elif "scram_server" in step:
            await ScramServer(self, step["scram_server"]).run()
        elif "close" in step:
            if step.get("reset"):
                sock = self.writer.get_extra_info("socket")
                if sock is not None:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.writer.close()
            self.event("closed", by="server", reset=bool(step.get("reset")))
            return False
        else:
            raise StepFailed(f"unknown step {step!r}")
        return True

    async def run(self, steps: list[dict]) -> None:
        self.event("accepted", peer=str(self.writer.get_extra_info("peername")))
        try:
            for index, step in enumerate(steps):
                try:
                    if not await self.run_step(step):
                        return
                except StepFailed as error:
                    self.event("step-failed", step=str(index), reason=str(error))
                    self.writer.close()
                    self.event("closed", by="server", reason="step-failed")
                    return
            self.event("steps-done")
            if self.scenario.get("after_steps", "drain") == "close":
                self.writer.close()
                self.event("closed", by="server")
                return
            while True:
                await self.receive_more(None)
        except (PeerClosed, ConnectionError):
            self.event("closed", by="peer")
        finally:
            if not self.writer.is_closing():
                self.writer.close()


class ScramServer:
    """Server side of SCRAM (RFC 5802 / RFC 7677) with channel binding and XEP-0474 `h`, plus tampering.

    Options: hash ("SHA-1" | "SHA-256" | "SHA-512"), username, password, plus (expected binding type for -PLUS
    or null), plus_advertised (default: plus != null; a client `y` flag then fails), iterations (int, or a
    string sent verbatim), salt (base64, sent verbatim; default random), nonce ("prefixed" | "not-prefixed" |
    "equal" | "comma" | "control"), h (null | "auto" | literal base64), advertised_mechanisms,
    advertised_channel_bindings (for h="auto"), extra_before ("m=…" before r=), extra_after (",x=…"),
    challenge_raw (base64 sent instead of server-first), failure (condition sent instead of success),
    failure_text, error ("other-error", for tamper "e"), tamper: null | "bad-v" | "no-v" | "e" | "e-challenge" |
    "final-as-challenge" | "duplicate-challenge" | "success-before-challenge" | "challenge-after-success".
    """

    def __init__(self, connection: Connection, options: dict):
        self.connection = connection
        self.options = options
        name = options.get("hash", "SHA-1").upper()
        self.hash_name = {"SHA-1": "sha1", "SHA-256": "sha256", "SHA-512": "sha512"}[name]
        self.mechanism_base = "SCRAM-" + name

    def digest(self, data: bytes) -> bytes:
        return hashlib.new(self.hash_name, data).digest()

    def mac(self, key: bytes, data: bytes) -> bytes:
        return hmac.new(key, data, self.hash_name).digest()

    def downgrade_hash(self) -> str:
        mechanisms = sorted(m.encode() for m in self.options.get("advertised_mechanisms", []))
        text = b"\x1e".join(mechanisms)
        bindings = self.options.get("advertised_channel_bindings")
        if bindings:
            text += b"\x1f" + b"\x1e".join(sorted(b.encode() for b in bindings))
        return base64.b64encode(self.digest(text)).decode()

    async def send_element(self, name: str, payload: bytes | None) -> None:
        if payload is None:
            await self.connection.send(f"<{name} xmlns='{SASL_NS}'/>".encode())
        else:
            body = base64.b64encode(payload).decode() if payload else "="
            await self.connection.send(f"<{name} xmlns='{SASL_NS}'>{body}</{name}>".encode())

    async def fail(self, condition: str, reason: str) -> None:
        text = self.options.get("failure_text")
        text_xml = f"<text xml:lang='en'>{text}</text>" if text else ""
        await self.connection.send(f"<failure xmlns='{SASL_NS}'><{condition}/>{text_xml}</failure>".encode())
        self.connection.event("scram", outcome="failed", reason=reason)

    async def read_sasl(self, names: str) -> tuple[str, str, bytes]:
        match = await self.connection.expect(
            rf"<(?P<_el>{names})\b(?P<_attrs>[^>]*?)(?:/>|>(?P<_body>[^<]*)</(?P=_el)>)")
        element = match.group("_el").decode()
        body = (match.group("_body") or b"").decode().strip()
        payload = b"" if body in ("", "=") else base64.b64decode(body)
        return element, match.group("_attrs").decode(), payload

    async def run(self) -> None:
        options = self.options
        element, attributes, client_first = await self.read_sasl("auth")
        mechanism_match = re.search(r"mechanism=['\"]([^'\"]+)['\"]", attributes)
        mechanism = mechanism_match.group(1) if mechanism_match else ""
        self.connection.event("scram", outcome="auth-received", mechanism=mechanism)
        if mechanism not in (self.mechanism_base, self.mechanism_base + "-PLUS"):
            return await self.fail("invalid-mechanism", f"unexpected mechanism {mechanism}")
        text = client_first.decode("utf-8", "replace")
        parts = text.split(",", 2)
        if len(parts) != 3:
            return await self.fail("malformed-request", "client-first has no gs2 header")
        flag, _authzid, bare = parts
        gs2_header = f"{parts[0]},{parts[1]},".encode()
        plus = options.get("plus")
        plus_advertised = options.get("plus_advertised", plus is not None)
        self.connection.event("scram", outcome="client-first", cb_flag=flag, bare=bare)
        if mechanism.endswith("-PLUS"):
            if not flag.startswith("p="):
                return await self.fail("malformed-request", "-PLUS without p=")
            if plus is None or flag[2:] != plus:
                return await self.fail("not-authorized", f"unsupported channel binding {flag}")
        elif flag.startswith("p="):
            return await self.fail("malformed-request", "p= with a non-PLUS mechanism")
        elif flag == "y" and plus_advertised:
            return await self.fail("not-authorized", "client said y although -PLUS was advertised")
        attributes_map = dict(item.split("=", 1) for item in bare.split(",") if "=" in item)
        client_nonce = attributes_map.get("r", "")
        username = attributes_map.get("n", "").replace("=2C", ",").replace("=3D", "=")

        nonce_mode = options.get("nonce", "prefixed")
        server_part = base64.b64encode(secrets.token_bytes(18)).decode()
        nonce = {"prefixed": client_nonce + server_part, "not-prefixed": server_part,
                 "equal": client_nonce, "comma": client_nonce + server_part + ",x",
                 "control": client_nonce + "\x1b" + server_part}[nonce_mode]
        salt_b64 = options.get("salt")
        if salt_b64 is None:
            salt_b64 = base64.b64encode(secrets.token_bytes(16)).decode()
        iterations = options.get("iterations", 4096)
        fields = []
        if options.get("extra_before"):
            fields.append(options["extra_before"])
        fields += [f"r={nonce}", f"s={salt_b64}", f"i={iterations}"]
        h_option = options.get("h")
        if h_option:
            fields.append("h=" + (self.downgrade_hash() if h_option == "auto" else h_option))
        server_first = ",".join(fields) + options.get("extra_after", "")
        tamper = options.get("tamper")
        if tamper == "success-before-challenge":
            await self.send_element("success", b"v=AAAA")
            self.connection.event("scram", outcome="tampered", tamper=tamper)
            return
        payload = base64.b64decode(options["challenge_raw"]) if "challenge_raw" in options \
            else server_first.encode()
        await self.send_element("challenge", payload)
        if tamper == "duplicate-challenge":
            await self.send_element("challenge", payload)

        element, _, client_final = await self.read_sasl("response|abort")
        if element == "abort":
            await self.fail("aborted", "client aborted")
            return
        final_text = client_final.decode("utf-8", "replace")
        without_proof, _, proof_b64 = final_text.rpartition(",p=")
        final_map = dict(item.split("=", 1) for item in without_proof.split(",") if "=" in item)
        binding = gs2_header
        if flag.startswith("p="):
            binding += self.connection.tls.channel_binding(flag[2:]) if self.connection.tls else b""
        if final_map.get("c") != base64.b64encode(binding).decode():
            return await self.fail("not-authorized", "channel binding data mismatch")
        if final_map.get("r") != nonce:
            return await self.fail("not-authorized", "nonce mismatch")
        try:
            salted = hashlib.pbkdf2_hmac(self.hash_name, options.get("password", "").encode("utf-8"),
                                         base64.b64decode(salt_b64), int(iterations))
        except (ValueError, binascii.Error) as error:
            return await self.fail("not-authorized", f"client answered an invalid challenge: {error}")
        auth_message = f"{bare},{server_first},{without_proof}".encode()
        client_key = self.mac(salted, b"Client Key")
        signature = self.mac(self.digest(client_key), auth_message)
        expected_proof = bytes(a ^ b for a, b in zip(client_key, signature))
        if username != options.get("username") or \
                not hmac.compare_digest(base64.b64encode(expected_proof).decode(), proof_b64):
            return await self.fail("not-authorized", "wrong username or password")
        server_signature = self.mac(self.mac(salted, b"Server Key"), auth_message)
        if tamper == "bad-v":
            server_signature = bytes([server_signature[0] ^ 1]) + server_signature[1:]
        final = b"v=" + base64.b64encode(server_signature)
        failure = options.get("failure")
        if failure:
            return await self.fail(failure, "scripted failure")
        self.connection.event("scram", outcome="client-proof-valid", mechanism=mechanism, cb_flag=flag,
                              tamper=tamper)
        if tamper == "no-v":
            await self.send_element("success", None)
        elif tamper == "e":
            await self.send_element("success", f"e={options.get('error', 'other-error')}".encode())
        elif tamper == "e-challenge":
            await self.send_element("challenge", f"e={options.get('error', 'other-error')}".encode())
        elif tamper == "final-as-challenge":
            await self.send_element("challenge", final)
            await self.read_sasl("response")
            await self.send_element("success", None)
        else:
            await self.send_element("success", final)
            if tamper == "challenge-after-success":
                await self.send_element("challenge", b"r=x")


async def serve(arguments: argparse.Namespace) -> None:
    with open(arguments.scenario, encoding="utf-8") as handle:
        scenario = json.load(handle)
    recorder = Recorder(arguments.transcript, arguments.events)
    counter = 0
    tasks = set()

    async def handle(reader, writer):
        nonlocal counter
        counter += 1
        number = counter
        per_connection = scenario.get("connections")
        steps = per_connection[min(number, len(per_connection)) - 1] if per_connection else scenario["steps"]
        await Connection(number, reader, writer, recorder, scenario).run(steps)

    def on_connect(reader, writer):
        task = asyncio.ensure_future(handle(reader, writer))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    server = await asyncio.start_server(on_connect, arguments.host, arguments.port)
    port = server.sockets[0].getsockname()[1]
    print(json.dumps({"port": port}), flush=True)
    stop = asyncio.get_running_loop().create_future()
    if arguments.exit_on_stdin_eof:
        loop = asyncio.get_running_loop()

        def watch_stdin():
            while sys.stdin.buffer.read(4096):
                pass
            loop.call_soon_threadsafe(lambda: stop.done() or stop.set_result(None))

        threading.Thread(target=watch_stdin, daemon=True).start()
    async with server:
        await stop


def main() -> None:
    parser = argparse.ArgumentParser(description="Scripted hostile XMPP server for tests")
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--transcript", required=True)
    parser.add_argument("--events", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    arguments = parser.parse_args()
    try:
        asyncio.run(serve(arguments))
    except KeyboardInterrupt:
        pass
    os._exit(0)


if __name__ == "__main__":
    main()
