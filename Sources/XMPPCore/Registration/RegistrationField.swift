/// A field of a registration, password-change or removal form, with what it means to this client.
///
/// Data-form fields keep their XEP-0004 description; legacy XEP-0077 fields are presented as data-form fields
/// (`text-private` for `<password/>`, otherwise `text-single`, all required as the XEP asks the client to provide
/// every element returned), so callers ask for both the same way.
public struct RegistrationField: Sendable, Hashable {
    /// What the field is for.
    public enum Role: String, Sendable, CaseIterable {
        /// The account name: filled from `RegistrationAnswers.username`.
        case username
        /// The (new) password: filled from `RegistrationAnswers.password`.
        case password
        /// A repeat of the password (`password-verify`, `password_confirm`, …): filled with the same password.
        case passwordConfirmation = "password-confirmation"
        /// The current password in a password-change or removal form (`old_password`).
        case oldPassword = "old-password"
        /// An e-mail address (asked like any other field, but named for prompts).
        case email
        /// A CAPTCHA question (XEP-0158): answered from `CaptchaChallenge`.
        case captchaAnswer = "captcha-answer"
        /// CAPTCHA machinery (`challenge`, `sid`, `captcha-fallback-*`): echoed or displayed, never asked.
        case captchaInternal = "captcha-internal"
        /// A hidden field (including `FORM_TYPE` and the legacy `<key/>`): echoed unchanged, never asked.
        case hidden
        /// A `fixed` field: text to display, never submitted.
        case fixed
        /// Any other field: asked interactively or given with `--field NAME=VALUE`; unknown ones are shown,
        /// never silently dropped (security.md R7).
        case other
    }

    public var role: Role
    /// The field as a XEP-0004 field (synthesized for legacy fields).
    public var field: DataForm.Field

    public init(role: Role, field: DataForm.Field) {
        self.role = role
        self.field = field
    }

    /// The field `var` (the element name for legacy fields).
    public var variable: String { field.variable ?? "" }

    /// Whether the value comes from the person (a prompt or `--field NAME=VALUE`) rather than from the
    /// username, password or CAPTCHA handling, or from the server (hidden, fixed).
    public var isAsked: Bool {
        role == .email || role == .other
    }

    // MARK: - Recognizing roles by `var`

    /// `var`s of account-name fields (ejabberd and Prosody use `username`).
    static let usernameVariables: Set<String> = ["username", "user", "login"]
    /// `var`s of the (new) password (ejabberd, Prosody and XEP-0077's change form use `password`).
    static let passwordVariables: Set<String> = ["password", "pass", "passwd", "new_password", "new-password", "newpassword"]
    /// `var`s repeating the password (Prosody's admin forms use `password-verify`).
    static let confirmationVariables: Set<String> = [
        "password-verify", "password_verify", "password-confirm", "password_confirm", "confirm-password",
        "confirm_password", "password2", "passwordconfirm", "password-again", "password_again",
    ]
    /// `var`s of the current password (XEP-0077 §3.3 uses `old_password`).
    static let oldPasswordVariables: Set<String> = ["old_password", "old-password", "oldpassword", "current_password", "current-password"]
    static let emailVariables: Set<String> = ["email", "mail", "e-mail"]

    /// The role of a data-form field, given the form's CAPTCHA (if any).
    static func role(of field: DataForm.Field, captcha: CaptchaChallenge?) -> Role {
        let variable = field.variable ?? ""
        let name = variable.lowercased()
        if field.effectiveType == .fixed { return .fixed }
        if CaptchaChallenge.internalVariables.contains(variable), captcha != nil { return .captchaInternal }
        if field.effectiveType == .hidden || variable.isEmpty { return .hidden }
        if let captcha, captcha.questions.contains(where: { $0.variable == variable }) { return .captchaAnswer }
        if usernameVariables.contains(name) { return .username }
        if passwordVariables.contains(name) { return .password }
        if confirmationVariables.contains(name) { return .passwordConfirmation }
        if oldPasswordVariables.contains(name) { return .oldPassword }
        if emailVariables.contains(name) { return .email }
        return .other
    }

    /// A legacy field presented as a data-form field.
    static func legacy(_ legacyField: RegistrationQuery.LegacyField) -> RegistrationField {
        let known = legacyField.knownName
        let role: Role
        switch known {
        case .username?: role = .username
        case .password?: role = .password
        case .email?: role = .email
        case .key?: role = .hidden
        default: role = .other
        }
        let type: DataForm.Field.FieldType = role == .password ? .textPrivate : role == .hidden ? .hidden : .textSingle
        let values = legacyField.value.isEmpty ? [] : [legacyField.value]
        return RegistrationField(
            role: role,
            field: DataForm.Field(variable: legacyField.name, type: type, isRequired: true, values: values))
    }
}
