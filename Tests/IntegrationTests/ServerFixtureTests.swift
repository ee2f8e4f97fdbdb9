// Smoke tests of the test fixtures themselves: real servers, certificates, the scripted servers, slixmpp.
import Foundation
import Testing
import XMPPTestSupport

/// `openssl s_client` as an independent TLS client: STARTTLS (`-starttls xmpp`) or direct TLS, verifying the
/// chain against `caFile` and the name against `name`.
private func tlsHandshake(port: Int, name: String, caFile: URL, startTLS: Bool) async throws -> CommandResult {
    var arguments = ["s_client", "-connect", "127.0.0.1:\(port)", "-verify_return_error", "-CAfile", caFile.path,
                     "-verify_hostname", name, "-servername", name]
    if startTLS { arguments += ["-starttls", "xmpp", "-xmpphost", name] }
    return try await Command.run("openssl", arguments, input: "", timeout: .seconds(20))
}

private func verified(_ result: CommandResult) -> Bool {
    result.succeeded && result.standardOutput.contains("Verify return code: 0 (ok)")
}

/// Smoke tests of every fixture in XMPPTestSupport (`swift test --filter ServerFixtureTests`).
@Suite("Server fixtures") struct ServerFixtureTests {}

extension ServerFixtureTests {
    @Suite("Test certificate authority", .requires(.openssl), .timeLimit(.minutes(2)))
    struct CertificateAuthority {
        @Test("issues leaves that verify against their own CA only")
        func issuesVerifiableLeaves() async throws {
            let authority = try TestCertificateAuthority.temporary()
            let leaf = try authority.issue(
                commonName: "localhost",
                subjectAlternativeNames: [.dns("localhost"), .dns("invite.localhost"), .ip("127.0.0.1"),
                                          .xmppAddr("localhost"), .srvName("_xmpp-client.localhost")])
            let check = try await Command.run("openssl", ["verify", "-CAfile", authority.caCertificatePath.path,
                                                          leaf.certificatePath.path])
            #expect(check.succeeded, "\(check.standardOutput)\(check.standardError)")

            let text = try await Command.runChecked("openssl", ["x509", "-in", leaf.certificatePath.path, "-noout",
                                                                "-ext", "subjectAltName"]).standardOutput
            #expect(text.contains("DNS:invite.localhost"))
            #expect(text.contains("IP Address:127.0.0.1"))
            #expect(text.contains("XmppAddr::localhost") || text.contains("1.3.6.1.5.5.7.8.5"))
            #expect(text.contains("SRVName::_xmpp-client.localhost") || text.contains("1.3.6.1.5.5.7.8.7"))

            let untrusted = try TestCertificateAuthority.temporary(name: "Untrusted test CA")
            let rejected = try await Command.run("openssl", ["verify", "-CAfile", untrusted.caCertificatePath.path,
                                                             leaf.certificatePath.path])
            #expect(!rejected.succeeded)

            let combined = try String(contentsOf: leaf.combinedPEMPath, encoding: .utf8)
            #expect(combined.contains("BEGIN CERTIFICATE") && combined.contains("PRIVATE KEY"))
        }

        @Test("expired, CN-only and self-signed certificates")
        func unusualCertificates() async throws {
            let authority = try TestCertificateAuthority.temporary()
            let expired = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"],
                                              validDays: 1, notBefore: Date().addingTimeInterval(-10 * 86_400))
            let check = try await Command.run("openssl", ["verify", "-CAfile", authority.caCertificatePath.path,
                                                          expired.certificatePath.path])
            #expect(!check.succeeded)
            #expect((check.standardOutput + check.standardError).contains("expired"))

            let commonNameOnly = try authority.issue(commonName: "localhost", subjectAlternativeNames: [])
            let text = try await Command.runChecked("openssl", ["x509", "-in", commonNameOnly.certificatePath.path,
                                                                "-noout", "-text"]).standardOutput
            #expect(!text.contains("Subject Alternative Name"))

