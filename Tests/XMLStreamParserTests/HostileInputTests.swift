import Testing
import XMLStreamParser
import XMPPCore

/// security.md §8.3 X1–X12: each hostile stream is rejected with the right condition, in bounded time, without
/// entity expansion or file access, whatever the chunking.
@Suite struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var bytes: [UInt8]
        /// The exact error, or only its condition when libxml2's error code is incidental.
        var expected: Expected
        var testDescription: String { id }
    }

    enum Expected: Sendable {
        case error(XMLStreamError)
        case condition(StreamError.Condition)

        func matches(_ error: XMLStreamError?) -> Bool {
            switch self {
            case .error(let expected): error == expected
            case .condition(let condition): error?.streamCondition == condition
            }
        }
    }

    static let cases: [Case] = [
        Case(
            id: "X1 DOCTYPE with internal entity", bytes: HostileInputs.x1,
            expected: .error(.restrictedXML(.documentTypeDeclaration))),
        Case(
            id: "X2 external entity", bytes: HostileInputs.x2,
            expected: .error(.restrictedXML(.documentTypeDeclaration))),
        Case(
            id: "X3 billion laughs", bytes: HostileInputs.x3, expected: .error(.restrictedXML(.documentTypeDeclaration))
        ),
        Case(
            id: "X4 quadratic blow-up", bytes: HostileInputs.x4,
            expected: .error(.restrictedXML(.documentTypeDeclaration))),
        Case(id: "X5 comment between stanzas", bytes: HostileInputs.x5, expected: .error(.restrictedXML(.comment))),
        Case(id: "X5 comment in a stanza", bytes: HostileInputs.x5InStanza, expected: .error(.restrictedXML(.comment))),
        Case(
            id: "X6 PI between stanzas", bytes: HostileInputs.x6,
            expected: .error(.restrictedXML(.processingInstruction))),
        Case(
            id: "X6 PI in a stanza", bytes: HostileInputs.x6InStanza,
            expected: .error(.restrictedXML(.processingInstruction))),
        Case(id: "X7 ISO-8859-1", bytes: HostileInputs.x7Latin1, expected: .error(.unsupportedEncoding)),
        Case(id: "X7 UTF-16LE with BOM", bytes: HostileInputs.x7UTF16LEWithBOM, expected: .error(.unsupportedEncoding)),
        Case(id: "X7 UTF-16LE", bytes: HostileInputs.x7UTF16LE, expected: .error(.unsupportedEncoding)),
        Case(id: "X7 UTF-16BE", bytes: HostileInputs.x7UTF16BE, expected: .error(.unsupportedEncoding)),
        Case(id: "X7 declared UTF-16", bytes: HostileInputs.x7DeclaredUTF16, expected: .error(.unsupportedEncoding)),
        Case(id: "X8 XML 1.1", bytes: HostileInputs.x8, expected: .error(.restrictedXML(.xmlDeclaration))),
        Case(id: "X9 invalid UTF-8", bytes: HostileInputs.x9InvalidUTF8, expected: .condition(.notWellFormed)),
        Case(id: "X9 overlong UTF-8", bytes: HostileInputs.x9Overlong, expected: .condition(.notWellFormed)),
        Case(id: "X9 encoded surrogate", bytes: HostileInputs.x9Surrogate, expected: .condition(.notWellFormed)),
        Case(id: "X9 &#0;", bytes: HostileInputs.x9NullReference, expected: .condition(.notWellFormed)),
        Case(id: "X9 raw ESC", bytes: HostileInputs.x9Escape, expected: .condition(.notWellFormed)),
        Case(
            id: "X9 raw ESC in an attribute", bytes: HostileInputs.x9EscapeInAttribute,
            expected: .condition(.notWellFormed)),
        Case(id: "X10 100 000-deep nesting", bytes: HostileInputs.x10, expected: .error(.limitExceeded(.depth))),
        Case(id: "X11 50 000 attributes", bytes: HostileInputs.x11, expected: .error(.limitExceeded(.attributes))),
        Case(id: "X12 11 MiB text node", bytes: HostileInputs.x12, expected: .error(.limitExceeded(.stanzaBytes))),
    ]

    @Test("rejected with the right condition at any chunking, in bounded time and data", arguments: cases)
    func rejected(_ hostile: Case) {
        let clock = ContinuousClock()
        for sizes in [[hostile.bytes.count], [1], [7], [64], [4096], [3, 1000, 1, 17]] {
            let start = clock.now
            let outcome = read(hostile.bytes, chunkSizes: sizes)
            let elapsed = clock.now - start
            #expect(hostile.expected.matches(outcome.error), "chunks \(sizes): \(String(describing: outcome.error))")
            #expect(elapsed < .seconds(2), "chunks \(sizes) took \(elapsed)")
            // Whatever was delivered before the error is small and carries nothing injected.
            let delivered = outcome.events.map { "\($0)" }.joined()
            #expect(delivered.utf8.count < 4096)
            #expect(!delivered.contains("INJECTED") && !delivered.contains("root:") && !delivered.contains("lollol"))
        }
    }

    @Test("an error is terminal: later bytes throw it again")
    func errorIsTerminal() {
        let reader = StreamReader()
        #expect(throws: XMLStreamError.restrictedXML(.comment)) { try reader.feed(HostileInputs.x5) }
        #expect(throws: XMLStreamError.restrictedXML(.comment)) { try reader.feed(Array("<presence/>".utf8)) }
        #expect(!reader.isClosed)
    }

    @Test(
        "entity references other than the five predefined ones are restricted",
        arguments: [
            stream("<message><body>&nbsp;</body></message>"),
            stream("<message id='&foo;'/>"),
            stream("<message><body>a&lt;b&amp;c&gt;d&quot;e&apos;&undeclared;</body></message>"),
        ])
    func undeclaredEntities(_ text: String) {
        #expect(read(text).error == .restrictedXML(.entityReference))
    }

    @Test("an ampersand that starts no reference is not well-formed")
    func bareAmpersand() {
        #expect(read(stream("<message><body>a & b</body></message>")).error?.streamCondition == .notWellFormed)
        #expect(read(stream("<message><body>&x</body></message>")).error?.streamCondition == .notWellFormed)
    }

    @Test("a slow drip of a large legal stanza costs linear time (libxml2 sees complete tags only)")
    func slowDrip() throws {
        let value = String(repeating: "v", count: 100_000)
        let text = String(repeating: "t", count: 100_000)
        let bytes = Array(stream("<message id='\(value)'><body>\(text)</body></message>").utf8)
        let reader = StreamReader()
        var events: [StreamEvent] = []
        let elapsed = try ContinuousClock().measure {
            for index in bytes.indices { events += try reader.feed(bytes[index...index]) }
        }
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        #expect(events.count == 2)
        guard case .element(let message) = events.last else { return #expect(Bool(false)) }
        #expect(message[attribute: "id"] == value)
        #expect(message.child("body")?.text == text)
    }

    @Test("a stanza at the size limit with 65 000 children is assembled in linear time")
    func wideStanza() {
        let children = String(repeating: "<a/>", count: 65_000)
        let body = "<m>" + children + "</m>"
        #expect(body.utf8.count <= StreamLimits.default.maximumStanzaBytes)
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = read(stream(body))
        #expect(clock.now - start < .seconds(2))
        #expect(outcome.error == nil)
        guard case .element(let element)? = outcome.events.last else { return #expect(Bool(false)) }
        #expect(element.children.count == 65_000)
    }
}
