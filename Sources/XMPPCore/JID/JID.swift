/// An XMPP address, `localpart@domainpart/resourcepart` (RFC 7622).
///
/// Every part is stored in its enforced form: the localpart through PRECIS UsernameCaseMapped (so
/// `Juliet` becomes `juliet`), the domainpart as lowercase U-labels without a trailing dot, the resourcepart
/// through PRECIS OpaqueString. Two JIDs are equal exactly when their parts are equal.
public struct JID: Hashable, Sendable, CustomStringConvertible {
    /// The maximum length of each part in UTF-8 octets (RFC 7622 §3.2.1, §3.3.1, §3.4.1).
    public static let maximumPartLength = 1023

    /// The enforced localpart, if any.
    public let localpart: String?
    /// The domainpart in Unicode (U-labels), lowercase, or an IP literal.
    public let domainpart: String
    /// The enforced resourcepart, if any.
    public let resourcepart: String?
    /// The domainpart as an ASCII name (A-labels), lowercase.
    ///
    /// This is the reference identity for TLS: SNI and certificate verification (RFC 7590, RFC 9525).
    /// IP literals are returned unchanged.
    public let domainASCII: String

    /// Parses and enforces a JID string (RFC 7622 §3.1: the first `/` starts the resourcepart, and the
    /// first `@` before it ends the localpart).
    public init(_ string: String) throws(JIDError) {
        var rest = Substring(string)
        var resource: Substring?
        if let slash = rest.firstIndex(of: "/") {
            resource = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var local: Substring?
        if let at = rest.firstIndex(of: "@") {
            local = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        try self.init(
            localpart: local.map(String.init),
            domainpart: String(rest),
            resourcepart: resource.map(String.init)
        )
    }

    /// Builds a JID from separate parts, enforcing each (a `nil` part is absent; an empty part is an error).
    public init(localpart: String?, domainpart: String, resourcepart: String? = nil) throws(JIDError) {
        let domain = try Domainpart(domainpart)
        self.domainpart = domain.unicode
        self.domainASCII = domain.ascii
        self.localpart = try localpart.map { (part: String) throws(JIDError) -> String in
            try Self.enforceLocalpart(part)
        }
        self.resourcepart = try resourcepart.map { (part: String) throws(JIDError) -> String in
            try Self.enforceResourcepart(part)
        }
    }

    /// The JID without its resourcepart.
    public var bare: JID {
        JID(checkedLocalpart: localpart, domainpart: domainpart, domainASCII: domainASCII, resourcepart: nil)
    }

    /// Whether the JID has no resourcepart.
    public var isBare: Bool { resourcepart == nil }

    /// `localpart@domainpart/resourcepart`, with absent parts and their separators left out.
    public var description: String {
        var result = ""
        if let localpart { result += localpart + "@" }
        result += domainpart
        if let resourcepart { result += "/" + resourcepart }
        return result
    }

    private init(checkedLocalpart: String?, domainpart: String, domainASCII: String, resourcepart: String?) {
        self.localpart = checkedLocalpart
        self.domainpart = domainpart
        self.domainASCII = domainASCII
        self.resourcepart = resourcepart
    }

    // MARK: - Enforcement

    /// Input longer than this many octets cannot shrink to 1023 octets; it is refused before any work.
    static let maximumInputLength = 4 * maximumPartLength

    /// RFC 7622 §3.3: UsernameCaseMapped, then the eight characters XMPP adds to the disallowed set.
    static func enforceLocalpart(_ part: String) throws(JIDError) -> String {
        guard !part.isEmpty else { throw .emptyLocalpart }
        guard part.utf8.count <= maximumInputLength else { throw .localpartTooLong }
        let enforced: String
        do {
            enforced = try PRECIS.usernameCaseMapped(part)
        } catch {
            throw .invalidLocalpart(error)
        }
        if let forbidden = enforced.unicodeScalars.first(where: { "\"&'/:<>@".unicodeScalars.contains($0) }) {
            throw .invalidLocalpart(.disallowed(forbidden))
        }
        guard enforced.utf8.count <= maximumPartLength else { throw .localpartTooLong }
        return enforced
    }

    /// RFC 7622 §3.4: OpaqueString.
    static func enforceResourcepart(_ part: String) throws(JIDError) -> String {
        guard !part.isEmpty else { throw .emptyResourcepart }
        guard part.utf8.count <= maximumInputLength else { throw .resourcepartTooLong }
        let enforced: String
        do {
            enforced = try PRECIS.opaqueString(part)
        } catch {
            throw .invalidResourcepart(error)
        }
        guard enforced.utf8.count <= maximumPartLength else { throw .resourcepartTooLong }
        return enforced
    }
}
