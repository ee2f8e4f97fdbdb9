import Foundation
import Testing
import XMPPTestSupport

/// Web registration (XEP-0077 §5, XEP-0066 OOB) and hostile server text, from a scripted server: real servers
/// cannot be made to send these (issue #3; security.md R6, §7.1).
@Suite("register: web redirects and hostile text from a scripted server", .requires(.scriptedServer))
struct RegisterRedirectTests {
    /// A Direct TLS server that answers the (pipelined) form request with `query`.
    static func server(answering query: String) async throws -> (HostileServer, URL) {
        let authority = try TestCertificateAuthority.temporary()
        let leaf = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"])
        let steps = HostileScenario.directTLSOpening(
            domain: "localhost", tls: .init(certificate: leaf),
            features: "<register xmlns='http://jabber.org/features/iq-register'/>")
            + [
                .expect("<iq[^>]*id='(?P<id>[^']+)'"),
                .send("<iq type='result' id='{{id}}'>\(query)</iq>"),
            ]
        let server = try await HostileServer.start(scenario: HostileScenario(steps: steps))
        return (server, authority.caCertificatePath)
    }

    static func options(_ server: HostileServer, caFile: URL) -> [String] {
        RegistrationCLI.connection(port: server.port, caFile: caFile, directTLS: true)
    }

    @Test("OOB redirect without a terminal: exit 69, the URL in the JSON error")
    func redirectJSON() async throws {
        let (server, ca) = try await Self.server(answering: """
            <query xmlns='jabber:iq:register'><instructions>Register at https://example.org/signup</instructions>\
            <x xmlns='jabber:x:oob'><url>https://example.org/signup</url></x></query>
            """)
        defer { server.stop() }
        let result = try await CLIProcess.run(["register", "localhost", "--generate-password", "--json"] + Self.options(server, caFile: ca))
        #expect(result.status == 69, "\(result.errors)")
        let object = try RegistrationCLI.lastJSON(result.output)
        #expect(object["condition"] as? String == "web-registration")
        #expect(object["url"] as? String == "https://example.org/signup")
    }

    @Test("on a terminal: the URL and a QR code of it; exit 0")
    func redirectTerminal() async throws {
        let (server, ca) = try await Self.server(answering: """
            <query xmlns='jabber:iq:register'><instructions>Use the web</instructions>\
            <x xmlns='jabber:x:oob'><url>https://example.org/signup</url></x></query>
            """)
        defer { server.stop() }
        let child = try CLIProcess(["register", "localhost", "--generate-password"] + Self.options(server, caFile: ca), onTerminal: true)
        let status = await child.waitForExit()
        #expect(status == 0, "\(child.standardOutput)")
        #expect(child.standardOutput.contains("https://example.org/signup"))
        #expect(child.standardOutput.contains("▀") || child.standardOutput.contains("▄"), "a QR code")
    }

    /// XML 1.0 forbids ESC itself, but allows C1 controls (U+009B is CSI) and bidi overrides.
    @Test("a javascript: URL, a C1 CSI and a bidi override in the instructions are shown escaped, never as a link")
    func hostileRedirect() async throws {
        let (server, ca) = try await Self.server(answering: """
            <query xmlns='jabber:iq:register'><instructions>&#x9B;2J&#x202E;moc.elpmaxe//:sptth</instructions>\
            <x xmlns='jabber:x:oob'><url>javascript:alert(1)</url></x></query>
            """)
        defer { server.stop() }
        let result = try await CLIProcess.run(["register", "localhost", "--generate-password", "--json"] + Self.options(server, caFile: ca))
        #expect(result.status == 69, "\(result.output) \(result.errors)")
        for control in ["\u{1B}", "\u{9B}", "\u{202E}"] {
            #expect(!result.output.contains(control) && !result.errors.contains(control))
        }
        #expect(result.output.contains("\\\\u{9B}"), "shown escaped")
        let object = try RegistrationCLI.lastJSON(result.output)
        #expect(object["url"] == nil)
    }
}
