import Testing
import XMLStreamParser
import XMPPCore

/// The byte-level pre-scanner: structure tracking, limits on raw bytes, and early RFC 6120 §11.1 rejections.
@Suite struct StreamScannerTests {
    private static let root = "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>"

    private func scan(_ text: String, limits: StreamLimits = .default) -> (
        scanner: StreamScanner, result: StreamScanner.Scan
    ) {
        var scanner = StreamScanner(limits: limits)
        let result = Array(text.utf8).withUnsafeBufferPointer { scanner.scan($0) }
        return (scanner, result)
    }

    @Test(
        "XML declarations Prosody accepts",
        arguments: [
            "<?xml version='1.0'?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version='1.0' encoding='utf-8' standalone='yes'?>",
            "<?xml  version = '1.0'  ?>",
        ])
    func acceptedDeclarations(_ declaration: String) {
        let (scanner, result) = scan(declaration + Self.root)
        #expect(result.stop == nil)
        #expect(scanner.depth == 1)
    }

    // Prosody's spec/util_xmppstream_spec.lua cases, and a few more.
    @Test(
        "XML declarations rejected",
        arguments: [
            ("<?xml version='1.0' encoding='UTF-16'?>", XMLStreamError.unsupportedEncoding),
            ("<?xml version='1.0' encoding='ISO-8859-1'?>", .unsupportedEncoding),
            ("<?xml version='1.1'?>", .restrictedXML(.xmlDeclaration)),
            ("<?xml version='1.0' standalone='no'?>", .restrictedXML(.xmlDeclaration)),
            ("<?xml encoding='UTF-8'?>", .restrictedXML(.xmlDeclaration)),
            ("<?xml encoding='UTF-8' version='1.0'?>", .restrictedXML(.xmlDeclaration)),
            ("<?xml version='1.0' version='1.0'?>", .restrictedXML(.xmlDeclaration)),
            ("<?xml version='1.0' foo='bar'?>", .restrictedXML(.xmlDeclaration)),
            ("<?xml version=1.0?>", .restrictedXML(.xmlDeclaration)),
            ("<?xml?>", .restrictedXML(.xmlDeclaration)),
            ("<?xml-stylesheet href='a'?>", .restrictedXML(.processingInstruction)),
            ("<?php echo 1; ?>", .restrictedXML(.processingInstruction)),
            (" <?xml version='1.0'?>", .restrictedXML(.processingInstruction)),  // misplaced declaration
            ("<?xml version='1.0'?><?xml version='1.0'?>", .restrictedXML(.processingInstruction)),
            ("<?xml version='1.0' " + String(repeating: " ", count: 300) + "?>", .restrictedXML(.xmlDeclaration)),
        ])
    func rejectedDeclarations(_ declaration: String, expected: XMLStreamError) {
        #expect(scan(declaration + Self.root).result.stop == .violation(expected))
    }

    @Test(
        "byte streams that are not UTF-8 are rejected at the first bytes",
        arguments: [
            [0xFF, 0xFE, 0x3C, 0x00], [0xFE, 0xFF, 0x00, 0x3C], [0x3C, 0x00, 0x3F, 0x00], [0x00, 0x3C, 0x00, 0x3F],
            [0x00, 0x00, 0x00, 0x3C],
        ] as [[UInt8]])
    func nonUTF8Streams(_ bytes: [UInt8]) {
        var scanner = StreamScanner(limits: .default)
        let result = bytes.withUnsafeBufferPointer { scanner.scan($0) }
        #expect(result.stop == .violation(.unsupportedEncoding))
    }

    @Test("a UTF-8 byte order mark is U+FEFF text before the root (RFC 6120 §11.6)")
    func byteOrderMark() {
        #expect(scan("\u{FEFF}" + Self.root).result.stop == .violation(.notWellFormed(parserCode: 0)))
    }

    @Test(
        "comments, DOCTYPE and DTD markup are rejected where they start",
        arguments: [
            ("<!DOCTYPE x>", XMLStreamError.restrictedXML(.documentTypeDeclaration), 2),
            ("<!-- x -->", .restrictedXML(.comment), 2),
            (root + "<a><!-- x --></a>", .restrictedXML(.comment), root.utf8.count + 5),
            (root + "<![INCLUDE[ x ]]>", .restrictedXML(.documentTypeDeclaration), root.utf8.count + 3),
            (root + "<a><?pi x?></a>", .restrictedXML(.processingInstruction), root.utf8.count + 4),
        ])
    func restrictedMarkup(_ text: String, expected: XMLStreamError, offset: Int) {
        #expect(scan(text).result == StreamScanner.Scan(count: offset, stop: .violation(expected)))
    }

    @Test("CDATA sections hide markup and end at the first ]]>")
    func cdata() {
        let (scanner, result) = scan(Self.root + "<a><![CDATA[</a><!-- <?x ]] ]>]]]]><b/></a>")
        #expect(result.stop == nil)
        #expect(scanner.depth == 1)
    }

