/// One entry of a gettext PO file: an optional context, a key, an optional plural key and its translations.
///
/// GNU gettext manual §3 "The Format of PO Files". In this project the files are monolingual: `msgid` is a stable
/// key (`guide.list.heading`), `msgstr` the text in the file's language; a plural entry repeats the key as
/// `msgid_plural` and has one `msgstr[n]` per plural form of the language (see ``PluralForms``).
public struct POEntry: Sendable, Hashable {
    /// `msgctxt`, which makes otherwise equal keys distinct.
    public var context: String?
    /// `msgid`: the key (the empty string for the header entry).
    public var id: String
    /// `msgid_plural`, present on plural entries.
    public var pluralID: String?
    /// `msgstr` (one element) or `msgstr[0]`, `msgstr[1]`, … in index order.
    public var translations: [String]
    /// `# …` comments written by translators.
    public var translatorComments: [String]
    /// `#. …` comments extracted from the source for translators.
    public var extractedComments: [String]
    /// `#: …` source references.
    public var references: [String]
    /// `#, …` flags such as `fuzzy` or `c-format`.
    public var flags: [String]
    /// The 1-based line of the entry's first keyword (`msgctxt` or `msgid`).
    public var line: Int

    public init(
        context: String? = nil,
        id: String,
        pluralID: String? = nil,
        translations: [String],
        translatorComments: [String] = [],
        extractedComments: [String] = [],
        references: [String] = [],
        flags: [String] = [],
        line: Int = 0
    ) {
        self.context = context
        self.id = id
        self.pluralID = pluralID
        self.translations = translations
        self.translatorComments = translatorComments
        self.extractedComments = extractedComments
        self.references = references
        self.flags = flags
        self.line = line
    }

    /// Whether the entry is marked `#, fuzzy`; fuzzy entries are never used for lookups (gettext manual §8.3.2).
    public var isFuzzy: Bool { flags.contains("fuzzy") }

    /// Whether the entry has `msgid_plural` and `msgstr[n]` forms.
    public var isPlural: Bool { pluralID != nil }

    /// Whether this is the header entry (`msgid ""` without context).
    public var isHeader: Bool { id.isEmpty && context == nil }

    /// Whether every form has text; an empty `msgstr` means "not translated yet".
    public var isTranslated: Bool { !translations.isEmpty && translations.allSatisfy { !$0.isEmpty } }

    /// The lookup key: `context + U+0004 + id`, as gettext's MO files join them, or just `id`.
    public var lookupKey: String { Self.lookupKey(id: id, context: context) }

    /// The lookup key for `id` in `context`.
    public static func lookupKey(id: String, context: String?) -> String {
        guard let context else { return id }
        return context + "\u{4}" + id
    }
}
