import Localization
import Onboarding
import XMPPCore

/// Reads the `register` arguments: the target (JID or domain), the username, the password source, `--field`s.
enum RegisterInput {
    /// The domain (Unicode for display, ASCII for the wire) and the username, if one was given.
    static func target(
        _ text: String, username: String?, localizer: Localizer
    ) throws -> (domain: (unicode: String, ascii: String), username: String?) {
        let shown = TerminalText.neutralized(text, maximumLength: 200)
        let jid: JID
        do {
            jid = try JID(text)
        } catch {
            throw ErrorPresentation(status: .usage, condition: "jid-malformed", message: localizer.text("jid.invalid", ["jid": shown]))
        }
        guard jid.resourcepart == nil else {
            throw ErrorPresentation(status: .usage, condition: "jid-malformed", message: localizer.text("jid.invalid", ["jid": shown]))
        }
        let domain = (unicode: jid.domainpart, ascii: jid.domainASCII)
        if let localpart = jid.localpart {
            guard username == nil else {
                throw ErrorPresentation(
                    status: .usage, condition: "username-twice", message: localizer.text("register.error.username-twice"))
            }
            return (domain, localpart)
        }
        guard let username else { return (domain, nil) }
        guard let enforced = try? JID(localpart: username, domainpart: jid.domainpart).localpart else {
            throw ErrorPresentation(
                status: .usage, condition: "jid-malformed",
                message: localizer.text("register.error.username-invalid", ["username": TerminalText.neutralized(username, maximumLength: 200)]))
        }
        return (domain, enforced)
    }

    /// `--password-file`, `--password-stdin`, `--generate-password`, else a prompt on a terminal; without a
    /// terminal a usage error naming the flags (never a hang).
    static func passwordSource(
        _ options: PasswordOptions, generate: Bool, context: CommandContext
    ) throws -> RegistrationRequest.PasswordSource {
        if generate { return .generated }
        if options.passwordFile != nil || options.passwordStdin {
            return .given(try AccountInput.readPassword(options, context: context))
        }
        guard context.output.isInteractive else {
            throw ErrorPresentation(
                status: .usage, condition: "password-required", message: context.localizer.text("register.error.password-needed"))
        }
        return .prompt
    }

    /// `--field NAME=VALUE` pairs, then `--field-file NAME=FILE` answers (the file's first line, so a secret
    /// answer never appears in argv); a name given twice collects several values (multi-valued fields).
    static func fieldAnswers(_ fields: [String], files: [String] = [], context: CommandContext) throws -> [String: [String]] {
        var answers: [String: [String]] = [:]
        for field in fields {
            guard let equals = field.firstIndex(of: "=") else { continue }
            answers[String(field[..<equals]), default: []].append(String(field[field.index(after: equals)...]))
        }
        for file in files {
            guard let equals = file.firstIndex(of: "=") else { continue }
            let name = String(file[..<equals])
            let path = String(file[file.index(after: equals)...])
            guard let bytes = StandardStreams.read(path: path, limit: fieldFileLimit), bytes.count <= fieldFileLimit,
                let text = String(validating: bytes, as: UTF8.self)
            else {
                throw ErrorPresentation(
                    status: .usage, condition: "field-file-unreadable",
                    message: context.localizer.text(
                        "register.error.field-file-unreadable",
                        ["path": TerminalText.neutralized(path), "field": TerminalText.neutralized(name, maximumLength: 100)]))
            }
            answers[name, default: []].append(SecretInput.firstLine(in: text))
        }
        return answers
    }

    /// The largest `--field-file` accepted: far more than any form answer.
    static let fieldFileLimit = 64 * 1024
}
