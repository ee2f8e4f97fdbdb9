// `--verbose` shows the XML of the login on stderr with every secret redacted (issue #2; Redaction).
import Foundation
import Testing
import XMPPTestSupport

extension HostileServerTests {
    @Suite("--verbose") struct Verbose {
        @Test("--verbose shows the XML but never the password, the PLAIN message or SCRAM proofs")
        func verboseRedactsSCRAM() async throws {
            let server = try await Hostile.server(Hostile.login(tls: try Hostile.tls()))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, json: false, extra: ["--verbose"])
            #expect(run.status == 0, "\(run)")
            let transcript = try await Hostile.settledTranscript(server)
            let stderr = run.result.standardError
            #expect(stderr.contains("<auth") && stderr.contains("[redacted]"), "\(stderr)")
            #expect(stderr.contains("urn:xmpp:ping"), "the trace shows the rest of the XML")
            // What actually went over the wire (decrypted by the server) must not appear in the trace.
            let clientFinal = try #require(Hostile.saslPayloads("response", in: transcript).first)
            let proof = try #require(clientFinal.components(separatedBy: ",p=").last)
            #expect(!stderr.contains(proof))
            for element in ["auth", "response"] {
                for payload in Hostile.saslPayloads(element, in: transcript) {
                    #expect(!stderr.contains(Data(payload.utf8).base64EncodedString()))
                }
            }
            Hostile.expectNoSecret(in: stderr, "stderr")
        }

        @Test("--verbose with PLAIN over verified TLS: the PLAIN message is on the wire but not in the trace")
        func verboseRedactsPLAIN() async throws {
            let steps =
                Hostile.untilSASL(tls: try Hostile.tls(), features: Hostile.saslFeatures(["PLAIN"])) + [
                    .expect("<auth[^>]*>[^<]*</auth>"),
                    .send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"),
                ]
                + HostileScenario.bindAndAnswer(
                    domain: Hostile.domain, jid: "alice@localhost/hostile",
                    reply: Hostile.discoReply())
            let server = try await Hostile.server(steps)
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, json: false, extra: ["--verbose"])
            #expect(run.status == 0, "\(run)")
            let plainMessage = Data("\0alice\0\(Hostile.password)".utf8).base64EncodedString()
            #expect(try await Hostile.settledTranscript(server).contains(plainMessage), "PLAIN went over TLS")
            #expect(run.result.standardError.contains("mechanism='PLAIN'"))
            Hostile.expectNoSecret(in: run.output, "output")
        }
    }
}
