import Foundation
import Testing
import XMPPTestSupport

// SRV resolution through the real libresolv path (`res_nquery`), against the DNS stub on loopback via the hidden
// `--dns-server` option of `account verify` (RFC 2782, RFC 6120 §3.2, XEP-0368; security.md §8.3 T5, T13).
#if canImport(Glibc)
    import Glibc
#endif

@Suite("SRV resolution", .requires(.scriptedServer, .openssl), .timeLimit(.minutes(3)))
struct SRVResolutionTests {
    /// An XMPP domain that exists only in the DNS stub; SRV targets point at `localhost` or `127.0.0.1`.
    static let domain = "example.test"
    static let jid = "alice@example.test"
    static let startTLSService = "_xmpp-client._tcp.example.test"
    static let directTLSService = "_xmpps-client._tcp.example.test"

    /// A certificate for the XMPP domain (never for the SRV target).
    static func domainTLS(alpn: String? = nil) throws -> HostileScenario.TLS {
        try Hostile.tls(domainCertificate.get(), alpn: alpn)
    }

    private static let domainCertificate: Result<IssuedCertificate, any Error> = Result {
        try Hostile.certificates().authority.issue(commonName: domain, subjectAlternativeNames: [.dns(domain)])
    }

    /// A scripted server completing a login for `alice@example.test`.
    static func loginServer(direct: Bool) async throws -> HostileServer {
        try await Hostile.server(
            Hostile.login(
                tls: domainTLS(alpn: direct ? "xmpp-client" : nil), direct: direct, domain: domain))
    }

    static func verify(dns: DNSStub, jid: String = jid, extra: [String] = []) async throws -> ToolRun {
        try await Hostile.verify(port: nil, jid: jid, extra: ["--dns-server", "127.0.0.1:\(dns.port)"] + extra)
    }

    static func srv(_ priority: Int, _ port: Int, _ target: String = "localhost", weight: Int = 0) -> DNSStub.SRVRecord
    {
        .init(priority: priority, weight: weight, port: port, target: target)
    }

    // MARK: - Choosing among records

