// What the hostile-server and SRV suites share: certificates, a known password, scenario pieces for a whole
// login against Tests/Scripts/hostile_server.py, and running `xmpp-onboard account verify` against it.
import Foundation
import Testing
import XMPPTestSupport

/// Building blocks for scripted logins (docs/security.md §8.3).
enum Hostile {
    /// The XMPP domain the scripted server plays (its certificate names it).
    static let domain = "localhost"
    static let username = "alice"
    /// A known password: tests search outputs and transcripts for it.
    static let password = "pw-Hostile-7Kq9xZ-unique"
    static let jid = "\(username)@\(domain)"

    // MARK: - Certificates (one CA per test process)

    struct Certificates: Sendable {
        let authority: TestCertificateAuthority
        /// `DNS:localhost`.
        let localhost: IssuedCertificate
    }

    private static let shared: Result<Certificates, any Error> = Result {
        let authority = try TestCertificateAuthority.temporary(name: "xmpp-onboard hostile test CA")
        let leaf = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"])
        return Certificates(authority: authority, localhost: leaf)
    }

    static func certificates() throws -> Certificates { try shared.get() }

    /// Server TLS parameters with the `localhost` certificate (or `certificate`).
    static func tls(
        _ certificate: IssuedCertificate? = nil, alpn: String? = nil, alpnForce: String? = nil,
        minVersion: String? = nil, maxVersion: String? = nil
    ) throws -> HostileScenario.TLS {
        let leaf = try certificate ?? certificates().localhost
        return HostileScenario.TLS(
            certificatePath: leaf.certificatePath, keyPath: leaf.keyPath, alpn: alpn, alpnForce: alpnForce,
            minVersion: minVersion, maxVersion: maxVersion)
    }

    // MARK: - Scenario pieces

    /// A disco#info result from the domain (`{{iq}}` is the request id).
    static func discoReply(from domain: String = domain, features: [String] = ["urn:xmpp:ping"]) -> String {
        "<iq type='result' id='{{iq}}' from='\(domain)'><query xmlns='http://jabber.org/protocol/disco#info'>"
            + "<identity category='server' type='im'/>"
            + features.map { "<feature var='\($0)'/>" }.joined() + "</query></iq>"
    }

    /// A SCRAM server for the known account, `h` computed from what was advertised.
    static func scram(
        hash: String = "SHA-256", mechanisms: [String] = ["SCRAM-SHA-256"], bindings: [String] = [],
        plus: String? = nil, configure: (inout HostileScenario.SCRAMServer) -> Void = { _ in }
    ) -> HostileScenario.SCRAMServer {
        var server = HostileScenario.SCRAMServer(
            hash: hash, username: username, password: password, plus: plus,
            advertisedMechanisms: mechanisms, advertisedChannelBindings: bindings)
        configure(&server)
        return server
    }

    /// The features after TLS: mechanisms plus (when non-nil) XEP-0440 channel-binding types.
    static func saslFeatures(_ mechanisms: [String], bindings: [String]? = nil) -> String {
        HostileScenario.mechanisms(mechanisms) + (bindings.map(HostileScenario.channelBindings) ?? "")
    }

    /// TLS (STARTTLS or Direct TLS) → features → the given SCRAM exchange, without bind.
    static func untilSASL(
        tls: HostileScenario.TLS, direct: Bool = false, features: String, domain: String = domain,
        sendAfterProceed: String = ""
    ) -> [HostileScenario.Step] {
        direct
            ? HostileScenario.directTLSOpening(domain: domain, tls: tls, features: features)
            : HostileScenario.startTLSOpening(
                domain: domain, tls: tls, features: features, sendAfterProceed: sendAfterProceed)
    }

    /// A whole successful login: TLS → features → SCRAM → bind → disco#info.
    static func login(
        tls: HostileScenario.TLS, direct: Bool = false, features: String? = nil,
        scram: HostileScenario.SCRAMServer = scram(), domain: String = domain, reply: String? = nil,
        sendAfterProceed: String = ""
    ) -> [HostileScenario.Step] {
        untilSASL(
            tls: tls, direct: direct, features: features ?? saslFeatures(scram.advertisedMechanisms),
            domain: domain, sendAfterProceed: sendAfterProceed)
            + [.scramServer(scram)]
            + HostileScenario.bindAndAnswer(
                domain: domain, jid: "\(username)@\(domain)/hostile", reply: reply ?? discoReply(from: domain))
    }

    /// Server stream header then `content` on the plaintext stream (no TLS at all).
    static func plaintextOpening(_ content: String, domain: String = domain) -> [HostileScenario.Step] {
        [HostileScenario.expectStreamHeader, .send(HostileScenario.streamHeader(from: domain) + content)]
    }

