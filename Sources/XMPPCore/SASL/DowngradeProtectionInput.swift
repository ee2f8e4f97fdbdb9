/// What the server advertised, from which XEP-0474 `h=` is recomputed (SCRAM downgrade protection).
public struct DowngradeProtectionInput: Sendable, Hashable {
    /// The `<mechanism/>` names exactly as advertised.
    public var mechanisms: [String]
    /// The XEP-0440 channel-binding type names exactly as advertised (unknown ones included); `nil` when
    /// the `<sasl-channel-binding/>` feature was absent.
    public var channelBindingTypes: [String]?

    public init(mechanisms: [String], channelBindingTypes: [String]?) {
        self.mechanisms = mechanisms
        self.channelBindingTypes = channelBindingTypes
    }

    /// XEP-0474 §3: the mechanisms sorted by `i;octet` and joined with 0x1E, then, if XEP-0440 was used,
    /// 0x1F and the sorted channel-binding types joined with 0x1E.
    public var hashInput: [UInt8] {
        var result = Self.joinedSorted(mechanisms)
        if let channelBindingTypes {
            result.append(0x1F)
            result += Self.joinedSorted(channelBindingTypes)
        }
        return result
    }

    private static func joinedSorted(_ names: [String]) -> [UInt8] {
        let sorted = names.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var result: [UInt8] = []
        for (index, name) in sorted.enumerated() {
            if index > 0 { result.append(0x1E) }
            result += name
        }
        return result
    }
}
