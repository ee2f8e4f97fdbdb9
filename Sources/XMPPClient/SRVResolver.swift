import CResolv

/// Looks up SRV records through the system resolver (`res_nquery` from libresolv, glibc).
///
/// `nameServer` overrides the system's resolvers — a test hook for the DNS stub on loopback
/// (`XMPP_ONBOARD_DNS_SERVER=127.0.0.1:PORT` or the hidden `--dns-server` option); never needed in use.
public struct SRVResolver: Sendable {
    /// The outcome of one query.
    public enum Answer: Sendable, Hashable {
        case records([SRVRecord])
        /// NXDOMAIN or no SRV data: the domain publishes no such service.
        case none
    }

    public enum ResolverError: Error, Sendable, Hashable {
        /// The resolver failed (no server reachable, SERVFAIL, malformed answer).
        case lookupFailed(String)
    }

    public let nameServer: (host: String, port: Int)?

    public init(nameServer: (host: String, port: Int)? = nil) {
        self.nameServer = nameServer
    }

    /// Queries `name` (for example `_xmpp-client._tcp.example.org`). Blocking: call it off the event loop.
    public func query(_ name: String) throws(ResolverError) -> Answer {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let length = buffer.withUnsafeMutableBufferPointer { answer in
            cresolv_query_srv(name, answer.baseAddress, Int32(answer.count), nameServer?.host, Int32(nameServer?.port ?? 53))
        }
        if length < 0 {
            // -100 - h_errno: HOST_NOT_FOUND (1) and NO_DATA (4) mean "no such records".
            let herrno = length <= -100 ? -(length + 100) : -1
            if herrno == 1 || herrno == 4 { return .none }
            throw .lookupFailed("resolver error \(herrno)")
        }
        do {
            let records = try DNSMessage.srvRecords(in: Array(buffer.prefix(Int(length))))
            return records.isEmpty ? .none : .records(records)
        } catch {
            throw .lookupFailed("malformed DNS answer")
        }
    }
}
