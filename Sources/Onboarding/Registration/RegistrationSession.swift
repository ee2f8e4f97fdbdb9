import FoundationEssentials
import XMPPClient
import XMPPCore

/// Creates one account by in-band registration (XEP-0077) and proves it with a SASL login on the same stream.
///
/// Drives `RegistrationFlow` over an `XMPPConnection`: the form request is pipelined with the encrypted stream
/// header; the form's answers come from the request (`--field`, username, password), then from the `Prompter`
/// (only when interactive) and the `CaptchaSolving` for CAPTCHA questions. `conflict` on a generated username
/// tries another one; a refused CAPTCHA fetches a fresh form (bounded). No terminal code: the CLI, the wizard
/// and bulk runs share it.
public struct RegistrationSession: Sendable {
    public var connection: XMPPConnection.Configuration
    public var request: RegistrationRequest
    public var prompter: any Prompter
    public var captchaSolver: any CaptchaSolving
    public var crypto: any CryptoPrimitives
    /// Called once the server created the account, before the proving login: store the credentials durably
    /// here (security.md §6.4). An error ends the session (the account exists nonetheless).
    public var onCreated: @Sendable (RegisteredAccount) async throws -> Void
    /// Progress notices.
    public var onEvent: @Sendable (RegistrationEvent) -> Void
    /// Draws a username when none was given, and after `conflict` on a drawn one (`UsernameGenerator` with the
    /// system CSPRNG; tests inject names).
    public var makeUsername: @Sendable () -> String = {
        var random = SystemRandomNumberGenerator()
        return UsernameGenerator().makeUsername(using: &random)
    }

    public init(
        connection: XMPPConnection.Configuration,
        request: RegistrationRequest,
        prompter: any Prompter,
        captchaSolver: any CaptchaSolving,
        crypto: any CryptoPrimitives,
        onCreated: @escaping @Sendable (RegisteredAccount) async throws -> Void = { _ in },
        onEvent: @escaping @Sendable (RegistrationEvent) -> Void = { _ in }
    ) {
        self.connection = connection
        self.request = request
        self.prompter = prompter
        self.captchaSolver = captchaSolver
        self.crypto = crypto
        self.onCreated = onCreated
        self.onEvent = onEvent
    }

    /// Connects, registers and logs in. Throws `RegistrationError` for refusals and missing answers, and
    /// `ConnectionError` for network, TLS and stream failures.
    public func run() async throws -> RegistrationOutcome {
        let connection = try await XMPPConnection.open(self.connection)
        do {
            return try await register(on: connection)
        } catch {
            await connection.abort()
            throw error
        }
    }

    /// What this run has decided so far.
    struct Attempt {
        var username: String?
        var isUsernameGenerated = false
        var password: String?
        var fields: [String: [String]]
        var usernamesTried = 1
        var retries = 0
    }

    func register(on connection: XMPPConnection) async throws -> RegistrationOutcome {
        var flow = RegistrationFlow(
            configuration: .init(maximumCaptchaAttempts: request.maximumCaptchaAttempts, crypto: crypto))
        var attempt = try makeAttempt()
        guard case .send(let formRequest)? = flow.requestForm().first else { preconditionFailure("no form request") }
        let features = try await connection.negotiateForRegistration(crypto: crypto, pipelining: formRequest)
        flow.receiveStreamFeatures(features)
        onEvent(.secured(connection.endpoint))
        var actions = flow.receive(try await connection.response(to: formRequest.id, step: "registration form"))
        while true {
            guard let action = actions.first else { preconditionFailure("registration flow stalled in \(flow.state)") }
            switch action {
            case .send(let iq):
                await connection.rememberSecrets(flow.submittedSecrets)
                actions = flow.receive(try await connection.request(iq, step: "registration"))
            case .presentForm(let form):
                onEvent(.formReceived(form))
                let answers = try await collectAnswers(for: form, flow: &flow, connection: connection, attempt: &attempt)
                do {
                    actions = try flow.submit(answers)
                } catch {
                    throw Self.registrationError(error, form: form)
                }
            case .redirect(let redirect):
                await connection.close()
                return .redirect(redirect)
            case .alreadyRegistered:
                await connection.close()
                return .alreadyRegistered
            case .registered(let submitted):
                return try await finish(username: submitted ?? attempt.username, attempt: attempt, connection: connection)
            case .retry(let failure, let freshFormNeeded):
                try await recover(from: failure, afterCaptcha: freshFormNeeded, flow: flow, attempt: &attempt)
                if freshFormNeeded {
                    actions = flow.requestForm()
                } else if case .rejected(_, let form) = flow.state {
                    actions = [.presentForm(form)]
                } else {
                    preconditionFailure("retry without a form in \(flow.state)")
                }
            case .failed(let failure):
                throw RegistrationError.refused(failure, alternatives: alternatives(after: failure, attempt: attempt))
            }
        }
    }

