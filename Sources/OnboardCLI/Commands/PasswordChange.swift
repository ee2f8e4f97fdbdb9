import ArgumentParser
import FoundationEssentials
import Onboarding
import OpenSSLSupport
import XMPPClient
import XMPPCore

/// `xmpp-onboard password change JID`: log in with the current password and set a new one (XEP-0077 §3.3,
/// including the `jabber:iq:register:changepassword` form variant), only over verified TLS.
struct PasswordChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Change the password of an account (in-band, XEP-0077).",
        discussion: """
            The current password comes from --password-file, --password-stdin or a prompt; the new one from \
            --new-password-file, --new-password-stdin, --generate-password or a prompt. When both come from \
            standard input, the first line is the current password and the second the new one.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var password: PasswordOptions

    @Argument(help: "The account's address, for example alice@example.org.")
    var jid: String

    @Option(help: ArgumentHelp("Read the new password from the first line of this file.", valueName: "file"))
    var newPasswordFile: String?

    @Flag(help: "Read the new password from standard input (the second line if the current one is there too).")
    var newPasswordStdin = false

    @Flag(help: "Generate a strong new password; it is printed once unless --save writes it.")
    var generatePassword = false

    @Option(help: ArgumentHelp("Write the address and new password to this new file (mode 0600).", valueName: "file"))
    var save: String?

    @Flag(help: "Replace the --save file if it exists.")
    var force = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    /// `{"status":"changed","jid":…}` plus the generated password unless saved.
    struct Changed: Encodable {
        let status = "changed"
        let jid: String
        let password: String?
        let savedTo: String?

        enum CodingKeys: String, CodingKey {
            case status, jid, password
            case savedTo = "saved_to"
        }
    }

    func validate() throws {
        if [newPasswordFile != nil, newPasswordStdin, generatePassword].filter({ $0 }).count > 1 {
            throw ValidationError("--new-password-file, --new-password-stdin and --generate-password exclude each other.")
        }
        if force && save == nil { throw ValidationError("--force only applies to --save.") }
    }

    func run() async throws {
        let context = CommandContext(global: global)
        try await ErrorPresentation.reporting(json: json, context: context) {
            do {
                try await change(context: context)
            } catch let failure as CredentialFile.Failure {
                throw ErrorPresentation.of(failure, localizer: context.localizer)
            }
        }
    }

    private func change(context: CommandContext) async throws {
        let l = context.localizer
        let account = try AccountInput.parseAccountJID(jid, localizer: l)
        if let save { try CredentialFile.checkWritable(save, overwrite: force) }
        let current = try AccountInput.readPassword(password, context: context)
        let (newPassword, generated) = try await readNewPassword(context: context)
        guard let username = account.localpart else { preconditionFailure("account JID without localpart") }
        let session = try await ConnectionSetup.open(account: account, options: connection, global: global, context: context)
        do {
            _ = try await session.negotiate(.authenticate(.init(username: username, password: current)), crypto: OpenSSLCrypto())
            let secrets = [current, newPassword]
            var outcome = PasswordChange.classify(
                try await session.request(
                    try PasswordChange.makeRequest(
                        username: username, newPassword: newPassword, server: account.domainASCII, id: await session.makeID()),
                    step: "password change"),
                redacting: secrets)
            if case .formRequired(let form) = outcome {
                let submission = try PasswordChange.makeFormSubmission(
                    form, username: username, oldPassword: current, newPassword: newPassword, server: account.domainASCII,
                    id: await session.makeID())
                outcome = PasswordChange.classify(try await session.request(submission, step: "password change"), redacting: secrets)
            }
            await session.close()
            switch outcome {
            case .changed: break
            case .formRequired:
                throw ErrorPresentation.of(AccountRequestFailure(kind: .malformedResponse), localizer: l)
            case .failed(let failure):
                throw ErrorPresentation.of(failure, localizer: l)
            }
        } catch {
            await session.abort()
            throw ErrorPresentation.of(error, redacting: [current, newPassword], localizer: l)
        }
        if let save {
            try CredentialFile.write(CredentialFile.contents(jid: account.description, password: newPassword), to: save, overwrite: force)
        }
        let showPassword = generated && save == nil
        if json {
            context.output.result(
                JSONOutput.encode(Changed(jid: account.description, password: showPassword ? newPassword : nil, savedTo: save)))
            return
        }
        context.output.result(l.text("password-change.ok", ["jid": TerminalText.neutralized(account.description)]))
        if showPassword {
            context.output.result(l.text("register.password", ["password": newPassword]))
            context.output.diagnostic(l.text("register.password-once"))
        }
        if let save { context.output.result(l.text("register.saved", ["path": TerminalText.neutralized(save)])) }
    }

    /// The new password and whether it was generated.
    private func readNewPassword(context: CommandContext) async throws -> (String, Bool) {
        if generatePassword {
            var random = SystemRandomNumberGenerator()
            return (PasswordGenerator().makePassword(using: &random), true)
        }
        if newPasswordFile != nil || newPasswordStdin {
            var options = PasswordOptions()
            options.passwordFile = newPasswordFile
            options.passwordStdin = newPasswordStdin
            return (try AccountInput.readPassword(options, context: context), false)
        }
        guard context.output.isInteractive else {
            throw ErrorPresentation(
                status: .usage, condition: "password-required", message: context.localizer.text("password-change.error.new-needed"))
        }
        let prompter = TerminalPrompter(context: context)
        while true {
            let first = try await prompter.askSecret(.newPassword)
            guard !first.isEmpty else { continue }
            if try await prompter.askSecret(.repeatPassword) == first { return (first, false) }
            context.output.diagnostic(context.localizer.text("prompt.passwords-differ"))
        }
    }
}
