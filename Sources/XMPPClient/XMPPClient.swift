// XMPPClient — see docs/architecture.md.
