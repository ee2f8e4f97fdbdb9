// QRCode — see docs/architecture.md.
