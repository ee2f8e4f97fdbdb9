// `xmpp-onboard account verify` against real Prosody 0.12 and ejabberd 23.01 on loopback (issue #2).
import Foundation
import Testing
import XMPPTestSupport

/// One JSON object from the tool's stdout.
private func json(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try JSONOutput.lastObject(
        in: result.standardOutput, context: "stderr: \(result.standardError)", sourceLocation: sourceLocation)
}

/// The server under test, whichever kind.
private struct Target: Sendable, CustomStringConvertible {
    var name: String
    var domain: String
    var c2sPort: Int
    var directTLSPort: Int
    var caFile: String
    var uncertifiedHost: String
    var addUser: @Sendable (String, String) async throws -> Void
    var description: String { name }

    func verify(
        _ jid: String, password: String, direct: Bool = false, caFile: String? = nil, extra: [String] = []
    ) async throws -> CommandResult {
        let port = direct ? directTLSPort : c2sPort
        var arguments = ["account", "verify", jid, "--host", "127.0.0.1:\(port)", "--password-stdin", "--json",
                         "--timeout", "20"]
        if direct { arguments.append("--direct-tls") }
        arguments += ["--ca-file", caFile ?? self.caFile] + extra
        return try await TestPaths.runTool(arguments, input: password + "\n")
    }
}

private func prosody(_ hash: ProsodyServer.Options.PasswordHash) async throws -> Target {
    try requireProsody()
    let server = try await ProsodyServer.shared(
        key: "verify-prosody-\(hash)",
        options: .init(passwordHash: hash, uncertifiedHosts: ["uncertified.localhost"]))
    return Target(
        name: "Prosody \(hash)", domain: server.domain, c2sPort: server.c2sPort, directTLSPort: server.directTLSPort,
        caFile: server.caFile.path, uncertifiedHost: "uncertified.localhost",
        addUser: { try await server.addUser($0, password: $1) })
}

private func ejabberd(_ hash: EjabberdServer.Options.SCRAMHash) async throws -> Target {
    try requireEjabberd()
    let server = try await EjabberdServer.shared(
        key: "verify-ejabberd-\(hash)",
        options: .init(scramHash: hash, captchaHost: nil, uncertifiedHosts: ["uncertified.localhost"]))
    return Target(
        name: "ejabberd \(hash)", domain: server.domain, c2sPort: server.c2sPort, directTLSPort: server.directTLSPort,
        caFile: server.caFile.path, uncertifiedHost: "uncertified.localhost",
        addUser: { try await server.addUser($0, password: $1) })
}

@Suite("account verify against real servers", .timeLimit(.minutes(5)))
struct AccountVerifyTests {
    enum Kind: String, CaseIterable, Sendable {
        case prosodySHA1, prosodySHA256, ejabberdSHA1, ejabberdSHA256
    }

    private func target(_ kind: Kind) async throws -> Target {
        switch kind {
        case .prosodySHA1: try await prosody(.sha1)
        case .prosodySHA256: try await prosody(.sha256)
        case .ejabberdSHA1: try await ejabberd(.sha1)
        case .ejabberdSHA256: try await ejabberd(.sha256)
        }
    }

    private func expectedMechanism(_ kind: Kind) -> String {
        switch kind {
        case .prosodySHA1, .ejabberdSHA1: "SCRAM-SHA-1"
        case .prosodySHA256, .ejabberdSHA256: "SCRAM-SHA-256"
        }
    }

