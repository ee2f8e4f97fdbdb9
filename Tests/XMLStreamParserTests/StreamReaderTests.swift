import Testing
import XMLStreamParser
import XMPPCore

/// The public reader: stream header rules (RFC 6120 §4.7, §4.8), stanza assembly, close, and limits end to end.
@Suite struct StreamReaderTests {
    @Test("header, stanza and close")
    func basicStream() throws {
        let reader = StreamReader()
        #expect(try reader.feed(Array(streamHeader.utf8)) == [.opened(expectedHeader)])
        #expect(
            try reader.feed(Array("<presence from='a@b/c'/>".utf8)) == [
                .element(Element("presence", namespace: Namespace.client, ["from": "a@b/c"]))
            ])
        #expect(!reader.isClosed)
        #expect(try reader.feed(Array("</stream:stream>".utf8)) == [.closed])
        #expect(reader.isClosed)
    }

    @Test("a header without XML declaration, with another prefix and double quotes")
    func headerVariants() {
        let outcome = read(
            "<s:stream xmlns=\"jabber:client\" xmlns:s=\"http://etherx.jabber.org/streams\" version=\"1.0\" id=\"x\">"
                + "<s:features/>")
        #expect(outcome.error == nil)
        #expect(
            outcome.events == [
                .opened(StreamHeader(id: "x")),
                .element(Element("features", namespace: Namespace.stream)),
            ])
    }

    @Test("a header without a default namespace leaves contentNamespace nil; stanzas are jabber:client")
    func noContentNamespace() {
        let outcome = read("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' version='1.0'><iq/>")
        #expect(
            outcome.events == [
                .opened(StreamHeader(contentNamespace: nil)), .element(Element("iq", namespace: Namespace.client)),
            ])
    }

    @Test(
        "X14: the stream header's namespace and version are checked",
        arguments: [
            (
                "<stream:stream xmlns:stream='http://etherx.jabber.org/streamz' version='1.0'>",
                XMLStreamError.invalidStreamNamespace("http://etherx.jabber.org/streamz")
            ),
            ("<stream xmlns='jabber:client' version='1.0'>", .invalidStreamNamespace("jabber:client")),
            (
                "<stream:features xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>",
                .invalidStreamElement("features")
            ),
            (
                "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>",
                .invalidContentNamespace("jabber:server")
            ),
            ("<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>", .unsupportedVersion(nil)),
            (
                "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' version='2.0'>",
                .unsupportedVersion("2.0")
            ),
            (
                "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' version='0.9'>",
                .unsupportedVersion("0.9")
            ),
            ("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' version='1'>", .unsupportedVersion("1")),
        ])
    func badHeader(_ header: String, expected: XMLStreamError) {
        #expect(read(header).error == expected)
    }

    @Test(
        "conditions for bad headers",
        arguments: [
            (XMLStreamError.invalidStreamNamespace("x"), StreamError.Condition.invalidNamespace),
            (.invalidContentNamespace("x"), .invalidNamespace),
            (.unsupportedVersion(nil), .unsupportedVersion),
        ])
    func headerConditions(_ error: XMLStreamError, condition: StreamError.Condition) {
        #expect(error.streamCondition == condition)
    }

    @Test("X17: a second stream header without a restart is rejected")
    func secondHeader() {
        let outcome = read(stream("<presence/>" + streamHeader.replacingOccurrences(of: "<?xml version='1.0'?>")))
        #expect(outcome.error == .unexpectedStreamHeader)
        #expect(outcome.error?.streamCondition == .invalidXML)
    }

    @Test("text between stanzas: whitespace is dropped, anything else is rejected")
    func textBetweenStanzas() {
        #expect(
            read(stream(" \n\t\r\n<presence/>  ")).events == [
                .opened(expectedHeader), .element(Element("presence", namespace: Namespace.client)),
            ])
        #expect(read(stream("hello<presence/>")).error == .textOutsideStanza)
        #expect(read(stream("<![CDATA[x]]><presence/>")).error == .textOutsideStanza)
    }

    @Test("stream errors arrive as elements the core can parse")
    func streamError() throws {
        let outcome = read(
            stream(
                "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                    + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>no &amp; such</text></stream:error>"
                    + "</stream:stream>"))
        #expect(outcome.error == nil)
        #expect(outcome.events.count == 3)
        guard case .element(let element) = outcome.events[1] else { return #expect(Bool(false)) }
        let error = try #require(StreamError(parsing: element))
        #expect(error.condition == .hostUnknown)
        #expect(error.text == "no & such")
    }

    @Test("bytes after the end of the stream are ignored, even garbage")
    func afterClose() throws {
        let reader = StreamReader()
        #expect(
            try reader.feed(Array(stream("</stream:stream><!-- x -->junk").utf8)) == [
                .opened(expectedHeader), .closed,
            ])
        #expect(try reader.feed(Array("<<<".utf8)).isEmpty)
        #expect(reader.isClosed)
    }

    @Test("an empty root tag opens and closes the stream")
    func emptyRoot() {
        #expect(
            read("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' version='1.0'/>").events == [
                .opened(StreamHeader(contentNamespace: nil)), .closed,
            ])
    }

    @Test("empty feeds return nothing")
    func emptyFeed() throws {
        let reader = StreamReader()
        #expect(try reader.feed([UInt8]()).isEmpty)
        #expect(try reader.feed(Array(streamHeader.utf8)) == [.opened(expectedHeader)])
        #expect(try reader.feed([UInt8]()).isEmpty)
    }

    @Test("not well-formed input: mismatched tags, an undefined prefix, a bare <")
    func notWellFormed() {
        for body in ["<a></b>", "<p:a/>", "<a>1 < 2</a>", "<a b='1' b='2'/>", "<a b=1/>", "<a>]]></a>"] {
            #expect(read(stream(body)).error?.streamCondition == .notWellFormed, "\(body)")
        }
    }

    // MARK: - Limits end to end

    @Test("a stanza of exactly the limit passes; one byte more is a policy violation")
    func stanzaLimit() {
        let limits = StreamLimits(maximumStanzaBytes: 1000)
        let fits = "<a>" + String(repeating: "x", count: 1000 - 7) + "</a>"
        #expect(read(stream(fits + fits), limits: limits).events.count == 3)
        let outcome = read(stream(fits + " " + fits), limits: limits)
        #expect(outcome.error == .limitExceeded(.stanzaBytes))
        #expect(outcome.error?.streamCondition == .policyViolation)
    }

    @Test("depth and attribute limits apply through the reader")
    func depthAndAttributes() {
        // The header has six attributes and namespace declarations; it is subject to the same limit.
        let limits = StreamLimits(maximumDepth: 3, maximumAttributes: 6)
        #expect(read(stream("<a><b><c x='1' y='2' z='3' u='4' v='5' w='6'/></b></a>"), limits: limits).error == nil)
        #expect(read(stream("<a><b><c><d/></c></b></a>"), limits: limits).error == .limitExceeded(.depth))
        #expect(
            read(stream("<a x='1' y='2' z='3' u='4' v='5' w='6' t='7'/>"), limits: limits).error
                == .limitExceeded(.attributes))
        #expect(read(stream(""), limits: StreamLimits(maximumAttributes: 5)).error == .limitExceeded(.attributes))
    }

    @Test("text limit: the total text of one stanza")
    func textLimit() {
        let limits = StreamLimits(maximumTextBytes: 10)
        #expect(read(stream("<a>12345<b>67890</b></a><a>1234567890</a>"), limits: limits).error == nil)
        #expect(read(stream("<a>12345<b>678901</b></a>"), limits: limits).error == .limitExceeded(.textBytes))
    }

    @Test("the default limits are the documented constants")
    func defaults() {
        #expect(
            StreamLimits.default
                == StreamLimits(
                    maximumStanzaBytes: 262_144, maximumDepth: 32, maximumAttributes: 64, maximumTextBytes: 262_144))
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String) -> String {
        replacing(target, with: "")
    }
}
