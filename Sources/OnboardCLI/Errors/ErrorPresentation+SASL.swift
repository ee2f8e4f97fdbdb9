import Localization
import XMPPCore

extension ErrorPresentation {
    /// SASL failures (RFC 6120 §6.5): a refused login exits 77 with the SASL condition; a server that fails
    /// the SCRAM checks (it cannot prove it knows the password) exits 69.
    static func of(_ error: SASLError, localizer l: Localizer) -> ErrorPresentation {
        switch error {
        case .failure(let failure):
            let condition = failure.condition.rawValue
            let status: ExitStatus =
                switch failure.condition {
                case .notAuthorized, .accountDisabled, .credentialsExpired, .invalidAuthzid: .permissionDenied
                case .temporaryAuthFailure: .temporaryFailure
                case .encryptionRequired, .mechanismTooWeak, .invalidMechanism: .unavailable
                case .aborted, .incorrectEncoding, .malformedRequest: .failure
                }
            let key: MessageKey =
                switch failure.condition {
                case .notAuthorized: "error.sasl.not-authorized"
                case .accountDisabled: "error.sasl.account-disabled"
                case .credentialsExpired: "error.sasl.credentials-expired"
                case .temporaryAuthFailure: "error.sasl.temporary"
                default: "error.sasl.other"
                }
            return .init(status: status, condition: condition, message: l.text(key, ["condition": condition]),
                         serverText: failure.text)
        case .scram(.serverError(let value)) where value == "invalid-proof" || value == "unknown-user":
            // RFC 5802 §7: the server says the proof (the password) or the user is wrong — a refused login.
            return .init(status: .permissionDenied, condition: "not-authorized",
                         message: l.text("error.sasl.not-authorized", ["condition": "not-authorized"]),
                         serverText: value)
        case .scram(let scramError):
            return .init(status: .unavailable, condition: "server-authentication-failed",
                         message: l.text("error.sasl.server-proof", ["detail": TerminalText.neutralized("\(scramError)", maximumLength: 200)]))
        case .invalidPassword:
            return .init(status: .usage, condition: "password-invalid", message: l.text("error.sasl.password-invalid"))
        case .protocolViolation(let token):
            return .init(status: .failure, condition: "sasl-protocol-violation",
                         message: l.text("error.sasl.protocol", ["detail": token]))
        case .payloadTooLarge, .incorrectEncoding:
            return .init(status: .failure, condition: "sasl-protocol-violation",
                         message: l.text("error.sasl.protocol", ["detail": "\(error)"]))
        }
    }
}
