/// A registration form as the user has to fill it (XEP-0077 §3.1, §4; XEP-0158): which fields are the
/// username and password, which other fields are asked, the CAPTCHA, and a web alternative.
///
/// Built from a `RegistrationQuery` by `RegistrationFlow`; `makeQuery(answers:)` builds the `<query/>` to submit
/// (the data form when there is one — never both shapes, XEP-0077 §6).
public struct RegistrationForm: Sendable, Hashable {
    /// The shape the server used.
    public enum Shape: Sendable, Hashable {
        /// A XEP-0004 form (submitted as `type='submit'`).
        case dataForm(DataForm)
        /// XEP-0077 legacy fields (submitted as elements of the query, `<key/>` echoed).
        case legacy([RegistrationQuery.LegacyField])
    }

    public var shape: Shape
    /// The form's `<title/>`, unsanitized.
    public var title: String?
    /// Instructions (the form's, else the query's), unsanitized.
    public var instructions: [String]
    /// Every field in form order, with its role.
    public var fields: [RegistrationField]
    /// The XEP-0158 challenge, if the form has one.
    public var captcha: CaptchaChallenge?
    /// Web registration offered besides the form (XEP-0077 §6 rows "x:data + x:oob"), if any.
    public var alternative: RegistrationRedirect?
    /// Answers carried over from a previous attempt (not hidden fields, CAPTCHA answers, username or password;
    /// protocols.md §4.3), used where the new answers say nothing.
    public var carriedAnswers: [String: [String]]

    public init(
        shape: Shape,
        title: String? = nil,
        instructions: [String] = [],
        fields: [RegistrationField],
        captcha: CaptchaChallenge? = nil,
        alternative: RegistrationRedirect? = nil,
        carriedAnswers: [String: [String]] = [:]
    ) {
        self.shape = shape
        self.title = title
        self.instructions = instructions
        self.fields = fields
        self.captcha = captcha
        self.alternative = alternative
        self.carriedAnswers = carriedAnswers
    }

    /// Builds the form for a `RegistrationQuery`; `nil` unless its method is a data form or legacy fields.
    public init?(
        query: RegistrationQuery,
        limits: BitsOfBinaryData.Limits = .default,
        verifyingWith crypto: (any CryptoPrimitives)? = nil
    ) {
        switch query.method {
        case .dataForm(let form, let alternative):
            let captcha = CaptchaChallenge(form: form, data: query.bitsOfBinary, limits: limits, verifyingWith: crypto)
            self.init(
                shape: .dataForm(form),
                title: form.title,
                instructions: form.instructions.isEmpty ? query.instructions.map { [$0] } ?? [] : form.instructions,
                fields: form.fields.map { RegistrationField(role: RegistrationField.role(of: $0, captcha: captcha), field: $0) },
                captcha: captcha,
                alternative: alternative)
        case .legacyFields(let legacyFields, let alternative):
            self.init(
                shape: .legacy(legacyFields),
                instructions: query.instructions.map { [$0] } ?? [],
                fields: legacyFields.map(RegistrationField.legacy),
                alternative: alternative)
        case .alreadyRegistered, .redirect, .unusable:
            return nil
        }
    }

    /// The `var` of the username field, if recognized.
    public var usernameVariable: String? { fields.first { $0.role == .username }?.variable }
    /// The `var` of the password field, if recognized.
    public var passwordVariable: String? { fields.first { $0.role == .password }?.variable }

    /// The fields a person supplies besides username, password and CAPTCHA (required and optional), in form
    /// order: the prompts, or the `--field` names for non-interactive use. Unknown fields are included (R7).
    public var askedFields: [RegistrationField] {
        fields.filter { $0.isAsked && $0.field.isVisible }
    }

    /// Hidden fields (echoed unchanged), for reports.
    public var hiddenFields: [RegistrationField] {
        fields.filter { $0.role == .hidden || ($0.role == .captchaInternal && $0.field.effectiveType == .hidden) }
    }

    /// Whether any failure after submitting this form needs a fresh form: a CAPTCHA is single-use and tied to
    /// the stream (XEP-0158; ejabberd keeps it 120 s).
    public var needsFreshFormAfterFailure: Bool { captcha != nil }

    /// The fields that still lack a value with `answers` applied (username, password and CAPTCHA fields
    /// included), in form order: what a `needs-input` report lists.
    public func missingFields(for answers: RegistrationAnswers) -> [RegistrationField] {
        let values = resolvedValues(for: answers)
        return fields.filter { item in
            item.field.isRequired && item.field.isAnswerable && !(values[item.variable] ?? item.field.values).contains { !$0.isEmpty }
        }
    }
}
