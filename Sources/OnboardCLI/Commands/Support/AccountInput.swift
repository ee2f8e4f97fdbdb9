import Localization
import XMPPCore

/// Reads and checks what a command needs to log in: the account JID and its password.
enum AccountInput {
    /// A bare account JID with a localpart, or a usage error naming the problem.
    static func parseAccountJID(_ text: String, localizer: Localizer) throws -> JID {
        let jid: JID
        do {
            jid = try JID(text)
        } catch {
            throw ErrorPresentation(
                status: .usage, condition: "jid-malformed",
                message: localizer.text("jid.invalid", ["jid": TerminalText.neutralized(text, maximumLength: 200)]))
        }
        guard jid.localpart != nil else {
            throw ErrorPresentation(
                status: .usage, condition: "jid-malformed",
                message: localizer.text("jid.needs-localpart", ["jid": TerminalText.neutralized(text, maximumLength: 200)]))
        }
        return jid.bare
    }

    /// The password from `--password-file`, `--password-stdin`, or a no-echo prompt on a terminal.
    /// Without a terminal and without either flag this is a usage error naming the flags (never a hang).
    static func readPassword(_ options: PasswordOptions, context: CommandContext) throws -> String {
        do {
            if let path = options.passwordFile {
                return try SecretInput.firstLine(ofFile: path)
            }
            if options.passwordStdin {
                return try SecretInput.firstLineOfStandardInput()
            }
            guard context.output.isInteractive else { throw SecretInput.Failure.noTerminal }
            return try SecretInput.prompt(context.localizer.text("password.prompt"))
        } catch let failure as SecretInput.Failure {
            let localizer = context.localizer
            switch failure {
            case .unreadableFile(let path):
                throw ErrorPresentation(
                    status: .usage, condition: "password-file-unreadable",
                    message: localizer.text("password.file-unreadable", ["path": TerminalText.neutralized(path)]))
            case .empty:
                throw ErrorPresentation(status: .usage, condition: "password-empty", message: localizer.text("password.empty"))
            case .tooLong:
                throw ErrorPresentation(
                    status: .usage, condition: "password-too-long",
                    message: localizer.text("password.too-long", ["limit": String(SecretInput.maximumLength)]))
            case .noTerminal:
                throw ErrorPresentation(
                    status: .usage, condition: "password-required", message: localizer.text("password.needs-flag"))
            }
        }
    }
}
