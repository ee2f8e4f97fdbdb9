import Testing
import XMLStreamParser
import XMPPCore

/// Pins libxml2 2.9.14's behaviour that the wrapper depends on (architecture.md §4.2) and checks the SAX-level
/// defences of security.md §4.4 on their own, without the byte scanner in front of them.
@Suite struct LibXML2PushParserTests {
    private func makeParser(decodesAmpersands: Bool = true) -> LibXML2PushParser {
        LibXML2PushParser(
            maximumTextBytes: 1 << 20, maximumUnparsedBytes: 1 << 20, decodesAmpersands: decodesAmpersands)
    }

    private func parse(_ text: String, with parser: LibXML2PushParser) -> (events: [XMLEvent], error: XMLStreamError?) {
        parse(Array(text.utf8), with: parser)
    }

    private func parse(_ bytes: [UInt8], with parser: LibXML2PushParser) -> (events: [XMLEvent], error: XMLStreamError?)
    {
        do {
            let events = try bytes.withUnsafeBufferPointer { buffer throws(XMLStreamError) in try parser.parse(buffer) }
            return (events, nil)
        } catch {
            return ([], error)
        }
    }

    @Test("options are exactly NONET and IGNORE_ENC: no entity substitution, DTD loading, HUGE or recovery")
    func options() {
        #expect(makeParser().securityRelevantSettings == ["NONET", "IGNORE_ENC"])
    }

    // MARK: - Quirks

