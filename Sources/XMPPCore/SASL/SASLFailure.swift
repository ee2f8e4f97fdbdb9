/// A `<failure/>` from the server (RFC 6120 §6.4.5, §6.5).
public struct SASLFailure: Error, Sendable, Hashable {
    /// RFC 6120 §6.5 defined conditions; raw values are the wire element names.
    public enum Condition: String, Sendable, CaseIterable {
        case aborted
        case accountDisabled = "account-disabled"
        case credentialsExpired = "credentials-expired"
        case encryptionRequired = "encryption-required"
        case incorrectEncoding = "incorrect-encoding"
        case invalidAuthzid = "invalid-authzid"
        case invalidMechanism = "invalid-mechanism"
        case malformedRequest = "malformed-request"
        case mechanismTooWeak = "mechanism-too-weak"
        case notAuthorized = "not-authorized"
        case temporaryAuthFailure = "temporary-auth-failure"
    }

    public var condition: Condition
    /// The server's `<text/>`, unsanitized: show only `displayText` (security.md §7.1, S16).
    public var text: String?

    public init(_ condition: Condition, text: String? = nil) {
        self.condition = condition
        self.text = text
    }

    /// Parses `<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>`; `nil` for any other element.
    ///
    /// A failure without a known condition becomes `not-authorized`, which §6.5.10 defines as the generic
    /// authentication failure (§6.5 has no undefined-condition).
    public init?(parsing element: Element) {
        guard element.is("failure", Namespace.sasl) else { return nil }
        var condition: Condition?
        var text: String?
        for child in element.elements where child.namespace == Namespace.sasl {
            if child.name == "text" {
                text = child.text
            } else if condition == nil, let known = Condition(rawValue: child.name) {
                condition = known
            }
        }
        self.init(condition ?? .notAuthorized, text: text)
    }

    /// The text neutralized for a terminal: controls and bidi overrides escaped, length bounded.
    public var displayText: String? {
        text.map { TerminalText.neutralized($0) }
    }

    /// The `<failure/>` element (for test servers and transcripts).
    public var element: Element {
        var failure = Element("failure", namespace: Namespace.sasl)
        failure.append(Element(condition.rawValue, namespace: Namespace.sasl))
        if let text { failure.append(Element("text", namespace: Namespace.sasl, text: text)) }
        return failure
    }
}