    /// A stream error element (RFC 6120 §4.9) with optional text and the stream's end tag.
    static func streamError(_ condition: String, content: String = "", text: String? = nil) -> String {
        let namespace = "urn:ietf:params:xml:ns:xmpp-streams"
        let body =
            content.isEmpty
            ? "<\(condition) xmlns='\(namespace)'/>"
            : "<\(condition) xmlns='\(namespace)'>\(content)</\(condition)>"
        let textElement = text.map { "<text xmlns='\(namespace)' xml:lang='en'>\($0)</text>" } ?? ""
        return "<stream:error>\(body)\(textElement)</stream:error></stream:stream>"
    }

    // MARK: - Running the tool

    /// How long a run that fails "at once" may take, process start-up included.
    ///
    /// Generous, because the suites start dozens of tool processes and Python servers at once on a small
    /// machine. The failure modes these bounds catch (a drip, a huge iteration count, an entity bomb) take far
    /// longer.
    static let quickly: Duration = .seconds(30)

    /// Starts a scripted server playing `steps` on every connection.
    static func server(_ steps: [HostileScenario.Step], timeoutMilliseconds: Int = 10_000) async throws
        -> HostileServer
    {
        try await HostileServer.start(
            scenario: HostileScenario(steps: steps, expectTimeoutMilliseconds: timeoutMilliseconds))
    }

    /// `xmpp-onboard account verify` against `127.0.0.1:port` (or through DNS with `host: nil`), password on
    /// stdin, trusting the test CA, with `--timeout`.
    static func verify(
        port: Int?, jid: String = jid, direct: Bool = false, password: String = password, timeout: Int = 10,
        json: Bool = true, caFile: URL? = nil, extra: [String] = []
    ) async throws -> ToolRun {
        var arguments = [
            "account", "verify", jid, "--password-stdin", "--timeout", String(timeout),
            "--ca-file", try (caFile ?? certificates().authority.caCertificatePath).path,
            "--lang", "en", "--color", "never",
        ]
        if let port { arguments += ["--host", "127.0.0.1:\(port)"] }
        if direct { arguments.append("--direct-tls") }
        if json { arguments.append("--json") }
        arguments += extra
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await TestPaths.runTool(arguments, input: password + "\n", timeout: .seconds(60))
        return ToolRun(result: result, elapsed: clock.now - start)
    }

    /// The transcript once the client has gone (the server logged the connection closing), bounded.
    static func settledTranscript(_ server: HostileServer, connections: Int = 1) async throws -> String {
        _ = try? await server.waitForEvent(timeout: .seconds(5)) { event in
            event.kind == "closed" && event.connection >= connections
        }
        return server.transcript()
    }

    /// The decoded payloads of the client's `<auth>` or `<response>` elements in a transcript.
    static func saslPayloads(_ element: String, in transcript: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: "<\(element)\\b[^>]*>([^<]*)</\(element)>") else {
            return []
        }
        let range = NSRange(transcript.startIndex..., in: transcript)
        return regex.matches(in: transcript, range: range).compactMap { match in
            guard let bodyRange = Range(match.range(at: 1), in: transcript),
                let data = Data(base64Encoded: String(transcript[bodyRange]))
            else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// Every way the password could appear on the wire or in output: plain, base64, a PLAIN message.
    static func secretForms(of secret: String = password) -> [String] {
        [
            secret, Data(secret.utf8).base64EncodedString(),
            Data("\0\(username)\0\(secret)".utf8).base64EncodedString(),
        ]
    }

    /// No form of the password in `text` (transcript, stdout or stderr).
    static func expectNoSecret(
        in text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for form in secretForms() {
            #expect(!text.contains(form), "\(what) contains the password (\(form))", sourceLocation: sourceLocation)
        }
    }
}

/// One finished run of the tool.
struct ToolRun: CustomStringConvertible {
    let result: CommandResult
    let elapsed: Duration

    var status: Int32 { result.status }
    var output: String { result.standardOutput + result.standardError }

    /// The JSON object on stdout (the last line).
    func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try JSONOutput.lastObject(in: result.standardOutput, context: "\(self)", sourceLocation: sourceLocation)
    }

    /// The `condition` of a JSON error, or nil.
    var condition: String? {
        JSONOutput.lastObjectIfAny(in: result.standardOutput)?["condition"] as? String
    }

    var description: String {
        "exit \(status) after \(elapsed)\nstdout: \(result.standardOutput)\nstderr: \(result.standardError)"
    }
}
