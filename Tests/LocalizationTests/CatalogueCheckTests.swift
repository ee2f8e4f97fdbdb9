import Foundation
import Localization
import Testing

/// The shipped `locales/` must stay complete and consistent.
///
/// Keys used by the code are found by scanning `Sources/**/*.swift` (comment lines excepted) for string literals
/// in the three forms the project uses (see `MessageKey`): `.text("key"`, `.plural("key"` and `MessageKey("key")`
/// (also `MessageKey(rawValue: "key")`), plus every literal on a line that declares a `: MessageKey =` value.
/// Each such key must exist in English. A key built at run time (interpolated) is invisible to this test, so code
/// writes each key as a literal, for example `case .omemo: MessageKey("guide.topic.omemo")`.
///
/// In the other direction an English key counts as used when it appears as a complete string literal anywhere in
/// `Sources/` (so a key passed through a helper such as `fail("qr.error.too-long")` is not reported as unused).
@Suite("Shipped catalogue")
struct CatalogueCheckTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = LocaleDirectory(url: root.appendingPathComponent("locales"))
    static let reports = CatalogueChecker(directory: directory).check()

    /// At least 16 languages: the five guide languages plus the eleven of issue #5.
    static let requiredLanguages =
        CatalogueChecker.guideLanguages + [
            "de", "es", "pt-BR", "ru", "pl", "nl", "uk", "zh-Hans", "ja", "sv", "tr",
        ]

    static func report(_ language: String) throws -> LocaleReport {
        try #require(reports.first { $0.language == language }, "no report for \(language)")
    }

    @Test("all required languages ship a messages.po")
    func languagesShipped() {
        let shipped = Set(Self.directory.languages)
        #expect(
            Self.requiredLanguages.allSatisfy(shipped.contains),
            "missing: \(Set(Self.requiredLanguages).subtracting(shipped))")
        #expect(shipped.count >= 16)
    }

    @Test("the guide languages have 100 % of keys and every guide", arguments: CatalogueChecker.guideLanguages)
    func guideLanguagesComplete(_ language: String) throws {
        let report = try Self.report(language)
        #expect(report.missingKeys.isEmpty, "\(language) lacks \(report.missingKeys)")
        #expect(report.coveragePercent == 100)
        #expect(report.missingGuides.isEmpty, "\(language) lacks guides \(report.missingGuides)")
    }

    @Test("every other required language has 100 % of keys", arguments: requiredLanguages.dropFirst(5))
    func otherLanguagesHaveEveryKey(_ language: String) throws {
        let report = try Self.report(language)
        #expect(report.missingKeys.isEmpty, "\(language) lacks \(report.missingKeys)")
    }

    @Test("no locale has invalid entries, placeholder mismatches or wrong plural forms")
    func noStructuralProblems() {
        for report in Self.reports {
            #expect(report.fileProblems.isEmpty, "\(report.language): \(report.fileProblems)")
            #expect(report.placeholderMismatches.isEmpty, "\(report.language): \(report.placeholderMismatches)")
            #expect(report.pluralCountMismatches.isEmpty, "\(report.language): \(report.pluralCountMismatches)")
            #expect(
                report.pluralHeaderProblem == nil,
                "\(report.language): \(String(describing: report.pluralHeaderProblem))")
            #expect(report.obsoleteKeys.isEmpty, "\(report.language) has keys English lacks: \(report.obsoleteKeys)")
        }
    }

    @Test(
        "plural rules as each community writes them",
        arguments: [
            ("en", 2), ("fr", 2), ("pt-BR", 2), ("it", 2), ("bg", 2), ("id", 1), ("ru", 3), ("uk", 3), ("pl", 3),
            ("ja", 1), ("zh-Hans", 1), ("tr", 2),
        ])
    func pluralHeaders(_ language: String, _ count: Int) throws {
        #expect(try Self.report(language).pluralFormCount == count)
        let file = try #require(POFile(contentsOf: Self.directory.messagesURL(for: language)))
        let forms = try #require(file.header?.pluralForms)
        if language == "fr" || language == "pt-BR" { #expect(forms.formIndex(for: 0) == 0) }
        if count == 3 {
            #expect([1, 2, 5, 21, 22, 25].map(forms.formIndex(for:)) == [0, 1, 2, language == "pl" ? 2 : 0, 1, 2])
        }
    }

    @Test("every key used in Sources/ exists in English")
    func usedKeysExist() throws {
        let english = try #require(POFile(contentsOf: Self.directory.messagesURL(for: "en")))
        let defined = Set(english.entries.map(\.lookupKey))
        let missing = try Self.usedKeys().subtracting(defined)
        #expect(missing.isEmpty, "used in Sources/ but absent from locales/en/messages.po: \(missing.sorted())")
    }

    @Test("every English key is used in Sources/")
    func englishKeysUsed() throws {
        let english = try #require(POFile(contentsOf: Self.directory.messagesURL(for: "en")))
        let unused = Set(english.entries.map(\.lookupKey)).subtracting(try Self.sourceLiterals())
        #expect(unused.isEmpty, "in locales/en/messages.po but never used in Sources/: \(unused.sorted())")
    }

    /// Keys written as literals in `.text("…"`, `.plural("…"`, `MessageKey("…")` or on a `: MessageKey =` line.
    static func usedKeys() throws -> Set<String> {
        let call = try NSRegularExpression(
            pattern: #"(?:\.text\(|\.plural\(|MessageKey\((?:rawValue:)?)\s*"([^"\\]+)""#)
        var keys: Set<String> = []
        for line in try codeLines() {
            if line.contains(": MessageKey =") {
                keys.formUnion(literals(in: line))
                continue
            }
            let range = NSRange(line.startIndex..., in: line)
            for match in call.matches(in: line, range: range) {
                if let keyRange = Range(match.range(at: 1), in: line) { keys.insert(String(line[keyRange])) }
            }
        }
        return keys
    }

    /// Every complete string literal without escapes or interpolation in `Sources/`.
    static func sourceLiterals() throws -> Set<String> {
        try codeLines().reduce(into: Set<String>()) { $0.formUnion(literals(in: $1)) }
    }

    private static func literals(in line: String) -> [String] {
        let pieces = line.split(separator: "\"", omittingEmptySubsequences: false)
        // Odd pieces lie between quotes; a backslash means an escape or interpolation, never a plain key.
        return stride(from: 1, to: pieces.count - 1, by: 2).map { String(pieces[$0]) }
            .filter { !$0.isEmpty && !$0.contains("\\") }
    }

    /// The lines of every Swift file in `Sources/`, comment lines (`//`, `///`) left out.
    private static func codeLines() throws -> [String] {
        let sources = root.appendingPathComponent("Sources")
        var lines: [String] = []
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init).filter { !$0.drop { $0 == " " }.hasPrefix("//") }
        }
        return lines
    }
}

