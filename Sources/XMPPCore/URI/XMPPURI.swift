/// An `xmpp:` URI or IRI (RFC 5122, XEP-0147): a JID to act on, an optional query action with ordered
/// `key=value` parameters, and an optional authority and fragment.
///
/// ```
/// xmpp:[//authority/]jid[?querytype[;key=value]*][#fragment]
/// ```
///
/// The JID parts are kept as decoded strings exactly as written (no stringprep, case folding or IDNA
/// mapping); validate them with the JID type before connecting. Parse with ``init(parsing:)``; build with
/// ``init(localpart:domain:resource:action:parameters:)`` or ``init(jid:action:parameters:)`` and write
/// with ``iriString`` (Unicode kept, for QR codes and display) or ``uriString`` (ASCII only).
///
/// `description` redacts secrets (`password`, `preauth`), so a URI can be logged safely.
public struct XMPPURI: Sendable, Hashable {
    /// The account to act as (RFC 5122 §2.3), decoded, for example `guest@example.com`. Rare; most URIs have none.
    public var authority: String?
    /// The JID's localpart, decoded (`juliet` in `xmpp:juliet@example.com`), or nil.
    public var localpart: String?
    /// The JID's domainpart, decoded; never empty. An IP literal keeps its brackets.
    public var domain: String
    /// The JID's resourcepart, decoded, or nil. May contain `/`.
    public var resource: String?
    /// The query type (`message`, `roster`, `register`…), or nil when the query starts with a pair
    /// (the OMEMO form `?omemo-sid-1=…`) or there is no query.
    public var action: Action?
    /// The query's `key=value` pairs in order; keys may repeat (`trust`, `omemo-sid-…`).
    public var parameters: [Parameter]
    /// The fragment, decoded, or nil.
    public var fragment: String?

    /// One `key=value` pair of the query (RFC 5122 §2.5).
    public struct Parameter: Sendable, Hashable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// A URI from its decoded parts. The domain must not be empty.
    public init(
        localpart: String? = nil,
        domain: String,
        resource: String? = nil,
        action: Action? = nil,
        parameters: [Parameter] = [],
        authority: String? = nil,
        fragment: String? = nil
    ) {
        self.authority = authority
        self.localpart = localpart
        self.domain = domain
        self.resource = resource
        self.action = action
        self.parameters = parameters
        self.fragment = fragment
    }

    /// A URI for a JID written as text (`local@domain/resource`), split as RFC 7622 §3.1 describes:
    /// the resource starts at the first `/`, the localpart ends at the first `@` before it.
    ///
    /// The JID is validated as RFC 7622 defines it (PRECIS profiles, IDNA2008 domain, lengths), but kept as
    /// written: the URI carries the address the user gave, not its normalized form.
    public init(jid: String, action: Action? = nil, parameters: [Parameter] = []) throws(XMPPURIError) {
        let parts = try Self.splitJID(jid)
        try Self.validateJID(localpart: parts.localpart, domain: parts.domain, resource: parts.resource)
        self.init(
            localpart: parts.localpart,
            domain: parts.domain,
            resource: parts.resource,
            action: action,
            parameters: parameters
        )
    }

    // MARK: - Reading parameters

    /// The value of the first pair with this key, or nil.
    public func value(for key: String) -> String? {
        parameters.first { $0.key == key }?.value
    }

    /// The values of every pair with this key, in order.
    public func values(for key: String) -> [String] {
        parameters.filter { $0.key == key }.map(\.value)
    }

    /// The JID as text, `localpart@domain/resource` (decoded, not escaped).
    public var jid: String {
        bareJID + (resource.map { "/" + $0 } ?? "")
    }

    /// The bare JID as text, `localpart@domain`.
    public var bareJID: String {
        (localpart.map { $0 + "@" } ?? "") + domain
    }

    // MARK: - Splitting JIDs

    /// Throws `.invalidJID` unless the parts form a valid JID (RFC 7622).
    static func validateJID(localpart: String?, domain: String, resource: String?) throws(XMPPURIError) {
        do {
            _ = try JID(localpart: localpart, domainpart: domain, resourcepart: resource)
        } catch {
            throw .invalidJID(error)
        }
    }

    /// The parts of a JID written as text (RFC 7622 §3.1 order).
    static func splitJID(_ jid: String) throws(XMPPURIError) -> (localpart: String?, domain: String, resource: String?) {
        var rest = Substring(jid)
        var resource: String?
        if let slash = rest.firstIndex(of: "/") {
            resource = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
            guard resource?.isEmpty == false else { throw .emptyResource }
        }
        var localpart: String?
        if let at = rest.firstIndex(of: "@") {
            localpart = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
            guard localpart?.isEmpty == false else { throw .emptyLocalpart }
            guard !rest.contains("@") else { throw .unexpectedAtSign }
        }
        guard !rest.isEmpty else { throw .missingDomain }
        return (localpart, String(rest), resource)
    }
}
