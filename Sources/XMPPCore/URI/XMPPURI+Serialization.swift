extension XMPPURI: CustomStringConvertible, CustomDebugStringConvertible {
    /// The IRI: non-ASCII characters stay unencoded (RFC 5122 §2.7, RFC 3987). Use it for QR codes, links
    /// shown to people and clients, all of which read UTF-8.
    public var iriString: String { serialized(keepingUnicode: true, redactingSecrets: false) }

    /// The URI: ASCII only, non-ASCII characters percent-encoded as UTF-8 (RFC 3987 §3.1 mapping).
    public var uriString: String { serialized(keepingUnicode: false, redactingSecrets: false) }

    /// The IRI with the values of secret keys (`password`, `preauth`) replaced by `<redacted>`, safe for logs.
    public var description: String { serialized(keepingUnicode: true, redactingSecrets: true) }

    public var debugDescription: String { "XMPPURI(\(description))" }

    /// Query keys whose values are secrets: a password (XEP-0045 `join`, Kaidan `login`) or a bearer
    /// invite token (XEP-0379, XEP-0445).
    public static let secretKeys: Set<String> = ["password", "preauth"]

    /// Whether the URI carries a password or an invite token.
    public var containsSecret: Bool { parameters.contains { Self.secretKeys.contains($0.key) } }

    /// The URI without the `xmpp:` prefix, as carried in a landing link's fragment (protocols.md §11).
    public var uriStringWithoutScheme: String { String(uriString.dropFirst(5)) }

    private func serialized(keepingUnicode: Bool, redactingSecrets: Bool) -> String {
        func encode(_ text: String, _ allowed: URIPercentEncoding.AllowedCharacters) -> String {
            URIPercentEncoding.encode(text, allowing: allowed, keepingUnicode: keepingUnicode)
        }
        var result = "xmpp:"
        if let authority {
            result += "//"
            if let at = authority.lastIndex(of: "@") {
                result += encode(String(authority[..<at]), .localpart) + "@"
                result += encode(String(authority[authority.index(after: at)...]), .domain)
            } else {
                result += encode(authority, .domain)
            }
            result += "/"
        }
        if let localpart { result += encode(localpart, .localpart) + "@" }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            result += domain
        } else {
            result += encode(domain, .domain)
        }
        if let resource { result += "/" + encode(resource, .resource) }

        var query: [String] = []
        if let action { query.append(encode(action.rawValue, .queryKey)) }
        for parameter in parameters {
            let value =
                redactingSecrets && Self.secretKeys.contains(parameter.key)
                ? "<redacted>" : encode(parameter.value, .queryValue)
            query.append(encode(parameter.key, .queryKey) + "=" + value)
        }
        if !query.isEmpty { result += "?" + query.joined(separator: ";") }
        if let fragment { result += "#" + encode(fragment, .fragment) }
        return result
    }
}
