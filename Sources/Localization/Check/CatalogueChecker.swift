/// Checks every language in `locales/` against English: coverage, placeholders, plural forms, syntax, guides.
///
/// Used by `xmpp-onboard locales check` and by the catalogue test. English itself is checked for syntax,
/// plural forms and guides; its coverage is 100 % by definition.
public struct CatalogueChecker: Sendable {
    /// The languages whose keys and guides must be complete (issue #5).
    public static let guideLanguages = ["en", "id", "bg", "it", "fr"]

    public let directory: LocaleDirectory

    public init(directory: LocaleDirectory) {
        self.directory = directory
    }

    /// One report per language: the guide languages first (reported even if missing), then every other
    /// shipped language in alphabetical order.
    public func check() -> [LocaleReport] {
        let english = POFile(contentsOf: directory.messagesURL(for: "en"))
        let others = directory.languages.filter { !Self.guideLanguages.contains($0) }
        return (Self.guideLanguages + others).map { check(language: $0, english: english) }
    }

    /// The report for `language`; `english` is the parsed English file (`nil` if it is missing).
    public func check(language: String, english: POFile?) -> LocaleReport {
        let file = language == "en" ? english : POFile(contentsOf: directory.messagesURL(for: language))
        let englishEntries = (english?.entries ?? []).reduce(into: [String: POEntry]()) {
            $0[$1.lookupKey] = $1
        }
        var report = LocaleReport(
            language: language,
            isGuideLanguage: Self.guideLanguages.contains(language),
            totalKeys: englishEntries.count,
            translatedKeys: 0,
            missingKeys: [],
            fuzzyKeys: [],
            obsoleteKeys: [],
            placeholderMismatches: [],
            pluralCountMismatches: [],
            pluralHeaderProblem: nil,
            pluralFormCount: nil,
            isMissing: file == nil,
            fileProblems: file?.problems ?? [],
            missingGuides: GuideTopic.allCases.filter { !directory.hasGuide($0, language: language) }
        )
        guard let file else {
            report.missingKeys = englishEntries.keys.sorted()
            return report
        }
        checkHeader(file, into: &report)
        let entries = file.entries.reduce(into: [String: POEntry]()) { $0[$1.lookupKey] = $1 }
        for (key, englishEntry) in englishEntries {
            guard let entry = entries[key], !entry.isFuzzy, entry.isTranslated else {
                report.missingKeys.append(key)
                if entries[key]?.isFuzzy == true { report.fuzzyKeys.append(key) }
                continue
            }
            report.translatedKeys += 1
            if language != "en" { checkPlaceholders(entry, english: englishEntry, into: &report) }
        }
        for entry in file.entries {
            if englishEntries[entry.lookupKey] == nil, entry.isTranslated {
                report.obsoleteKeys.append(entry.lookupKey)
            }
            if entry.isPlural, let count = report.pluralFormCount, entry.translations.count != count {
                report.pluralCountMismatches.append(
                    .init(key: entry.lookupKey, expected: count, found: entry.translations.count))
            }
        }
        report.missingKeys.sort()
        report.fuzzyKeys.sort()
        report.obsoleteKeys.sort()
        report.placeholderMismatches.sort { $0.key < $1.key }
        report.pluralCountMismatches.sort { $0.key < $1.key }
        return report
    }

    private func checkHeader(_ file: POFile, into report: inout LocaleReport) {
        guard let forms = file.header?.pluralForms else {
            report.pluralHeaderProblem = .missing
            return
        }
        report.pluralFormCount = forms.count
        if let n = forms.firstInvalidNumber() { report.pluralHeaderProblem = .invalidIndex(n: n) }
    }

    private func checkPlaceholders(_ entry: POEntry, english: POEntry, into report: inout LocaleReport) {
        let expected = english.translations.reduce(into: Set<String>()) { $0.formUnion(Placeholders.names(in: $1)) }
        for form in entry.translations {
            let found = Placeholders.names(in: form)
            if found != expected {
                report.placeholderMismatches.append(.init(key: entry.lookupKey, expected: expected, found: found))
                return
            }
        }
    }
}
