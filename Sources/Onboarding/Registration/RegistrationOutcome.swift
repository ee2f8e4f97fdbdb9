import XMPPClient
import XMPPCore

/// How a registration ended without an error.
public enum RegistrationOutcome: Sendable {
    /// The account exists and its credentials were accepted by SASL on the same stream.
    case registered(RegisteredAccount)
    /// The server registers on the web only (XEP-0077 §5): show the URL.
    case redirect(RegistrationRedirect)
    /// `<registered/>`: the stream's entity already has an account.
    case alreadyRegistered
}

/// A freshly created account. `password` is a secret: `description` redacts it.
public struct RegisteredAccount: Sendable, CustomStringConvertible {
    /// The bare JID.
    public var jid: JID
    public var password: String
    public var isPasswordGenerated: Bool
    public var isUsernameGenerated: Bool
    /// The SASL mechanism that proved the credentials, once proven.
    public var mechanism: MechanismSelection?
    /// Where the connection went.
    public var endpoint: Endpoint?

    public init(
        jid: JID, password: String, isPasswordGenerated: Bool, isUsernameGenerated: Bool,
        mechanism: MechanismSelection? = nil, endpoint: Endpoint? = nil
    ) {
        self.jid = jid
        self.password = password
        self.isPasswordGenerated = isPasswordGenerated
        self.isUsernameGenerated = isUsernameGenerated
        self.mechanism = mechanism
        self.endpoint = endpoint
    }

    public var description: String { "RegisteredAccount(\(jid), password: [redacted])" }
}

/// Why a registration stopped, besides connection errors (`ConnectionError`).
public enum RegistrationError: Error, Sendable {
    /// The server refused; `alternatives` are usernames to suggest after `conflict`.
    case refused(RegistrationFailure, alternatives: [String])
    /// Nobody can be asked (no terminal) and these answers are missing; `captcha` when a CAPTCHA is among them.
    case needsInput([RegistrationField], captcha: CaptchaChallenge?)
    /// `--field` answers that the form rejects (unknown field, value not among the options …).
    case invalidAnswers([DataForm.Problem])
    /// The password or username given is empty.
    case invalidInput(RegistrationInputError)
    /// The CAPTCHA cannot be solved in a terminal (audio, video, hash challenge, no usable media); the web
    /// alternative or the fallback URL, if any, is where to go.
    case captchaUnanswerable(CaptchaChallenge, alternative: RegistrationRedirect?)
    /// The account was created, but logging in with it failed: `account` has the credentials.
    case loginFailedAfterRegistration(RegisteredAccount, underlying: any Error)
    /// The person declined or closed the input (Ctrl-D).
    case cancelled
}
