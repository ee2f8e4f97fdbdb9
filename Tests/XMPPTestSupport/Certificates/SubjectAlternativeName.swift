// Identities a test certificate can carry (RFC 6120 §13.7.1.2, RFC 9525, RFC 4985).

/// One subjectAltName entry of a test certificate.
public enum SubjectAlternativeName: Sendable, Hashable, ExpressibleByStringLiteral {
    /// DNS-ID, e.g. `localhost`, `*.example.org`, or a partial wildcard `x*.example.org` (case T2).
    case dns(String)
    /// IP address (iPAddress).
    case ip(String)
    /// XmppAddr (`id-on-xmppAddr`, OID 1.3.6.1.5.5.7.8.5, UTF8String) — RFC 6120 §13.7.1.4.
    case xmppAddr(String)
    /// SRV-ID (`id-on-dnsSRV`, OID 1.3.6.1.5.5.7.8.7, IA5String), e.g. `_xmpp-client.example.org` (RFC 4985).
    case srvName(String)

    /// A string literal is a DNS name.
    public init(stringLiteral value: String) { self = .dns(value) }

    /// `KEY`, `VALUE` for an openssl `[alt_names]` section.
    var configEntry: (String, String) {
        switch self {
        case .dns(let name): ("DNS", name)
        case .ip(let address): ("IP", address)
        case .xmppAddr(let address): ("otherName", "1.3.6.1.5.5.7.8.5;UTF8:\(address)")
        case .srvName(let name): ("otherName", "1.3.6.1.5.5.7.8.7;IA5STRING:\(name)")
        }
    }

    /// The inline form for `-addext subjectAltName=…`.
    var inlineValue: String {
        let (key, value) = configEntry
        return "\(key):\(value)"
    }
}