    @Test("quirk 1: without NOENT every encoded & in an attribute value arrives as &#38;")
    func attributeAmpersandQuirk() {
        let raw = parse("<r v='a&amp;b&#38;c&#x26;d&lt;e'>", with: makeParser(decodesAmpersands: false))
        #expect(
            raw.events.first
                == .startElement(
                    name: "r", namespace: Namespace.client, attributes: [.init("v", "a&#38;b&#38;c&#38;d<e")],
                    declaredDefaultNamespace: nil))
        let decoded = parse("<r v='a&amp;b&#38;c&#x26;d&lt;e&amp;#38;'>", with: makeParser())
        #expect(
            decoded.events.first
                == .startElement(
                    name: "r", namespace: Namespace.client, attributes: [.init("v", "a&b&c&d<e&#38;")],
                    declaredDefaultNamespace: nil))
    }

    @Test("quirk 2: text with references arrives in several characters callbacks, joined into one event")
    func splitCharacters() {
        let parser = makeParser()
        let result = parse("<r>t&amp;u&#66;</r>", with: parser)
        #expect(parser.characterCallbackCount == 4)
        #expect(
            result.events == [
                .startElement(name: "r", namespace: Namespace.client, attributes: [], declaredDefaultNamespace: nil),
                .text("t&uB"), .endElement,
            ])
    }

    @Test("text and CDATA split over many parse calls still come out as one event")
    func textAcrossCalls() {
        let parser = makeParser()
        var events: [XMLEvent] = []
        for piece in ["<r>ab", "c<![CDATA[d", "e]]>", "f&amp;", "g</r>"] { events += parse(piece, with: parser).events }
        #expect(events.dropFirst() == [.text("abcdef&g"), .endElement])
    }

    @Test("the start tag of the root is reported before the document ends")
    func progressiveRoot() {
        let parser = makeParser()
        let result = parse(
            "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:client'>", with: parser)
        #expect(
            result.events == [
                .startElement(
                    name: "stream", namespace: Namespace.stream, attributes: [],
                    declaredDefaultNamespace: Namespace.client)
            ])
    }

    @Test("namespaces: prefixes resolved, no default means jabber:client, xmlns='' means none")
    func namespaces() {
        let result = parse(
            "<a><p:b xmlns:p='urn:p' p:x='1' xml:lang='en'><c xmlns=''><d/></c><e xmlns='urn:e'/></p:b></a>",
            with: makeParser())
        let starts = result.events.compactMap { event -> String? in
            guard case .startElement(let name, let namespace, let attributes, _) = event else { return nil }
            return "\(name)|\(namespace)|" + attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
        }
        #expect(starts == ["a|jabber:client|", "b|urn:p|p:x=1,xml:lang=en", "c||", "d||", "e|urn:e|"])
    }

    // MARK: - Restricted XML at the SAX level (security.md §4.3, handler B)

    @Test(
        "X1–X6 are stopped by the SAX handlers alone",
        arguments: [
            (HostileInputs.x1, XMLStreamError.restrictedXML(.documentTypeDeclaration)),
            (HostileInputs.x2, .restrictedXML(.documentTypeDeclaration)),
            (HostileInputs.x3, .restrictedXML(.documentTypeDeclaration)),
            (HostileInputs.x4, .restrictedXML(.documentTypeDeclaration)),
            (HostileInputs.x5, .restrictedXML(.comment)),
            (HostileInputs.x5InStanza, .restrictedXML(.comment)),
            (HostileInputs.x6, .restrictedXML(.processingInstruction)),
            (HostileInputs.x6InStanza, .restrictedXML(.processingInstruction)),
        ])
    func restrictedBySAX(_ bytes: [UInt8], expected: XMLStreamError) {
        for chunkSize in [bytes.count, 1, 100, 4096] {
            let parser = makeParser()
            var error: XMLStreamError?
            var start = 0
            while start < bytes.count, error == nil {
                let end = min(bytes.count, start + chunkSize)
                error = parse(Array(bytes[start..<end]), with: parser).error
                start = end
            }
            #expect(error == expected, "chunk size \(chunkSize)")
            // No expansion: at most the literal text of the stream reached the handler.
            #expect(parser.deliveredTextBytes < 64, "chunk size \(chunkSize)")
        }
    }

    @Test(
        "undeclared entities are restricted in text and in attribute values",
        arguments: [
            "<r>&x;</r>", "<r a='&x;'/>", "<r>&nbsp;</r>",
        ])
    func undeclaredEntity(_ text: String) {
        #expect(parse(text, with: makeParser()).error == .restrictedXML(.entityReference))
    }

    @Test(
        "an XML declaration with version 1.1 or standalone='no' is restricted",
        arguments: [
            "<?xml version='1.1'?><r>", "<?xml version='1.0' standalone='no'?><r>",
        ])
    func declaration(_ text: String) {
        #expect(parse(text, with: makeParser()).error == .restrictedXML(.xmlDeclaration))
    }

    @Test("IGNORE_ENC: a Latin-1 byte under encoding='ISO-8859-1' is invalid UTF-8, not decoded")
    func ignoreEncoding() {
        let bytes = Array("<?xml version='1.0' encoding='ISO-8859-1'?><r>caf".utf8) + [0xE9] + Array("</r>".utf8)
        let result = parse(bytes, with: makeParser())
        #expect(result.error?.streamCondition == .notWellFormed)
        #expect(!result.events.contains(.text("café")))
    }

    @Test(
        "X9: invalid UTF-8, &#0; and raw ESC are not well-formed",
        arguments: [
            Array("<r>".utf8) + [0xC3, 0x28] + Array("</r>".utf8),
            Array("<r>&#0;</r>".utf8),
            Array("<r>".utf8) + [0x1B] + Array("</r>".utf8),
            Array("<r a='".utf8) + [0x1B] + Array("'/>".utf8),
        ])
    func invalidCharacters(_ bytes: [UInt8]) {
        #expect(parse(bytes, with: makeParser()).error?.streamCondition == .notWellFormed)
    }

    @Test("namespace errors, which libxml2 itself continues after, are fatal")
    func undefinedPrefix() {
        let result = parse("<r><p:x/><y/></r>", with: makeParser())
        #expect(result.error?.streamCondition == .notWellFormed)
    }

    @Test("mismatched end tags are not well-formed")
    func mismatchedTags() {
        #expect(parse("<r><a></b></r>", with: makeParser()).error?.streamCondition == .notWellFormed)
    }

    @Test("an error is terminal")
    func terminal() {
        let parser = makeParser()
        #expect(parse("<r><!-- c -->", with: parser).error == .restrictedXML(.comment))
        #expect(parse("<a/>", with: parser).error == .restrictedXML(.comment))
    }

    // MARK: - Bounds

    @Test("a run of text longer than the limit stops the parser")
    func textLimit() {
        let parser = LibXML2PushParser(maximumTextBytes: 1000, maximumUnparsedBytes: 1 << 20)
        let result = parse("<r>" + String(repeating: "x", count: 5000) + "</r>", with: parser)
        #expect(result.error == .limitExceeded(.textBytes))
        #expect(result.events.isEmpty)
    }

    @Test("libxml2 waiting forever for ';' after a bare '&' cannot buffer without limit")
    func unparsedInputIsBounded() {
        let parser = LibXML2PushParser(maximumTextBytes: 1 << 20, maximumUnparsedBytes: 10_000)
        #expect(parse("<r><a>&", with: parser).error == nil)
        var error: XMLStreamError?
        for _ in 0..<100 where error == nil {
            error = parse(String(repeating: "<b>x</b>", count: 100), with: parser).error
        }
        #expect(error == .limitExceeded(.stanzaBytes))
    }
}
