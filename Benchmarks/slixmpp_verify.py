#!/usr/bin/env python3
"""slixmpp equivalent of `xmpp-onboard account verify`, the peer for benchmarks and interop checks.

Connects to --host/--port (STARTTLS by default, --direct-tls for XEP-0368 direct TLS), trusts --ca-file in
addition to the system store, logs in with SCRAM (slixmpp picks the strongest offered mechanism), binds a
resource, asks the server for disco#info, prints one JSON object and exits.

The password is read from --password-file or --password-stdin (never from argv).

Exit codes (as the tool's): 0 ok, 77 authentication failed, 69 connection/TLS failure, 75 timeout, 64 usage.

Example:
    .venv/bin/python Benchmarks/slixmpp_verify.py alice@localhost --host 127.0.0.1 --port 5222 \
        --ca-file /tmp/ca.pem --password-file pw.txt
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout

EX_OK, EX_USAGE, EX_UNAVAILABLE, EX_TEMPFAIL, EX_NOPERM = 0, 64, 69, 75, 77


class Verifier(slixmpp.ClientXMPP):
    """Logs in once, asks disco#info of the server, records the outcome and disconnects."""

    def __init__(self, jid: str, password: str, host: str, port: int, direct_tls: bool, ca_file: str | None):
        super().__init__(jid, password)
        self.target = (host, port)
        self.enable_direct_tls = direct_tls
        self.enable_starttls = not direct_tls
        self.enable_plaintext = False
        if ca_file:
            self.ca_certs = ca_file
        self.register_plugin("xep_0030")
        self.outcome: dict | None = None
        self.exit_code = EX_TEMPFAIL
        self.finished: asyncio.Future = self.loop.create_future()
        self.closed: asyncio.Future = self.loop.create_future()
        self.add_event_handler("session_start", self._on_session_start)
        self.add_event_handler("failed_all_auth", self._on_failed_auth)
        self.add_event_handler("connection_failed", self._on_connection_failed)
        self.add_event_handler("ssl_invalid_chain", self._on_invalid_chain)
        self.add_event_handler("disconnected", self._on_disconnected)

    def _finish(self, code: int, outcome: dict) -> None:
        if self.finished.done():
            return
        self.exit_code = code
        self.outcome = outcome
        self.finished.set_result(None)

    async def _on_session_start(self, _event) -> None:
        try:
            await self._report()
        except Exception as error:  # report instead of hanging until the timeout
            self._finish(1, {"status": "error", "condition": "internal", "text": repr(error)})
        self.disconnect()

    async def _report(self) -> None:
        tls = self.transport.get_extra_info("ssl_object") if self.transport else None
        certificate = tls.getpeercert() if tls else None
        mechanism = self.plugin["feature_mechanisms"].mech
        try:
            info = await self.plugin["xep_0030"].get_info(jid=self.boundjid.domain, timeout=10)
            features = sorted(info["disco_info"]["features"])
        except (IqError, IqTimeout) as error:
            features = None
            logging.warning("disco#info failed: %s", error)
        self._finish(EX_OK, {
            "status": "ok",
            "jid": str(self.requested_jid.bare),
            "bound_jid": str(self.boundjid.full),
            "host": self.target[0],
            "port": self.target[1],
            "direct_tls": self.enable_direct_tls,
            "tls_version": tls.version() if tls else None,
            "cipher": tls.cipher()[0] if tls else None,
            "certificate": {
                "subject": dict(x[0] for x in certificate.get("subject", ())) if certificate else None,
                "not_after": certificate.get("notAfter") if certificate else None,
            },
            "sasl_mechanism": mechanism.name if mechanism else None,
            "channel_binding": "tls-unique" if mechanism and mechanism.name.endswith("-PLUS") else None,
            "features": features,
        })

    def _on_failed_auth(self, _event) -> None:
        self._finish(EX_NOPERM, {"status": "error", "condition": "not-authorized",
                                 "text": "authentication failed"})
        self.disconnect()

    def _on_connection_failed(self, error) -> None:
        self._finish(EX_UNAVAILABLE, {"status": "error", "condition": "connection-failed", "text": str(error)})

    def _on_invalid_chain(self, error) -> None:
        self._finish(EX_UNAVAILABLE, {"status": "error", "condition": "certificate", "text": str(error)})
        self.disconnect()

    def _on_disconnected(self, reason) -> None:
        if not self.closed.done():
            self.closed.set_result(None)
        self._finish(EX_UNAVAILABLE, {"status": "error", "condition": "disconnected", "text": str(reason)})


def read_password(arguments: argparse.Namespace) -> str:
    if arguments.password_file:
        with open(arguments.password_file, encoding="utf-8") as handle:
            return handle.readline().rstrip("\r\n")
    return sys.stdin.readline().rstrip("\r\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jid")
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--direct-tls", action="store_true")
    parser.add_argument("--ca-file")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--password-file")
    group.add_argument("--password-stdin", action="store_true")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if arguments.verbose else logging.CRITICAL,
                        format="%(relativeCreated)6d %(levelname)s %(message)s")

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    started = time.monotonic()
    client = Verifier(arguments.jid, read_password(arguments), arguments.host, arguments.port,
                      arguments.direct_tls, arguments.ca_file)
    client.connect(arguments.host, arguments.port)
    try:
        loop.run_until_complete(asyncio.wait_for(asyncio.shield(client.finished), arguments.timeout))
    except asyncio.TimeoutError:
        client._finish(EX_TEMPFAIL, {"status": "error", "condition": "timeout", "text": "timed out"})
    # Let the stream close cleanly (bounded), as the tool does.
    try:
        loop.run_until_complete(asyncio.wait_for(asyncio.shield(client.closed), 2))
    except (asyncio.TimeoutError, asyncio.CancelledError):
        pass
    outcome = dict(client.outcome or {})
    outcome["elapsed_ms"] = round((time.monotonic() - started) * 1000, 1)
    print(json.dumps(outcome, sort_keys=True))
    return client.exit_code


if __name__ == "__main__":
    sys.exit(main())
