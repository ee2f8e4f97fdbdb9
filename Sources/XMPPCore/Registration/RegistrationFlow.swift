/// XEP-0077 in-band registration as a sans-I/O state machine: request the form, present what it needs, submit
/// the answers, and classify the outcome (XEP-0077 §3.1, §6; XEP-0158; security.md §5.3).
///
/// The driver feeds it the IQ responses (already matched by `IQTracker`) and performs the actions. Ids come
/// from `Configuration.idPrefix` plus a counter, so transcripts are deterministic.
///
/// ```
/// idle ─requestForm()→ awaitingForm ─result→ formReceived ─submit()→ awaitingResult ─result→ registered
///                        │ <registered/> → alreadyRegistered          │ error (correctable, no CAPTCHA) → rejected ─submit()/requestForm()
///                        │ redirect → redirected                      │ error after a CAPTCHA form → needsFreshForm ─requestForm()
///                        └ error → failed                             └ other errors → failed
/// ```
public struct RegistrationFlow: Sendable {
    /// Fixed inputs of one registration attempt.
    public struct Configuration: Sendable {
        /// The `to` of the IQs (the domain), or `nil` to address the stream's server implicitly.
        public var server: String?
        /// Prefix of the IQ ids this flow generates (`reg1`, `reg2`, …).
        public var idPrefix: String
        /// `StreamFeatures.offersInviteTokenRegistration` of the stream (for invite-only classification).
        public var offersInviteTokenRegistration: Bool
        /// Whether an invite token was redeemed on this stream before registering (XEP-0445).
        public var usedInviteToken: Bool
        /// How many CAPTCHA failures end the flow (a fresh form is offered before that).
        public var maximumCaptchaAttempts: Int
        /// Limits for inline CAPTCHA media.
        public var mediaLimits: BitsOfBinaryData.Limits
        /// Checks Bits of Binary `cid` hashes when given.
        public var crypto: (any CryptoPrimitives)?

        public init(
            server: String? = nil,
            idPrefix: String = "reg",
            offersInviteTokenRegistration: Bool = false,
            usedInviteToken: Bool = false,
            maximumCaptchaAttempts: Int = 5,
            mediaLimits: BitsOfBinaryData.Limits = .default,
            crypto: (any CryptoPrimitives)? = nil
        ) {
            self.server = server
            self.idPrefix = idPrefix
            self.offersInviteTokenRegistration = offersInviteTokenRegistration
            self.usedInviteToken = usedInviteToken
            self.maximumCaptchaAttempts = maximumCaptchaAttempts
            self.mediaLimits = mediaLimits
            self.crypto = crypto
        }
    }

    /// Where the registration stands.
    public enum State: Sendable, Hashable {
        /// Nothing sent yet.
        case idle
        /// Sent the form request with this id.
        case awaitingForm(requestID: String)
        /// The form is here: ask for what it needs, then `submit(_:)`.
        case formReceived(RegistrationForm)
        /// Sent the answers with this id.
        case awaitingResult(requestID: String, form: RegistrationForm, username: String?)
        /// The server refused the answers (`isCorrectable`); the same form may be submitted again with other
        /// answers (`form.carriedAnswers` keeps the others), or a fresh one requested.
        case rejected(RegistrationFailure, form: RegistrationForm)
        /// The answers to a CAPTCHA form were refused (or the CAPTCHA failed): call `requestForm()` for a fresh
        /// form; the previous answers except CAPTCHA and hidden fields are carried over.
        case needsFreshForm(RegistrationFailure)
        /// Terminal: the server registers on the web only.
        case redirected(RegistrationRedirect)
        /// Terminal: `<registered/>` — this stream's entity already has an account.
        case alreadyRegistered
        /// Terminal: the account exists. The driver now authenticates with the submitted credentials.
        case registered(username: String?)
        /// Terminal.
        case failed(RegistrationFailure)
    }

    /// What the driver must do.
    public enum Action: Sendable, Hashable {
        /// Send this IQ (register its id with `IQTracker`).
        case send(IQ)
        /// Show the form and collect the answers (prompts, `--field`, CAPTCHA), then `submit(_:)`.
        case presentForm(RegistrationForm)
        /// Show the web registration (URL escaped, QR code of `webURL`).
        case redirect(RegistrationRedirect)
        /// Report that the account already exists.
        case alreadyRegistered
        /// Registration succeeded.
        case registered(username: String?)
        /// The input was refused; fix it and `submit(_:)` again, or `requestForm()` when `freshFormNeeded`.
        case retry(RegistrationFailure, freshFormNeeded: Bool)
        /// Registration failed for good.
        case failed(RegistrationFailure)
    }

    public private(set) var configuration: Configuration
    public private(set) var state: State = .idle
    /// CAPTCHA failures so far.
    public private(set) var captchaFailures = 0
    private var nextID = 1
    /// Answers carried to the next form after a failure (no secrets, no CAPTCHA answers).
    private var carriedAnswers: [String: [String]] = [:]
    private var pendingCarry: [String: [String]] = [:]
    /// The secrets of the submission in flight (the password, token- and password-named fields, and the answers
    /// to `text-private` fields, which a submit form does not mark), kept only to redact them from error texts and
    /// from the `--verbose` trace.
    public private(set) var submittedSecrets: [String] = []

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    // MARK: - Events