    @Test("logs in over STARTTLS and Direct TLS and reports the connection", arguments: Kind.allCases)
    func login(kind: Kind) async throws {
        let server = try await target(kind)
        let user = "v\(UInt32.random(in: 0...UInt32.max))"
        let password = "pw-\(UUID().uuidString)"
        try await server.addUser(user, password)
        let jid = "\(user)@\(server.domain)"
        for direct in [false, true] {
            let result = try await server.verify(jid, password: password, direct: direct)
            #expect(result.status == 0, "\(server) direct=\(direct): \(result.standardError)")
            let report = try json(result)
            #expect(report["jid"] as? String == jid)
            #expect((report["bound_jid"] as? String)?.hasPrefix(jid + "/") == true)
            #expect(report["host"] as? String == "127.0.0.1")
            #expect(report["port"] as? Int == (direct ? server.directTLSPort : server.c2sPort))
            #expect(report["direct_tls"] as? Bool == direct)
            #expect((report["tls_version"] as? String)?.hasPrefix("TLSv1.") == true)
            #expect((report["cipher"] as? String)?.isEmpty == false)
            let certificate = try #require(report["certificate"] as? [String: Any])
            #expect((certificate["subject"] as? String)?.isEmpty == false)
            #expect((certificate["not_after"] as? String)?.hasSuffix("Z") == true)
            // Both Debian servers negotiate TLS 1.3 and implement only tls-unique: no binding is possible,
            // and the non-PLUS mechanism must be chosen (ejabberd still advertises -PLUS).
            #expect(report["sasl_mechanism"] as? String == expectedMechanism(kind))
            #expect(report.keys.contains("channel_binding"))
            let features = try #require(report["features"] as? [String])
            #expect(features.contains("http://jabber.org/protocol/disco#info"))
        }
    }

    @Test("a wrong password exits 77 with the SASL condition", arguments: Kind.allCases)
    func wrongPassword(kind: Kind) async throws {
        let server = try await target(kind)
        let user = "w\(UInt32.random(in: 0...UInt32.max))"
        try await server.addUser(user, "right-password")
        let result = try await server.verify("\(user)@\(server.domain)", password: "wrong-password")
        #expect(result.status == 77, "\(result.standardOutput) \(result.standardError)")
        let error = try json(result)
        #expect(error["status"] as? String == "error")
        #expect(error["condition"] as? String == "not-authorized")
        #expect((error["text"] as? String)?.isEmpty == false)
        #expect(!result.standardOutput.contains("wrong-password") && !result.standardError.contains("wrong-password"))
    }

    @Test("a certificate for another name is refused (exit 69)", arguments: [Kind.prosodySHA256, .ejabberdSHA1])
    func wrongCertificateName(kind: Kind) async throws {
        let server = try await target(kind)
        // The server serves its default certificate (without this name) for the uncertified virtual host.
        let result = try await server.verify("nobody@\(server.uncertifiedHost)", password: "irrelevant")
        #expect(result.status == 69, "\(result.standardOutput) \(result.standardError)")
        #expect(try json(result)["condition"] as? String == "certificate-name-mismatch")
    }

    @Test("a certificate from an untrusted CA is refused (exit 69)", arguments: [Kind.prosodySHA1, .ejabberdSHA256])
    func untrustedCA(kind: Kind) async throws {
        let server = try await target(kind)
        let other = try TestCertificateAuthority.temporary(name: "Some other CA")
        for direct in [false, true] {
            let result = try await server.verify(
                "nobody@\(server.domain)", password: "irrelevant", direct: direct, caFile: other.caCertificatePath.path)
            #expect(result.status == 69, "\(result.standardOutput) \(result.standardError)")
            #expect(try json(result)["condition"] as? String == "certificate-untrusted")
        }
    }

    @Test("text output names the method, TLS version and mechanism")
    func textOutput() async throws {
        let server = try await target(.prosodySHA256)
        let user = "t\(UInt32.random(in: 0...UInt32.max))"
        try await server.addUser(user, "text-password")
        let result = try await TestPaths.runTool(
            ["account", "verify", "\(user)@\(server.domain)", "--host", "127.0.0.1:\(server.c2sPort)",
             "--ca-file", server.caFile, "--password-stdin", "--lang", "en"],
            input: "text-password\n")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("STARTTLS"))
        #expect(result.standardOutput.contains("SCRAM-SHA-256"))
        #expect(result.standardOutput.contains("TLSv1."))
    }
}
