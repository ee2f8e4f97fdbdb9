import FoundationEssentials

/// The usable messages of one language: translated, non-fuzzy entries of `locales/<lang>/messages.po`.
public struct MessageCatalog: Sendable {
    /// The language, as its directory is named (`pt-BR`).
    public let language: String
    /// The language's plural rule (English's when the header has none).
    public let pluralForms: PluralForms
    private let singulars: [String: String]
    private let plurals: [String: [String]]

    /// A catalogue over in-memory tables (tests and previews).
    public init(
        language: String,
        messages: [String: String],
        plurals: [String: [String]] = [:],
        pluralForms: PluralForms = .english
    ) {
        self.language = language
        self.singulars = messages
        self.plurals = plurals
        self.pluralForms = pluralForms
    }

    /// The usable entries of a parsed file. Plural entries whose form count differs from the header are left
    /// out (the wrong form would be shown), and so fall back to English.
    public init(file: POFile, language: String) {
        let forms = file.header?.pluralForms ?? .english
        var singulars: [String: String] = [:]
        var plurals: [String: [String]] = [:]
        for entry in file.usableEntries {
            if entry.isPlural {
                if entry.translations.count == forms.count { plurals[entry.lookupKey] = entry.translations }
            } else {
                singulars[entry.lookupKey] = entry.translations[0]
            }
        }
        self.init(language: language, messages: singulars, plurals: plurals, pluralForms: forms)
    }

    /// Loads `locales/<language>/messages.po`; `nil` when the file does not exist.
    public init?(language: String, directory: LocaleDirectory) {
        guard let file = POFile(contentsOf: directory.messagesURL(for: language)) else { return nil }
        self.init(file: file, language: language)
    }

    /// The text of a singular entry (or, for a plural entry, its form for 1).
    public func text(for key: String) -> String? {
        singulars[key] ?? plurals[key].map { $0[pluralForms.formIndex(for: 1)] }
    }

    /// The form of a plural entry for `count` (or a singular entry's text).
    public func text(for key: String, count: Int) -> String? {
        if let forms = plurals[key] { return forms[pluralForms.formIndex(for: count)] }
        return singulars[key]
    }

    /// Every key with a usable entry.
    public var keys: Set<String> { Set(singulars.keys).union(plurals.keys) }
}
