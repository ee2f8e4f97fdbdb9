// A DNS server on loopback answering from a table, for SRV tests (RFC 2782, XEP-0368).
import Foundation

/// Runs `Tests/Scripts/dns_stub.py` (UDP and TCP on one port of 127.0.0.1) answering from `records`; names not
/// in the table get `defaultResponse` (NXDOMAIN), names in it without records of the asked type get NODATA.
///
/// ```swift
/// let dns = try await DNSStub.start(records: [
///     "_xmpp-client._tcp.example.org": .srv([.init(priority: 0, weight: 5, port: 5222, target: "xmpp.example.org")]),
///     "_xmpps-client._tcp.example.org": .srv([.init(priority: 0, weight: 0, port: 0, target: ".")]),  // T13
///     "xmpp.example.org": .addresses(ipv4: ["127.0.0.1"]),
///     "gone.example.org": .nxdomain,
/// ])
/// // point the resolver override at 127.0.0.1:dns.port
/// ```
public final class DNSStub: Sendable {
    /// The port (UDP and TCP) on 127.0.0.1.
    public let port: Int
    /// Every query received, as JSON lines (`name`, `type`, `proto`).
    public let queryLogPath: URL
    private let script: ScriptedProcess

    private init(script: ScriptedProcess, queryLogPath: URL) {
        self.script = script
        self.port = script.port
        self.queryLogPath = queryLogPath
    }

    /// Starts a stub answering from `records` (keys are owner names, trailing dot optional, any case).
    public static func start(records: [String: Entry], defaultResponse: ResponseCode = .nxdomain) async throws
        -> DNSStub
    {
        let directory = try TestDirectories.makeUnique(prefix: "dns")
        let table: [String: Any] = [
            "records": records.mapValues(\.jsonObject),
            "default_rcode": defaultResponse.rawValue,
        ]
        let recordsPath = directory.appendingPathComponent("records.json")
        try JSONSerialization.data(withJSONObject: table, options: [.sortedKeys]).write(to: recordsPath)
        let log = directory.appendingPathComponent("queries.jsonl")
        try Data().write(to: log)
        let script = try await ScriptedProcess.start(
            script: "dns_stub.py", arguments: ["--records", recordsPath.path, "--log", log.path],
            directory: directory)
        return DNSStub(script: script, queryLogPath: log)
    }

    /// Stops the stub by pid. Idempotent.
    public func stop() { script.stop() }

    /// The queries received so far.
    public func queries() -> [Query] {
        guard let text = try? String(contentsOf: queryLogPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                  let name = object["name"], let type = object["type"]
            else { return nil }
            return Query(name: name, type: type, overTCP: object["proto"] == "tcp")
        }
    }

    /// One received question.
    public struct Query: Sendable, Hashable {
        public let name: String
        /// `SRV`, `A`, `AAAA`, …
        public let type: String
        public let overTCP: Bool

        public init(name: String, type: String, overTCP: Bool = false) {
            self.name = name
            self.type = type
            self.overTCP = overTCP
        }
    }

    /// DNS response codes the stub can give (RFC 1035 §4.1.1).
    public enum ResponseCode: String, Sendable {
        case noError = "NOERROR"
        case serverFailure = "SERVFAIL"
        case nxdomain = "NXDOMAIN"
        case refused = "REFUSED"
    }

    /// An SRV record (RFC 2782). A target of `.` means "no service" (XEP-0368 §3, T13).
    public struct SRVRecord: Sendable, Hashable {
        public var priority: Int
        public var weight: Int
        public var port: Int
        public var target: String

        public init(priority: Int, weight: Int, port: Int, target: String) {
            self.priority = priority
            self.weight = weight
            self.port = port
            self.target = target
        }
    }

    /// What the stub answers for one owner name.
    public struct Entry: Sendable, Hashable {
        public var srv: [SRVRecord]
        public var ipv4: [String]
        public var ipv6: [String]
        /// A response code for every question about this name (overrides the records).
        public var responseCode: ResponseCode?

        public init(srv: [SRVRecord] = [], ipv4: [String] = [], ipv6: [String] = [],
                    responseCode: ResponseCode? = nil) {
            self.srv = srv
            self.ipv4 = ipv4
            self.ipv6 = ipv6
            self.responseCode = responseCode
        }

        public static func srv(_ records: [SRVRecord]) -> Entry { Entry(srv: records) }
        public static func addresses(ipv4: [String] = [], ipv6: [String] = []) -> Entry {
            Entry(ipv4: ipv4, ipv6: ipv6)
        }
        public static let nxdomain = Entry(responseCode: .nxdomain)
        public static let serverFailure = Entry(responseCode: .serverFailure)

        var jsonObject: [String: Any] {
            var object: [String: Any] = [
                "SRV": srv.map { ["priority": $0.priority, "weight": $0.weight, "port": $0.port, "target": $0.target] },
                "A": ipv4, "AAAA": ipv6,
            ]
            object["rcode"] = responseCode?.rawValue
            return object
        }
    }
}
