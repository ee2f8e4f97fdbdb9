// Onboarding — see docs/architecture.md.
