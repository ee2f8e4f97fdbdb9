/// A service discovery information result (XEP-0030 §3.1): identities, features and extended forms.
public struct DiscoInfo: Sendable, Hashable {
    /// An identity (`category`/`type`/`name`).
    public struct Identity: Sendable, Hashable {
        public var category: String
        public var type: String
        public var name: String?
    }

    public var identities: [Identity]
    /// Feature `var` values in the order received, without duplicates.
    public var features: [String]
    /// Extended information forms (XEP-0128), raw.
    public var extensions: [Element]

    /// The `<query xmlns='http://jabber.org/protocol/disco#info'/>` request payload.
    public static func requestPayload(node: String? = nil) -> Element {
        var query = Element("query", namespace: Namespace.discoInfo)
        if let node { query[attribute: "node"] = node }
        return query
    }

    /// Reads a disco#info `<query/>`; `nil` for another element.
    public init?(parsing query: Element) {
        guard query.is("query", Namespace.discoInfo) else { return nil }
        var seen = Set<String>()
        var features: [String] = []
        var identities: [Identity] = []
        for child in query.elements {
            switch child.name {
            case "feature":
                if let name = child[attribute: "var"], seen.insert(name).inserted { features.append(name) }
            case "identity":
                if let category = child[attribute: "category"], let type = child[attribute: "type"] {
                    identities.append(Identity(category: category, type: type, name: child[attribute: "name"]))
                }
            default:
                break
            }
        }
        self.identities = identities
        self.features = features
        self.extensions = query.children("x", namespace: Namespace.dataForms)
    }
}
