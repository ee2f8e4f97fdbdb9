/// The result of checking one language of `locales/` against English (``CatalogueChecker``).
public struct LocaleReport: Sendable, Hashable {
    /// A translated entry whose placeholders differ from English's.
    public struct PlaceholderMismatch: Sendable, Hashable {
        public var key: String
        /// The placeholders of the English text (all forms of a plural entry together).
        public var expected: Set<String>
        /// The placeholders of the translation (of its form that differs).
        public var found: Set<String>

        public init(key: String, expected: Set<String>, found: Set<String>) {
            self.key = key
            self.expected = expected
            self.found = found
        }
    }

    /// A plural entry whose number of `msgstr[n]` differs from the header's `nplurals`.
    public struct PluralCountMismatch: Sendable, Hashable {
        public var key: String
        public var expected: Int
        public var found: Int

        public init(key: String, expected: Int, found: Int) {
            self.key = key
            self.expected = expected
            self.found = found
        }
    }

    /// What is wrong with the `Plural-Forms` header.
    public enum PluralHeaderProblem: Sendable, Hashable {
        /// No valid `Plural-Forms` header.
        case missing
        /// The expression gives an index without a form (or divides by zero) for this `n`.
        case invalidIndex(n: Int)
    }

    public var language: String
    /// Whether this is one of the languages that must be complete (``CatalogueChecker/guideLanguages``).
    public var isGuideLanguage: Bool
    /// The number of English keys.
    public var totalKeys: Int
    /// English keys with a usable (translated, non-fuzzy) entry in this language.
    public var translatedKeys: Int
    /// English keys without a usable entry, sorted.
    public var missingKeys: [String]
    /// Keys marked `fuzzy` (they count as missing).
    public var fuzzyKeys: [String]
    /// Keys this language has but English does not (left over after a rename), sorted.
    public var obsoleteKeys: [String]
    public var placeholderMismatches: [PlaceholderMismatch]
    public var pluralCountMismatches: [PluralCountMismatch]
    public var pluralHeaderProblem: PluralHeaderProblem?
    /// The `nplurals` of the header, if valid.
    public var pluralFormCount: Int?
    /// Whether `messages.po` does not exist at all.
    public var isMissing: Bool
    /// Invalid entries and other syntax problems of the file.
    public var fileProblems: [POProblem]
    /// Guides this language has no version of (they are shown in English).
    public var missingGuides: [GuideTopic]

    /// Translated keys as a percentage of English's, rounded down (100 only when nothing is missing).
    public var coveragePercent: Int {
        totalKeys == 0 ? 100 : translatedKeys * 100 / totalKeys
    }

    /// Errors in any language: the file or its entries are wrong, whatever their coverage.
    public var hasStructuralProblems: Bool {
        !fileProblems.isEmpty || !placeholderMismatches.isEmpty || !pluralCountMismatches.isEmpty
            || pluralHeaderProblem != nil
    }

    /// Whether every key and every guide is present.
    public var isComplete: Bool { missingKeys.isEmpty && missingGuides.isEmpty }

    /// Whether `locales check` fails for this language: structural problems anywhere, and incompleteness in
    /// the guide languages (the others may fall back to English).
    public var hasProblems: Bool { hasStructuralProblems || (isGuideLanguage && !isComplete) }
}
