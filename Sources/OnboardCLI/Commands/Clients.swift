import ArgumentParser

/// `xmpp-onboard clients …`: the XMPP apps our guides recommend (`clients.json`).
struct Clients: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the XMPP apps our guides recommend, per platform.",
        subcommands: [ClientsList.self]
    )
}
