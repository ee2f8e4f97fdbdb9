import ArgumentParser
import FoundationEssentials
import Onboarding
import OpenSSLSupport
import XMPPClient
import XMPPCore

/// `xmpp-onboard account delete JID`: remove the account from its server (XEP-0077 §3.2 `<remove/>`), after a
/// confirmation on a terminal or `--yes` elsewhere.
struct AccountDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an account from its server (in-band, XEP-0077). This cannot be undone."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var password: PasswordOptions

    @Argument(help: "The account's address, for example alice@example.org.")
    var jid: String

    @Flag(help: "Do not ask for confirmation (required without a terminal).")
    var yes = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    /// `{"status":"deleted","jid":…}`.
    struct Deleted: Encodable {
        let status = "deleted"
        let jid: String
    }

    func run() async throws {
        let context = CommandContext(global: global)
        try await ErrorPresentation.reporting(json: json, context: context) {
            try await delete(context: context)
        }
    }

    private func delete(context: CommandContext) async throws {
        let l = context.localizer
        let account = try AccountInput.parseAccountJID(jid, localizer: l)
        guard let username = account.localpart else { preconditionFailure("account JID without localpart") }
        try await confirm(account, context: context)
        let secret = try AccountInput.readPassword(password, context: context)
        let session = try await ConnectionSetup.open(account: account, options: connection, global: global, context: context)
        let outcome: AccountRemoval.Outcome
        do {
            _ = try await session.negotiate(.authenticate(.init(username: username, password: secret)), crypto: OpenSSLCrypto())
            var result = try await remove(AccountRemoval.makeRequest(id: await session.makeID()), on: session, secret: secret)
            if case .formRequired(let form) = result {
                let submission = try AccountRemoval.makeFormSubmission(
                    form, username: username, password: secret, id: await session.makeID())
                result = try await remove(submission, on: session, secret: secret)
            }
            outcome = result
            await session.close()
        } catch {
            await session.abort()
            throw ErrorPresentation.of(error, redacting: [secret], localizer: l)
        }
        switch outcome {
        case .removed:
            if json {
                context.output.result(JSONOutput.encode(Deleted(jid: account.description)))
            } else {
                context.output.result(l.text("account-delete.ok", ["jid": TerminalText.neutralized(account.description)]))
            }
        case .formRequired:
            throw ErrorPresentation.of(AccountRequestFailure(kind: .malformedResponse), localizer: l)
        case .failed(let failure):
            throw ErrorPresentation.of(failure, localizer: l).redacting([secret])
        }
    }

    /// Sends the removal; the server may close the stream with `<not-authorized/>` (XEP-0077 §3.2) or simply
    /// hang up instead of answering, which also means the account is gone.
    private func remove(_ request: IQ, on session: XMPPConnection, secret: String) async throws -> AccountRemoval.Outcome {
        do {
            return AccountRemoval.classify(try await session.request(request, step: "account removal"), redacting: [secret])
        } catch ConnectionError.negotiation(.streamError(let error)) where AccountRemoval.confirmsRemoval(error) {
            return .removed
        } catch ConnectionError.closedByPeer, ConnectionError.negotiation(.streamClosed) {
            return .removed
        }
    }

    /// On a terminal: ask (default no). Elsewhere: `--yes` is required (exit 64 naming it).
    private func confirm(_ account: JID, context: CommandContext) async throws {
        guard !yes else { return }
        let prompter = TerminalPrompter(context: context)
        guard prompter.isInteractive else {
            throw ErrorPresentation(status: .usage, condition: "confirmation-required", message: context.localizer.text("account-delete.needs-yes"))
        }
        let confirmed: Bool
        do {
            confirmed = try await prompter.confirm(.confirmAccountDeletion(account.description))
        } catch {
            confirmed = false
        }
        guard confirmed else {
            throw ErrorPresentation(status: .failure, condition: "cancelled", message: context.localizer.text("account-delete.cancelled"))
        }
    }
}
