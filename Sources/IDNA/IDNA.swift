// IDNA — see docs/architecture.md.
