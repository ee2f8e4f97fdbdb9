import Testing
import XMPPCore

/// `StanzaAssembler` with hand-built parser events (architecture.md §3: depth 1 is the root, a return to depth 1
/// completes a top-level element, depth 0 ends the stream).
@Suite struct StanzaAssemblerTests {
    private static func start(
        _ name: String,
        _ namespace: String = Namespace.client,
        _ attributes: [Element.Attribute] = [],
        declaring declaredDefaultNamespace: String? = nil
    ) -> XMLEvent {
        .startElement(
            name: name, namespace: namespace, attributes: attributes,
            declaredDefaultNamespace: declaredDefaultNamespace)
    }

    private static let header = start(
        "stream", Namespace.stream,
        [
            .init("id", "s1"), .init("from", "example.org"), .init("to", "a@example.org"), .init("version", "1.0"),
            .init("xml:lang", "en"),
        ],
        declaring: Namespace.client)

    /// Feeds events, returning the stream events and the first error.
    private func run(
        _ events: [XMLEvent],
        limits: StreamLimits = .default
    ) -> (output: [StreamEvent], error: XMLStreamError?) {
        var assembler = StanzaAssembler(limits: limits)
        var output: [StreamEvent] = []
        for event in events {
            do {
                if let streamEvent = try assembler.receive(event) { output.append(streamEvent) }
            } catch {
                return (output, error)
            }
        }
        return (output, nil)
    }

