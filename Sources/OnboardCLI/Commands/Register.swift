import ArgumentParser
import FoundationEssentials
import Onboarding
import OpenSSLSupport
import XMPPCore

/// `xmpp-onboard register (JID | DOMAIN)`: create an account by in-band registration (XEP-0077), with data
/// forms, CAPTCHA (XEP-0158) and web redirects, then prove it with a login on the same stream (issue #3).
struct Register: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Create an account on a server (in-band registration, CAPTCHA included).",
        discussion: """
            Give the whole address (alice@example.org), or only the server (example.org) to get a generated, \
            pronounceable username. Prompts appear only on a terminal; elsewhere every answer must come from \
            options, and a missing one is a usage error (exit 64) naming the option.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var password: PasswordOptions

    @Argument(
        help: ArgumentHelp(
            "The new address (name@example.org), or a server (example.org) for a generated username.",
            valueName: "jid-or-domain"))
    var target: String

    @Option(help: ArgumentHelp("The username to register (with a bare server name).", valueName: "name"))
    var username: String?

    @Flag(help: "Generate a strong password (24 characters); it is printed once unless --save writes it.")
    var generatePassword = false

    @Option(
        name: .customLong("field"),
        help: ArgumentHelp("Answer a field of the server's form (repeatable).", valueName: "name=value"))
    var fields: [String] = []

    @Option(
        name: .customLong("field-file"),
        help: ArgumentHelp(
            "Answer a field of the server's form with the first line of a file, keeping secret answers out of the command line (repeatable).",
            valueName: "name=file"))
    var fieldFiles: [String] = []

    @Option(
        help: ArgumentHelp(
            "Wait for the CAPTCHA answer as a line in this file or FIFO ('-' for standard input), after printing a needs-input JSON line.",
            valueName: "path"))
    var captchaAnswerFile: String?

    @Option(help: ArgumentHelp("Write the address and password to this new file (mode 0600).", valueName: "file"))
    var save: String?

    @Flag(help: "Replace the --save file if it exists.")
    var force = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        let sources = [password.passwordFile != nil, password.passwordStdin, generatePassword].filter { $0 }.count
        if sources > 1 {
            throw ValidationError("--password-file, --password-stdin and --generate-password exclude each other.")
        }
        if force && save == nil { throw ValidationError("--force only applies to --save.") }
        for field in fields where !field.contains("=") || field.hasPrefix("=") {
            throw ValidationError("--field takes NAME=VALUE, not \(field).")
        }
        for field in fieldFiles where !field.contains("=") || field.hasPrefix("=") || field.hasSuffix("=") {
            throw ValidationError("--field-file takes NAME=FILE, not \(field).")
        }
    }

    func run() async throws {
        let context = CommandContext(global: global)
        try await ErrorPresentation.reporting(json: json, context: context) {
            try await register(context: context)
        }
    }

    private func register(context: CommandContext) async throws {
        let (domain, name) = try RegisterInput.target(target, username: username, localizer: context.localizer)
        let source = try RegisterInput.passwordSource(password, generate: generatePassword, context: context)
        let answers = try RegisterInput.fieldAnswers(fields, files: fieldFiles, context: context)
        if let save {
            do {
                try CredentialFile.checkWritable(save, overwrite: force)
            } catch {
                throw ErrorPresentation.of(error, localizer: context.localizer)
            }
        }
        let prompter = TerminalPrompter(context: context)
        let output = RegisterOutput(
            context: context, json: json, domain: domain, save: save, verbose: global.verbose, dataDirectory: global.dataDir)
        let savePath = save
        let overwrite = force
        let captchaSolver = TerminalCaptchaSolver(
            context: context, prompter: prompter, answerFilePath: captchaAnswerFile, timeout: connection.timeout)
        let session = RegistrationSession(
            connection: ConnectionSetup.configuration(domain: domain.ascii, options: connection, global: global, context: context),
            request: RegistrationRequest(domain: domain.ascii, username: name, password: source, fields: answers),
            prompter: prompter,
            captchaSolver: captchaSolver,
            crypto: OpenSSLCrypto(),
            onCreated: { account in
                guard let savePath else { return }
                let contents = CredentialFile.contents(jid: account.jid.description, password: account.password)
                try CredentialFile.write(contents, to: savePath, overwrite: overwrite)
            },
            onEvent: { output.progress($0) }
        )
        let outcome: RegistrationOutcome
        do {
            outcome = try await session.run()
        } catch {
            await captchaSolver.removeSavedImages()
            // A stream or stanza error's text may echo the password given (security.md §5.2).
            var secrets: [String] = []
            if case .given(let given) = source { secrets.append(given) }
            throw ErrorPresentation.of(output.presentation(of: error, username: name), redacting: secrets, localizer: context.localizer)
        }
        await captchaSolver.removeSavedImages()
        try output.report(outcome)
    }
}
