// XMLStreamParser — see docs/architecture.md.
