// A server that echoes the password in its error `<text/>` (ejabberd does in IBR errors, security.md §5.2): the
// text is still shown, but never the password — not in the error, the `--json` object or the `--verbose` trace
// (§8.6 invariant 1).
import Foundation
import Testing
import XMPPTestSupport

extension HostileServerTests {
    @Suite("Echoed password") struct EchoedPassword {
        /// PLAIN over verified TLS, refused with the password in the failure text.
        static func plainRefusedEchoing() throws -> [HostileScenario.Step] {
            Hostile.untilSASL(tls: try Hostile.tls(), features: Hostile.saslFeatures(["PLAIN"])) + [
                .expect("<auth[^>]*>[^<]*</auth>"),
                .send(
                    "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/>"
                        + "<text xml:lang='en'>Wrong password \(Hostile.password) for alice</text></failure>"),
            ]
        }

        @Test("SASL <failure><text> with the password: exit 77, the text shown redacted", arguments: [true, false])
        func saslFailureText(json: Bool) async throws {
            let server = try await Hostile.server(try Self.plainRefusedEchoing())
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, json: json)
            #expect(run.status == 77, "\(run)")
            #expect(run.output.contains("Wrong password [redacted] for alice"), "\(run)")
            Hostile.expectNoSecret(in: run.output, "output")
            if json {
                let error = try run.json()
                #expect(error["server_text"] as? String == "Wrong password [redacted] for alice")
            }
        }

        @Test("--verbose: a received <text> echoing the password is scrubbed from the trace")
        func verboseTrace() async throws {
            let server = try await Hostile.server(try Self.plainRefusedEchoing())
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, json: false, extra: ["--verbose"])
            #expect(run.status == 77, "\(run)")
            #expect(run.result.standardError.contains("<failure"), "the trace shows the reply: \(run)")
            Hostile.expectNoSecret(in: run.output, "output")
        }

        @Test("a stream error after authentication echoing the password: shown redacted")
        func streamErrorText() async throws {
            let steps =
                Hostile.untilSASL(tls: try Hostile.tls(), features: Hostile.saslFeatures(["PLAIN"])) + [
                    .expect("<auth[^>]*>[^<]*</auth>"),
                    .send(
                        Hostile.streamError(
                            "policy-violation", text: "password \(Hostile.password) logged by policy")),
                ]
            let server = try await Hostile.server(steps)
            defer { server.stop() }
            for verbose in [false, true] {
                let run = try await Hostile.verify(port: server.port, json: !verbose, extra: verbose ? ["--verbose"] : [])
                #expect(run.status != 0, "\(run)")
                #expect(run.output.contains("password [redacted] logged"), "\(run)")
                Hostile.expectNoSecret(in: run.output, "output")
            }
        }
    }
}
