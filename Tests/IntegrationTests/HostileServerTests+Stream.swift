// The XML stream over the wire: restricted XML, entity bombs, slow drips, stream errors, spoofed IQ results and
// a second stream header (docs/security.md §8.3 X table; T14).
import Foundation
import Testing
import XMPPTestSupport

extension HostileServerTests {
    @Suite("XML stream") struct Stream {
        /// A hostile construct the server sends, where, and the condition the tool must report.
        struct HostileXML: Sendable, CustomTestStringConvertible {
            var label: String
            /// Sent as the server's whole first reply (with its own stream header when needed).
            var reply: String
            var condition: String
            var testDescription: String { label }
        }

        static let header = HostileScenario.streamHeader(from: Hostile.domain)
        static let features = HostileScenario.features(HostileScenario.startTLSRequired)

        static let restricted: [HostileXML] = [
            .init(
                label: "X1 DOCTYPE with an internal entity before the stream header",
                reply: "<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY x 'boom'>]>"
                    + header.replacingOccurrences(of: "<?xml version='1.0'?>", with: "") + features,
                condition: "restricted-xml"),
            .init(
                label: "X2 external entity",
                reply: "<!DOCTYPE stream:stream [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                    + header.replacingOccurrences(of: "<?xml version='1.0'?>", with: "")
                    + "<stream:features>&xxe;</stream:features>",
                condition: "restricted-xml"),
            .init(
                label: "X3 billion laughs",
                reply: "<?xml version='1.0'?><!DOCTYPE lolz ["
                    + "<!ENTITY lol 'lol'>"
                    + (1...9).map { level in
                        "<!ENTITY lol\(level) '"
                            + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "'>"
                    }.joined()
                    + "]>" + header.replacingOccurrences(of: "<?xml version='1.0'?>", with: "")
                    + "<stream:features>&lol9;</stream:features>",
                condition: "restricted-xml"),
            .init(label: "X5 comment", reply: header + "<!-- a comment -->" + features, condition: "restricted-xml"),
            .init(
                label: "X6 processing instruction", reply: header + "<?evil data?>" + features,
                condition: "restricted-xml"),
            .init(
                label: "entity reference without a DTD", reply: header + "<stream:features>&lol;</stream:features>",
                condition: "restricted-xml"),
            .init(
                label: "X9 NUL character reference", reply: header + "<stream:features>&#0;</stream:features>",
                condition: "not-well-formed"),
            .init(
                label: "X10 deep nesting", reply: header + String(repeating: "<a>", count: 100_000),
                condition: "policy-violation"),
            .init(
                label: "X11 50 000 attributes",
                reply: header + "<stream:features "
                    + (0..<50_000).map { "a\($0)='x'" }.joined(separator: " ") + "/>",
                condition: "policy-violation"),
            .init(
                label: "X14 wrong stream namespace",
                reply:
                    "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='urn:evil' version='1.0'>",
                condition: "invalid-namespace"),
        ]

