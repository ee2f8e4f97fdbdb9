import Testing
@testable import XMPPClient

@Suite("SRV records (RFC 2782, XEP-0368)")
struct SRVTests {
    private func record(_ priority: UInt16, _ weight: UInt16, _ target: String) -> SRVRecord {
        SRVRecord(priority: priority, weight: weight, port: 5222, target: target)
    }

    @Test("lower priority first, whatever the weights")
    func priorityOrder() {
        let records = [record(20, 100, "c"), record(10, 0, "a"), record(30, 5, "d"), record(10, 0, "b")]
        let ordered = SRVRecord.ordered(records, record: { $0 }, random: { _ in 0 })
        #expect(ordered.map(\.priority) == [10, 10, 20, 30])
    }

    @Test("weighted choice within a priority follows the running sum", arguments: [(0, "zero"), (1, "light"), (2, "heavy"), (10, "heavy")])
    func weightedChoice(pick: Int, first: String) {
        let records = [record(10, 9, "heavy"), record(10, 1, "light"), record(10, 0, "zero")]
        let ordered = SRVRecord.ordered(records, record: { $0 }, random: { _ in pick })
        #expect(ordered.first?.target == first)
        #expect(Set(ordered.map(\.target)) == ["heavy", "light", "zero"])
    }

    @Test("host:port splitting", arguments: [
        ("example.org", "example.org", nil), ("example.org:5223", "example.org", 5223),
        ("127.0.0.1:5222", "127.0.0.1", 5222), ("[::1]:5222", "::1", 5222), ("::1", "::1", nil),
    ] as [(String, String, Int?)])
    func split(input: String, host: String, port: Int?) {
        let result = EndpointResolver.split(input)
        #expect(result.host == host)
        #expect(result.port == port)
    }

    @Test("explicit host bypasses DNS and follows the TLS mode")
    func explicitHost() throws {
        let resolver = EndpointResolver(resolver: SRVResolver(nameServer: ("127.0.0.1", 9)))
        let direct = try resolver.endpoints(domain: "example.org", explicitHost: "127.0.0.1", mode: .directTLS)
        #expect(direct == [Endpoint(host: "127.0.0.1", port: 5223, directTLS: true, source: .explicit)])
        let plain = try resolver.endpoints(domain: "example.org", explicitHost: "127.0.0.1:1234", mode: .automatic)
        #expect(plain == [Endpoint(host: "127.0.0.1", port: 1234, directTLS: false, source: .explicit)])
    }

    @Test("DNS answers with compression are parsed; hostile pointers are rejected")
    func dnsParsing() throws {
        // Header: id, flags, 1 question, 1 answer.
        var message: [UInt8] = [0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0]
        // Question: _xmpp-client._tcp.example.org SRV IN
        for label in ["_xmpp-client", "_tcp", "example", "org"] {
            message.append(UInt8(label.utf8.count))
            message += Array(label.utf8)
        }
        message += [0, 0, 33, 0, 1]
        // Answer: pointer to the question name, SRV IN TTL, rdata
        var rdata: [UInt8] = [0, 5, 0, 10, 0x14, 0x66]  // priority 5, weight 10, port 5222
        rdata += [4] + Array("xmpp".utf8) + [0xC0, 30]  // "xmpp" + pointer to "example.org"
        message += [0xC0, 12, 0, 33, 0, 1, 0, 0, 0x0E, 0x10, 0, UInt8(rdata.count)] + rdata
        let records = try DNSMessage.srvRecords(in: message)
        #expect(records == [SRVRecord(priority: 5, weight: 10, port: 5222, target: "xmpp.example.org")])

        var looping = message
        looping[looping.count - 1] = UInt8(looping.count - 2)  // pointer to itself → forward/self pointer
        #expect(throws: DNSMessage.ParseError.self) { try DNSMessage.srvRecords(in: looping) }
        #expect(throws: DNSMessage.ParseError.self) { try DNSMessage.srvRecords(in: Array(message.prefix(20))) }
    }
}
