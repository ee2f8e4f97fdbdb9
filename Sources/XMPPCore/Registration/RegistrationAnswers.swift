/// What the user (or the command line) supplies for a registration form.
///
/// `username` and `password` fill the fields recognized as such (`RegistrationField.Role`); `fields` holds every
/// other answer by `var` — `--field NAME=VALUE`, interactive answers, and CAPTCHA answers under the question's
/// `var` (`answers.fields["ocr"] = ["7xk2p"]`). `username` and `password` win over `fields` for their fields.
///
/// Descriptions and reflection never show the password or secret-named fields.
public struct RegistrationAnswers: Sendable, Hashable {
    public var username: String?
    public var password: String?
    /// Answers by field `var`.
    public var fields: [String: [String]]

    public init(username: String? = nil, password: String? = nil, fields: [String: [String]] = [:]) {
        self.username = username
        self.password = password
        self.fields = fields
    }

    /// Sets a single-valued answer.
    public subscript(variable: String) -> String? {
        get { fields[variable]?.first }
        set { fields[variable] = newValue.map { [$0] } }
    }

    /// Whether a field `var` names a secret (its values are redacted in descriptions).
    static func isSecretName(_ variable: String) -> Bool {
        let name = variable.lowercased()
        return name.contains("password") || name.contains("token") || name == "preauth"
    }
}

extension RegistrationAnswers: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The answers with the password and secret-named fields replaced by `[redacted]`.
    public var description: String {
        let shownFields = fields.keys.sorted().map { key in
            "\(key): \(Self.isSecretName(key) ? "[redacted]" : String(describing: fields[key] ?? []))"
        }
        let shownPassword = password == nil ? "nil" : "[redacted]"
        return "RegistrationAnswers(username: \(username ?? "nil"), password: \(shownPassword), fields: [\(shownFields.joined(separator: ", "))])"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["answers": description], displayStyle: .struct)
    }
}

/// Why answers cannot be submitted yet; nothing was sent. The CLI turns this into prompts, or into a usage
/// error (64) / a `needs-input` JSON object naming the flags that supply the answers.
public enum RegistrationInputError: Error, Sendable, Hashable {
    /// The password is empty (XEP-0077 §3.3: an empty password must never be sent).
    case emptyPassword
    /// The username is empty.
    case emptyUsername
    /// These fields still need a value (required fields, and for legacy forms every field returned).
    case missingAnswers([RegistrationField])
    /// Answers the form rejects: unknown `var`s, hidden or fixed fields, values outside a list's options,
    /// invalid booleans.
    case invalidAnswers([DataForm.Problem])
}
