/// An XML element as XMPP uses it: a qualified name, ordered attributes and mixed children.
///
/// Namespaces are resolved: `namespace` is the element's namespace URI whatever prefix the peer used
/// (RFC 6120 §4.8). Serialization declares `xmlns` only where the namespace differs from the parent's.
public struct Element: Sendable, Hashable {
    /// One child: an element or a run of character data (adjacent text is always joined).
    public enum Node: Sendable, Hashable {
        case element(Element)
        case text(String)
    }

    /// One attribute. Namespaced attributes (`xml:lang`) keep their prefix in `name`.
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The local name, for example `iq`.
    public var name: String
    /// The namespace URI, for example `jabber:client`; empty for no namespace.
    public var namespace: String
    /// Attributes in document order (never `xmlns` declarations).
    public var attributes: [Attribute]
    /// Children in document order.
    public var children: [Node]

    public init(
        _ name: String,
        namespace: String,
        attributes: [Attribute] = [],
        children: [Node] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
    }

    /// Convenience: attributes from pairs, then child elements.
    public init(
        _ name: String,
        namespace: String,
        _ attributes: KeyValuePairs<String, String>,
        _ elements: [Element] = []
    ) {
        self.init(
            name,
            namespace: namespace,
            attributes: attributes.map { Attribute($0.key, $0.value) },
            children: elements.map { .element($0) }
        )
    }

    /// Convenience: an element holding only text.
    public init(_ name: String, namespace: String, text: String) {
        self.init(name, namespace: namespace, attributes: [], children: text.isEmpty ? [] : [.text(text)])
    }

    // MARK: - Queries

    /// The value of the attribute `name`, if present.
    public subscript(attribute name: String) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            if let index = attributes.firstIndex(where: { $0.name == name }) {
                if let newValue { attributes[index].value = newValue } else { attributes.remove(at: index) }
            } else if let newValue {
                attributes.append(Attribute(name, newValue))
            }
        }
    }

    /// Child elements in order.
    public var elements: [Element] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element with this name and namespace (`nil` namespace: any).
    public func child(_ name: String, namespace: String? = nil) -> Element? {
        for case .element(let element) in children
        where element.name == name && (namespace == nil || element.namespace == namespace) {
            return element
        }
        return nil
    }

    /// All child elements with this name and namespace (`nil` namespace: any).
    public func children(_ name: String, namespace: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// The concatenated character data directly inside this element.
    public var text: String {
        var result = ""
        for case .text(let text) in children { result += text }
        return result
    }

    /// Whether this element has the given name and namespace.
    public func `is`(_ name: String, _ namespace: String) -> Bool {
        self.name == name && self.namespace == namespace
    }

    /// Appends a child element.
    public mutating func append(_ element: Element) {
        children.append(.element(element))
    }

    /// Appends character data, joining it with a preceding text node.
    public mutating func append(text: String) {
        guard !text.isEmpty else { return }
        if case .text(let previous)? = children.last {
            children[children.count - 1] = .text(previous + text)
        } else {
            children.append(.text(text))
        }
    }
}
