// `xmpp-onboard account verify` against the scripted hostile server: what real servers never send
// (docs/security.md §8.3 T, S and X tables). SASL cases are in HostileServerTests+SASL.swift, XML and stream
// cases in HostileServerTests+Stream.swift.
import Foundation
import Testing
import XMPPTestSupport

/// Over-the-wire tests of the client against `Tests/Scripts/hostile_server.py`.
@Suite("Hostile server", .requires(.scriptedServer, .openssl), .timeLimit(.minutes(3)))
struct HostileServerTests {
    @Test(
        "the baseline: a well-behaved scripted login succeeds over STARTTLS and Direct TLS",
        arguments: [false, true])
    func baseline(direct: Bool) async throws {
        let server = try await Hostile.server(Hostile.login(tls: try Hostile.tls(alpn: "xmpp-client"), direct: direct))
        defer { server.stop() }
        let run = try await Hostile.verify(port: server.port, direct: direct)
        #expect(run.status == 0, "\(run)")
        let report = try run.json()
        #expect(report["bound_jid"] as? String == "alice@localhost/hostile")
        #expect(report["direct_tls"] as? Bool == direct)
        #expect(report["sasl_mechanism"] as? String == "SCRAM-SHA-256")
        #expect(report["features"] as? [String] == ["urn:xmpp:ping"])
        #expect(report["alpn"] as? String == (direct ? "xmpp-client" : nil))
        let tls = try await server.waitForEvent { $0.kind == "tls" }
        #expect(tls["sni"] == "localhost")
        Hostile.expectNoSecret(in: try await Hostile.settledTranscript(server), "transcript")
        Hostile.expectNoSecret(in: run.output, "output")
    }
}

// MARK: - TLS and STARTTLS (T9–T12, T15, T16)

extension HostileServerTests {
    @Suite("TLS and STARTTLS") struct TLS {
        @Test("T10: no <starttls/> offered → exit 69 tls-not-offered, nothing but the stream header sent")
        func startTLSNotOffered() async throws {
            let server = try await Hostile.server(
                Hostile.plaintextOpening(
                    HostileScenario.features(
                        HostileScenario.mechanisms(["PLAIN", "SCRAM-SHA-256"]) + HostileScenario.bindFeature)))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "tls-not-offered")
            let transcript = try await Hostile.settledTranscript(server)
            #expect(!transcript.contains("<auth"))
            #expect(!transcript.contains("<starttls"))
            #expect(transcript.contains("<policy-violation"))
            Hostile.expectNoSecret(in: transcript, "transcript")
        }

