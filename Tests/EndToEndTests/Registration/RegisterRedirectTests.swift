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
        let object = try JSONOutput.lastObject(in: result.output)
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
        let object = try JSONOutput.lastObject(in: result.output)
        #expect(object["url"] == nil)
    }

    /// A data form with a required extra field and a hidden field (XEP-0004), then the proving SCRAM login.
    static let extendedForm = """
        <query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='form'>\
        <field type='hidden' var='FORM_TYPE'><value>jabber:iq:register</value></field>\
        <field type='hidden' var='ticket'><value>T-42</value></field>\
        <field type='text-single' var='username' label='User'><required/></field>\
        <field type='text-private' var='password' label='Password'><required/></field>\
        <field type='text-single' var='email' label='E-mail &#x202E;address'><required/></field>\
        </x></query>
        """

    /// A scripted Direct TLS server offering the data form `form`. Connection 1 ends after the form (a run that
    /// stops at needs-input); connection 2 records the submission in the returned file, accepts it and serves the
    /// proving SCRAM login of alice / Alice-pass-1. Returns the server, the tool's connection options and the file.
    static func formServer(offering form: String) async throws -> (HostileServer, [String], URL) {
        let authority = try TestCertificateAuthority.temporary()
        let leaf = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"])
        let opening = HostileScenario.directTLSOpening(
            domain: "localhost", tls: .init(certificate: leaf),
            features: "<register xmlns='http://jabber.org/features/iq-register'/>"
                + HostileScenario.mechanisms(["SCRAM-SHA-256"]))
            + [.expect("<iq[^>]*id='(?P<id>[^']+)'"), .send("<iq type='result' id='{{id}}'>\(form)</iq>")]
        let submitted = FileManager.default.temporaryDirectory.appendingPathComponent("xo-submit-\(UUID().uuidString)")
        let full = opening + [
            .expect("<iq[^>]*type='set'[^>]*id='(?P<set>[^']+)'.*?</iq>"),
            .record(submitted),
            .send("<iq type='result' id='{{set}}'/>"),
            .scramServer(.init(username: "alice", password: "Alice-pass-1", advertisedMechanisms: ["SCRAM-SHA-256"])),
        ]
        let server = try await HostileServer.start(scenario: HostileScenario(connections: [opening, full]))
        return (server, options(server, caFile: authority.caCertificatePath), submitted)
    }

    @Test("a required extra field: without a terminal exit 64 naming --field email=VALUE; with --field it is sent, the hidden field echoed")
    func extraField() async throws {
        let (server, options, submitted) = try await Self.formServer(offering: Self.extendedForm)
        defer {
            server.stop()
            try? FileManager.default.removeItem(at: submitted)
        }

        let missing = try await CLIProcess.run(["register", "alice@localhost", "--password-stdin", "--json"] + options, stdin: "Alice-pass-1\n")
        #expect(missing.status == 64, "\(missing.errors)")
        let report = try JSONOutput.lastObject(in: missing.output)
        #expect(report["status"] as? String == "needs-input")
        let field = try #require((report["fields"] as? [[String: Any]])?.first)
        #expect(field["var"] as? String == "email" && field["flag"] as? String == "--field email=VALUE")
        #expect((field["label"] as? String)?.contains("\u{202E}") == false)

        let given = try await CLIProcess.run(
            ["register", "alice@localhost", "--password-stdin", "--field", "email=alice@example.org", "--json"] + options,
            stdin: "Alice-pass-1\n")
        #expect(given.status == 0, "\(given.output) \(given.errors)")
        #expect(try JSONOutput.lastObject(in: given.output)["status"] as? String == "registered")
        let sent = try String(contentsOf: submitted, encoding: .utf8)
        #expect(sent.contains("<field var='email'><value>alice@example.org</value></field>"))
        #expect(sent.contains("<field var='ticket'><value>T-42</value></field>"))
    }

    static let secretFieldForm = """
        <query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='form'>\
        <field type='hidden' var='FORM_TYPE'><value>jabber:iq:register</value></field>\
        <field type='text-single' var='username' label='User'><required/></field>\
        <field type='text-private' var='password' label='Password'><required/></field>\
        <field type='text-private' var='pin' label='Membership PIN'><required/></field>\
        </x></query>
        """

    @Test("a required secret field: needs-input names --field-file pin=FILE; the file's first line is sent, never traced; an unreadable file exits 64")
    func secretFieldFromFile() async throws {
        let (server, options, submitted) = try await Self.formServer(offering: Self.secretFieldForm)
        let pinFile = FileManager.default.temporaryDirectory.appendingPathComponent("xo-pin-\(UUID().uuidString)")
        defer {
            server.stop()
            try? FileManager.default.removeItem(at: submitted)
            try? FileManager.default.removeItem(at: pinFile)
        }
        try "4711-secret\r\nsecond line is ignored\r\n".write(to: pinFile, atomically: true, encoding: .utf8)

        let missing = try await CLIProcess.run(["register", "alice@localhost", "--password-stdin", "--json"] + options, stdin: "Alice-pass-1\n")
        #expect(missing.status == 64, "\(missing.errors)")
        let field = try #require((try JSONOutput.lastObject(in: missing.output)["fields"] as? [[String: Any]])?.first)
        #expect(field["var"] as? String == "pin" && field["flag"] as? String == "--field-file pin=FILE")

        let unreadable = try await CLIProcess.run(
            ["register", "alice@localhost", "--password-stdin", "--field-file", "pin=/nonexistent/pin", "--json"] + options,
            stdin: "Alice-pass-1\n")
        // Read before connecting: no connection is spent on it.
        #expect(unreadable.status == 64, "\(unreadable.output) \(unreadable.errors)")
        #expect(try JSONOutput.lastObject(in: unreadable.output)["condition"] as? String == "field-file-unreadable")

        let given = try await CLIProcess.run(
            ["register", "alice@localhost", "--password-stdin", "--field-file", "pin=\(pinFile.path)", "--json", "--verbose"]
                + options,
            stdin: "Alice-pass-1\n")
        #expect(given.status == 0, "\(given.output) \(given.errors)")
        // The trace shows the submission, but not the secret answer (the submit form does not mark it private).
        #expect(given.errors.contains("var='pin'") && !given.errors.contains("4711-secret"))
        #expect(try JSONOutput.lastObject(in: given.output)["status"] as? String == "registered")
        let sent = try String(contentsOf: submitted, encoding: .utf8)
        #expect(sent.contains("<field var='pin'><value>4711-secret</value></field>"))
    }

    @Test("a stream error after the submission echoing the password: shown redacted, in text and JSON")
    func echoedPasswordInStreamError() async throws {
        let authority = try TestCertificateAuthority.temporary()
        let leaf = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"])
        let password = "Echo-pass-9f3K2q"
        let steps = HostileScenario.directTLSOpening(
            domain: "localhost", tls: .init(certificate: leaf),
            features: "<register xmlns='http://jabber.org/features/iq-register'/>")
            + [
                .expect("<iq[^>]*id='(?P<id>[^']+)'"),
                .send("<iq type='result' id='{{id}}'><query xmlns='jabber:iq:register'><username/><password/></query></iq>"),
                .expect("<iq[^>]*type='set'[^>]*>.*?</iq>"),
                .send(
                    "<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>password \(password) refused</text>"
                        + "</stream:error></stream:stream>"),
            ]
        let server = try await HostileServer.start(scenario: HostileScenario(steps: steps))
        defer { server.stop() }
        for json in [true, false] {
            let result = try await CLIProcess.run(
                ["register", "alice@localhost", "--password-stdin"] + (json ? ["--json"] : [])
                    + Self.options(server, caFile: authority.caCertificatePath),
                stdin: password + "\n")
            #expect(result.status != 0, "\(result.output) \(result.errors)")
            #expect(!result.output.contains(password) && !result.errors.contains(password), "\(result.output) \(result.errors)")
            #expect((result.output + result.errors).contains("password [redacted] refused"), "\(result.output) \(result.errors)")
        }
    }
}
