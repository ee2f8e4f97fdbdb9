/// A XEP-0158 CAPTCHA embedded in a XEP-0077 registration form ("Extended In-Band Registration"), plus
/// ejabberd's non-standard `captcha-fallback-text` / `captcha-fallback-url` (protocols.md §5.1, §5.2).
///
/// The hidden fields `FORM_TYPE`, `from`, `challenge`, `sid` and `answers` stay in the form and are echoed
/// unchanged by `DataForm.makeSubmission()`; this type only reads them. Answers go into the question fields
/// (`RegistrationAnswers.fields[question.variable]`). A challenge is tied to the stream and lives about 120 s on
/// ejabberd, so after any failure the form must be fetched again.
public struct CaptchaChallenge: Sendable, Hashable {
    /// One field to answer.
    public struct Question: Sendable, Hashable {
        /// The field `var` (`ocr`, `qa`, …) — where the answer goes.
        public var variable: String
        /// The XEP-0158 type, `nil` for a hash-based or unknown challenge.
        public var type: CaptchaType?
        /// Whether the `var` names a hash function (XEP-0158 hash-based challenge; not solvable by a person).
        public var isHashChallenge: Bool
        /// The `label`: the instruction for `ocr`, the question itself for `qa`. Unsanitized.
        public var label: String?
        public var isRequired: Bool
        public var media: [CaptchaMedia]

        public init(
            variable: String,
            type: CaptchaType?,
            isHashChallenge: Bool = false,
            label: String?,
            isRequired: Bool,
            media: [CaptchaMedia]
        ) {
            self.variable = variable
            self.type = type
            self.isHashChallenge = isHashChallenge
            self.label = label
            self.isRequired = isRequired
            self.media = media
        }

        /// The best media to present: inline data, then https, then an unfetched `cid:`, then plain http.
        public var preferredMedia: CaptchaMedia? {
            media.enumerated()
                .compactMap { item in item.element.preference.map { (rank: $0, index: item.offset) } }
                .min { ($0.rank, $0.index) < ($1.rank, $1.index) }
                .map { media[$0.index] }
        }
    }

    /// Field `var`s that belong to the CAPTCHA machinery and are never asked (Kaidan's and Gajim's hide list).
    public static let internalVariables: Set<String> = [
        "from", "challenge", "sid", "answers", "captchahidden", "captcha-fallback-text", "captcha-fallback-url",
    ]

    /// The questions, in form order.
    public var questions: [Question]
    /// The hidden `challenge` value (challenge id).
    public var challengeID: String?
    /// The hidden `sid` (id of the stanza that triggered the challenge).
    public var sid: String?
    /// The hidden `from` (the `to` of that stanza).
    public var from: String?
    /// The hidden `answers`: how many questions must be answered, if given.
    public var requiredAnswerCount: Int?
    /// ejabberd `captcha-fallback-text`, unsanitized.
    public var fallbackText: String?
    /// ejabberd `captcha-fallback-url`: a web page showing the image (ejabberd serves it over plain http by
    /// default; shown, fetched only when https).
    public var fallbackURL: ServerURL?

    public init(
        questions: [Question],
        challengeID: String? = nil,
        sid: String? = nil,
        from: String? = nil,
        requiredAnswerCount: Int? = nil,
        fallbackText: String? = nil,
        fallbackURL: ServerURL? = nil
    ) {
        self.questions = questions
        self.challengeID = challengeID
        self.sid = sid
        self.from = from
        self.requiredAnswerCount = requiredAnswerCount
        self.fallbackText = fallbackText
        self.fallbackURL = fallbackURL
    }

    /// Finds the CAPTCHA in a registration form; `nil` when the form has no challenge field and no hidden
    /// `challenge`. `data` are the XEP-0231 `<data/>` elements sent with the form.
    public init?(
        form: DataForm,
        data: [Element] = [],
        limits: BitsOfBinaryData.Limits = .default,
        verifyingWith crypto: (any CryptoPrimitives)? = nil
    ) {
        var questions: [Question] = []
        for field in form.fields where field.isAnswerable {
            guard let variable = field.variable, Self.isQuestion(field) else { continue }
            questions.append(
                Question(
                    variable: variable,
                    type: CaptchaType(rawValue: variable),
                    isHashChallenge: CaptchaType.hashVariables.contains(variable.lowercased()),
                    label: field.label,
                    isRequired: field.isRequired,
                    media: field.media.flatMap { CaptchaMedia.resolve($0, data: data, limits: limits, crypto: crypto) }))
        }
        let challengeID = form.field("challenge")?.value
        guard !questions.isEmpty || challengeID != nil else { return nil }
        self.init(
            questions: questions,
            challengeID: challengeID,
            sid: form.field("sid")?.value,
            from: form.field("from")?.value,
            requiredAnswerCount: form.field("answers")?.value.flatMap { Int($0) },
            fallbackText: form.field("captcha-fallback-text")?.value,
            fallbackURL: form.field("captcha-fallback-url")?.value.map(ServerURL.init))
    }

    /// Whether `field` is a challenge to answer: a XEP-0158 type or hash name as `var`, or any visible field
    /// carrying media.
    static func isQuestion(_ field: DataForm.Field) -> Bool {
        guard let variable = field.variable, !internalVariables.contains(variable) else { return false }
        return CaptchaType(rawValue: variable) != nil || CaptchaType.hashVariables.contains(variable.lowercased())
            || !field.media.isEmpty
    }

    /// Every `var` that is part of the CAPTCHA (questions and internal fields): never carried over to a fresh
    /// form and never asked as an ordinary field.
    public var variables: Set<String> {
        Self.internalVariables.union(questions.map(\.variable))
    }

    /// Whether every question can be put to a person in a terminal (image or text, no hash challenge) with media
    /// that can be shown, or no media needed (`qa`).
    public var isAnswerableInTerminal: Bool {
        !questions.isEmpty
            && questions.allSatisfy { question in
                guard !question.isHashChallenge else { return false }
                if question.type == .qa && question.media.isEmpty { return true }
                return question.preferredMedia != nil
            }
    }

    /// The challenge with `data` (fetched by a BoB IQ) filled in for its unresolved `cid:`.
    public func resolved(with data: BitsOfBinaryData) -> CaptchaChallenge {
        var copy = self
        for index in copy.questions.indices {
            copy.questions[index].media = copy.questions[index].media.map { $0.resolved(with: data) }
        }
        return copy
    }
}
