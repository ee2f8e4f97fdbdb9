/// A stanza-level error (RFC 6120 §8.3): `<error type='…'><condition/><text/></error>`.
public struct StanzaError: Error, Sendable, Hashable {
    /// RFC 6120 §8.3.2 error types.
    public enum ErrorType: String, Sendable, CaseIterable {
        case auth, cancel, `continue`, modify, wait
    }

    /// RFC 6120 §8.3.3 defined conditions; raw values are the wire element names.
    public enum Condition: String, Sendable, CaseIterable {
        case badRequest = "bad-request"
        case conflict
        case featureNotImplemented = "feature-not-implemented"
        case forbidden
        case gone
        case internalServerError = "internal-server-error"
        case itemNotFound = "item-not-found"
        case jidMalformed = "jid-malformed"
        case notAcceptable = "not-acceptable"
        case notAllowed = "not-allowed"
        case notAuthorized = "not-authorized"
        case policyViolation = "policy-violation"
        case recipientUnavailable = "recipient-unavailable"
        case redirect
        case registrationRequired = "registration-required"
        case remoteServerNotFound = "remote-server-not-found"
        case remoteServerTimeout = "remote-server-timeout"
        case resourceConstraint = "resource-constraint"
        case serviceUnavailable = "service-unavailable"
        case subscriptionRequired = "subscription-required"
        case undefinedCondition = "undefined-condition"
        case unexpectedRequest = "unexpected-request"
    }

    public var type: ErrorType
    public var condition: Condition
    /// The peer's `<text/>`, unsanitized: neutralize before showing (security.md §7.1).
    public var text: String?
    /// An application-specific child element, if any.
    public var applicationCondition: Element?

    public init(type: ErrorType, condition: Condition, text: String? = nil, applicationCondition: Element? = nil) {
        self.type = type
        self.condition = condition
        self.text = text
        self.applicationCondition = applicationCondition
    }

    /// Parses the `<error/>` child of a stanza. A missing or unknown type defaults per condition to `cancel`.
    public init?(parsing stanza: Element) {
        guard let error = stanza.child("error") else { return nil }
        var condition = Condition.undefinedCondition
        var text: String?
        var application: Element?
        for child in error.elements {
            if child.namespace == Namespace.stanzaErrors {
                if child.name == "text" {
                    text = child.text
                } else if let known = Condition(rawValue: child.name) {
                    condition = known
                }
            } else {
                application = child
            }
        }
        let type = error[attribute: "type"].flatMap(ErrorType.init(rawValue:)) ?? .cancel
        self.init(type: type, condition: condition, text: text, applicationCondition: application)
    }

    /// The `<error/>` element.
    public var element: Element {
        var error = Element("error", namespace: Namespace.client, ["type": type.rawValue])
        error.append(Element(condition.rawValue, namespace: Namespace.stanzaErrors))
        if let text { error.append(Element("text", namespace: Namespace.stanzaErrors, text: text)) }
        if let applicationCondition { error.append(applicationCondition) }
        return error
    }
}
