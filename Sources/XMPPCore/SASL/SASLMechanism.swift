/// A SASL mechanism this client implements (RFC 6120 §6.3.3).
public enum SASLMechanism: Hashable, Sendable {
    /// SCRAM (RFC 5802, RFC 7677, draft-melnikov-scram-sha-512); `plus` = the channel-binding variant.
    case scram(SCRAMHash, plus: Bool)
    /// PLAIN (RFC 4616): only over verified TLS and only when no SCRAM is offered (security.md §3.4).
    case plain

    /// The registered mechanism name, for example `SCRAM-SHA-256-PLUS`.
    public var name: String {
        switch self {
        case .scram(let hash, let plus): "SCRAM-" + hash.rawValue + (plus ? "-PLUS" : "")
        case .plain: "PLAIN"
        }
    }

    /// The mechanism named `name` as advertised in `<mechanism/>` (surrounding whitespace ignored; names
    /// are upper case, RFC 4422 §3.1), or `nil` for a mechanism this client does not implement.
    public init?(name: String) {
        let trimmed = name.trimmingASCIIWhitespace()
        if trimmed == "PLAIN" {
            self = .plain
            return
        }
        for hash in SCRAMHash.allCases {
            for plus in [false, true] where trimmed == Self.scram(hash, plus: plus).name {
                self = .scram(hash, plus: plus)
                return
            }
        }
        return nil
    }
}