    // MARK: - Inputs

    private func makeAttempt() throws -> Attempt {
        var attempt = Attempt(username: request.username, fields: request.fields)
        var random = SystemRandomNumberGenerator()
        if attempt.username == nil {
            attempt.username = makeUsername()
            attempt.isUsernameGenerated = true
        }
        switch request.password {
        case .given(let password):
            guard !password.isEmpty else { throw RegistrationError.invalidInput(.emptyPassword) }
            attempt.password = password
        case .generated:
            attempt.password = PasswordGenerator().makePassword(using: &random)
        case .prompt:
            break
        }
        return attempt
    }

    /// The answers for `form`: the request's, then prompts for what is still missing, then the CAPTCHA.
    private func collectAnswers(
        for form: RegistrationForm, flow: inout RegistrationFlow, connection: XMPPConnection, attempt: inout Attempt
    ) async throws -> RegistrationAnswers {
        if form.passwordVariable != nil && attempt.password == nil {
            attempt.password = try await askNewPassword(form: form)
        }
        var answers = RegistrationAnswers(username: attempt.username, password: attempt.password, fields: attempt.fields)
        let missing = form.missingFields(for: answers).filter { $0.role != .captchaAnswer && $0.role != .captchaInternal }
        if !missing.isEmpty {
            guard prompter.isInteractive else {
                throw RegistrationError.needsInput(missing + captchaFields(of: form), captcha: form.captcha)
            }
            for field in missing {
                let value = try await ask(field)
                answers.fields[field.variable] = [value]
                attempt.fields[field.variable] = [value]
            }
        }
        guard var captcha = form.captcha else { return answers }
        guard captcha.isAnswerableInTerminal else {
            throw RegistrationError.captchaUnanswerable(captcha, alternative: form.alternative)
        }
        captcha = try await resolveContentIDs(captcha, flow: &flow, connection: connection)
        let loader = CaptchaMediaLoader(timeout: self.connection.timeout)
        for question in captcha.questions {
            let image = await question.preferredMedia.asyncMap { await loader.image(for: $0) } ?? nil
            do {
                let answer = try await captchaSolver.answer(question, of: captcha, image: image, attempt: flow.captchaFailures + 1)
                answers.fields[question.variable] = [answer]
            } catch PromptError.unavailable {
                throw RegistrationError.needsInput(captchaFields(of: form), captcha: captcha)
            } catch PromptError.cancelled {
                throw RegistrationError.cancelled
            }
        }
        return answers
    }

    /// Fetches Bits of Binary data the form named but did not include (XEP-0231 §3) and records it in the flow.
    private func resolveContentIDs(
        _ captcha: CaptchaChallenge, flow: inout RegistrationFlow, connection: XMPPConnection
    ) async throws -> CaptchaChallenge {
        var resolved = captcha
        for question in captcha.questions {
            guard case .unresolvedContentID(let contentID)? = question.preferredMedia?.source else { continue }
            let request = BitsOfBinaryData.makeRequest(contentID: contentID, id: await connection.makeID())
            let response = try await connection.request(request, step: "CAPTCHA image")
            guard response.type == .result, let payload = response.payload,
                let data = try? BitsOfBinaryData(parsing: payload, verifyingWith: crypto)
            else { continue }
            flow.resolveCaptchaMedia(data)
            resolved = resolved.resolved(with: data)
        }
        return resolved
    }

    private func captchaFields(of form: RegistrationForm) -> [RegistrationField] {
        form.fields.filter { $0.role == .captchaAnswer }
    }

    private func askNewPassword(form: RegistrationForm) async throws -> String {
        do {
            while true {
                let first = try await prompter.askSecret(.newPassword)
                guard !first.isEmpty else { continue }
                let second = try await prompter.askSecret(.repeatPassword)
                if first == second { return first }
            }
        } catch .unavailable {
            throw RegistrationError.needsInput(form.fields.filter { $0.role == .password }, captcha: nil)
        } catch {
            throw RegistrationError.cancelled
        }
    }

    private func ask(_ field: RegistrationField) async throws -> String {
        do {
            switch field.field.effectiveType {
            case .textPrivate: return try await prompter.askSecret(.field(field))
            case .boolean: return try await prompter.confirm(.field(field)) ? "1" : "0"
            case .listSingle where !field.field.options.isEmpty:
                let options = field.field.options
                let index = try await prompter.choose(.field(field), from: options.map { $0.label ?? $0.value })
                return options[min(max(index, 0), options.count - 1)].value
            default: return try await prompter.ask(.field(field))
            }
        } catch .unavailable {
            throw RegistrationError.needsInput([field], captcha: nil)
        } catch {
            throw RegistrationError.cancelled
        }
    }

    // MARK: - Outcomes

