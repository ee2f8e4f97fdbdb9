import ArgumentParser
import FoundationEssentials
import Onboarding
import ProviderCatalogue
import QRCode
import XMPPClient
import XMPPCore

/// What `register` prints: progress on stderr, the result on stdout (text or one JSON object), and every
/// failure as an `ErrorPresentation` with its exit code and next step.
struct RegisterOutput: Sendable {
    let context: CommandContext
    let json: Bool
    let domain: (unicode: String, ascii: String)
    let save: String?
    let verbose: Bool
    let dataDirectory: String?

    /// `{"status":"registered","jid":…}` plus the generated password (unless saved) and how it was proven.
    struct Registered: Encodable {
        let status = "registered"
        let jid: String
        let password: String?
        let savedTo: String?
        let usernameGenerated: Bool
        let saslMechanism: String?

        enum CodingKeys: String, CodingKey {
            case status, jid, password
            case savedTo = "saved_to"
            case usernameGenerated = "username_generated"
            case saslMechanism = "sasl_mechanism"
        }
    }

    // MARK: - Progress

    func progress(_ event: RegistrationEvent) {
        let l = context.localizer
        let out = context.output
        switch event {
        case .secured(let endpoint):
            guard out.isInteractive || verbose else { return }
            out.diagnostic(
                l.text("register.progress.secured", ["host": TerminalText.neutralized(endpoint.host), "port": String(endpoint.port)]))
        case .formReceived(let form):
            guard out.isInteractive else { return }
            if let title = form.title, !title.isEmpty { out.diagnostic(TerminalText.neutralized(title, maximumLength: 200)) }
            for text in form.instructions where !text.isEmpty {
                out.diagnostic(TerminalText.neutralized(text, allowNewlines: true, maximumLength: 1_000))
            }
        case .usernameTaken(let taken, let next):
            out.diagnostic(
                l.text("register.progress.username-taken", ["username": TerminalText.neutralized(taken), "next": TerminalText.neutralized(next)]))
        case .captchaRejected(_, let attempt):
            out.diagnostic(l.text("register.progress.captcha-rejected", ["attempt": String(attempt)]))
        case .answerRefused(let failure):
            out.diagnostic(l.text("register.progress.refused", ["text": failure.displayText ?? failure.kind.rawValue]))
        case .created(let jid):
            guard out.isInteractive || verbose else { return }
            out.diagnostic(l.text("register.progress.created", ["jid": TerminalText.neutralized(jid.description)]))
        }
    }

    // MARK: - Results

    func report(_ outcome: RegistrationOutcome) throws {
        switch outcome {
        case .registered(let account):
            reportRegistered(account)
        case .redirect(let redirect):
            try reportRedirect(redirect)
        case .alreadyRegistered:
            throw ErrorPresentation(
                status: .failure, condition: "already-registered", message: context.localizer.text("register.error.already-registered"))
        }
    }

    private func reportRegistered(_ account: RegisteredAccount) {
        let l = context.localizer
        let out = context.output
        let showPassword = account.isPasswordGenerated && save == nil
        let jid = account.jid.description
        if json {
            out.result(
                JSONOutput.encode(
                    Registered(
                        jid: jid, password: showPassword ? account.password : nil, savedTo: save,
                        usernameGenerated: account.isUsernameGenerated, saslMechanism: account.mechanism?.mechanism.name)))
            return
        }
        out.result(l.text("register.ok", ["jid": TerminalText.neutralized(jid)]))
        if let mechanism = account.mechanism {
            out.result(l.text("register.login-ok", ["mechanism": mechanism.mechanism.name]))
        }
        if showPassword {
            out.result(l.text("register.password", ["password": account.password]))
            out.diagnostic(l.text("register.password-once"))
        }
        if let save { out.result(l.text("register.saved", ["path": TerminalText.neutralized(save)])) }
    }

    /// Web registration (XEP-0077 §5): the URL, a QR code of it and the provider's sign-up page; exit 69
    /// without a terminal (the URL in the JSON error), 0 on a terminal where the person takes it from here.
    private func reportRedirect(_ redirect: RegistrationRedirect) throws {
        let l = context.localizer
        let out = context.output
        let webPage = providerWebPage()
        let url = redirect.webURL?.displayText ?? webPage
        if json || !out.isInteractive {
            throw ErrorPresentation(
                status: .unavailable, condition: "web-registration",
                message: l.text("register.web.only", ["domain": TerminalText.neutralized(domain.unicode)]),
                serverText: redirect.instructions, hint: url.map { l.text("register.hint.web-page", ["url": $0]) }, url: url)
        }
        out.result(l.text("register.web.only", ["domain": TerminalText.neutralized(domain.unicode)]))
        if let instructions = redirect.displayInstructions { out.result(instructions) }
        if redirect.hasRejectedURL, let shown = redirect.url?.displayText {
            out.diagnostic(l.text("register.web.rejected-url", ["url": shown]))
        }
        if let webURL = redirect.webURL {
            out.result(webURL.displayText)
            if webURL.kind == .http { out.diagnostic(l.text("register.web.insecure")) }
            if let matrix = try? QRMatrix(encoding: webURL.text),
                let text = try? matrix.terminalText(style: out.useColor ? .colored : .monochrome)
            {
                out.result(text)
            }
        }
        if let webPage, webPage != redirect.webURL?.displayText {
            out.result(l.text("register.hint.web-page", ["url": webPage]))
        }
    }

