// Shared test helpers: fixtures, transcripts, servers on loopback.
