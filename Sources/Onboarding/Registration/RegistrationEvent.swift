import XMPPClient
import XMPPCore

/// Progress of a `RegistrationSession`, for a status line (never carries secrets).
public enum RegistrationEvent: Sendable {
    /// TLS is up and the certificate verified; the registration form was requested.
    case secured(Endpoint)
    /// The server sent a form (fields, CAPTCHA).
    case formReceived(RegistrationForm)
    /// The username was taken; trying the next one.
    case usernameTaken(String, next: String)
    /// The CAPTCHA answer was refused: a fresh challenge follows (attempt number starting at 1).
    case captchaRejected(RegistrationFailure, attempt: Int)
    /// The server refused an answer but a fresh form may be tried (shown with its text).
    case answerRefused(RegistrationFailure)
    /// The account exists (before the proving login).
    case created(JID)
}
