/// An info/query stanza (RFC 6120 §8.2.3): exactly one payload for `get`/`set`, zero or one for `result`.
public struct IQ: Sendable, Hashable {
    /// RFC 6120 §8.2.3 `type` values.
    public enum IQType: String, Sendable, CaseIterable {
        case get, set, result, error
    }

    public var type: IQType
    public var id: String
    public var from: String?
    public var to: String?
    /// The first child element other than `<error/>`.
    public var payload: Element?
    /// The stanza error, for `type='error'`.
    public var error: StanzaError?

    public init(type: IQType, id: String, from: String? = nil, to: String? = nil, payload: Element? = nil) {
        self.type = type
        self.id = id
        self.from = from
        self.to = to
        self.payload = payload
        self.error = nil
    }

    /// Reads an `<iq/>` element; `nil` when it is not an IQ or lacks a valid `type`/`id`.
    public init?(parsing element: Element) {
        guard element.is("iq", Namespace.client),
            let type = element[attribute: "type"].flatMap(IQType.init(rawValue:)),
            let id = element[attribute: "id"], !id.isEmpty
        else { return nil }
        self.type = type
        self.id = id
        self.from = element[attribute: "from"]
        self.to = element[attribute: "to"]
        self.payload = element.elements.first { !($0.name == "error" && $0.namespace == Namespace.client) }
        self.error = type == .error ? StanzaError(parsing: element) : nil
    }

    /// The `<iq/>` element to send.
    public var element: Element {
        var attributes: [Element.Attribute] = [Element.Attribute("type", type.rawValue), Element.Attribute("id", id)]
        if let to { attributes.append(Element.Attribute("to", to)) }
        if let from { attributes.append(Element.Attribute("from", from)) }
        var result = Element("iq", namespace: Namespace.client, attributes: attributes)
        if let payload { result.append(payload) }
        if let error { result.append(error.element) }
        return result
    }
}