    /// Decides whether a correctable refusal can be retried, and with what (XEP-0077 §3.1, security.md §5.3).
    private func recover(
        from failure: RegistrationFailure, afterCaptcha: Bool, flow: RegistrationFlow, attempt: inout Attempt
    ) async throws {
        attempt.retries += 1
        let limit = request.maximumUsernameAttempts + request.maximumCaptchaAttempts + 2
        guard attempt.retries <= limit else {
            throw RegistrationError.refused(failure, alternatives: alternatives(after: failure, attempt: attempt))
        }
        switch failure.kind {
        case .captchaFailed:
            onEvent(.captchaRejected(failure, attempt: flow.captchaFailures))
        case .conflict, .invalidUsername:
            try await chooseAnotherUsername(after: failure, attempt: &attempt)
        case .notAcceptable:
            if afterCaptcha, case .generated = request.password {
                // A generated password is strong: after a CAPTCHA form this is the XEP-0158 wrong-answer reply.
                onEvent(.captchaRejected(failure, attempt: attempt.retries))
            } else if prompter.isInteractive, case .prompt = request.password {
                onEvent(.answerRefused(failure))
                attempt.password = nil
            } else {
                throw RegistrationError.refused(failure, alternatives: [])
            }
        default:
            throw RegistrationError.refused(failure, alternatives: alternatives(after: failure, attempt: attempt))
        }
    }

    private func chooseAnotherUsername(after failure: RegistrationFailure, attempt: inout Attempt) async throws {
        let taken = attempt.username ?? ""
        guard attempt.usernamesTried < request.maximumUsernameAttempts else {
            throw RegistrationError.refused(failure, alternatives: alternatives(after: failure, attempt: attempt))
        }
        attempt.usernamesTried += 1
        var random = SystemRandomNumberGenerator()
        if attempt.isUsernameGenerated {
            let next = makeUsername()
            onEvent(.usernameTaken(taken, next: next))
            attempt.username = next
            return
        }
        guard prompter.isInteractive else {
            throw RegistrationError.refused(failure, alternatives: alternatives(after: failure, attempt: attempt))
        }
        let suggestions = failure.kind == .conflict ? UsernameGenerator().makeAlternatives(to: taken, using: &random) : []
        let typed: String
        do {
            typed = try await prompter.ask(.usernameTaken(taken, alternatives: suggestions))
        } catch {
            throw RegistrationError.cancelled
        }
        let trimmed = typed.trimmingASCIIWhitespace()
        if trimmed.isEmpty, let first = suggestions.first {
            attempt.username = first
        } else if let number = Int(trimmed), (1...suggestions.count).contains(number) {
            attempt.username = suggestions[number - 1]
        } else if let enforced = try? JID(localpart: trimmed, domainpart: request.domain).localpart {
            attempt.username = enforced
        } else {
            throw RegistrationError.refused(failure, alternatives: suggestions)
        }
    }

    /// Usernames to suggest after `conflict` (none for other failures).
    private func alternatives(after failure: RegistrationFailure, attempt: Attempt) -> [String] {
        guard failure.kind == .conflict, let taken = attempt.username else { return [] }
        var random = SystemRandomNumberGenerator()
        return UsernameGenerator().makeAlternatives(to: taken, using: &random)
    }

    private func finish(username: String?, attempt: Attempt, connection: XMPPConnection) async throws -> RegistrationOutcome {
        guard let username, let jid = try? JID(localpart: username, domainpart: request.domain) else {
            await connection.close()
            throw RegistrationError.refused(RegistrationFailure(kind: .malformedResponse, phase: .submission), alternatives: [])
        }
        var generated = false
        if case .generated = request.password { generated = true }
        var account = RegisteredAccount(
            jid: jid, password: attempt.password ?? "", isPasswordGenerated: generated,
            isUsernameGenerated: attempt.isUsernameGenerated, endpoint: connection.endpoint)
        onEvent(.created(jid))
        try await onCreated(account)
        guard let password = attempt.password else {
            await connection.close()
            return .registered(account)
        }
        do {
            account.mechanism = try await connection.proveCredentials(.init(username: username, password: password))
        } catch {
            await connection.abort()
            throw RegistrationError.loginFailedAfterRegistration(account, underlying: error)
        }
        await connection.close()
        return .registered(account)
    }

    static func registrationError(_ error: any Error, form: RegistrationForm) -> any Error {
        guard let input = error as? RegistrationInputError else { return error }
        switch input {
        case .missingAnswers(let fields): return RegistrationError.needsInput(fields, captcha: form.captcha)
        case .invalidAnswers(let problems): return RegistrationError.invalidAnswers(problems)
        case .emptyPassword, .emptyUsername: return RegistrationError.invalidInput(input)
        }
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async -> T) async -> T? {
        guard let value = self else { return nil }
        return await transform(value)
    }
}
