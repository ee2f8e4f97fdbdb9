/// A URL a server sent (XEP-0066 OOB redirect, XEP-0221 CAPTCHA media, ejabberd's `captcha-fallback-url`),
/// classified before anything opens, fetches or prints it (security.md R6, §7.1).
///
/// Allow-list: `https:` may be fetched and opened; `http:` may be shown (and offered as a link) but is never
/// fetched silently; `cid:` is resolved through XEP-0231 Bits of Binary; everything else — `javascript:`,
/// `data:`, `file:`, relative or malformed URLs, URLs with user-info (`https://bank@evil.example`), controls or
/// white space — is rejected and only ever displayed escaped (`displayText`).
public struct ServerURL: Sendable, Hashable {
    /// The URL's classification.
    public enum Kind: String, Sendable, CaseIterable {
        /// `https://host…`: may be opened in a browser and fetched.
        case https
        /// `http://host…`: shown, never fetched silently.
        case http
        /// `cid:…`: a XEP-0231 content id.
        case contentID = "cid"
        /// Any other scheme or a malformed URL: display escaped only.
        case rejected
    }

    /// The longest URL accepted (longer ones are rejected).
    public static let maximumLength = 2_048

    /// The URL as sent, with surrounding white space removed. Unsanitized: print `displayText` instead.
    public let text: String
    public let kind: Kind

    public init(_ text: String) {
        let trimmed = text.trimmingASCIIWhitespace()
        self.text = trimmed
        self.kind = Self.classify(trimmed)
    }

    /// Whether a person may be sent to the URL (https or http; http with a warning).
    public var isWebURL: Bool { kind == .https || kind == .http }

    /// The URL to fetch or open automatically: only `https:` URLs.
    public var fetchableURL: String? { kind == .https ? text : nil }

    /// For `cid:` URLs: the content id after the scheme (XEP-0231 §2).
    public var contentID: String? {
        guard kind == .contentID else { return nil }
        return String(text.dropFirst(4))
    }

    /// The URL safe to print: controls and bidi overrides escaped, length bounded (security.md §7.1).
    public var displayText: String {
        TerminalText.neutralized(text, maximumLength: 300)
    }

    // MARK: - Classification

    private static func classify(_ text: String) -> Kind {
        guard !text.isEmpty, text.utf8.count <= maximumLength, !text.unicodeScalars.contains(where: isUnsafe),
            let colon = text.firstIndex(of: ":")
        else { return .rejected }
        let scheme = text[..<colon].lowercased()
        let rest = text[text.index(after: colon)...]
        switch scheme {
        case "https", "http":
            guard hasValidAuthority(rest) else { return .rejected }
            return scheme == "https" ? .https : .http
        case "cid":
            return rest.isEmpty ? .rejected : .contentID
        default:
            return .rejected
        }
    }

    /// `//host[:port]` followed by nothing, `/`, `?` or `#`; no user-info.
    private static func hasValidAuthority(_ rest: Substring) -> Bool {
        guard rest.hasPrefix("//") else { return false }
        let afterSlashes = rest.dropFirst(2)
        let authority = afterSlashes.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return false }
        var host = Substring(authority)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let port = host[host.index(after: close)...]
            return port.isEmpty || isPort(port)
        }
        if let colon = host.lastIndex(of: ":") {
            guard isPort(host[colon...]) else { return false }
            host = host[..<colon]
        }
        return !host.isEmpty && !host.hasPrefix(".") && !host.contains("..")
    }

    private static func isPort(_ text: Substring) -> Bool {
        let digits = text.dropFirst()
        return text.first == ":" && !digits.isEmpty && digits.count <= 5 && digits.allSatisfy(\.isASCII)
            && digits.allSatisfy(\.isNumber)
    }

    /// White space, controls, bidi controls and the characters RFC 3986 never allows unescaped.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value <= 0x20 || TerminalText.isUnsafe(scalar) { return true }
        if scalar.properties.isWhitespace { return true }
        return "<>\"`{}|\\^".unicodeScalars.contains(scalar)
    }
}
