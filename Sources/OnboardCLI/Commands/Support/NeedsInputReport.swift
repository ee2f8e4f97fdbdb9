import XMPPCore

/// `{"status":"needs-input","fields":[…]}`: answers the server's form needs that the command line did not give
/// (issue #3). Printed with `--json` before exiting 64, and as the request line of `--captcha-answer-file`.
struct NeedsInputReport: Encodable {
    /// One missing answer.
    struct Field: Encodable {
        /// The form field's `var`.
        let variable: String
        /// The XEP-0004 type, or `captcha`.
        let type: String
        let label: String?
        let description: String?
        let required: Bool
        /// For list fields: the allowed values.
        let options: [String]?
        /// How to give it: `--field NAME=VALUE` (`--field-file NAME=FILE` for a secret), `--password-file`,
        /// `--captcha-answer-file`.
        let flag: String
        /// CAPTCHA only: the XEP-0158 challenge type (`ocr`, `qa` …).
        var captchaType: String? = nil
        /// CAPTCHA only: the saved image.
        var image: String? = nil
        /// CAPTCHA only: a web page with the challenge.
        var url: String? = nil

        enum CodingKeys: String, CodingKey {
            case type, label, description, required, options, flag, image, url
            case variable = "var"
            case captchaType = "captcha_type"
        }
    }

    let status = "needs-input"
    let fields: [Field]
    /// CAPTCHA with `--captcha-answer-file`: where the answer line is awaited, for how long, which attempt.
    var answerFile: String? = nil
    var timeout: Int? = nil
    var attempt: Int? = nil

    enum CodingKeys: String, CodingKey {
        case status, fields, timeout, attempt
        case answerFile = "answer_file"
    }

    /// The request line for a CAPTCHA question answered through `--captcha-answer-file`.
    static func captcha(
        question: CaptchaChallenge.Question, imagePath: String?, url: ServerURL?, answerFile: String, attempt: Int,
        timeout: Double
    ) -> NeedsInputReport {
        let field = Field(
            variable: question.variable, type: "captcha", label: question.label.map { TerminalText.neutralized($0, maximumLength: 300) },
            description: nil, required: true, options: nil, flag: "--captcha-answer-file",
            captchaType: question.type?.rawValue, image: imagePath, url: url?.isWebURL == true ? url?.displayText : nil)
        return NeedsInputReport(fields: [field], answerFile: answerFile, timeout: Int(timeout), attempt: attempt)
    }

    /// The report for fields missing from a form (no terminal to ask on).
    static func missing(_ fields: [RegistrationField], captcha: CaptchaChallenge?) -> NeedsInputReport {
        NeedsInputReport(
            fields: fields.map { item in
                let field = item.field
                let isCaptcha = item.role == .captchaAnswer
                let question = captcha?.questions.first { $0.variable == item.variable }
                return Field(
                    variable: item.variable,
                    type: isCaptcha ? "captcha" : field.effectiveType.rawValue,
                    label: field.label.map { TerminalText.neutralized($0, maximumLength: 300) },
                    description: field.descriptionText.map { TerminalText.neutralized($0, maximumLength: 500) },
                    required: field.isRequired,
                    options: field.options.isEmpty ? nil : field.options.map { TerminalText.neutralized($0.value, maximumLength: 200) },
                    flag: flag(for: item),
                    captchaType: question?.type?.rawValue)
            })
    }

    /// The flag that supplies a field.
    static func flag(for field: RegistrationField) -> String {
        switch field.role {
        case .password, .passwordConfirmation: "--password-file"
        case .username: "--username"
        case .captchaAnswer: "--captcha-answer-file"
        default:
            field.field.isSecret
                ? "--field-file \(TerminalText.neutralized(field.variable, maximumLength: 100))=FILE"
                : "--field \(TerminalText.neutralized(field.variable, maximumLength: 100))=VALUE"
        }
    }
}
