import ArgumentParser

/// `xmpp-onboard account …`: work with an existing account.
struct Account: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check or delete an existing account.",
        subcommands: [AccountVerify.self, AccountDelete.self]
    )
}