    @Test("the header is reported at its start tag with every attribute")
    func header() throws {
        var assembler = StanzaAssembler()
        let event = try assembler.receive(Self.header)
        #expect(
            event
                == .opened(
                    StreamHeader(
                        streamNamespace: Namespace.stream, contentNamespace: Namespace.client, id: "s1",
                        from: "example.org",
                        to: "a@example.org", version: "1.0", language: "en")))
    }

    @Test("nested elements and text become one element when they close back to depth 1")
    func stanza() {
        let result = run([
            Self.header,
            .text("\n "),
            Self.start("message", Namespace.client, [.init("to", "a@b")]),
            Self.start("body"), .text("Hello "), .text("world"), .endElement,
            Self.start("x", "urn:x"), Self.start("y", "urn:x"), .endElement, .text("t"), .endElement,
            .endElement,
            .text(" "),
            Self.start("presence"), .endElement,
            .endElement,
        ])
        var message = Element("message", namespace: Namespace.client, ["to": "a@b"])
        message.append(Element("body", namespace: Namespace.client, text: "Hello world"))
        message.append(
            Element("x", namespace: "urn:x", children: [.element(Element("y", namespace: "urn:x")), .text("t")]))
        #expect(result.error == nil)
        #expect(
            result.output.dropFirst() == [
                .element(message), .element(Element("presence", namespace: Namespace.client)), .closed,
            ])
    }

    @Test(
        "header checks",
        arguments: [
            (
                start("stream", "urn:wrong", [.init("version", "1.0")]),
                XMLStreamError.invalidStreamNamespace("urn:wrong")
            ),
            (start("streams", Namespace.stream, [.init("version", "1.0")]), .invalidStreamElement("streams")),
            (
                start("stream", Namespace.stream, [.init("version", "1.0")], declaring: "jabber:server"),
                .invalidContentNamespace("jabber:server")
            ),
            (start("stream", Namespace.stream), .unsupportedVersion(nil)),
            (start("stream", Namespace.stream, [.init("version", "2.0")]), .unsupportedVersion("2.0")),
            (
                start("stream", String(repeating: "n", count: 1000), [.init("version", "1.0")]),
                .invalidStreamNamespace(String(repeating: "n", count: 256))
            ),
        ])
    func badHeader(_ event: XMLEvent, expected: XMLStreamError) {
        #expect(run([event]).error == expected)
    }

    @Test(
        "RFC 6120 §4.7.5 version numbers",
        arguments: [
            ("1.0", true), ("1.1", true), ("1.10", true), ("01.0", true), ("1.00", true),
            ("2.0", false), ("0.9", false), ("1", false), ("1.", false), (".0", false), ("1.0.0", false),
            ("a.b", false), ("", false), ("-1.0", false), ("１.0", false), ("10.0", false),
        ])
    func versions(_ version: String, supported: Bool) {
        let result = run([Self.start("stream", Namespace.stream, [.init("version", version)])])
        #expect((result.error == nil) == supported)
    }

    @Test("a second stream header inside the stream is rejected, but a nested element named stream is not")
    func secondHeader() {
        #expect(run([Self.header, Self.header]).error == .unexpectedStreamHeader)
        #expect(run([Self.header, Self.start("message"), Self.header, .endElement, .endElement]).error == nil)
    }

    @Test("text outside stanzas")
    func textOutside() {
        #expect(run([.text(" \t\r\n"), Self.header, .text("\n")]).error == nil)
        #expect(run([.text("x")]).error == .textOutsideStanza)
        #expect(run([Self.header, .text(" x ")]).error == .textOutsideStanza)
    }

    @Test("depth limit counts inside the stanza: the stanza itself is depth 1")
    func depthLimit() {
        let limits = StreamLimits(maximumDepth: 2)
        #expect(
            run([Self.header, Self.start("a"), Self.start("b"), .endElement, .endElement], limits: limits).error == nil)
        #expect(
            run([Self.header, Self.start("a"), Self.start("b"), Self.start("c")], limits: limits).error
                == .limitExceeded(.depth))
    }

    @Test("attribute limit")
    func attributeLimit() {
        let limits = StreamLimits(maximumAttributes: 2)
        let two: [Element.Attribute] = [.init("a", "1"), .init("b", "2")]
        #expect(run([Self.header, Self.start("a", Namespace.client, two)], limits: limits).error == nil)
        #expect(
            run([Self.header, Self.start("a", Namespace.client, two + [.init("c", "3")])], limits: limits).error
                == .limitExceeded(.attributes))
    }

    @Test("text limit counts all text of one top-level element and resets after it")
    func textLimit() {
        let limits = StreamLimits(maximumTextBytes: 4)
        let fits: [XMLEvent] = [Self.start("a"), .text("ab"), Self.start("b"), .text("é"), .endElement, .endElement]
        #expect(run([Self.header] + fits + fits, limits: limits).error == nil)
        #expect(
            run([Self.header, Self.start("a"), .text("abc"), .text("de")], limits: limits).error
                == .limitExceeded(.textBytes))
        #expect(run([Self.header, .text("     ")], limits: limits).error == .limitExceeded(.textBytes))
    }

    @Test("an end tag before the header is not well-formed")
    func endBeforeHeader() {
        #expect(run([.endElement]).error == .notWellFormed(parserCode: 0))
    }

    @Test("events after the close are not well-formed")
    func afterClose() {
        #expect(run([Self.header, .endElement, .text(" ")]).error == .notWellFormed(parserCode: 0))
    }

    @Test("failure is terminal")
    func terminal() {
        var assembler = StanzaAssembler()
        #expect(throws: XMLStreamError.textOutsideStanza) { try assembler.receive(.text("x")) }
        #expect(throws: XMLStreamError.textOutsideStanza) { try assembler.receive(Self.header) }
        #expect(!assembler.isClosed)
    }

    @Test(
        "every error maps to its RFC 6120 §4.9.3 condition",
        arguments: [
            (XMLStreamError.restrictedXML(.comment), StreamError.Condition.restrictedXML),
            (.restrictedXML(.documentTypeDeclaration), .restrictedXML),
            (.restrictedXML(.processingInstruction), .restrictedXML),
            (.restrictedXML(.entityReference), .restrictedXML),
            (.restrictedXML(.xmlDeclaration), .restrictedXML),
            (.unsupportedEncoding, .unsupportedEncoding),
            (.notWellFormed(parserCode: 9), .notWellFormed),
            (.limitExceeded(.stanzaBytes), .policyViolation),
            (.limitExceeded(.depth), .policyViolation),
            (.limitExceeded(.attributes), .policyViolation),
            (.limitExceeded(.textBytes), .policyViolation),
            (.invalidStreamNamespace("x"), .invalidNamespace),
            (.invalidContentNamespace("x"), .invalidNamespace),
            (.unsupportedVersion("2.0"), .unsupportedVersion),
            (.invalidStreamElement("x"), .invalidXML),
            (.unexpectedStreamHeader, .invalidXML),
            (.textOutsideStanza, .invalidXML),
        ])
    func conditions(_ error: XMLStreamError, condition: StreamError.Condition) {
        #expect(error.streamCondition == condition)
    }

    @Test("a stanza with many children is assembled in linear time")
    func manyChildren() {
        var events: [XMLEvent] = [Self.header, Self.start("m")]
        for _ in 0..<100_000 { events += [Self.start("a"), .endElement] }
        events.append(.endElement)
        let clock = ContinuousClock()
        let start = clock.now
        let result = run(events)
        #expect(clock.now - start < .seconds(2))
        guard case .element(let element)? = result.output.last else { return #expect(Bool(false)) }
        #expect(element.children.count == 100_000)
    }
}
