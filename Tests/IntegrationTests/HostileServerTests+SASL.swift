// SASL against the scripted SCRAM server: channel binding, XEP-0474, and the S cases of docs/security.md §8.3.
import Foundation
import Testing
import XMPPTestSupport

extension HostileServerTests {
    @Suite("SASL") struct SASL {
        /// The SCRAM events the server logged for the first connection.
        private static func scramEvents(_ server: HostileServer) -> [HostileServer.Event] {
            server.events().filter { $0.kind == "scram" }
        }

        /// Runs the tool against a login scenario and returns the run and the settled transcript.
        private static func run(
            _ steps: [HostileScenario.Step], timeout: Int = 10, json: Bool = true, extra: [String] = []
        ) async throws -> (ToolRun, String, HostileServer) {
            let server = try await Hostile.server(steps)
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, timeout: timeout, json: json, extra: extra)
            let transcript = try await Hostile.settledTranscript(server)
            Hostile.expectNoSecret(in: transcript, "transcript")
            Hostile.expectNoSecret(in: run.output, "output")
            return (run, transcript, server)
        }

        // MARK: Channel binding (XEP-0440, RFC 9266, RFC 5929) and XEP-0474

        @Test("SCRAM-SHA-256-PLUS with tls-exporter on TLS 1.3 (XEP-0440 advertised, XEP-0474 h= matching)")
        func plusTLSExporter() async throws {
            let mechanisms = ["SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"]
            let bindings = ["tls-exporter", "tls-server-end-point"]
            let scram = Hostile.scram(mechanisms: mechanisms, bindings: bindings, plus: "tls-exporter") {
                $0.h = "auto"
            }
            let (run, transcript, server) = try await Self.run(
                Hostile.login(
                    tls: try Hostile.tls(), features: Hostile.saslFeatures(mechanisms, bindings: bindings), scram: scram
                ))
            #expect(run.status == 0, "\(run)")
            let report = try run.json()
            #expect(report["sasl_mechanism"] as? String == "SCRAM-SHA-256-PLUS")
            #expect(report["channel_binding"] as? String == "tls-exporter")
            #expect(report["tls_version"] as? String == "TLSv1.3")
            #expect(
                Self.scramEvents(server).contains {
                    $0["outcome"] == "client-proof-valid" && $0["cb_flag"] == "p=tls-exporter"
                })
            #expect(Hostile.saslPayloads("auth", in: transcript).first?.hasPrefix("p=tls-exporter,,n=alice,r=") == true)
        }

        @Test("SCRAM-SHA-256-PLUS with tls-unique on TLS 1.2, with and without XEP-0440", arguments: [true, false])
        func plusTLSUnique(advertiseXEP0440: Bool) async throws {
            let mechanisms = ["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"]
            let bindings = advertiseXEP0440 ? ["tls-unique"] : nil
            let scram = Hostile.scram(mechanisms: mechanisms, bindings: bindings ?? [], plus: "tls-unique")
            let (run, _, server) = try await Self.run(
                Hostile.login(
                    tls: try Hostile.tls(maxVersion: "TLSv1.2"),
                    features: Hostile.saslFeatures(mechanisms, bindings: bindings),
                    scram: scram))
            #expect(run.status == 0, "\(run)")
            let report = try run.json()
            #expect(report["tls_version"] as? String == "TLSv1.2")
            #expect(report["sasl_mechanism"] as? String == "SCRAM-SHA-256-PLUS")
            #expect(report["channel_binding"] as? String == "tls-unique")
            #expect(
                Self.scramEvents(server).contains {
                    $0["outcome"] == "client-proof-valid" && $0["cb_flag"] == "p=tls-unique"
                })
        }

        @Test("S8: XEP-0474 h= mismatch → exit 69 server-authentication-failed before any proof is sent")
        func downgradeMismatch() async throws {
            let mechanisms = ["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"]
            let bindings = ["tls-exporter"]
            // The hash of a list without the -PLUS mechanism: what a stripping attacker's server would see.
            let scram = Hostile.scram(mechanisms: ["SCRAM-SHA-256"], bindings: bindings, plus: "tls-exporter") {
                $0.h = "auto"
            }
            let (run, transcript, _) = try await Self.run(
                Hostile.untilSASL(
                    tls: try Hostile.tls(), features: Hostile.saslFeatures(mechanisms, bindings: bindings)) + [
                        .scramServer(scram)
                    ])
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "server-authentication-failed")
            #expect(!transcript.contains("<response"))
        }

        @Test("S14: -PLUS advertised without <sasl-channel-binding> over TLS 1.3 → non-PLUS mechanism with gs2 flag n")
        func plusWithoutXEP0440OnTLS13() async throws {
            let mechanisms = ["SCRAM-SHA-1", "SCRAM-SHA-1-PLUS"]
            // ejabberd 23.01's offer; the server fails a `y` flag since it advertised -PLUS.
            let scram = Hostile.scram(hash: "SHA-1", mechanisms: mechanisms, plus: nil) { $0.plusAdvertised = true }
            let (run, transcript, server) = try await Self.run(
                Hostile.login(
                    tls: try Hostile.tls(), features: Hostile.saslFeatures(mechanisms), scram: scram))
            #expect(run.status == 0, "\(run)")
            let report = try run.json()
            #expect(report["sasl_mechanism"] as? String == "SCRAM-SHA-1")
            #expect(report.keys.contains("channel_binding") && report["channel_binding"] is NSNull)
            let clientFirst = try #require(Hostile.saslPayloads("auth", in: transcript).first)
            #expect(clientFirst.hasPrefix("n,,n=alice,r="), "\(clientFirst)")
            #expect(transcript.contains("mechanism='SCRAM-SHA-1'"))
            #expect(Self.scramEvents(server).contains { $0["outcome"] == "client-first" && $0["cb_flag"] == "n" })
        }

        @Test("S18: tls-exporter is never used on TLS 1.2, even when it is the only type advertised")
        func noExporterOnTLS12() async throws {
            let mechanisms = ["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"]
            let scram = Hostile.scram(mechanisms: mechanisms, bindings: ["tls-exporter"], plus: "tls-exporter")
            let (run, transcript, _) = try await Self.run(
                Hostile.login(
                    tls: try Hostile.tls(maxVersion: "TLSv1.2"),
                    features: Hostile.saslFeatures(mechanisms, bindings: ["tls-exporter"]), scram: scram))
            #expect(run.status == 0, "\(run)")
            #expect(try run.json()["sasl_mechanism"] as? String == "SCRAM-SHA-256")
            #expect(Hostile.saslPayloads("auth", in: transcript).first?.hasPrefix("n,,") == true)
        }

        @Test("S15: -PLUS with only unknown channel-binding types (no tls-server-end-point) → abort, no <auth>")
        func onlyUnknownBindingTypes() async throws {
            let mechanisms = ["SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"]
            let (run, transcript, _) = try await Self.run(
                Hostile.untilSASL(
                    tls: try Hostile.tls(), features: Hostile.saslFeatures(mechanisms, bindings: ["tls-made-up"])))
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "no-acceptable-mechanism", "\(run)")
            #expect(!transcript.contains("<auth"))
        }

        // MARK: Server-first checks (S3–S6) — the client stops before sending its proof

        /// A SCRAM server-first the client must refuse, with a label for the test report.
        struct BadServerFirst: Sendable, CustomTestStringConvertible {
            var label: String
            var configure: @Sendable (inout HostileScenario.SCRAMServer) -> Void
            var testDescription: String { label }
        }

        static let badServerFirsts: [BadServerFirst] = [
            .init(label: "S3 nonce not prefixed by ours") { $0.nonce = .notPrefixed },
            .init(label: "S3 nonce equal to ours") { $0.nonce = .equal },
            .init(label: "S3 nonce containing ','") { $0.nonce = .comma },
            .init(label: "S3 nonce containing ESC") { $0.nonce = .control },
            .init(label: "S4 i=0") { $0.iterations = "0" },
            .init(label: "S4 i=-1") { $0.iterations = "-1" },
            .init(label: "S4 i=1") { $0.iterations = "1" },
            .init(label: "S4 i=4095") { $0.iterations = "4095" },
            .init(label: "S4 i=abc") { $0.iterations = "abc" },
            .init(label: "S4 i=4294967296") { $0.iterations = "4294967296" },
            .init(label: "S4 i=100000000") { $0.iterations = "100000000" },
            .init(label: "S5 empty salt") { $0.salt = "" },
            .init(label: "S5 salt not base64") { $0.salt = "***" },
            .init(label: "S6 m= mandatory extension") { $0.extraBefore = "m=ext" },
        ]

        @Test("S3–S6: a bad server-first fails quickly (exit 69) and no proof is sent", arguments: badServerFirsts)
        func badServerFirst(_ bad: BadServerFirst) async throws {
            let scram = Hostile.scram(configure: bad.configure)
            let (run, transcript, server) = try await Self.run(
                Hostile.untilSASL(tls: try Hostile.tls(), features: Hostile.saslFeatures(["SCRAM-SHA-256"]))
                    + [.scramServer(scram)])
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "server-authentication-failed", "\(run)")
            #expect(!transcript.contains("<response"), "\(transcript)")
            #expect(run.elapsed < Hostile.quickly, "\(run)")
            #expect(!Self.scramEvents(server).contains { $0["outcome"] == "client-proof-valid" })
        }

        @Test("S7: an unknown extension attribute in server-first is accepted")
        func unknownExtension() async throws {
            let scram = Hostile.scram { $0.extraAfter = ",x=grease" }
            let (run, _, _) = try await Self.run(Hostile.login(tls: try Hostile.tls(), scram: scram))
            #expect(run.status == 0, "\(run)")
        }

        // MARK: Server-final checks (S9–S13)

        @Test("S9: a forged v= → exit 69 server-authentication-failed, no bind attempted")
        func forgedServerSignature() async throws {
            let scram = Hostile.scram { $0.tamper = .badServerSignature }
            let (run, transcript, _) = try await Self.run(Hostile.login(tls: try Hostile.tls(), scram: scram))
            #expect(run.status == 69, "\(run)")
            #expect(run.condition == "server-authentication-failed")
            #expect(!transcript.contains("urn:ietf:params:xml:ns:xmpp-bind"))
        }

        struct BadServerFinal: Sendable, CustomTestStringConvertible {
            var label: String
            var tamper: HostileScenario.SCRAMServer.Tamper
            var condition: String
            var status: Int32
            var testDescription: String { label }
        }

        static let badServerFinals: [BadServerFinal] = [
            .init(
                label: "S10 <success/> without v=", tamper: .successWithoutServerSignature,
                condition: "server-authentication-failed", status: 69),
            .init(
                label: "S11 e= in <success>", tamper: .errorInSuccess,
                condition: "server-authentication-failed", status: 69),
            .init(
                label: "S11 e= as a challenge", tamper: .errorInChallenge,
                condition: "server-authentication-failed", status: 69),
            // The second challenge is taken as server-final and fails the signature check.
            .init(
                label: "S13 two challenges", tamper: .duplicateChallenge,
                condition: "server-authentication-failed", status: 69),
            .init(
                label: "S13 success before any challenge", tamper: .successBeforeChallenge,
                condition: "sasl-protocol-violation", status: 1),
        ]

        @Test(
            "S10, S11, S13: a server-final without a valid proof fails, no bind attempted",
            arguments: badServerFinals)
        func badServerFinal(_ bad: BadServerFinal) async throws {
            let scram = Hostile.scram {
                $0.tamper = bad.tamper
                $0.error = "other-error"
            }
            let (run, transcript, _) = try await Self.run(Hostile.login(tls: try Hostile.tls(), scram: scram))
            #expect(run.status == bad.status, "\(run)")
            #expect(run.condition == bad.condition, "\(run)")
            #expect(!transcript.contains("urn:ietf:params:xml:ns:xmpp-bind"))
            if bad.tamper == .errorInSuccess || bad.tamper == .errorInChallenge {
                #expect(try run.json()["text"] as? String ?? "" != "")
                #expect(run.result.standardOutput.contains("other-error"), "\(run)")
            }
        }

        @Test("S11: e=invalid-proof means a wrong password: exit 77, not-authorized")
        func invalidProof() async throws {
            let scram = Hostile.scram {
                $0.tamper = .errorInSuccess
                $0.error = "invalid-proof"
            }
            let (run, transcript, _) = try await Self.run(Hostile.login(tls: try Hostile.tls(), scram: scram))
            #expect(run.status == 77, "\(run)")
            #expect(run.condition == "not-authorized", "\(run)")
            #expect(!transcript.contains("urn:ietf:params:xml:ns:xmpp-bind"))
        }

        @Test("S12: server-final as a challenge, then an empty <success/> → accepted")
        func finalAsChallenge() async throws {
            let scram = Hostile.scram { $0.tamper = .serverFinalAsChallenge }
            let (run, transcript, _) = try await Self.run(Hostile.login(tls: try Hostile.tls(), scram: scram))
            #expect(run.status == 0, "\(run)")
            #expect(transcript.contains("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"))
        }

        // MARK: Failures and sizes (S16, S17)

        @Test(
            "S16: <failure><not-authorized/> with C1 CSI and bidi controls in <text> → exit 77, text neutralized",
            arguments: [true, false])
        func failureTextNeutralized(json: Bool) async throws {
            // ESC itself cannot appear in XML 1.0 (see the next test); U+009B is the C1 form of ESC [.
            let hostile = "\u{9B}31mPassword\u{9B}0m \u{202E}drowssap\u{202C} expired"
            let scram = Hostile.scram {
                $0.failure = "not-authorized"
                $0.failureText = hostile
            }
            let (run, _, _) = try await Self.run(Hostile.login(tls: try Hostile.tls(), scram: scram), json: json)
            #expect(run.status == 77, "\(run)")
            for scalar in ["\u{9B}", "\u{202E}", "\u{202C}", "\u{1B}"] {
                #expect(
                    !run.output.contains(scalar),
                    "raw U+\(String(scalar.unicodeScalars.first?.value ?? 0, radix: 16)) in \(run)")
            }
            #expect(run.output.contains("Password"), "the neutralized server text is still shown: \(run)")
            if json {
                let error = try run.json()
                #expect(error["condition"] as? String == "not-authorized")
                let serverText = try #require(error["server_text"] as? String)
                #expect(serverText.contains("\\u{9B}31m"), "\(serverText)")
            }
        }

        @Test("S16: a raw ESC in the failure <text> is not XML: the stream is refused, no ESC reaches the output")
        func failureTextWithRawEscape() async throws {
            let scram = Hostile.scram {
                $0.failure = "not-authorized"
                $0.failureText = "\u{1B}[2J\u{1B}]0;pwned\u{7}"
            }
            let (run, _, _) = try await Self.run(Hostile.login(tls: try Hostile.tls(), scram: scram), json: false)
            #expect(run.status == 1, "\(run)")
            #expect(run.result.standardError.contains("not-well-formed"), "\(run)")
            #expect(!run.output.contains("\u{1B}"), "\(run)")
            #expect(!run.output.contains("\u{7}"), "\(run)")
        }

        @Test(
            "S16: each SASL failure condition maps to its exit code",
            arguments: [
                ("not-authorized", Int32(77)), ("account-disabled", 77), ("credentials-expired", 77),
                ("temporary-auth-failure", 75), ("encryption-required", 69), ("malformed-request", 1),
            ])
        func failureConditions(condition: String, status: Int32) async throws {
            let scram = Hostile.scram { $0.failure = condition }
            let (run, _, _) = try await Self.run(Hostile.login(tls: try Hostile.tls(), scram: scram))
            #expect(run.status == status, "\(run)")
            #expect(run.condition == condition, "\(run)")
        }

        @Test("S17: a 1 MB challenge is refused within bounded time, no response sent")
        func hugeChallenge() async throws {
            let scram = Hostile.scram { $0.challengeRaw = String(repeating: "QUFB", count: 262_144) }
            let (run, transcript, _) = try await Self.run(
                Hostile.untilSASL(tls: try Hostile.tls(), features: Hostile.saslFeatures(["SCRAM-SHA-256"]))
                    + [.scramServer(scram)])
            #expect(run.status != 0, "\(run)")
            #expect(["policy-violation", "sasl-protocol-violation"].contains(run.condition ?? ""), "\(run)")
            #expect(run.elapsed < Hostile.quickly, "\(run)")
            #expect(!transcript.contains("<response"))
        }

        @Test("S17: a 20 KB challenge (under the stanza limit, over the SASL limit) is refused")
        func largeChallenge() async throws {
            let scram = Hostile.scram { $0.challengeRaw = String(repeating: "QUFB", count: 5_000) }
            let (run, transcript, _) = try await Self.run(
                Hostile.untilSASL(tls: try Hostile.tls(), features: Hostile.saslFeatures(["SCRAM-SHA-256"]))
                    + [.scramServer(scram)])
            #expect(run.status == 1, "\(run)")
            #expect(run.condition == "sasl-protocol-violation", "\(run)")
            #expect(!transcript.contains("<response"))
        }
    }
}