    @Test("quoted attribute values hide > = / and the other quote")
    func quotedValues() {
        let (scanner, result) = scan(Self.root + "<a x='>=/\"' y=\"'>\"/>", limits: StreamLimits(maximumAttributes: 2))
        #expect(result.stop == nil)
        #expect(scanner.depth == 1)
    }

    @Test(
        "references: the five predefined entities and character references pass, others do not",
        arguments: [
            ("<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x41;&#x4a;&#0000065;</a>", nil),
            ("<a b='&amp;&#65;'/>", nil),
            ("<a>&nbsp;</a>", XMLStreamError.restrictedXML(.entityReference)),
            ("<a b='&x;'/>", .restrictedXML(.entityReference)),
            ("<a>&" + String(repeating: "n", count: 100) + ";</a>", .restrictedXML(.entityReference)),
            ("<a>a & b</a>", .notWellFormed(parserCode: 0)),
            ("<a>&x</a>", .notWellFormed(parserCode: 0)),
            ("<a>&;</a>", .notWellFormed(parserCode: 0)),
            ("<a>&#;</a>", .notWellFormed(parserCode: 0)),
            ("<a>&#x;</a>", .notWellFormed(parserCode: 0)),
            ("<a>&#12a;</a>", .notWellFormed(parserCode: 0)),
            ("<a>&#xG;</a>", .notWellFormed(parserCode: 0)),
            ("<a>&#X41;</a>", .notWellFormed(parserCode: 0)),  // XML 1.0 §4.1: only a lowercase x
        ])
    func references(_ body: String, expected: XMLStreamError?) {
        #expect(scan(Self.root + body).result.stop == expected.map { .violation($0) })
    }

    @Test("stanza bytes are counted from the end of the previous top-level element")
    func stanzaBytes() {
        let header = "<s:stream xmlns:s='http://etherx.jabber.org/streams'>"
        let limit = header.utf8.count
        let limits = StreamLimits(maximumStanzaBytes: limit)
        // The header (with anything before it) counts for itself.
        #expect(scan(header, limits: limits).result.stop == nil)
        #expect(
            scan(" " + header, limits: limits).result
                == StreamScanner.Scan(count: limit, stop: .violation(.limitExceeded(.stanzaBytes))))
        // After it, each top-level element may take `limit` bytes, whitespace before it included.
        let stanza = "<a>" + String(repeating: "x", count: limit - 7) + "</a>"
        let fits = scan(header + stanza + stanza + " ", limits: limits)
        #expect(fits.result.stop == nil)
        #expect(fits.scanner.bytesSinceBoundary == 1)
        let text = header + stanza + " " + stanza
        #expect(
            scan(text, limits: limits).result
                == StreamScanner.Scan(count: text.utf8.count - 1, stop: .violation(.limitExceeded(.stanzaBytes))))
    }

    @Test("depth is counted inside a stanza: the stanza is 1", arguments: [1, 2, 5])
    func depth(maximum: Int) {
        let limits = StreamLimits(maximumDepth: maximum)
        let nested = String(repeating: "<a>", count: maximum) + String(repeating: "</a>", count: maximum)
        #expect(scan(Self.root + nested, limits: limits).result.stop == nil)
        let empty = String(repeating: "<a>", count: maximum - 1) + "<b/>"
        #expect(scan(Self.root + empty, limits: limits).result.stop == nil)
        let tooDeep = String(repeating: "<a>", count: maximum + 1)
        #expect(scan(Self.root + tooDeep, limits: limits).result.stop == .violation(.limitExceeded(.depth)))
        let tooDeepEmpty = String(repeating: "<a>", count: maximum) + "<b/>"
        #expect(scan(Self.root + tooDeepEmpty, limits: limits).result.stop == .violation(.limitExceeded(.depth)))
    }

    @Test("attributes are counted per tag, namespace declarations included, before the tag ends")
    func attributes() {
        let limits = StreamLimits(maximumAttributes: 3)
        #expect(scan(Self.root + "<a x='1' y='2' xmlns='u'/><b p='1' q='2' r='3'/>", limits: limits).result.stop == nil)
        let tooMany = Self.root + "<a x='1' y='2' z='3' w='4'"
        #expect(
            scan(tooMany, limits: limits).result
                == StreamScanner.Scan(count: tooMany.utf8.count - 4, stop: .violation(.limitExceeded(.attributes))))
    }

    @Test("the end of the root stops scanning right after its >")
    func streamEnd() {
        let text = Self.root + "<a/></stream:stream><junk"
        #expect(scan(text).result == StreamScanner.Scan(count: text.utf8.count - 5, stop: .streamClosed))
        #expect(scan("<stream:stream/>junk").result == StreamScanner.Scan(count: 16, stop: .streamClosed))
    }

    @Test("text before the root is not well-formed; whitespace is fine")
    func prolog() {
        #expect(scan(" \r\n\t" + Self.root).result.stop == nil)
        #expect(scan("x" + Self.root).result.stop == .violation(.notWellFormed(parserCode: 0)))
        #expect(scan("</a>").result.stop == .violation(.notWellFormed(parserCode: 0)))
        #expect(scan("<![CDATA[x]]>").result.stop == .violation(.notWellFormed(parserCode: 0)))
    }
}