        @Test(
            "X1–X14: restricted or oversized XML from the server → stream error sent, non-zero exit, nothing else sent",
            arguments: restricted)
        func restrictedXML(_ hostile: HostileXML) async throws {
            let server = try await Hostile.server([HostileScenario.expectStreamHeader, .send(hostile.reply)])
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 1, "\(run)")
            #expect(run.condition == hostile.condition, "\(run)")
            #expect(run.elapsed < Hostile.quickly, "\(run)")
            let transcript = try await Hostile.settledTranscript(server)
            #expect(
                transcript.contains("<\(hostile.condition) xmlns='urn:ietf:params:xml:ns:xmpp-streams'"),
                "the tool closes with a stream error: \(transcript)")
            #expect(!transcript.contains("<starttls"))
            #expect(!run.output.contains("boom") && !run.output.contains("root:"))
        }

        @Test("restricted XML inside TLS (after STARTTLS) is refused the same way, the stream error encrypted")
        func restrictedXMLAfterTLS() async throws {
            let server = try await Hostile.server(
                Hostile.untilSASL(
                    tls: try Hostile.tls(),
                    features: HostileScenario.mechanisms(["SCRAM-SHA-256"]) + "<!-- hidden -->"))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 1, "\(run)")
            #expect(run.condition == "restricted-xml", "\(run)")
            let transcript = try await Hostile.settledTranscript(server)
            #expect(transcript.contains("<restricted-xml"))
            #expect(!transcript.contains("<auth"))
        }

        @Test(
            "X13: a stanza that never closes (slow drip) → --timeout 2 fires, exit 75 within bounded time",
            arguments: [false, true])
        func slowDrip(afterTLS: Bool) async throws {
            let drip = HostileScenario.Step.send(
                "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                    + String(repeating: " ", count: 600),
                chunkSize: 1, chunkDelayMilliseconds: 100)
            let steps: [HostileScenario.Step] =
                afterTLS
                ? Array(
                    HostileScenario.startTLSOpening(domain: Hostile.domain, tls: try Hostile.tls(), features: "")
                        .dropLast()) + [.send(HostileScenario.streamHeader(from: Hostile.domain)), drip]
                : [HostileScenario.expectStreamHeader, .send(HostileScenario.streamHeader(from: Hostile.domain)), drip]
            let server = try await Hostile.server(steps)
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, timeout: 2)
            #expect(run.status == 75, "\(run)")
            #expect(run.condition == "timeout", "\(run)")
            // The drip lasts a minute: only a deadline for the whole stanza ends it in time.
            #expect(run.elapsed < .seconds(2) + Hostile.quickly, "\(run)")
            #expect(run.elapsed >= .seconds(2), "\(run)")
        }

        @Test("a silent server → --timeout 2 fires, exit 75")
        func silentServer() async throws {
            let server = try await Hostile.server([HostileScenario.expectStreamHeader, .delay(milliseconds: 30_000)])
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, timeout: 2)
            #expect(run.status == 75, "\(run)")
            #expect(run.condition == "timeout")
            #expect(run.elapsed < .seconds(2) + Hostile.quickly, "\(run)")
        }

        // MARK: X15 stream errors

        struct StreamErrorCase: Sendable, CustomTestStringConvertible {
            var condition: String
            var content: String = ""
            var status: Int32
            var testDescription: String { condition }
        }

        static let streamErrors: [StreamErrorCase] = [
            .init(condition: "system-shutdown", status: 75),
            .init(condition: "resource-constraint", status: 75),
            .init(condition: "connection-timeout", status: 75),
            .init(condition: "reset", status: 75),
            .init(condition: "host-unknown", status: 69),
            .init(condition: "host-gone", status: 69),
            .init(condition: "see-other-host", content: "127.0.0.1:1", status: 69),
            .init(condition: "conflict", status: 1),
            .init(condition: "policy-violation", status: 1),
            .init(condition: "restricted-xml", status: 1),
            .init(condition: "undefined-condition", status: 1),
        ]

        @Test(
            "X15: every stream error, before and after TLS, maps to its condition and exit code",
            arguments: streamErrors, [false, true])
        func streamError(_ error: StreamErrorCase, afterTLS: Bool) async throws {
            let text = "Bye\u{202E}  \u{9B}2J now"
            let element = Hostile.streamError(error.condition, content: error.content, text: text)
            let opening: [HostileScenario.Step] =
                afterTLS
                ? Array(Hostile.untilSASL(tls: try Hostile.tls(), features: "").dropLast())
                : [HostileScenario.expectStreamHeader]
            let server = try await Hostile.server(
                opening + [.send(HostileScenario.streamHeader(from: Hostile.domain) + element)])
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == error.status, "\(run)")
            #expect(run.condition == error.condition, "\(run)")
            let report = try run.json()
            #expect((report["server_text"] as? String)?.hasPrefix("Bye") == true, "\(run)")
            #expect(!run.output.contains("\u{202E}") && !run.output.contains("\u{9B}"), "\(run)")
            // T14: no redirect is followed (and so the original domain stays the only reference identity).
            #expect(Set(server.events().map(\.connection)) == [1])
            #expect(!(try await Hostile.settledTranscript(server)).contains("<auth"))
        }

        @Test("X15: a stream error in the middle of SASL stops the login")
        func streamErrorDuringSASL() async throws {
            let steps =
                Hostile.untilSASL(tls: try Hostile.tls(), features: Hostile.saslFeatures(["SCRAM-SHA-256"]))
                + [.expect("<auth[^>]*>[^<]*</auth>"), .send(Hostile.streamError("system-shutdown"))]
            let server = try await Hostile.server(steps)
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 75, "\(run)")
            #expect(run.condition == "system-shutdown")
        }

        @Test("X15: a stream error instead of the disco#info result")
        func streamErrorAfterBind() async throws {
            let server = try await Hostile.server(
                Hostile.login(
                    tls: try Hostile.tls(), reply: Hostile.streamError("conflict", text: "Replaced by new connection")))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 1, "\(run)")
            #expect(run.condition == "conflict", "\(run)")
        }

        // MARK: X16, X17

        @Test(
            "X16: IQ results with a spoofed from, an unknown id, and a request from the server are not taken as the answer"
        )
        func spoofedResults() async throws {
            let evil = "<query xmlns='http://jabber.org/protocol/disco#info'><feature var='urn:evil'/></query>"
            let reply =
                "<iq type='result' id='{{iq}}' from='evil.example'>\(evil)</iq>"
                + "<iq type='result' id='{{iq}}' from='alice@evil.example/x'>\(evil)</iq>"
                + "<iq type='result' id='not-{{iq}}' from='localhost'>\(evil)</iq>"
                + "<iq type='error' id='{{iq}}' from='other.localhost'><error type='cancel'>"
                + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"
                + "<iq type='get' id='server-ping' from='localhost'><ping xmlns='urn:xmpp:ping'/></iq>"
                + Hostile.discoReply()
                + "<iq type='result' id='{{iq}}' from='localhost'>\(evil)</iq>"
            let server = try await Hostile.server(Hostile.login(tls: try Hostile.tls(), reply: reply))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 0, "\(run)")
            let features = try #require(try run.json()["features"] as? [String])
            #expect(features == ["urn:xmpp:ping"])
            let transcript = try await Hostile.settledTranscript(server)
            #expect(
                transcript.contains("id='server-ping'") && transcript.contains("service-unavailable"),
                "a request from the server is answered with an error: \(transcript)")
        }

        @Test("X16: only spoofed results → no answer → exit 75 timeout (never a spoofed success)")
        func onlySpoofedResults() async throws {
            let reply =
                "<iq type='result' id='{{iq}}' from='evil.example'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><feature var='urn:evil'/></query></iq>"
            let server = try await Hostile.server(Hostile.login(tls: try Hostile.tls(), reply: reply))
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, timeout: 2)
            #expect(run.status == 75, "\(run)")
            #expect(run.condition == "timeout")
            #expect(!run.output.contains("urn:evil"))
        }

        @Test("X16: a stream of unmatched results cannot hold the request open past --timeout")
        func unmatchedResultsDrip() async throws {
            let noise = String(repeating: "<iq type='result' id='noise' from='localhost'/>", count: 240)
            let server = try await Hostile.server(
                Hostile.login(tls: try Hostile.tls(), reply: "")
                    + [.send(noise, chunkSize: 47, chunkDelayMilliseconds: 250)])
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port, timeout: 2)
            #expect(run.status == 75, "\(run)")
            #expect(run.condition == "timeout")
            #expect(run.elapsed < .seconds(2) + Hostile.quickly, "\(run)")
        }

        @Test("X17: a second stream header without a restart → invalid-xml, exit 1", arguments: [false, true])
        func secondStreamHeader(afterTLS: Bool) async throws {
            // Without an XML declaration: a declaration mid-stream is a processing instruction (restricted-xml).
            let header = HostileScenario.streamHeader(from: Hostile.domain, id: "second")
                .replacingOccurrences(of: "<?xml version='1.0'?>", with: "")
            let steps: [HostileScenario.Step] =
                afterTLS
                ? Hostile.untilSASL(tls: try Hostile.tls(), features: Hostile.saslFeatures(["SCRAM-SHA-256"]))
                    + [.expect("<auth[^>]*>[^<]*</auth>"), .send(header)]
                : [
                    HostileScenario.expectStreamHeader,
                    .send(HostileScenario.streamHeader(from: Hostile.domain) + Self.features),
                    .expect("<starttls[^>]*?(/>|></starttls>)"), .send(header),
                ]
            let server = try await Hostile.server(steps)
            defer { server.stop() }
            let run = try await Hostile.verify(port: server.port)
            #expect(run.status == 1, "\(run)")
            #expect(run.condition == "invalid-xml", "\(run)")
            #expect(!(try await Hostile.settledTranscript(server)).contains("<response"))
        }
    }
}
