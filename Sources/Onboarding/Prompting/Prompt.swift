import XMPPCore

/// What a `Prompter` asks, as data: the prompter turns it into localized words (library targets carry no
/// user-facing English). Server-supplied parts (labels, descriptions, questions) are unsanitized here; the
/// prompter neutralizes them before printing (security.md §7.1).
public enum Prompt: Sendable, Hashable {
    /// The account name to register, with a suggestion to accept by pressing Enter.
    case username(suggestion: String?)
    /// The username was taken: Enter takes the first alternative, a number picks one, or type another name.
    case usernameTaken(String, alternatives: [String])
    /// A new password (first entry).
    case newPassword
    /// The same new password again.
    case repeatPassword
    /// The account's current password.
    case currentPassword
    /// A registration-form field other than username, password and CAPTCHA.
    case field(RegistrationField)
    /// A CAPTCHA question (the image, if any, was shown first).
    case captcha(CaptchaChallenge.Question)
    /// Confirm deleting this account for good.
    case confirmAccountDeletion(String)
}
