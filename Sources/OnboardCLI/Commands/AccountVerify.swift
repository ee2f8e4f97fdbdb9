import ArgumentParser

/// `xmpp-onboard account verify JID`: log in and report how the connection was secured.
struct AccountVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Log in and report the connection, TLS, SASL mechanism, bound JID and server features."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's address, for example alice@example.org.")
    var jid: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        throw ExitStatus.failure.exitCode
    }
}