    // MARK: - Failures

    func presentation(of error: any Error, username: String?) -> any Error {
        let l = context.localizer
        switch error {
        case RegistrationError.refused(let failure, let alternatives):
            return ErrorPresentation.of(
                failure, domain: domain.unicode, username: username, alternatives: alternatives,
                webPage: needsWebPage(failure) ? providerWebPage() : nil, localizer: l)
        case RegistrationError.needsInput(let fields, let captcha):
            return needsInput(fields, captcha: captcha)
        case RegistrationError.invalidAnswers(let problems):
            let list = problems.map { TerminalText.neutralized($0.variable ?? "?", maximumLength: 100) }.joined(separator: ", ")
            return ErrorPresentation(status: .usage, condition: "invalid-field", message: l.text("register.error.invalid-field", ["fields": list]))
        case RegistrationError.invalidInput:
            return ErrorPresentation(status: .usage, condition: "password-empty", message: l.text("password.empty"))
        case RegistrationError.captchaUnanswerable(_, let alternative):
            let url = alternative?.webURL?.displayText ?? providerWebPage()
            return ErrorPresentation(
                status: .unavailable, condition: "captcha-unsupported", message: l.text("register.error.captcha-unsupported"),
                hint: url.map { l.text("register.hint.web-page", ["url": $0]) }, url: url)
        case RegistrationError.loginFailedAfterRegistration(let account, let underlying):
            let detail = ErrorPresentation.of(underlying, localizer: l).redacting([account.password]).message
            if account.isPasswordGenerated && save == nil && !json {
                context.output.result(l.text("register.password", ["password": account.password]))
            }
            var presentation = ErrorPresentation(
                status: .failure, condition: "login-failed",
                message: l.text("register.error.login-failed", ["jid": TerminalText.neutralized(account.jid.description), "detail": detail]))
            if account.isPasswordGenerated && save == nil { presentation.password = account.password }
            return presentation
        case RegistrationError.cancelled:
            return ErrorPresentation(status: .failure, condition: "cancelled", message: l.text("register.error.cancelled"))
        case let failure as CredentialFile.Failure:
            return ErrorPresentation.of(failure, localizer: l)
        case let noAnswer as TerminalCaptchaSolver.NoAnswer:
            let status: ExitStatus = noAnswer.failure == .timedOut ? .temporaryFailure : .usage
            return ErrorPresentation(
                status: status, condition: noAnswer.failure == .timedOut ? "timeout" : "captcha-answer-unreadable",
                message: l.text("captcha.error.no-answer", ["path": TerminalText.neutralized(noAnswer.path)]))
        default:
            return error
        }
    }

    /// No terminal and answers missing: `needs-input` JSON (with `--json`) or a message naming the flags; 64.
    private func needsInput(_ fields: [RegistrationField], captcha: CaptchaChallenge?) -> any Error {
        let report = NeedsInputReport.missing(fields, captcha: captcha)
        if json {
            context.output.result(JSONOutput.encode(report))
            return ExitStatus.usage.exitCode
        }
        let names = report.fields.map { $0.label ?? $0.variable }.joined(separator: ", ")
        let flags = Array(Set(report.fields.map(\.flag))).sorted().joined(separator: ", ")
        return ErrorPresentation(
            status: .usage, condition: "needs-input",
            message: context.localizer.text("register.error.needs-input", ["fields": names, "flags": flags]))
    }

    private func needsWebPage(_ failure: RegistrationFailure) -> Bool {
        [.notAllowed, .forbidden, .registrationUnavailable, .captchaFailed].contains(failure.kind)
    }

    /// The provider's `registrationWebPage` from the catalogue (in the message language), if listed and http(s).
    func providerWebPage() -> String? {
        let location = CatalogueLocation(explicitDirectory: dataDirectory, environment: ProcessInfo.processInfo.environment)
        guard let loaded = try? location.load(),
            let url = loaded.catalogue.provider(domain.ascii)?.registrationWebPage.url(for: context.localizer.language)
                ?? loaded.catalogue.provider(domain.unicode)?.registrationWebPage.url(for: context.localizer.language)
        else { return nil }
        let page = ServerURL(url.absoluteString)
        return page.isWebURL ? page.displayText : nil
    }
}