    /// Requests the registration form (XEP-0077 §3.1 step 2): allowed at the start, after `rejected`, and in
    /// `needsFreshForm`.
    public mutating func requestForm() -> [Action] {
        switch state {
        case .idle, .rejected, .needsFreshForm: break
        default: preconditionFailure("requestForm() in \(state)")
        }
        let id = makeID()
        state = .awaitingForm(requestID: id)
        let query = Element("query", namespace: Namespace.register)
        return [.send(IQ(type: .get, id: id, to: configuration.server, payload: query))]
    }

    /// Submits `answers` to the current form (`formReceived`, or `rejected`). Throws, sending nothing, when a
    /// value is missing or does not fit; the CLI then prompts or reports `needs-input`.
    public mutating func submit(_ answers: RegistrationAnswers) throws(RegistrationInputError) -> [Action] {
        let form: RegistrationForm
        switch state {
        case .formReceived(let current), .rejected(_, let current): form = current
        default: preconditionFailure("submit(_:) in \(state)")
        }
        let query = try form.makeQuery(answers: answers)
        let id = makeID()
        // The password, plus every other secret the query carries (token-named or password-named fields).
        submittedSecrets = (answers.password.map { [$0] } ?? []) + Redaction.secrets(in: query) + form.secretAnswers(for: answers)
        pendingCarry = form.answersToCarry(from: answers)
        state = .awaitingResult(requestID: id, form: form, username: form.submittedUsername(for: answers))
        return [.send(IQ(type: .set, id: id, to: configuration.server, payload: query))]
    }

    /// Records what the registration stream's `<stream:features/>` advertise (invite-token registration), when
    /// they arrive after `requestForm()` was pipelined with the stream header. Affects only how later errors are
    /// classified (security.md §5.3).
    public mutating func receiveStreamFeatures(_ features: StreamFeatures) {
        configuration.offersInviteTokenRegistration = features.offersInviteTokenRegistration
    }

    /// Records CAPTCHA media the driver fetched for an unresolved `cid:` (XEP-0231 §3) in the current form, so
    /// `state` shows what the user saw. No effect outside `formReceived`.
    public mutating func resolveCaptchaMedia(_ data: BitsOfBinaryData) {
        guard case .formReceived(var form) = state, let captcha = form.captcha else { return }
        form.captcha = captcha.resolved(with: data)
        state = .formReceived(form)
    }

    /// Handles the response to this flow's latest request; anything else is ignored (returns no actions).
    public mutating func receive(_ iq: IQ) -> [Action] {
        guard iq.type == .result || iq.type == .error else { return [] }
        switch state {
        case .awaitingForm(let requestID) where requestID == iq.id:
            return receiveForm(iq)
        case .awaitingResult(let requestID, let form, let username) where requestID == iq.id:
            return receiveResult(iq, form: form, username: username)
        default:
            return []
        }
    }

    // MARK: - Responses

    private mutating func receiveForm(_ iq: IQ) -> [Action] {
        guard iq.type == .result else {
            return fail(classify(iq, phase: .formRequest, afterCaptcha: false))
        }
        guard let query = RegistrationQuery(parsing: iq) else {
            return fail(RegistrationFailure(kind: .malformedResponse, phase: .formRequest))
        }
        switch query.method {
        case .alreadyRegistered:
            state = .alreadyRegistered
            return [.alreadyRegistered]
        case .redirect(let redirect):
            state = .redirected(redirect)
            return [.redirect(redirect)]
        case .unusable:
            return fail(RegistrationFailure(kind: .malformedResponse, phase: .formRequest))
        case .dataForm, .legacyFields:
            guard var form = RegistrationForm(query: query, limits: configuration.mediaLimits, verifyingWith: configuration.crypto)
            else { return fail(RegistrationFailure(kind: .malformedResponse, phase: .formRequest)) }
            form.carriedAnswers = carriedAnswers
            state = .formReceived(form)
            return [.presentForm(form)]
        }
    }

    private mutating func receiveResult(_ iq: IQ, form: RegistrationForm, username: String?) -> [Action] {
        defer { submittedSecrets = [] }
        guard iq.type == .error else {
            // XEP-0077 §3.1: an empty result; a payload (even `<registered/>`) does not change the outcome (R8).
            state = .registered(username: username)
            return [.registered(username: username)]
        }
        let failure = classify(iq, phase: .submission, afterCaptcha: form.captcha != nil)
        guard failure.isCorrectable else { return fail(failure) }
        carriedAnswers = pendingCarry
        if failure.kind == .captchaFailed {
            captchaFailures += 1
            if captchaFailures >= configuration.maximumCaptchaAttempts { return fail(failure) }
        }
        if form.needsFreshFormAfterFailure {
            state = .needsFreshForm(failure)
            return [.retry(failure, freshFormNeeded: true)]
        }
        var retained = form
        retained.carriedAnswers = carriedAnswers
        state = .rejected(failure, form: retained)
        return [.retry(failure, freshFormNeeded: false)]
    }

    private func classify(_ iq: IQ, phase: RegistrationFailure.Phase, afterCaptcha: Bool) -> RegistrationFailure {
        let error = iq.error ?? StanzaError(type: .cancel, condition: .undefinedCondition)
        let context = RegistrationFailure.Context(
            phase: phase, afterCaptcha: afterCaptcha,
            offersInviteTokenRegistration: configuration.offersInviteTokenRegistration,
            usedInviteToken: configuration.usedInviteToken)
        return RegistrationFailure(classifying: error, context: context, redacting: submittedSecrets)
    }

    private mutating func fail(_ failure: RegistrationFailure) -> [Action] {
        state = .failed(failure)
        return [.failed(failure)]
    }

    private mutating func makeID() -> String {
        defer { nextID += 1 }
        return "\(configuration.idPrefix)\(nextID)"
    }
}