            let selfSigned = try TestCertificateAuthority.selfSigned(
                in: authority.directory, commonName: "localhost", subjectAlternativeNames: ["localhost"])
            let selfCheck = try await Command.run("openssl", ["verify", "-CAfile", authority.caCertificatePath.path,
                                                              selfSigned.certificatePath.path])
            #expect(!selfCheck.succeeded)
        }
    }

    @Suite("Prosody fixture", .requires(.prosody, .openssl), .timeLimit(.minutes(3)))
    struct Prosody {
        static func server() async throws -> ProsodyServer {
            try await ProsodyServer.shared(
                key: "ServerFixtureTests.Prosody",
                options: .init(passwordHash: .sha256, uncertifiedHosts: ["mismatch.localhost"]))
        }

        @Test("STARTTLS and direct TLS verify with the test CA for every certified host")
        func tlsVerifies() async throws {
            let server = try await Self.server()
            #expect(server.c2sPort != server.directTLSPort)
            for host in server.certifiedHosts {
                #expect(verified(try await tlsHandshake(port: server.c2sPort, name: host, caFile: server.caFile,
                                                        startTLS: true)), "STARTTLS \(host)")
                #expect(verified(try await tlsHandshake(port: server.directTLSPort, name: host, caFile: server.caFile,
                                                        startTLS: false)), "direct TLS \(host)")
            }
            let untrusted = try TestCertificateAuthority.temporary(name: "Untrusted test CA")
            #expect(!verified(try await tlsHandshake(port: server.directTLSPort, name: server.domain,
                                                     caFile: untrusted.caCertificatePath, startTLS: false)))
            // A host the certificate does not name gets the default certificate: the name check fails (T1).
            let mismatch = try await tlsHandshake(port: server.c2sPort, name: "mismatch.localhost",
                                                  caFile: server.caFile, startTLS: true)
            #expect(!verified(mismatch))
            #expect(mismatch.standardOutput.contains("BEGIN CERTIFICATE")
                    || mismatch.standardError.contains("hostname mismatch"))
        }

        @Test("the shared instance is one instance")
        func sharedInstance() async throws {
            async let first = Self.server()
            async let second = Self.server()
            let (a, b) = try await (first, second)
            #expect(a === b)
            #expect(a.isRunning)
        }

        @Test("addUser creates an account slixmpp can log in to (SCRAM-SHA-256)", .requires(.slixmpp))
        func addUserAndLogin() async throws {
            let server = try await Self.server()
            try await server.addUser("alice", password: "correct horse")
            let login = try await SlixmppPeer.verify(jid: "alice@\(server.domain)", password: "correct horse",
                                                     port: server.c2sPort, caFile: server.caFile)
            #expect(login.status == "ok", "\(login)")
            #expect(login.saslMechanism == "SCRAM-SHA-256")
            #expect(login.boundJID?.hasPrefix("alice@\(server.domain)/") == true)
            #expect(login.features?.contains("jabber:iq:register") == true)

            let direct = try await SlixmppPeer.verify(jid: "alice@\(server.domain)", password: "correct horse",
                                                      port: server.directTLSPort, directTLS: true, caFile: server.caFile)
            #expect(direct.status == "ok", "\(direct)")

            let wrong = try await SlixmppPeer.verify(jid: "alice@\(server.domain)", password: "wrong",
                                                     port: server.c2sPort, caFile: server.caFile)
            #expect(wrong.exitCode == 77)
            #expect(wrong.condition == "not-authorized")
        }

        @Test("an invite can be generated for the invite-only host")
        func invite() async throws {
            let server = try await Self.server()
            let uri = try await server.createInvite()
            #expect(uri.hasPrefix("xmpp:invite.localhost?register;preauth="), "\(uri)")
        }
    }

    @Suite("Prosody trait", .prosodyServer(), .timeLimit(.minutes(2)))
    struct ProsodyTrait {
        @Test("the suite's server is running and answers on both ports")
        func scopedServer() async throws {
            let server = try ProsodyServer.current()
            #expect(server.isRunning)
            try await server.waitUntilReady(timeout: .seconds(5))
            #expect(LoopbackPorts.isListening(port: server.c2sPort))
            #expect(LoopbackPorts.isListening(port: server.directTLSPort))
        }
    }

    @Suite("ejabberd fixture", .requires(.ejabberd, .openssl), .timeLimit(.minutes(3)))
    struct Ejabberd {
        static func server() async throws -> EjabberdServer {
            try await EjabberdServer.shared(
                key: "ServerFixtureTests.Ejabberd", options: .init(uncertifiedHosts: ["mismatch.localhost"]))
        }

        @Test("STARTTLS and direct TLS verify with the test CA for every certified host")
        func tlsVerifies() async throws {
            let server = try await Self.server()
            for host in server.certifiedHosts {
                #expect(verified(try await tlsHandshake(port: server.c2sPort, name: host, caFile: server.caFile,
                                                        startTLS: true)), "STARTTLS \(host)")
                #expect(verified(try await tlsHandshake(port: server.directTLSPort, name: host, caFile: server.caFile,
                                                        startTLS: false)), "direct TLS \(host)")
            }
            let untrusted = try TestCertificateAuthority.temporary(name: "Untrusted test CA")
            #expect(!verified(try await tlsHandshake(port: server.c2sPort, name: server.domain,
                                                     caFile: untrusted.caCertificatePath, startTLS: true)))
            #expect(!verified(try await tlsHandshake(port: server.directTLSPort, name: "mismatch.localhost",
                                                     caFile: server.caFile, startTLS: false)))
        }

        @Test("addUser creates accounts slixmpp can log in to (SCRAM-SHA-1)", .requires(.slixmpp))
        func addUserAndLogin() async throws {
            let server = try await Self.server()
            try await server.addUser("bob", password: "pässwörd")
            try await server.addUsers([("carol", server.domain, "one"),
                                       ("dave", server.captchaHost ?? server.domain, "two")])
            await #expect(throws: TestSupportError.self) { try await server.addUser("bob", password: "again") }

            let login = try await SlixmppPeer.verify(jid: "bob@\(server.domain)", password: "pässwörd",
                                                     port: server.c2sPort, caFile: server.caFile)
            #expect(login.status == "ok", "\(login)")
            #expect(login.saslMechanism == "SCRAM-SHA-1")
            let direct = try await SlixmppPeer.verify(jid: "carol@\(server.domain)", password: "one",
                                                      port: server.directTLSPort, directTLS: true, caFile: server.caFile)
            #expect(direct.status == "ok", "\(direct)")
        }

        @Test("the CAPTCHA script draws a PNG carrying its answer")
        func captchaScript() async throws {
            let server = try await Self.server()
            let script = server.directory.appendingPathComponent("captcha.sh")
            let outcome = try await Command.run(
                "/bin/sh", ["-c", "'\(script.path)' 123456 > '\(server.directory.path)/t.png'"])
            #expect(outcome.succeeded, "\(outcome.standardError)")
            let png = try Data(contentsOf: server.directory.appendingPathComponent("t.png"))
            #expect(png.count > 100)
            #expect(EjabberdServer.captchaAnswer(inPNG: png) == "123456")
            #expect(server.latestCaptchaAnswer() == "123456")
        }
    }

    @Suite("Scripted servers", .requires(.scriptedServer, .openssl), .timeLimit(.minutes(2)))
    struct ScriptedServers {
        @Test("the hostile server replays STARTTLS with injected plaintext and records a transcript")
        func replaysStartTLS() async throws {
            let authority = try TestCertificateAuthority.temporary()
            let leaf = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"])
            let scenario = HostileScenario(steps: [
                HostileScenario.expectStreamHeader,
                .send(HostileScenario.streamHeader(from: "localhost")
                      + HostileScenario.features(HostileScenario.startTLSRequired)),
                .expect("<starttls[^>]*/>"),
                .startTLS(.init(certificate: leaf), sendAfterProceed: "<injected/>"),
            ])
            let server = try await HostileServer.start(scenario: scenario)
            defer { server.stop() }
            let handshake = try await tlsHandshake(port: server.port, name: "localhost",
                                                   caFile: authority.caCertificatePath, startTLS: true)
            #expect(verified(handshake), "\(handshake.standardOutput)\(handshake.standardError)")
            let tls = try await server.waitForEvent { $0.kind == "tls" }
            #expect(tls["outcome"] == "established")
            #expect(tls["version"] == "TLSv1.3")
            #expect(server.transcript().contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"))
            #expect(!server.transcript().contains("<auth"))
            let sent = server.events().filter { $0.kind == "sent" }.compactMap { $0["text"] }
            #expect(sent.contains { $0.contains("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><injected/>") })
        }

        @Test("SCRAM-SHA-256-PLUS with tls-exporter and XEP-0474 h against the scripted SCRAM server")
        func scramPlusExporter() async throws {
            let authority = try TestCertificateAuthority.temporary()
            let leaf = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"])
            let mechanisms = ["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"]
            let bindings = ["tls-exporter", "tls-server-end-point"]
            func steps(_ tamper: HostileScenario.SCRAMServer.Tamper?, h: String) -> [HostileScenario.Step] {
                HostileScenario.startTLSOpening(
                    domain: "localhost", tls: .init(certificate: leaf),
                    features: HostileScenario.mechanisms(mechanisms) + HostileScenario.channelBindings(bindings))
                    + [.scramServer(.init(hash: "SHA-256", username: "alice", password: "secret", plus: "tls-exporter",
                                          h: h, advertisedMechanisms: mechanisms, advertisedChannelBindings: bindings,
                                          tamper: tamper))]
            }
            let server = try await HostileServer.start(scenario: HostileScenario(
                connections: [steps(nil, h: "auto"), steps(.badServerSignature, h: "auto"), steps(nil, h: "AAAA")],
                closeAfterSteps: true))
            defer { server.stop() }
            let python = try #require(TestPaths.python)
            func login() async throws -> [String: String] {
                let result = try await Command.run(python, [
                    TestPaths.scripts.appendingPathComponent("scram_plus_client.py").path, "--port", String(server.port),
                    "--ca-file", authority.caCertificatePath.path, "--username", "alice", "--password", "secret",
                    "--mechanism", "SCRAM-SHA-256-PLUS", "--binding", "tls-exporter",
                ], timeout: .seconds(30))
                let line = try #require(result.standardOutput.split(separator: "\n").last, "\(result.standardError)")
                return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            }
            let good = try await login()
            #expect(good["outcome"] == "success")
            #expect(good["h"] == "match")
            #expect(good["tls_version"] == "TLSv1.3")
            #expect(try await login()["outcome"] == "error")  // bad v=
            #expect(try await login()["h"] == "mismatch")
            let proofs = server.events().filter { $0.kind == "scram" && $0["outcome"] == "client-proof-valid" }
            #expect(proofs.count == 3)
            #expect(proofs.allSatisfy { $0["cb_flag"] == "p=tls-exporter" })
        }

        @Test("slixmpp logs in through the scripted server with SCRAM-SHA-256-PLUS over TLS 1.2 (tls-unique)",
              .requires(.slixmpp))
        func slixmppThroughScriptedServer() async throws {
            let authority = try TestCertificateAuthority.temporary()
            let leaf = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"])
            let mechanisms = ["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"]
            let disco = "<iq type='result' id='{{iq}}' from='localhost'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='server' type='im'/><feature var='urn:xmpp:ping'/></query></iq>"
            let steps = HostileScenario.startTLSOpening(
                domain: "localhost", tls: .init(certificate: leaf, maxVersion: "TLSv1.2"),
                features: HostileScenario.mechanisms(mechanisms) + HostileScenario.channelBindings(["tls-unique"]))
                + [.scramServer(.init(hash: "SHA-256", username: "alice", password: "secret", plus: "tls-unique"))]
                + HostileScenario.bindAndAnswer(domain: "localhost", jid: "alice@localhost/fixture", reply: disco)
            let server = try await HostileServer.start(scenario: HostileScenario(steps: steps))
            defer { server.stop() }
            let login = try await SlixmppPeer.verify(jid: "alice@localhost", password: "secret", port: server.port,
                                                     caFile: authority.caCertificatePath)
            #expect(login.status == "ok", "\(login) \(server.events().map(\.fields))")
            #expect(login.saslMechanism == "SCRAM-SHA-256-PLUS")
            #expect(login.tlsVersion == "TLSv1.2")
            #expect(login.boundJID == "alice@localhost/fixture")
            #expect(login.features == ["urn:xmpp:ping"])
        }

        @Test("the DNS stub answers SRV, target '.', addresses and NXDOMAIN")
        func dnsStub() async throws {
            let dns = try await DNSStub.start(records: [
                "_xmpp-client._tcp.example.org": .srv([
                    .init(priority: 10, weight: 5, port: 5222, target: "xmpp.example.org"),
                    .init(priority: 5, weight: 0, port: 5223, target: "backup.example.org."),
                ]),
                "_xmpps-client._tcp.example.org": .srv([.init(priority: 0, weight: 0, port: 0, target: ".")]),
                "xmpp.example.org": .addresses(ipv4: ["127.0.0.1"], ipv6: ["::1"]),
                "gone.example.org": .nxdomain,
            ])
            defer { dns.stop() }
            let python = try #require(TestPaths.python)
            func query(_ name: String, _ type: String) async throws -> [String: Any] {
                let result = try await Command.runChecked(python, [
                    TestPaths.scripts.appendingPathComponent("dns_stub.py").path, "--query", name, "--type", type,
                    "--server", "127.0.0.1:\(dns.port)",
                ], timeout: .seconds(20))
                return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
            }
            let srv = try await query("_XMPP-client._tcp.example.org", "SRV")
            #expect(srv["rcode"] as? String == "NOERROR")
            let answers = try #require(srv["answers"] as? [[String: Any]])
            #expect(answers.count == 2)
            #expect(answers.first?["target"] as? String == "xmpp.example.org")
            #expect(answers.first?["port"] as? Int == 5222)
            let dot = try await query("_xmpps-client._tcp.example.org", "SRV")
            #expect((dot["answers"] as? [[String: Any]])?.first?["target"] as? String == ".")
            #expect(try await query("xmpp.example.org", "AAAA")["answers"] as? [String] == ["::1"])
            #expect(try await query("gone.example.org", "SRV")["rcode"] as? String == "NXDOMAIN")
            #expect(try await query("unlisted.example.org", "A")["rcode"] as? String == "NXDOMAIN")
            #expect(try await query("xmpp.example.org", "SRV")["rcode"] as? String == "NOERROR")
            #expect(dns.queries().contains(DNSStub.Query(name: "_XMPP-client._tcp.example.org", type: "SRV", overTCP: false)))
        }
    }
}
