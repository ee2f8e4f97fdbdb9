import XMPPCore

/// What to register: the inputs of one `RegistrationSession` (issue #3 `register` options).
public struct RegistrationRequest: Sendable {
    /// Where the password comes from.
    public enum PasswordSource: Sendable, Hashable, CustomStringConvertible {
        /// Given by the person (`--password-file`, `--password-stdin`).
        case given(String)
        /// Drawn by `PasswordGenerator` from the system CSPRNG (`--generate-password`).
        case generated
        /// Asked through the `Prompter` (twice) when the form has a password field.
        case prompt

        public var description: String {
            switch self {
            case .given: "given([redacted])"
            case .generated: "generated"
            case .prompt: "prompt"
            }
        }
    }

    /// The XMPP domain (an A-label), also the TLS reference identity.
    public var domain: String
    /// The account name; `nil` generates a pronounceable one and tries another on `conflict`.
    public var username: String?
    public var password: PasswordSource
    /// Answers by field `var` (`--field NAME=VALUE`).
    public var fields: [String: [String]]
    /// How many usernames to try (generated names, or names chosen after `conflict`).
    public var maximumUsernameAttempts: Int
    /// How many CAPTCHA answers to try before giving up (each wrong answer brings a fresh form).
    public var maximumCaptchaAttempts: Int

    public init(
        domain: String,
        username: String? = nil,
        password: PasswordSource,
        fields: [String: [String]] = [:],
        maximumUsernameAttempts: Int = 5,
        maximumCaptchaAttempts: Int = 3
    ) {
        self.domain = domain
        self.username = username
        self.password = password
        self.fields = fields
        self.maximumUsernameAttempts = maximumUsernameAttempts
        self.maximumCaptchaAttempts = maximumCaptchaAttempts
    }
}
