/// Chooses the language of messages and guides from `--lang` and the POSIX locale environment.
///
/// Order (issue #5): `--lang`; otherwise the locale named by the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
/// set and not empty (POSIX.1-2017 §8.2 precedence, as every other program on the system reads it); then `en`.
/// A locale name `language[_territory][.codeset][@modifier]` (or a BCP 47 tag) becomes candidates from the most
/// to the least specific, and the first shipped one wins: `bg_BG.UTF-8` → `bg-BG`, `bg`; `pt_BR` → `pt-BR`, `pt`;
/// `zh_CN`/`zh_SG` → `zh-Hans`; `zh_TW`/`zh_HK`/`zh_MO` → `zh-Hant`; `sr@latin` → `sr-Latn`; `C`/`POSIX` → `en`.
public struct LanguageResolver: Sendable {
    /// Where the chosen language came from.
    public enum Source: Sendable, Hashable {
        case option
        case environment(String)
        case fallback
    }

    /// The outcome of ``resolve(explicit:environment:)``.
    public struct Resolution: Sendable, Hashable {
        /// The language to load, always one that is shipped (or `en`).
        public var language: String
        /// What decided it.
        public var source: Source
        /// The `--lang` value when it named no shipped language (the caller may warn).
        public var unavailableRequest: String?
    }

    /// The shipped languages, as their directories are named.
    public let available: [String]

    public init(available: [String]) {
        self.available = available
    }

    /// The environment variables consulted, in order of precedence.
    public static let environmentVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    public func resolve(explicit: String?, environment: [String: String]) -> Resolution {
        if let explicit, !explicit.isEmpty {
            if let language = match(explicit) { return Resolution(language: language, source: .option) }
            return Resolution(language: "en", source: .fallback, unavailableRequest: explicit)
        }
        for variable in Self.environmentVariables {
            guard let value = environment[variable], !value.isEmpty else { continue }
            if let language = match(value) { return Resolution(language: language, source: .environment(variable)) }
            break  // the effective locale names a language we do not ship: English, as gettext would do
        }
        return Resolution(language: "en", source: .fallback)
    }

    /// The first shipped language among the candidates for `localeName` (compared case-insensitively).
    public func match(_ localeName: String) -> String? {
        for candidate in Self.candidates(for: localeName) {
            if let shipped = available.first(where: { $0.lowercased() == candidate.lowercased() }) { return shipped }
        }
        return nil
    }

    /// Language tags to try for a POSIX locale name or BCP 47 tag, most specific first; empty when the name
    /// is not a locale name.
    public static func candidates(for localeName: String) -> [String] {
        var name = Substring(localeName)
        var modifier: Substring?
        if let at = name.firstIndex(of: "@") {
            modifier = name[name.index(after: at)...]
            name = name[..<at]
        }
        if let dot = name.firstIndex(of: ".") { name = name[..<dot] }
        if name == "C" || name == "POSIX" { return ["en"] }

        let parts = name.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(\.isASCIILetter) else {
            return []
        }
        let language = first.lowercased()
        var script: String?
        var region: String?
        for part in parts.dropFirst() {
            if part.count == 4, part.allSatisfy(\.isASCIILetter), script == nil, region == nil {
                script = part.prefix(1).uppercased() + part.dropFirst().lowercased()
            } else if (part.count == 2 && part.allSatisfy(\.isASCIILetter))
                || (part.count == 3 && part.allSatisfy(\.isASCIIDigit)), region == nil
            {
                region = part.uppercased()
            }
        }
        switch modifier?.lowercased() {
        case "latin": script = script ?? "Latn"
        case "cyrillic": script = script ?? "Cyrl"
        default: break
        }
        if language == "zh", script == nil {
            script = ["TW", "HK", "MO"].contains(region ?? "") ? "Hant" : "Hans"
        }

        var result: [String] = []
        if let script {
            if let region { result.append("\(language)-\(script)-\(region)") }
            result.append("\(language)-\(script)")
        }
        if let region { result.append("\(language)-\(region)") }
        result.append(language)
        return result
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