    @Test(
        "_xmpps-client and _xmpp-client records are mixed by priority; the chosen endpoint is reported",
        arguments: [true, false])
    func mixedByPriority(directTLSFirst: Bool) async throws {
        let direct = try await Self.loginServer(direct: true)
        defer { direct.stop() }
        let startTLS = try await Self.loginServer(direct: false)
        defer { startTLS.stop() }
        let dns = try await DNSStub.start(records: [
            Self.directTLSService: .srv([Self.srv(directTLSFirst ? 5 : 10, direct.port)]),
            Self.startTLSService: .srv([Self.srv(directTLSFirst ? 10 : 5, startTLS.port)]),
        ])
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns)
        #expect(run.status == 0, "\(run)")
        let report = try run.json()
        #expect(report["host"] as? String == "localhost")
        #expect(report["port"] as? Int == (directTLSFirst ? direct.port : startTLS.port))
        #expect(report["direct_tls"] as? Bool == directTLSFirst)
        #expect(report["source"] as? String == (directTLSFirst ? "srv:_xmpps-client._tcp" : "srv:_xmpp-client._tcp"))
        #expect(report["bound_jid"] as? String == "alice@example.test/hostile")
        let unused = directTLSFirst ? startTLS : direct
        #expect(!unused.events().contains { $0.kind == "accepted" }, "the lower-priority server was not contacted")
        let queried = Set(dns.queries().map { "\($0.name.lowercased()) \($0.type)" })
        #expect(queried.contains("\(Self.directTLSService) SRV") && queried.contains("\(Self.startTLSService) SRV"))
    }

    @Test("a target that refuses the connection is skipped for the next record (an IP-literal target)")
    func nextRecordAfterRefusal() async throws {
        let server = try await Self.loginServer(direct: false)
        defer { server.stop() }
        let closedPort = try LoopbackPorts.freePort()
        let dns = try await DNSStub.start(records: [
            Self.startTLSService: .srv([Self.srv(1, closedPort, "127.0.0.1"), Self.srv(2, server.port, "127.0.0.1")])
        ])
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns)
        #expect(run.status == 0, "\(run)")
        let report = try run.json()
        #expect(report["host"] as? String == "127.0.0.1")
        #expect(report["port"] as? Int == server.port)
    }

    @Test("--starttls ignores _xmpps-client records; --direct-tls ignores _xmpp-client records")
    func modeOverrides() async throws {
        let direct = try await Self.loginServer(direct: true)
        defer { direct.stop() }
        let startTLS = try await Self.loginServer(direct: false)
        defer { startTLS.stop() }
        let dns = try await DNSStub.start(records: [
            Self.directTLSService: .srv([Self.srv(0, direct.port)]),
            Self.startTLSService: .srv([Self.srv(0, startTLS.port)]),
        ])
        defer { dns.stop() }
        let viaStartTLS = try await Self.verify(dns: dns, extra: ["--starttls"])
        #expect(viaStartTLS.status == 0, "\(viaStartTLS)")
        #expect(try viaStartTLS.json()["port"] as? Int == startTLS.port)
        let viaDirectTLS = try await Self.verify(dns: dns, extra: ["--direct-tls"])
        #expect(viaDirectTLS.status == 0, "\(viaDirectTLS)")
        #expect(try viaDirectTLS.json()["port"] as? Int == direct.port)
        #expect(try viaDirectTLS.json()["direct_tls"] as? Bool == true)
    }

    // MARK: - "No service" and fallbacks

    @Test("T13: an _xmpps-client target of '.' falls back to _xmpp-client (STARTTLS)")
    func directTLSNotOffered() async throws {
        let server = try await Self.loginServer(direct: false)
        defer { server.stop() }
        let dns = try await DNSStub.start(records: [
            Self.directTLSService: .srv([Self.srv(0, 0, ".")]),
            Self.startTLSService: .srv([Self.srv(10, server.port)]),
        ])
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns)
        #expect(run.status == 0, "\(run)")
        let report = try run.json()
        #expect(report["port"] as? Int == server.port)
        #expect(report["direct_tls"] as? Bool == false)
        #expect(report["source"] as? String == "srv:_xmpp-client._tcp")
    }

    @Test("every target '.' → exit 69 service-not-offered, no fallback to the domain", arguments: [true, false])
    func serviceNotOffered(directTLSRecordToo: Bool) async throws {
        var records: [String: DNSStub.Entry] = [Self.startTLSService: .srv([Self.srv(0, 0, ".")])]
        if directTLSRecordToo { records[Self.directTLSService] = .srv([Self.srv(0, 0, ".")]) }
        let dns = try await DNSStub.start(records: records)
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns)
        #expect(run.status == 69, "\(run)")
        #expect(run.condition == "service-not-offered", "\(run)")
        #expect(!dns.queries().contains { $0.type == "A" || $0.type == "AAAA" })
    }

    @Test("T13: only an _xmpps-client '.' with --direct-tls → service-not-offered, no A/AAAA fallback")
    func directTLSOnlyNotOffered() async throws {
        let dns = try await DNSStub.start(records: [Self.directTLSService: .srv([Self.srv(0, 0, ".")])])
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns, extra: ["--direct-tls"])
        #expect(run.status == 69, "\(run)")
        #expect(run.condition == "service-not-offered", "\(run)")
    }

    @Test(
        "NXDOMAIN for both services → the domain itself on 5222 (5223 with --direct-tls)",
        arguments: [false, true])
    func fallbackToDomain(direct: Bool) async throws {
        // The machines here have no DNS for A records: the domain is `localhost`, which resolves from
        // /etc/hosts, and nothing listens on the default ports, so the fallback endpoint shows in the error.
        let port = direct ? 5223 : 5222
        try #require(!LoopbackPorts.isListening(port: port), "something listens on 127.0.0.1:\(port)")
        let dns = try await DNSStub.start(records: [:])
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns, jid: "alice@localhost", extra: direct ? ["--direct-tls"] : [])
        #expect(run.status == 69, "\(run)")
        #expect(run.condition == "connection-failed", "\(run)")
        let text = try #require(try run.json()["text"] as? String)
        #expect(text.contains("localhost") && text.contains("\(port)"), "\(text)")
        let queried = dns.queries().map(\.name).map { $0.lowercased() }
        #expect(queried.contains("_xmpp-client._tcp.localhost") == !direct)
        #expect(queried.contains("_xmpps-client._tcp.localhost"))
    }

    // MARK: - DNS failures

    @Test("SERVFAIL → exit 69 dns-failure")
    func serverFailure() async throws {
        let dns = try await DNSStub.start(records: [:], defaultResponse: .serverFailure)
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns)
        #expect(run.status == 69, "\(run)")
        #expect(run.condition == "dns-failure", "\(run)")
    }

    @Test(
        "a DNS server that refuses (closed port) or never answers → exit 69 dns-failure, bounded",
        arguments: [false, true])
    func dnsServerDown(silent: Bool) async throws {
        let socket = silent ? try SilentUDPSocket() : nil
        let port = try socket?.port ?? LoopbackPorts.freePort()
        let run = try await Hostile.verify(
            port: nil, jid: Self.jid, extra: ["--dns-server", "127.0.0.1:\(port)"])
        #expect(run.status == 69, "\(run)")
        #expect(run.condition == "dns-failure", "\(run)")
        #expect(run.elapsed < Hostile.quickly, "\(run)")
        withExtendedLifetime(socket) {}
    }

    // MARK: - Reference identity (RFC 7525 §6.1, T5)

    @Test("the SRV target's name differs from the domain, the certificate names the domain → success, SNI = domain")
    func certificateForDomain() async throws {
        let server = try await Self.loginServer(direct: false)
        defer { server.stop() }
        let dns = try await DNSStub.start(records: [Self.startTLSService: .srv([Self.srv(0, server.port)])])
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns)
        #expect(run.status == 0, "\(run)")
        #expect(try run.json()["host"] as? String == "localhost")
        let tls = try await server.waitForEvent { $0.kind == "tls" }
        #expect(tls["sni"] == Self.domain)
    }

    @Test(
        "T5: a certificate valid only for the SRV target → exit 69 certificate-name-mismatch, no <auth>",
        arguments: [false, true])
    func certificateForTargetOnly(direct: Bool) async throws {
        // Hostile.tls() serves the `localhost` certificate: right for the target, wrong for example.test.
        let server = try await Hostile.server(
            Hostile.login(
                tls: try Hostile.tls(alpn: "xmpp-client"), direct: direct, domain: Self.domain))
        defer { server.stop() }
        let service = direct ? Self.directTLSService : Self.startTLSService
        let dns = try await DNSStub.start(records: [service: .srv([Self.srv(0, server.port)])])
        defer { dns.stop() }
        let run = try await Self.verify(dns: dns)
        #expect(run.status == 69, "\(run)")
        #expect(run.condition == "certificate-name-mismatch", "\(run)")
        let transcript = try await Hostile.settledTranscript(server)
        #expect(!transcript.contains("<auth"))
        Hostile.expectNoSecret(in: transcript, "transcript")
    }
}

/// A UDP socket on 127.0.0.1 that never answers: a DNS server that is down without refusing.
private final class SilentUDPSocket {
    let descriptor: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.invalidArgument("socket failed: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw TestSupportError.invalidArgument("bind failed: \(errno)")
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
