import FoundationEssentials
import ResourceLocation

/// The `locales/` directory: `locales/<lang>/messages.po` and `locales/<lang>/guides/<topic>.md`.
///
/// Language directories are named with BCP 47 tags as the issue lists them (`bg`, `pt-BR`, `zh-Hans`).
public struct LocaleDirectory: Sendable {
    /// The `locales` directory itself.
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The first `locales/` directory on the locator's search path.
    public init?(locator: ResourceLocator) {
        guard let url = locator.locate("locales") else { return nil }
        self.init(url: url)
    }

    /// The languages that ship a `messages.po`, sorted, `en` first. One directory listing, no parsing.
    public var languages: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return
            names
            .filter { FileManager.default.fileExists(atPath: messagesURL(for: $0).path) }
            .sorted { ($0 == "en" ? 0 : 1, $0) < ($1 == "en" ? 0 : 1, $1) }
    }

    /// `locales/<language>/messages.po`.
    public func messagesURL(for language: String) -> URL {
        url.appendingPathComponent(language).appendingPathComponent("messages.po")
    }

    /// `locales/<language>/guides/<topic>.md`.
    public func guideURL(for topic: GuideTopic, language: String) -> URL {
        url.appendingPathComponent(language).appendingPathComponent("guides")
            .appendingPathComponent(topic.rawValue + ".md")
    }

    /// Whether `language` has its own version of `topic`.
    public func hasGuide(_ topic: GuideTopic, language: String) -> Bool {
        FileManager.default.fileExists(atPath: guideURL(for: topic, language: language).path)
    }
}
