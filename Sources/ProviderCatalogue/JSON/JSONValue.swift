/// A JSON value that keeps what a typed decoder would lose: integers apart from fractions, the order of an
/// object's keys, and keys the schema does not know.
///
/// The catalogues are decoded in two steps: bytes → `JSONValue` (`JSONParser`, RFC 8259), then `JSONValue` →
/// typed model with every problem collected (`Provider(validating:…)`). Entries are written back unchanged
/// from this form, so upstream entries stay as upstream wrote them.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number without a fraction or exponent that fits in `Int`.
    case integer(Int)
    /// Any other number.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value's JSON type name, used in validation problems: `null`, `boolean`, `integer`, `number`,
    /// `string`, `array`, `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object, if this is one.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}

/// A JSON object whose keys keep the order they were written in.
public struct JSONObject: Sendable, Hashable {
    /// The keys in document order (each once; a repeated key keeps its first position and its last value).
    public private(set) var keys: [String]
    private var storage: [String: JSONValue]

    public init() {
        keys = []
        storage = [:]
    }

    /// An object with these members, in this order.
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// The member named `key`; assigning `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The members in document order.
    public var members: [(key: String, value: JSONValue)] {
        keys.compactMap { key in storage[key].map { (key, $0) } }
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }

    /// Objects are equal when they have the same members; key order does not matter (RFC 8259 §4).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.storage == rhs.storage }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
