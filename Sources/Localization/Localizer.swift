import FoundationEssentials
import ResourceLocation

/// Looks up user-facing text by ``MessageKey`` in the chosen language, falling back to English.
///
/// Placeholders are named (`{provider}`), so translators can reorder them (see ``Placeholders``). Loading parses
/// only two files: the chosen language's `messages.po` and English's. A key missing from both renders as the key
/// itself only as a last resort; the catalogue test makes sure every key used in `Sources/` exists in English.
public struct Localizer: Sendable {
    /// The language actually used, for example `bg` or `pt-BR`.
    public let language: String
    private let primary: MessageCatalog
    private let english: MessageCatalog?

    /// Loads `locales/<language>/messages.po` and `locales/en/messages.po`; an unknown language gives English.
    public init(language: String, locator: ResourceLocator = ResourceLocator()) {
        let directory = LocaleDirectory(locator: locator)
        let english = directory.flatMap { MessageCatalog(language: "en", directory: $0) }
        if language != "en", let directory, let chosen = MessageCatalog(language: language, directory: directory) {
            self.init(primary: chosen, english: english)
        } else {
            self.init(primary: english ?? MessageCatalog(language: "en", messages: [:]), english: nil)
        }
    }

    /// Resolves the language from `--lang` and the environment (``LanguageResolver``), then loads it.
    public init(
        resolving explicitLanguage: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        locator: ResourceLocator = ResourceLocator()
    ) {
        let available = LocaleDirectory(locator: locator)?.languages ?? []
        let resolution = LanguageResolver(available: available).resolve(
            explicit: explicitLanguage, environment: environment)
        self.init(language: resolution.language, locator: locator)
    }

    /// A localizer over in-memory tables (tests).
    public init(language: String, messages: [String: String], fallback: [String: String]) {
        self.init(
            primary: MessageCatalog(language: language, messages: messages),
            english: MessageCatalog(language: "en", messages: fallback))
    }

    /// A localizer over loaded catalogues; `english` is the fallback (`nil` when `primary` is English).
    public init(primary: MessageCatalog, english: MessageCatalog?) {
        self.language = primary.language
        self.primary = primary
        self.english = english
    }

    /// The text for `key` with `{name}` placeholders replaced.
    public func text(_ key: MessageKey, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        let template = primary.text(for: key.rawValue) ?? english?.text(for: key.rawValue) ?? key.rawValue
        return Placeholders.substitute(template, Self.dictionary(arguments))
    }

    /// The plural form of `key` for `count` items, chosen by the language's `Plural-Forms` rule, with
    /// `{count}` and the other placeholders replaced. A key the language lacks uses English's forms and rule.
    public func plural(_ key: MessageKey, count: Int, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        let template =
            primary.text(for: key.rawValue, count: count) ?? english?.text(for: key.rawValue, count: count)
            ?? key.rawValue
        var values = Self.dictionary(arguments)
        if values["count"] == nil { values["count"] = String(count) }
        return Placeholders.substitute(template, values)
    }

    /// Whether `key` has a translation in the chosen language itself (not through the English fallback).
    public func hasTranslation(_ key: MessageKey) -> Bool {
        primary.text(for: key.rawValue) != nil
    }

    private static func dictionary(_ arguments: KeyValuePairs<String, String>) -> [String: String] {
        var values: [String: String] = [:]
        for (name, value) in arguments { values[name] = value }
        return values
    }
}
