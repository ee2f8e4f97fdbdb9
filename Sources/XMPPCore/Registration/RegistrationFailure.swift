/// Why a registration attempt failed, classified from the stanza error per security.md §5.3 — by condition,
/// type and context (stream features, CAPTCHA), never by the English `<text/>`.
///
/// Only the error's condition, type and text are kept: the IQ payload is dropped, because ejabberd 23.01 echoes
/// the submitted `<query/>` — password included — in its error replies (security.md §5.2, R9), and any occurrence
/// of the submitted password in the text is replaced by `[redacted]`.
public struct RegistrationFailure: Error, Sendable, Hashable {
    /// The classification; raw values are stable strings for JSON and message keys.
    public enum Kind: String, Sendable, CaseIterable {
        /// `conflict`: the username is taken — propose another.
        case conflict
        /// `not-acceptable`: invalid input (weak password, bad username, missing field, wrong CAPTCHA per the
        /// XEP) — show the server's text and ask again.
        case notAcceptable = "not-acceptable"
        /// `jid-malformed`: the username is not a valid localpart.
        case invalidUsername = "invalid-username"
        /// `not-allowed`: registration refused by configuration.
        case notAllowed = "not-allowed"
        /// `forbidden`: registration closed for this client (access rule, IP block list).
        case forbidden
        /// The server advertises invite-token registration (XEP-0445 `urn:xmpp:ibr-token:0` or `urn:xmpp:invite`)
        /// and refused plain registration: it needs an invite.
        case inviteOnly = "invite-only"
        /// `resource-constraint`, or `policy-violation` of type `wait`: too many registrations; retry later.
        case rateLimited = "rate-limited"
        /// `service-unavailable` / `feature-not-implemented`: in-band registration is off.
        case registrationUnavailable = "registration-unavailable"
        /// `internal-server-error`: transient server failure; retry later and check whether the account exists.
        case temporaryFailure = "temporary-failure"
        /// The CAPTCHA answer was refused or the challenge expired (ejabberd 23.01: `cancel/not-allowed` after a
        /// CAPTCHA form; XEP-0158: `service-unavailable` for an unknown or late answer) — fetch a fresh form.
        case captchaFailed = "captcha-failed"
        /// The reply was not what XEP-0077 allows (no query in a form result, an unusable query).
        case malformedResponse = "malformed-response"
        /// Any other condition.
        case other
    }

    /// Which request failed.
    public enum Phase: String, Sendable, CaseIterable {
        /// The form request (`<iq type='get'/>`).
        case formRequest = "form-request"
        /// The submission (`<iq type='set'/>`).
        case submission
    }

    public var kind: Kind
    public var phase: Phase
    /// The wire condition, `nil` for `malformedResponse`.
    public var condition: StanzaError.Condition?
    /// The wire error type, `nil` for `malformedResponse`.
    public var errorType: StanzaError.ErrorType?
    /// The server's `<text/>` with the submitted password redacted; otherwise unsanitized (use `displayText`).
    public var text: String?

    public init(
        kind: Kind,
        phase: Phase,
        condition: StanzaError.Condition? = nil,
        errorType: StanzaError.ErrorType? = nil,
        text: String? = nil
    ) {
        self.kind = kind
        self.phase = phase
        self.condition = condition
        self.errorType = errorType
        self.text = text
    }

    /// The server's text safe to print (controls and bidi overrides escaped, bounded).
    public var displayText: String? {
        text.map { TerminalText.neutralized($0) }
    }

    /// Whether changing the input (username, password, fields, CAPTCHA answer) may succeed.
    public var isCorrectable: Bool {
        switch kind {
        case .conflict, .notAcceptable, .invalidUsername, .captchaFailed: true
        default: false
        }
    }

    /// Whether the same request may succeed later without changes (`wait` conditions): back off.
    public var isTemporary: Bool {
        kind == .rateLimited || kind == .temporaryFailure
    }
}

// MARK: - Classification

extension RegistrationFailure {
    /// What the classifier needs to know besides the error.
    public struct Context: Sendable, Hashable {
        public var phase: Phase
        /// The submitted form carried a CAPTCHA.
        public var afterCaptcha: Bool
        /// The stream features advertised invite-token registration (`StreamFeatures.offersInviteTokenRegistration`).
        public var offersInviteTokenRegistration: Bool
        /// This stream redeemed an invite token before registering (XEP-0445).
        public var usedInviteToken: Bool

        public init(
            phase: Phase,
            afterCaptcha: Bool = false,
            offersInviteTokenRegistration: Bool = false,
            usedInviteToken: Bool = false
        ) {
            self.phase = phase
            self.afterCaptcha = afterCaptcha
            self.offersInviteTokenRegistration = offersInviteTokenRegistration
            self.usedInviteToken = usedInviteToken
        }
    }

    /// Classifies `error` (security.md §5.3), removing each of `secrets` from the text.
    ///
    /// Order: rate limits and transient failures first (they say nothing about the input); then CAPTCHA
    /// failures after a CAPTCHA form (`not-allowed`, `service-unavailable`); then invite-only — a refusal
    /// (`not-acceptable`, `forbidden`, `not-allowed`, `service-unavailable`, `registration-required`) from a
    /// server that advertises invite tokens when none was used (Prosody 0.12 answers `not-acceptable`); then
    /// the condition alone.
    public init(classifying error: StanzaError, context: Context, redacting secrets: [String] = []) {
        var text = error.text
        for secret in secrets where !secret.isEmpty {
            text = text?.replacing(secret, with: "[redacted]")
        }
        self.init(kind: Self.kind(of: error, context: context), phase: context.phase, condition: error.condition,
                  errorType: error.type, text: text)
    }

    private static func kind(of error: StanzaError, context: Context) -> Kind {
        switch error.condition {
        case .resourceConstraint: return .rateLimited
        case .policyViolation where error.type == .wait: return .rateLimited
        case .internalServerError: return .temporaryFailure
        default: break
        }
        if context.afterCaptcha, context.phase == .submission,
            error.condition == .notAllowed || error.condition == .serviceUnavailable
        {
            return .captchaFailed
        }
        if context.offersInviteTokenRegistration, !context.usedInviteToken {
            switch error.condition {
            case .notAcceptable, .forbidden, .notAllowed, .serviceUnavailable, .registrationRequired:
                return .inviteOnly
            default: break
            }
        }
        switch error.condition {
        case .conflict: return .conflict
        case .notAcceptable: return .notAcceptable
        case .jidMalformed: return .invalidUsername
        case .notAllowed: return .notAllowed
        case .forbidden: return .forbidden
        case .serviceUnavailable, .featureNotImplemented: return .registrationUnavailable
        default: return .other
        }
    }
}

extension RegistrationFailure: CustomStringConvertible {
    /// `kind (type/condition): text`, the text neutralized; for logs, not for users.
    public var description: String {
        let wire = [errorType?.rawValue, condition?.rawValue].compactMap { $0 }.joined(separator: "/")
        return "registration \(phase.rawValue) failed: \(kind.rawValue)" + (wire.isEmpty ? "" : " (\(wire))")
            + (displayText.map { ": \($0)" } ?? "")
    }
}
