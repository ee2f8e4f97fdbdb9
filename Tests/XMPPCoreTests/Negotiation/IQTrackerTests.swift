import Testing
import XMPPCore
import XMPPTestSupport

@Suite("IQ tracking (RFC 6120 §8.2.3, security.md X16)")
struct IQTrackerTests {
    private func tracker() -> IQTracker {
        var tracker = IQTracker(accountDomain: "example.org")
        tracker.setAccount(bareJID: "alice@example.org")
        tracker.register(IQ(type: .get, id: "own1", to: "example.org", payload: DiscoInfo.requestPayload()))
        tracker.register(IQ(type: .get, id: "peer1", to: "pubsub.example.org", payload: DiscoInfo.requestPayload()))
        return tracker
    }

    @Test("own-server replies accepted from no from, the domain, or the bare JID", arguments: [nil, "example.org", "alice@example.org", "alice@example.org/res"])
    func ownServerSenders(from: String?) {
        var tracker = tracker()
        let reply = IQ(type: .result, id: "own1", from: from)
        #expect(tracker.receive(reply) == .response(reply))
        #expect(tracker.outstandingCount == 1)
    }

    @Test("spoofed, unknown and duplicate results never complete a request")
    func hostileResults() {
        var tracker = tracker()
        let spoofed = IQ(type: .result, id: "own1", from: "evil.example")
        #expect(tracker.receive(spoofed) == .unmatched(spoofed))
        let wrongPeer = IQ(type: .result, id: "peer1", from: "example.org")
        #expect(tracker.receive(wrongPeer) == .unmatched(wrongPeer))
        let unknown = IQ(type: .result, id: "never-sent", from: "example.org")
        #expect(tracker.receive(unknown) == .unmatched(unknown))
        let good = IQ(type: .error, id: "peer1", from: "pubsub.example.org")
        #expect(tracker.receive(good) == .response(good))
        #expect(tracker.receive(good) == .unmatched(good))
    }

    @Test("requests from the server are surfaced as requests")
    func incomingRequests() {
        var tracker = tracker()
        let ping = IQ(type: .get, id: "s1", from: "example.org", payload: Element("ping", namespace: "urn:xmpp:ping"))
        #expect(tracker.receive(ping) == .request(ping))
    }

    @Test("stanza error parsing keeps type, condition and text")
    func stanzaErrors() {
        let element = XMLFixture.element(
            "<iq type='error' id='x'><error type='wait'><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>Too many</text></error></iq>")
        let iq = IQ(parsing: element)
        #expect(iq?.error == StanzaError(type: .wait, condition: .policyViolation, text: "Too many"))
    }

    @Test("stanza error conditions match RFC 6120 §8.3.3", arguments: [
        "bad-request", "conflict", "feature-not-implemented", "forbidden", "gone", "internal-server-error",
        "item-not-found", "jid-malformed", "not-acceptable", "not-allowed", "not-authorized", "policy-violation",
        "recipient-unavailable", "redirect", "registration-required", "remote-server-not-found",
        "remote-server-timeout", "resource-constraint", "service-unavailable", "subscription-required",
        "undefined-condition", "unexpected-request",
    ])
    func stanzaConditionTable(wire: String) {
        #expect(StanzaError.Condition(rawValue: wire)?.rawValue == wire)
    }

    @Test("stream error conditions match RFC 6120 §4.9.3", arguments: [
        "bad-format", "bad-namespace-prefix", "conflict", "connection-timeout", "host-gone", "host-unknown",
        "improper-addressing", "internal-server-error", "invalid-from", "invalid-namespace", "invalid-xml",
        "not-authorized", "not-well-formed", "policy-violation", "remote-connection-failed", "reset",
        "resource-constraint", "restricted-xml", "see-other-host", "system-shutdown", "undefined-condition",
        "unsupported-encoding", "unsupported-feature", "unsupported-stanza-type", "unsupported-version",
    ])
    func streamConditionTable(wire: String) {
        #expect(StreamError.Condition(rawValue: wire)?.rawValue == wire)
        #expect(StreamError.Condition.allCases.count == 25)
    }

    @Test("stream errors parse, including see-other-host and text")
    func streamErrorParsing() {
        let element = XMLFixture.element(
            "<stream:error><see-other-host xmlns='urn:ietf:params:xml:ns:xmpp-streams'>other.example:5222</see-other-host><text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>moved</text></stream:error>")
        let error = StreamError(parsing: element)
        #expect(error == StreamError(.seeOtherHost, text: "moved", otherHost: "other.example:5222"))
    }
}
