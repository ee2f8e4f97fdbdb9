import ArgumentParser
import Localization
import XMPPCore

/// `xmpp-onboard locales check`: per language, coverage, missing keys, placeholder and plural-form mismatches,
/// invalid PO entries and missing guides (``CatalogueChecker``).
///
/// Exits 1 when a guide language (en, id, bg, it, fr) is incomplete or any language has a structural problem
/// (invalid entries, placeholder mismatches, wrong plural forms). Other languages may lack keys and guides
/// (they fall back to English); their gaps are counted, and listed with `--verbose`.
struct LocalesCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report translation coverage, missing keys, placeholder and plural-form problems, missing guides."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = CommandContext(global: global)
        let localizer = context.localizer
        let directory = try context.requireLocaleDirectory()
        let reports = CatalogueChecker(directory: directory).check()
        var lines: [String] = []
        for report in reports {
            lines.append(summary(of: report, localizer: localizer))
            lines.append(contentsOf: details(of: report, localizer: localizer).map { "  " + $0 })
        }
        let failing = reports.filter(\.hasProblems).count
        lines.append("")
        lines.append(
            failing == 0
                ? localizer.text("locales.check.passed") : localizer.plural("locales.check.failed", count: failing))
        context.output.result(lines.joined(separator: "\n"))
        if failing > 0 { throw ExitStatus.failure.exitCode }
    }

    private func summary(of report: LocaleReport, localizer: Localizer) -> String {
        let guideCount = GuideTopic.allCases.count
        return localizer.text(
            "locales.check.summary",
            [
                "language": report.language, "percent": String(report.coveragePercent),
                "translated": String(report.translatedKeys), "total": String(report.totalKeys),
                "guides": String(guideCount - report.missingGuides.count), "guideTotal": String(guideCount),
            ])
    }

    private func details(of report: LocaleReport, localizer: Localizer) -> [String] {
        var lines: [String] = []
        if report.isMissing { lines.append(localizer.text("locales.check.file-missing")) }
        for problem in report.fileProblems {
            lines.append(
                localizer.text(
                    "locales.check.problem-line",
                    ["line": String(problem.line), "problem": Self.describe(problem.kind, localizer: localizer)]))
        }
        switch report.pluralHeaderProblem {
        case .missing: lines.append(localizer.text("locales.check.plural-header-missing"))
        case .invalidIndex(let n): lines.append(localizer.text("locales.check.plural-header-invalid", ["n": String(n)]))
        case nil: break
        }
        for mismatch in report.pluralCountMismatches {
            lines.append(
                localizer.text(
                    "locales.check.plural-count",
                    [
                        "key": Self.safe(mismatch.key), "found": String(mismatch.found),
                        "expected": String(mismatch.expected),
                    ]))
        }
        for mismatch in report.placeholderMismatches {
            lines.append(
                localizer.text(
                    "locales.check.placeholder-mismatch",
                    [
                        "key": Self.safe(mismatch.key), "expected": Self.list(mismatch.expected),
                        "found": Self.list(mismatch.found),
                    ]))
        }
        let listsEverything = report.isGuideLanguage || global.verbose
        if listsEverything {
            let fuzzy = Set(report.fuzzyKeys)
            for key in report.missingKeys {
                if fuzzy.contains(key) {
                    lines.append(localizer.text("locales.check.fuzzy-key", ["key": Self.safe(key)]))
                } else {
                    lines.append(localizer.text("locales.check.missing-key", ["key": Self.safe(key)]))
                }
            }
            for topic in report.missingGuides {
                lines.append(localizer.text("locales.check.guide-missing", ["topic": topic.rawValue]))
            }
            for key in report.obsoleteKeys {
                lines.append(localizer.text("locales.check.obsolete-key", ["key": Self.safe(key)]))
            }
        } else {
            if !report.missingKeys.isEmpty {
                lines.append(localizer.plural("locales.check.missing-keys", count: report.missingKeys.count))
            }
            if !report.missingGuides.isEmpty {
                lines.append(localizer.plural("locales.check.guides-fallback", count: report.missingGuides.count))
            }
        }
        return lines
    }

    /// Text from a PO file, made harmless for the terminal (security.md §7.1).
    private static func safe(_ text: String) -> String {
        TerminalText.neutralized(text, maximumLength: 200)
    }

    /// `{count} {provider}`, or a dash when there are none.
    private static func list(_ names: Set<String>) -> String {
        names.isEmpty ? "—" : names.sorted().map { "{\(safe($0))}" }.joined(separator: " ")
    }

    private static func describe(_ kind: POProblem.Kind, localizer: Localizer) -> String {
        switch kind {
        case .malformedString: localizer.text("locales.po.malformed-string")
        case .invalidEscape(let character):
            localizer.text("locales.po.invalid-escape", ["sequence": Self.safe("\\\(character)")])
        case .invalidUTF8: localizer.text("locales.po.invalid-utf8")
        case .unexpectedLine: localizer.text("locales.po.unexpected-line")
        case .unexpectedKeyword(let keyword):
            localizer.text("locales.po.unexpected-keyword", ["keyword": Self.safe(keyword)])
        case .missingTranslation: localizer.text("locales.po.missing-translation")
        case .pluralMismatch: localizer.text("locales.po.plural-mismatch")
        case .duplicateEntry(let key): localizer.text("locales.po.duplicate", ["key": Self.safe(key)])
        case .unsupportedCharset(let charset): localizer.text("locales.po.charset", ["charset": Self.safe(charset)])
        case .invalidPluralForms: localizer.text("locales.po.plural-forms")
        }
    }
}
