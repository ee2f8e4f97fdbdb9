/// Why a password change (XEP-0077 §3.3) or account removal (XEP-0077 §3.2) failed, classified by condition and
/// type, never by the English `<text/>`.
///
/// Keeps only condition, type and text; the IQ payload (which a server might echo with the passwords) is
/// dropped, and the passwords sent are redacted from the text (security.md §5.4, R9).
public struct AccountRequestFailure: Error, Sendable, Hashable {
    /// The classification; raw values are stable strings for JSON and message keys.
    public enum Kind: String, Sendable, CaseIterable {
        /// `bad-request`: incomplete request (`<username/>` missing, or `<remove/>` not the only child).
        case badRequest = "bad-request"
        /// `not-authorized`: the server does not consider the channel safe enough, or the credentials are wrong.
        case notAuthorized = "not-authorized"
        /// `not-allowed`: password changes or in-band removal are disabled.
        case notAllowed = "not-allowed"
        /// `forbidden`: insufficient permission.
        case forbidden
        /// `unexpected-request` / `registration-required`: the requester is not registered.
        case notRegistered = "not-registered"
        /// `resource-constraint`, or `policy-violation` of type `wait`.
        case rateLimited = "rate-limited"
        /// `internal-server-error`: retry later, and check whether the change happened.
        case temporaryFailure = "temporary-failure"
        /// `service-unavailable` / `feature-not-implemented`.
        case unavailable
        /// A result the XEP does not allow.
        case malformedResponse = "malformed-response"
        case other
    }

    public var kind: Kind
    public var condition: StanzaError.Condition?
    public var errorType: StanzaError.ErrorType?
    /// The server's text with the passwords sent redacted; otherwise unsanitized (use `displayText`).
    public var text: String?

    public init(
        kind: Kind,
        condition: StanzaError.Condition? = nil,
        errorType: StanzaError.ErrorType? = nil,
        text: String? = nil
    ) {
        self.kind = kind
        self.condition = condition
        self.errorType = errorType
        self.text = text
    }

    /// Classifies `error`, removing each of `secrets` from its text.
    public init(classifying error: StanzaError, redacting secrets: [String] = []) {
        var text = error.text
        for secret in secrets where !secret.isEmpty {
            text = text?.replacing(secret, with: "[redacted]")
        }
        let kind: Kind
        switch error.condition {
        case .badRequest: kind = .badRequest
        case .notAuthorized: kind = .notAuthorized
        case .notAllowed: kind = .notAllowed
        case .forbidden: kind = .forbidden
        case .unexpectedRequest, .registrationRequired: kind = .notRegistered
        case .resourceConstraint: kind = .rateLimited
        case .policyViolation where error.type == .wait: kind = .rateLimited
        case .internalServerError: kind = .temporaryFailure
        case .serviceUnavailable, .featureNotImplemented: kind = .unavailable
        default: kind = .other
        }
        self.init(kind: kind, condition: error.condition, errorType: error.type, text: text)
    }

    /// The server's text safe to print.
    public var displayText: String? {
        text.map { TerminalText.neutralized($0) }
    }
}

extension AccountRequestFailure: CustomStringConvertible {
    public var description: String {
        let wire = [errorType?.rawValue, condition?.rawValue].compactMap { $0 }.joined(separator: "/")
        return "account request failed: \(kind.rawValue)" + (wire.isEmpty ? "" : " (\(wire))")
            + (displayText.map { ": \($0)" } ?? "")
    }
}
