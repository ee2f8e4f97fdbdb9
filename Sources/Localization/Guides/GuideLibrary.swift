import FoundationEssentials

/// A guide's Markdown text in the best available language.
public struct LocalizedGuide: Sendable, Hashable {
    public var topic: GuideTopic
    /// The language of ``markdown``: the requested one, or `en` when it has no translation of this guide.
    public var language: String
    /// The CommonMark source.
    public var markdown: String
    /// Whether the requested language lacked this guide and English is shown instead.
    public var isFallback: Bool
}

/// Reads guides from `locales/<lang>/guides/`, falling back to English for a language without the guide.
public struct GuideLibrary: Sendable {
    public let directory: LocaleDirectory

    public init(directory: LocaleDirectory) {
        self.directory = directory
    }

    /// The guide for `topic` in `language`, or in English; `nil` only when even English is missing.
    public func guide(_ topic: GuideTopic, language: String) -> LocalizedGuide? {
        if let text = read(topic, language: language) {
            return LocalizedGuide(topic: topic, language: language, markdown: text, isFallback: false)
        }
        guard language != "en", let text = read(topic, language: "en") else { return nil }
        return LocalizedGuide(topic: topic, language: "en", markdown: text, isFallback: true)
    }

    private func read(_ topic: GuideTopic, language: String) -> String? {
        guard let data = FileManager.default.contents(atPath: directory.guideURL(for: topic, language: language).path)
        else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if text.first == "\u{FEFF}" { text.removeFirst() }
        return text
    }
}
