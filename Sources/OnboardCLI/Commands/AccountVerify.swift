import ArgumentParser
import OpenSSLSupport
import XMPPClient
import XMPPCore

/// `xmpp-onboard account verify JID`: log in and report how the connection was secured.
struct AccountVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Log in and report the connection, TLS, SASL mechanism, bound JID and server features."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var password: PasswordOptions

    @Argument(help: "The account's address, for example alice@example.org.")
    var jid: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        let context = CommandContext(global: global)
        try await ErrorPresentation.reporting(json: json, context: context) {
            let account = try AccountInput.parseAccountJID(jid, localizer: context.localizer)
            let secret = try AccountInput.readPassword(password, context: context)
            let session = try await ConnectionSetup.open(account: account, options: connection, global: global, context: context)
            let report: VerifyReport
            do {
                report = try await VerifyReport.collect(session: session, account: account, password: secret)
            } catch {
                throw ErrorPresentation.of(error, redacting: [secret], localizer: context.localizer)
            }
            if json {
                context.output.result(JSONOutput.encode(report))
            } else {
                report.print(context: context)
            }
        }
    }
}

