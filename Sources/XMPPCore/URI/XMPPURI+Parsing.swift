extension XMPPURI {
    /// Parses an `xmpp:` URI or IRI (RFC 5122 §2.2).
    ///
    /// Percent-encoded octets in every part are decoded as UTF-8; non-ASCII characters may also appear
    /// unencoded (IRI form). A `+` is a literal plus and a space must be written `%20`. The scheme is
    /// case-insensitive. An authority-only URI (`xmpp://guest@example.com`) is refused with
    /// ``XMPPURIError/missingDomain`` because it names no JID to act on.
    ///
    /// The query is split at `;`. Its first component is the action unless it contains `=`, which is how
    /// Conversations writes OMEMO verification URIs (`xmpp:jid?omemo-sid-123=…`). A component without `=`
    /// after the first becomes a pair with an empty value.
    public init(parsing string: String) throws(XMPPURIError) {
        guard string.utf8.count >= 5, string.prefix(5).lowercased() == "xmpp:" else { throw .notXMPPScheme }
        var rest = string.dropFirst(5)
        try URIPercentEncoding.validateRawCharacters(rest)

        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = try URIPercentEncoding.decode(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        var query: Substring?
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        var authority: String?
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            guard let slash = rest.firstIndex(of: "/") else { throw .missingDomain }
            authority = try URIPercentEncoding.decode(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }

        let path = try Self.parsePath(rest)
        try Self.validateJID(localpart: path.localpart, domain: path.domain, resource: path.resource)
        let (action, parameters) = try Self.parseQuery(query)
        self.init(
            localpart: path.localpart,
            domain: path.domain,
            resource: path.resource,
            action: action,
            parameters: parameters,
            authority: authority,
            fragment: fragment
        )
    }

    /// Splits `[node@]host[/resource]` on the unencoded separators, then decodes each part, so an encoded
    /// `%2F` or `%40` stays inside its part.
    private static func parsePath(_ path: Substring) throws(XMPPURIError) -> (
        localpart: String?, domain: String, resource: String?
    ) {
        var rest = path
        var resource: String?
        if let slash = rest.firstIndex(of: "/") {
            let raw = rest[rest.index(after: slash)...]
            guard !raw.isEmpty else { throw .emptyResource }
            resource = try URIPercentEncoding.decode(raw)
            rest = rest[..<slash]
        }
        var localpart: String?
        if let at = rest.firstIndex(of: "@") {
            let raw = rest[..<at]
            guard !raw.isEmpty else { throw .emptyLocalpart }
            localpart = try URIPercentEncoding.decode(raw)
            rest = rest[rest.index(after: at)...]
            guard !rest.contains("@") else { throw .unexpectedAtSign }
        }
        guard !rest.isEmpty else { throw .missingDomain }
        let isIPLiteral = rest.hasPrefix("[") && rest.hasSuffix("]")
        let domain = isIPLiteral ? String(rest) : try URIPercentEncoding.decode(rest)
        return (localpart, domain, resource)
    }

    private static func parseQuery(_ query: Substring?) throws(XMPPURIError) -> (Action?, [Parameter]) {
        guard let query else { return (nil, []) }
        var components = query.split(separator: ";", omittingEmptySubsequences: true)[...]
        var action: Action?
        if let first = components.first, !first.contains("=") {
            action = Action(try URIPercentEncoding.decode(first))
            components = components.dropFirst()
        }
        var parameters: [Parameter] = []
        for component in components {
            let key: Substring
            let value: Substring
            if let equals = component.firstIndex(of: "=") {
                key = component[..<equals]
                value = component[component.index(after: equals)...]
            } else {
                key = component
                value = ""
            }
            guard !key.isEmpty else { throw .emptyQueryKey }
            parameters.append(Parameter(try URIPercentEncoding.decode(key), try URIPercentEncoding.decode(value)))
        }
        return (action, parameters)
    }
}
