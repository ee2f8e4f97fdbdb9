import ArgumentParser
import Localization
import OpenSSLSupport
import XMPPClient
import XMPPCore

/// How a failure is shown: exit status, a stable condition name for scripts, and localized text.
///
/// The single place where errors from the core and the driver become user-facing words
/// (architecture.md §5). Server-supplied text is neutralized before it is shown (security.md §7.1).
struct ErrorPresentation: Error {
    var status: ExitStatus
    /// Stable, English, kebab-case: the `condition` of `--json` errors (for example `not-authorized`).
    var condition: String
    var message: String
    var serverText: String?
    /// What to do next (printed after the message), if anything.
    var hint: String?
    /// Usernames to try instead (after `conflict`); `alternatives` in JSON.
    var alternatives: [String]?
    /// A web page to go to (web registration, the provider's sign-up page); `url` in JSON. Already checked to
    /// be http(s) and neutralized.
    var url: String?
    /// A generated password of an account that was created before the failure (never lose it).
    var password: String?

    init(
        status: ExitStatus, condition: String, message: String, serverText: String? = nil, hint: String? = nil,
        alternatives: [String]? = nil, url: String? = nil
    ) {
        self.status = status
        self.condition = condition
        self.message = message
        self.serverText = serverText.map { TerminalText.neutralized($0, maximumLength: 300) }
        self.hint = hint
        self.alternatives = alternatives
        self.url = url
    }

    /// Prints the failure (JSON on stdout with `json`, otherwise `error: …` on stderr) and returns the exit code.
    func report(json: Bool, context: CommandContext) -> ExitCode {
        if json {
            context.output.result(
                JSONOutput.encode(
                    JSONError(
                        condition: condition, text: message, serverText: serverText, hint: hint,
                        alternatives: alternatives, url: url, password: password)))
        } else {
            let label = context.localizer.text("error.label")
            context.output.error(label, message)
            if let serverText, !serverText.isEmpty {
                context.output.diagnostic(context.localizer.text("error.server-said", ["text": serverText]))
            }
            if let hint { context.output.diagnostic(hint) }
        }
        return status.exitCode
    }

    /// Runs a command's work and reports any failure: an ``ErrorPresentation`` as is, any other error through
    /// ``of(_:localizer:)``; throws the exit code (an `ExitCode` thrown by `body` passes through unchanged).
    static func reporting(json: Bool, context: CommandContext, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let presentation as ErrorPresentation {
            throw presentation.report(json: json, context: context)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ErrorPresentation.of(error, localizer: context.localizer).report(json: json, context: context)
        }
    }

    static func of(_ error: any Error, localizer: Localizer) -> ErrorPresentation {
        switch error {
        case let error as ConnectionError: of(error, localizer: localizer)
        case let error as TLSError: of(ConnectionError.tls(error), localizer: localizer)
        default:
            ErrorPresentation(
                status: .failure, condition: "internal-error",
                message: localizer.text("error.unexpected", ["detail": TerminalText.neutralized("\(error)")]))
        }
    }
}
