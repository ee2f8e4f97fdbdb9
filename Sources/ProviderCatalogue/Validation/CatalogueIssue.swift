/// One problem found while validating `providers.json`, `clients.json` or a provider file.
///
/// Validation never stops at the first problem (architecture.md §6): every issue is collected, entries with
/// errors are left out of the loaded catalogue, and the CLI maps `kind` to a localized message.
public struct CatalogueIssue: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong. Raw values are stable identifiers (`providers validate --json` prints them).
    public enum Kind: String, Sendable, CaseIterable {
        /// The document is not JSON; `detail` is the parser's reason.
        case syntax
        /// A value has the wrong JSON type; `detail` is `expected/found`.
        case wrongType = "wrong-type"
        /// A required key is absent.
        case missingKey = "missing-key"
        /// A value outside its enumeration (category, organization, grade, platform…).
        case unknownValue = "unknown-value"
        /// Not an absolute URL with a host.
        case invalidURL = "invalid-url"
        /// A link that is not `https:`.
        case insecureURL = "insecure-url"
        /// A second entry with the same JID (or app id).
        case duplicate
        /// Not a `YYYY-MM-DD` date.
        case invalidDate = "invalid-date"
        /// A number outside its documented range.
        case outOfRange = "out-of-range"
        /// Not a lower-case ISO 3166-1 alpha-2 code.
        case invalidCountryCode = "invalid-country-code"
        /// Not a language tag such as `en` or `pt-BR`.
        case invalidLanguageCode = "invalid-language-code"
        /// Not a domain or `local@domain` address.
        case invalidAddress = "invalid-address"
        /// A key the schema does not define (a warning: unknown keys are tolerated).
        case unknownKey = "unknown-key"
    }

    /// Errors drop the entry; warnings are reported and the entry is kept.
    public enum Severity: String, Sendable {
        case error, warning
    }

    public let kind: Kind
    public let severity: Severity
    /// Where: `providers[3].website.en`, `clients[0].links.play`, or `$` for the document.
    public let path: String
    /// The entry's JID or app id when known, for a readable report.
    public let subject: String?
    /// The offending value or the expected type; data, not prose.
    public let detail: String?

    public init(_ kind: Kind, severity: Severity = .error, path: String, subject: String? = nil, detail: String? = nil)
    {
        self.kind = kind
        self.severity = severity
        self.path = path
        self.subject = subject
        self.detail = detail
    }

    public var description: String {
        "\(severity.rawValue) \(kind.rawValue) at \(path)" + (detail.map { ": \($0)" } ?? "")
    }
}

extension Array where Element == CatalogueIssue {
    /// Whether any issue is an error (not just a warning).
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
