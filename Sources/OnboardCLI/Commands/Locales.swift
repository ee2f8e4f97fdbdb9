import ArgumentParser

/// `xmpp-onboard locales …`: work with the translations in `locales/`.
struct Locales: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the translations of messages and guides.",
        subcommands: [LocalesCheck.self]
    )
}
