#!/usr/bin/env python3
"""slixmpp equivalent of `xmpp-onboard register`: the peer for the registration benchmark (issue #3).

Connects to --host/--port (STARTTLS, or --direct-tls), trusts --ca-file, asks for the XEP-0077 form, submits
username and password, then logs in on the same stream (slixmpp continues with SASL and resource binding after
registering) and disconnects at session start. The password is read from --password-stdin (never argv).

Exit codes: 0 registered and logged in, 1 refused, 69 connection/TLS failure, 75 timeout.

Example:
    .venv/bin/python Benchmarks/slixmpp_register.py bob@localhost --host 127.0.0.1 --port 5222 \
        --ca-file /tmp/ca.pem --password-stdin <<< 'secret'
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout


class Registrar(slixmpp.ClientXMPP):
    """Registers the JID's localpart, then logs in with it once."""

    def __init__(self, jid: str, password: str, host: str, port: int, direct_tls: bool, ca_file: str | None):
        super().__init__(jid, password)
        self.target = (host, port)
        self.enable_direct_tls = direct_tls
        self.enable_starttls = not direct_tls
        self.enable_plaintext = False
        if ca_file:
            self.ca_certs = ca_file
        for plugin in ("xep_0030", "xep_0004", "xep_0066", "xep_0077"):
            self.register_plugin(plugin)
        self["xep_0077"].force_registration = True
        self.exit_code = 75
        self.outcome: dict = {"status": "timeout"}
        self.finished: asyncio.Future = self.loop.create_future()
        self.add_event_handler("register", self._on_register)
        self.add_event_handler("session_start", self._on_session_start)
        self.add_event_handler("failed_all_auth", lambda _e: self._finish(1, {"status": "error", "condition": "auth"}))
        self.add_event_handler("connection_failed", lambda _e: self._finish(69, {"status": "error", "condition": "connect"}))
        self.add_event_handler("disconnected", lambda _e: self._finish(self.exit_code, self.outcome))

    def _finish(self, code: int, outcome: dict) -> None:
        if self.finished.done():
            return
        self.exit_code = code
        self.outcome = outcome
        self.finished.set_result(None)

    async def _on_register(self, _form) -> None:
        request = self.Iq()
        request["type"] = "set"
        request["register"]["username"] = self.boundjid.user
        request["register"]["password"] = self.password
        try:
            await request.send()
        except IqError as error:
            self._finish(1, {"status": "error", "condition": error.iq["error"]["condition"]})
            self.disconnect()
        except IqTimeout:
            self._finish(75, {"status": "error", "condition": "timeout"})
            self.disconnect()

    async def _on_session_start(self, _event) -> None:
        self._finish(0, {"status": "registered", "jid": str(self.boundjid.bare)})
        self.disconnect()


async def run(args, password: str) -> int:
    client = Registrar(args.jid, password, args.host, args.port, args.direct_tls, args.ca_file)
    client.connect(host=args.host, port=args.port)
    try:
        await asyncio.wait_for(client.finished, timeout=args.timeout)
    except asyncio.TimeoutError:
        client._finish(75, {"status": "error", "condition": "timeout"})
    client.disconnect()
    print(json.dumps(client.outcome))
    return client.exit_code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jid")
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--direct-tls", action="store_true")
    parser.add_argument("--ca-file")
    parser.add_argument("--password-stdin", action="store_true", required=True)
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    password = sys.stdin.readline().rstrip("\r\n")
    return asyncio.run(run(args, password))


if __name__ == "__main__":
    sys.exit(main())