@Suite("Catalogue checker")
struct CatalogueCheckerTests {
    static let english = """
        msgid ""
        msgstr ""
        "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

        msgid "a"
        msgstr "A"

        msgid "b"
        msgstr "B {name}"

        msgid "p"
        msgid_plural "p"
        msgstr[0] "{count} thing"
        msgstr[1] "{count} things"

        msgid "c"
        msgstr "C"
        """

    @Test("reports missing, fuzzy and obsolete keys, placeholder and plural mismatches, bad entries, guides")
    func problemsFound() throws {
        let french = """
            msgid ""
            msgstr ""
            "Plural-Forms: nplurals=2; plural=(n > 1);\\n"

            msgid "b"
            msgstr "B {nom}"

            msgid "p"
            msgid_plural "p"
            msgstr[0] "{count} chose"
            msgstr[1] "{count} choses"
            msgstr[2] "{count} choses ?"

            #, fuzzy
            msgid "c"
            msgstr "C ?"

            msgid "gone"
            msgstr "Parti"

            msgid "broken"
            msgstr "\\z"
            """
        let russian = "msgid \"a\"\nmsgstr \"А\"\n"
        let root = try TemporaryLocales.make(
            ["en": Self.english, "fr": french, "ru": russian],
            guides: ["en": Dictionary(uniqueKeysWithValues: GuideTopic.allCases.map { ($0.rawValue, "# T\n") })])
        defer { try? FileManager.default.removeItem(at: root) }
        let checker = CatalogueChecker(directory: LocaleDirectory(url: root.appendingPathComponent("locales")))
        let reports = checker.check()
        #expect(reports.map(\.language) == ["en", "id", "bg", "it", "fr", "ru"])

        let english = try #require(reports.first)
        #expect(!english.hasProblems)
        #expect(english.coveragePercent == 100)

        let fr = try #require(reports.first { $0.language == "fr" })
        #expect(fr.totalKeys == 4)
        #expect(fr.translatedKeys == 2)
        #expect(fr.coveragePercent == 50)
        #expect(fr.missingKeys == ["a", "c"])
        #expect(fr.fuzzyKeys == ["c"])
        #expect(fr.obsoleteKeys == ["gone"])
        #expect(fr.placeholderMismatches.map(\.key) == ["b"])
        #expect(fr.placeholderMismatches.first?.expected == ["name"])
        #expect(fr.placeholderMismatches.first?.found == ["nom"])
        #expect(fr.pluralCountMismatches == [.init(key: "p", expected: 2, found: 3)])
        #expect(fr.fileProblems.map(\.kind) == [.invalidEscape("z")])
        #expect(fr.missingGuides == GuideTopic.allCases)
        #expect(fr.hasProblems)

        let ru = try #require(reports.first { $0.language == "ru" })
        #expect(ru.pluralHeaderProblem == .missing)
        #expect(!ru.isGuideLanguage)

        let indonesian = try #require(reports.first { $0.language == "id" })
        #expect(indonesian.isMissing)
        #expect(indonesian.hasProblems)
    }

    @Test("a language outside the guide languages may lack keys and guides without failing")
    func fallbackLanguagesMayBeIncomplete() throws {
        let german = """
            msgid ""
            msgstr ""
            "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

            msgid "a"
            msgstr "A"
            """
        let root = try TemporaryLocales.make(["en": Self.english, "de": german])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = CatalogueChecker(directory: LocaleDirectory(url: root.appendingPathComponent("locales")))
            .check(language: "de", english: POFile(parsing: Self.english))
        #expect(report.coveragePercent == 25)
        #expect(!report.hasStructuralProblems)
        #expect(!report.hasProblems)
    }
}
