import Localization
import Testing

@Suite("Language resolution")
struct LanguageResolverTests {
    static let shipped = [
        "en", "id", "bg", "it", "fr", "de", "es", "pt-BR", "ru", "pl", "nl", "uk", "zh-Hans", "ja", "sv", "tr",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var option: String?
        var environment: [String: String]
        var language: String
        var testDescription: String { "\(option ?? "-") \(environment.sorted { $0.key < $1.key }) → \(language)" }
    }

    static let cases: [Case] = [
        Case(option: nil, environment: [:], language: "en"),
        Case(option: nil, environment: ["LANG": "bg_BG.UTF-8"], language: "bg"),
        Case(option: nil, environment: ["LANG": "pt_BR"], language: "pt-BR"),
        Case(option: nil, environment: ["LANG": "pt_BR.utf8@something"], language: "pt-BR"),
        Case(option: nil, environment: ["LANG": "zh_CN.UTF-8"], language: "zh-Hans"),
        Case(option: nil, environment: ["LANG": "zh_SG"], language: "zh-Hans"),
        Case(option: nil, environment: ["LANG": "zh_TW.UTF-8"], language: "en"),  // zh-Hant is not shipped
        Case(option: nil, environment: ["LANG": "zh_HK"], language: "en"),
        Case(option: nil, environment: ["LANG": "C"], language: "en"),
        Case(option: nil, environment: ["LANG": "C.UTF-8"], language: "en"),
        Case(option: nil, environment: ["LANG": "POSIX"], language: "en"),
        Case(option: nil, environment: ["LANG": "fr_CA.UTF-8"], language: "fr"),
        Case(option: nil, environment: ["LANG": "de_DE@euro"], language: "de"),
        Case(option: nil, environment: ["LANG": "id_ID.UTF-8"], language: "id"),
        Case(option: nil, environment: ["LANG": "it_IT.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"], language: "ru"),
        Case(
            option: nil, environment: ["LANG": "it_IT", "LC_MESSAGES": "ru_RU", "LC_ALL": "uk_UA.UTF-8"], language: "uk"
        ),
        Case(option: nil, environment: ["LANG": "it_IT", "LC_ALL": ""], language: "it"),  // empty means unset
        Case(option: nil, environment: ["LANG": "de_DE", "LC_ALL": "C"], language: "en"),  // POSIX precedence
        Case(option: nil, environment: ["LANG": "de_DE", "LC_MESSAGES": "eo"], language: "en"),
        Case(option: nil, environment: ["LANG": "garbage!!"], language: "en"),
        Case(option: "bg", environment: ["LANG": "fr_FR.UTF-8"], language: "bg"),
        Case(option: "pt_BR", environment: [:], language: "pt-BR"),
        Case(option: "PT-br", environment: [:], language: "pt-BR"),
        Case(option: "zh-CN", environment: [:], language: "zh-Hans"),
        Case(option: "zh-Hans", environment: [:], language: "zh-Hans"),
        Case(option: "sv-SE", environment: [:], language: "sv"),
        Case(option: "xx", environment: ["LANG": "fr_FR"], language: "en"),
        Case(option: "", environment: ["LANG": "nl_NL.UTF-8"], language: "nl"),
    ]

    @Test("resolution table", arguments: cases)
    func resolve(_ testCase: Case) {
        let resolution = LanguageResolver(available: Self.shipped)
            .resolve(explicit: testCase.option, environment: testCase.environment)
        #expect(resolution.language == testCase.language)
    }

    @Test("the source of the decision and an unavailable --lang are reported")
    func sources() {
        let resolver = LanguageResolver(available: Self.shipped)
        #expect(resolver.resolve(explicit: "fr", environment: [:]).source == .option)
        #expect(
            resolver.resolve(explicit: nil, environment: ["LC_MESSAGES": "ja_JP"]).source == .environment("LC_MESSAGES")
        )
        let unavailable = resolver.resolve(explicit: "xx", environment: [:])
        #expect(unavailable.source == .fallback)
        #expect(unavailable.unavailableRequest == "xx")
    }

    @Test("zh_TW resolves to zh-Hant once it is shipped")
    func traditionalChinese() {
        let resolver = LanguageResolver(available: Self.shipped + ["zh-Hant"])
        #expect(resolver.resolve(explicit: nil, environment: ["LANG": "zh_TW.UTF-8"]).language == "zh-Hant")
        #expect(resolver.resolve(explicit: nil, environment: ["LANG": "zh_HK"]).language == "zh-Hant")
        #expect(resolver.resolve(explicit: nil, environment: ["LANG": "zh_CN"]).language == "zh-Hans")
    }

    @Test("candidates from the most to the least specific")
    func candidates() {
        #expect(LanguageResolver.candidates(for: "bg_BG.UTF-8") == ["bg-BG", "bg"])
        #expect(LanguageResolver.candidates(for: "pt_BR") == ["pt-BR", "pt"])
        #expect(LanguageResolver.candidates(for: "zh_TW") == ["zh-Hant-TW", "zh-Hant", "zh-TW", "zh"])
        #expect(LanguageResolver.candidates(for: "sr_RS@latin") == ["sr-Latn-RS", "sr-Latn", "sr-RS", "sr"])
        #expect(LanguageResolver.candidates(for: "C") == ["en"])
        #expect(LanguageResolver.candidates(for: "1x").isEmpty)
    }
}
