import ArgumentParser
import Localization
import Onboarding
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
    /// The server's text as received (before neutralization), kept for `redacting(_:)`.
    private var rawServerText: String?

    init(
        status: ExitStatus, condition: String, message: String, serverText: String? = nil, hint: String? = nil,
        alternatives: [String]? = nil, url: String? = nil
    ) {
        self.status = status
        self.condition = condition
        self.message = message
        self.rawServerText = serverText
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

    /// This presentation with each of `secrets` (the passwords sent) removed from the server's text and the
    /// message: a server may echo a password in `<text/>` (security.md §5.2, §8.6 invariant 1). The server text is
    /// scrubbed before it is neutralized and cut, so no part of a secret survives at the cut.
    func redacting(_ secrets: [String]) -> ErrorPresentation {
        let secrets = secrets.filter { !$0.isEmpty }
        guard !secrets.isEmpty else { return self }
        var copy = self
        copy.rawServerText = rawServerText.map { Redaction.scrubbed($0, removing: secrets) }
        copy.serverText = copy.rawServerText.map { TerminalText.neutralized($0, maximumLength: 300) }
        copy.message = Redaction.scrubbed(message, removing: secrets + secrets.map { TerminalText.neutralized($0) })
        return copy
    }

    /// `error` presented with `secrets` scrubbed (see `redacting(_:)`); an `ExitCode` passes through.
    static func of(_ error: any Error, redacting secrets: [String], localizer: Localizer) -> any Error {
        switch error {
        case let exit as ExitCode: exit
        case let presentation as ErrorPresentation: presentation.redacting(secrets)
        case let failure as CredentialFile.Failure: of(failure, localizer: localizer).redacting(secrets)
        default: of(error, localizer: localizer).redacting(secrets)
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

extension ErrorPresentation: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Condition and message only: `password` (a generated password kept for the JSON error) never appears when
    /// the value is interpolated, dumped or reflected (security.md §6.2).
    var description: String {
        "ErrorPresentation(\(condition), \(status), password: \(password == nil ? "nil" : "[redacted]"))"
    }

    var debugDescription: String { description }

    var customMirror: Mirror { Mirror(self, children: ["description": description], displayStyle: .struct) }
}
