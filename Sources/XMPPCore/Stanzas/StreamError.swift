/// A stream-level error (RFC 6120 §4.9): the peer closes the whole stream.
public struct StreamError: Error, Sendable, Hashable {
    /// RFC 6120 §4.9.3 defined conditions; raw values are the wire element names.
    public enum Condition: String, Sendable, CaseIterable {
        case badFormat = "bad-format"
        case badNamespacePrefix = "bad-namespace-prefix"
        case conflict
        case connectionTimeout = "connection-timeout"
        case hostGone = "host-gone"
        case hostUnknown = "host-unknown"
        case improperAddressing = "improper-addressing"
        case internalServerError = "internal-server-error"
        case invalidFrom = "invalid-from"
        case invalidNamespace = "invalid-namespace"
        case invalidXML = "invalid-xml"
        case notAuthorized = "not-authorized"
        case notWellFormed = "not-well-formed"
        case policyViolation = "policy-violation"
        case remoteConnectionFailed = "remote-connection-failed"
        case reset
        case resourceConstraint = "resource-constraint"
        case restrictedXML = "restricted-xml"
        case seeOtherHost = "see-other-host"
        case systemShutdown = "system-shutdown"
        case undefinedCondition = "undefined-condition"
        case unsupportedEncoding = "unsupported-encoding"
        case unsupportedFeature = "unsupported-feature"
        case unsupportedStanzaType = "unsupported-stanza-type"
        case unsupportedVersion = "unsupported-version"
    }

    public var condition: Condition
    /// The peer's `<text/>`, unsanitized: neutralize before showing (security.md §7.1).
    public var text: String?
    /// For `see-other-host`: the host the peer names (RFC 6120 §4.9.3.19).
    public var otherHost: String?

    public init(_ condition: Condition, text: String? = nil, otherHost: String? = nil) {
        self.condition = condition
        self.text = text
        self.otherHost = otherHost
    }

    /// Parses a `<stream:error/>` element; unknown conditions become `undefined-condition`.
    public init?(parsing element: Element) {
        guard element.is("error", Namespace.stream) else { return nil }
        var condition = Condition.undefinedCondition
        var otherHost: String?
        var text: String?
        for child in element.elements where child.namespace == Namespace.streamErrors {
            if child.name == "text" {
                text = child.text
            } else if let known = Condition(rawValue: child.name) {
                condition = known
                if known == .seeOtherHost { otherHost = child.text }
            }
        }
        self.init(condition, text: text, otherHost: otherHost)
    }

    /// The `<stream:error/>` element to send.
    public var element: Element {
        var error = Element("error", namespace: Namespace.stream)
        error.append(Element(condition.rawValue, namespace: Namespace.streamErrors))
        if let text { error.append(Element("text", namespace: Namespace.streamErrors, text: text)) }
        return error
    }
}
