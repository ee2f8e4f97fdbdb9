/// Where and how to connect: one candidate from SRV (RFC 6120 §3.2, XEP-0368) or an explicit `--host`.
public struct Endpoint: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// From an `_xmpps-client` / `_xmpp-client` SRV record.
        case srv(service: String)
        /// The domain itself on the default port (no SRV records).
        case fallback
        /// Given explicitly (`--host`).
        case explicit
    }

    public var host: String
    public var port: Int
    /// Direct TLS (XEP-0368) rather than STARTTLS.
    public var directTLS: Bool
    public var source: Source

    public init(host: String, port: Int, directTLS: Bool, source: Source) {
        self.host = host
        self.port = port
        self.directTLS = directTLS
        self.source = source
    }
}

/// How to choose the connection method.
public enum TLSMode: Sendable, Hashable {
    /// Direct TLS and STARTTLS records mixed by priority and weight (XEP-0368 §3).
    case automatic
    /// Only Direct TLS (`--direct-tls`).
    case directTLS
    /// Only STARTTLS (`--starttls`).
    case startTLS
}

/// Turns a domain (and the user's overrides) into an ordered list of endpoints to try.
public struct EndpointResolver: Sendable {
    public static let defaultStartTLSPort = 5222
    public static let defaultDirectTLSPort = 5223

    public let resolver: SRVResolver

    public init(resolver: SRVResolver = SRVResolver()) {
        self.resolver = resolver
    }

    public enum ResolutionError: Error, Sendable, Hashable {
        /// Every SRV target was `.`: the domain says it offers no client service.
        case serviceNotOffered(domain: String)
        case lookupFailed(domain: String, detail: String)
    }

    /// Candidates in the order to try. `explicitHost` (`host[:port]`) bypasses DNS.
    public func endpoints(
        domain: String,
        explicitHost: String?,
        mode: TLSMode,
        random: (Int) -> Int = { Int.random(in: 0...$0) }
    ) throws(ResolutionError) -> [Endpoint] {
        if let explicitHost {
            let (host, port) = Self.split(explicitHost)
            let direct = mode == .directTLS
            let defaultPort = direct ? Self.defaultDirectTLSPort : Self.defaultStartTLSPort
            return [Endpoint(host: host, port: port ?? defaultPort, directTLS: direct, source: .explicit)]
        }
        var candidates: [(record: SRVRecord, directTLS: Bool)] = []
        var sawDirectTLSRecords = false
        var startTLSMarker = false
        if mode != .startTLS {
            switch try query("_xmpps-client._tcp.\(domain)", domain: domain) {
            case .records(let records):
                sawDirectTLSRecords = true
                // XEP-0368 §3: a target of "." means Direct TLS is not offered; no A/AAAA fallback.
                candidates += records.filter { !$0.isServiceUnavailableMarker }.map { ($0, true) }
            case .none:
                break
            }
        }
        if mode != .directTLS {
            switch try query("_xmpp-client._tcp.\(domain)", domain: domain) {
            case .records(let records):
                let usable = records.filter { !$0.isServiceUnavailableMarker }
                startTLSMarker = usable.isEmpty
                candidates += usable.map { ($0, false) }
            case .none:
                break
            }
        }
        if candidates.isEmpty {
            if startTLSMarker || sawDirectTLSRecords {
                throw .serviceNotOffered(domain: domain)
            }
            let direct = mode == .directTLS
            let port = direct ? Self.defaultDirectTLSPort : Self.defaultStartTLSPort
            return [Endpoint(host: domain, port: port, directTLS: direct, source: .fallback)]
        }
        let ordered = SRVRecord.ordered(candidates, record: { $0.record }, random: random)
        return ordered.map {
            Endpoint(
                host: $0.record.target, port: Int($0.record.port), directTLS: $0.directTLS,
                source: .srv(service: $0.directTLS ? "_xmpps-client._tcp" : "_xmpp-client._tcp")
            )
        }
    }

    private func query(_ name: String, domain: String) throws(ResolutionError) -> SRVResolver.Answer {
        do {
            return try resolver.query(name)
        } catch {
            switch error {
            case .lookupFailed(let detail): throw .lookupFailed(domain: domain, detail: detail)
            }
        }
    }

    /// Splits `host`, `host:port`, `[v6]:port` or a bare IPv6 address.
    public static func split(_ value: String) -> (host: String, port: Int?) {
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            let host = String(value[value.index(after: value.startIndex)..<close])
            let rest = value[value.index(after: close)...]
            if rest.hasPrefix(":"), let port = Int(rest.dropFirst()) { return (host, port) }
            return (host, nil)
        }
        let colons = value.filter { $0 == ":" }.count
        if colons == 1, let index = value.lastIndex(of: ":"), let port = Int(value[value.index(after: index)...]) {
            return (String(value[..<index]), port)
        }
        return (value, nil)
    }
}
