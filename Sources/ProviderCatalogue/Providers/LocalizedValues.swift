import FoundationEssentials

/// A `{lang: url}` map of the v2 schema (`website`, `passwordReset`, `registrationWebPage`, `legalNotice`).
///
/// Lookup falls back from the requested language to its base language (`pt-BR` → `pt`), then to `en`, then to
/// any language present (in file order): 7 providers of the B list have no `en` website.
public struct LocalizedURLs: Sendable, Hashable {
    /// Language code and URL, in file order.
    public let entries: [(language: String, url: URL)]

    public init(_ entries: [(language: String, url: URL)] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }
    public var languages: [String] { entries.map(\.language) }

    /// The URL for `language` with the fallbacks above; `nil` only if the map is empty.
    public func url(for language: String?) -> URL? {
        LocalizedLookup.pick(entries.map { ($0.language, $0.url) }, for: language)
    }

    public static func == (lhs: LocalizedURLs, rhs: LocalizedURLs) -> Bool {
        lhs.entries.map(\.language) == rhs.entries.map(\.language) && lhs.entries.map(\.url) == rhs.entries.map(\.url)
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.language)
            hasher.combine(entry.url)
        }
    }
}

/// A `{lang: [address]}` map (`emailSupport`, `chatSupport`, `groupChatSupport`).
public struct LocalizedAddresses: Sendable, Hashable {
    public let entries: [(language: String, addresses: [String])]

    public init(_ entries: [(language: String, addresses: [String])] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.allSatisfy { $0.addresses.isEmpty } }
    public var languages: [String] { entries.map(\.language) }

    /// The addresses for `language`, with the same fallbacks as `LocalizedURLs`.
    public func addresses(for language: String?) -> [String] {
        LocalizedLookup.pick(
            entries.filter { !$0.addresses.isEmpty }.map { ($0.language, $0.addresses) }, for: language)
            ?? []
    }

    public static func == (lhs: LocalizedAddresses, rhs: LocalizedAddresses) -> Bool {
        lhs.entries.map(\.language) == rhs.entries.map(\.language)
            && lhs.entries.map(\.addresses) == rhs.entries.map(\.addresses)
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.language)
            hasher.combine(entry.addresses)
        }
    }
}

enum LocalizedLookup {
    /// Requested language → its base language → `en` → the first entry.
    static func pick<Value>(_ entries: [(String, Value)], for language: String?) -> Value? {
        guard !entries.isEmpty else { return nil }
        var wanted: [String] = []
        if let language, !language.isEmpty {
            wanted.append(language.lowercased())
            if let base = language.split(separator: "-").first.map(String.init)?.lowercased() { wanted.append(base) }
        }
        wanted.append("en")
        for code in wanted {
            if let match = entries.first(where: { $0.0.lowercased() == code }) { return match.1 }
        }
        return entries.first?.1
    }

    /// Whether `languages` includes `language` or its base language (`pt` matches `pt-BR` and vice versa).
    static func matches(_ languages: [String], _ language: String) -> Bool {
        let wanted = language.lowercased()
        let wantedBase = wanted.split(separator: "-").first.map(String.init) ?? wanted
        return languages.contains { code in
            let lower = code.lowercased()
            return lower == wanted || (lower.split(separator: "-").first.map(String.init) ?? lower) == wantedBase
        }
    }
}