        @Test("T11: <failure/> after <starttls/> → exit 69 tls-refused, no <auth>")
        func startTLSFailure() async throws {
            let server = try await Hostile.server([
                HostileScenario.expectStreamHeader,
                .send(
                    HostileScenario.streamHeader(from: Hostile.domain)
                        + HostileScenario.features(
                            HostileScenario.startTLSRequired + HostileScenario.mechanisms(["PLAIN"]))),
                .expect("<starttls[^>]*?(/>|></starttls>)"),
                .send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>"),
            ])
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "tls-refused")
            let transcript = try await Hostile.settledTranscript(server)
            #expect(!transcript.contains("<auth"))
            Hostile.expectNoSecret(in: transcript, "transcript")
        }

        /// What a server (or a man in the middle) slips in after `<proceed/>` in the same segment.
        static let injections: [String] = [
            // Would end the login with host-unknown if it were parsed.
            Hostile.streamError("host-unknown"),
            // A forged post-TLS stream offering only PLAIN, and a premature SASL success.
            HostileScenario.streamHeader(from: Hostile.domain, id: "injected")
                + HostileScenario.features(HostileScenario.mechanisms(["PLAIN"]))
                + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>",
        ]

        @Test(
            "T12: plaintext injected after <proceed/> in the same segment is never parsed",
            arguments: injections)
        func plaintextAfterProceed(injection: String) async throws {
            let server = try await Hostile.server(Hostile.login(tls: try Hostile.tls(), sendAfterProceed: injection))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            let sent = server.events().filter { $0.kind == "sent" }.compactMap { $0["text"] }
            #expect(sent.contains { $0.hasPrefix("<proceed") && $0.hasSuffix(injection) })
            // Either the bytes were dropped with the plaintext buffer (login succeeds) or they reached the TLS
            // layer as garbage (clean handshake failure); never did they act as XMPP.
            if run.status == 0 {
                #expect(try run.json()["sasl_mechanism"] as? String == "SCRAM-SHA-256")
            } else {
                #expect(run.status == 69, "\(run)")
                #expect(run.condition == "tls-handshake-failed", "\(run)")
            }
            #expect(run.condition != "host-unknown")
            let transcript = try await Hostile.settledTranscript(server)
            #expect(!transcript.contains("mechanism='PLAIN'") && !transcript.contains("mechanism=\"PLAIN\""))
            Hostile.expectNoSecret(in: transcript, "transcript")
        }

        @Test("T15: Direct TLS where the server selects another ALPN protocol → exit 69 alpn-mismatch, nothing sent")
        func alpnMismatch() async throws {
            let server = try await Hostile.server([.directTLS(try Hostile.tls(alpnForce: "h2"))])
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, direct: true)
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "alpn-mismatch")
            let transcript = try await Hostile.settledTranscript(server)
            #expect(!transcript.contains("<stream:stream"))
            #expect(!transcript.contains("<auth"))
        }

        @Test("T15: Direct TLS where the server selects no ALPN protocol → continues (ALPN is a SHOULD)")
        func alpnNone() async throws {
            let server = try await Hostile.server(Hostile.login(tls: try Hostile.tls(alpn: nil), direct: true))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, direct: true)
            #expect(run.status == 0, "\(run)")
            let report = try run.json()
            #expect(report.keys.contains("alpn") && report["alpn"] is NSNull)
            let tls = try await server.waitForEvent { $0.kind == "tls" }
            #expect(tls["alpn_offered"]?.contains("xmpp-client") == true)
        }

        @Test(
            "T16: the server resets the connection during the TLS handshake → clean exit 69, nothing sent",
            arguments: [false, true])
        func resetDuringHandshake(direct: Bool) async throws {
            let clientHello = HostileScenario.Step.expect("\\x16\\x03")
            let steps: [HostileScenario.Step] =
                direct
                ? [clientHello, .close(reset: true)]
                : [
                    HostileScenario.expectStreamHeader,
                    .send(
                        HostileScenario.streamHeader(from: Hostile.domain)
                            + HostileScenario.features(HostileScenario.startTLSRequired)),
                    .expect("<starttls[^>]*?(/>|></starttls>)"),
                    .send("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"),
                    clientHello, .close(reset: true),
                ]
            let server = try await Hostile.server(steps)
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, direct: direct)
            #expect(run.status == 69, "\(run)")
            #expect(["connection-closed", "tls-handshake-failed"].contains(run.condition ?? ""), "\(run)")
            #expect(run.elapsed < Hostile.quickly, "\(run)")
            let transcript = try await Hostile.settledTranscript(server)
            #expect(!transcript.contains("<auth"))
        }

        @Test(
            "T9: a server whose newest TLS is 1.1 → exit 69 tls-version-too-old, nothing sent",
            arguments: [false, true])
        func oldTLSVersion(direct: Bool) async throws {
            let tls = try Hostile.tls(alpn: "xmpp-client", minVersion: "TLSv1", maxVersion: "TLSv1.1")
            let server = try await Hostile.server(Hostile.login(tls: tls, direct: direct))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, direct: direct)
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "tls-version-too-old", "\(run)")
            let transcript = try await Hostile.settledTranscript(server)
            #expect(!transcript.contains("<auth"))
            let tlsEvent = try await server.waitForEvent { $0.kind == "tls" }
            #expect(tlsEvent["outcome"] == "failed")
        }

        @Test("T1: a certificate for another name → exit 69 certificate-name-mismatch, no <auth>")
        func otherName() async throws {
            let leaf = try Hostile.certificates().authority.issue(
                commonName: "other.example", subjectAlternativeNames: ["other.example"])
            let server = try await Hostile.server(Hostile.login(tls: try Hostile.tls(leaf)))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "certificate-name-mismatch")
            #expect(!(try await Hostile.settledTranscript(server)).contains("<auth"))
        }
    }
}
