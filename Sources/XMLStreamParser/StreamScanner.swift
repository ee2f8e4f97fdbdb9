import XMPPCore

/// A byte-level pre-scanner that sees every byte before libxml2 does (security.md §4.3, §4.4).
///
/// It tracks just enough XML structure (tags, quoted attribute values, CDATA sections) to enforce the tool's
/// limits on raw bytes — stanza size, depth and attribute count — so that libxml2's quadratic attribute handling
/// and unbounded depth never see an oversized input. It also rejects what RFC 6120 §11.1 forbids as soon as the
/// markup starts (`<!DOCTYPE`, `<!--`, `<?target`), a UTF-16/UTF-32 byte stream and a bad XML declaration
/// (Prosody's rule: version 1.0, UTF-8, not `standalone="no"`). Everything else, including all well-formedness
/// checks, is left to libxml2; on well-formed input the scanner's view of the structure equals libxml2's.
///
/// Byte at a time and stateless across calls apart from its fields, so its verdicts do not depend on chunking.
package struct StreamScanner {
    /// Why scanning stopped before the end of the bytes given.
    package enum Stop: Equatable {
        /// The byte at `Scan.count` is rejected.
        case violation(XMLStreamError)
        /// The last byte scanned ends `</stream:stream>` (or an empty root tag); ignore the rest.
        case streamClosed
    }

    /// The result of `scan(_:)`: how many bytes were accepted and why scanning stopped, if it did.
    package struct Scan: Equatable {
        package var count: Int
        package var stop: Stop?

        package init(count: Int, stop: Stop?) {
            self.count = count
            self.stop = stop
        }
    }

    private enum Mode {
        /// Before the root start tag: whitespace, an XML declaration at the first byte, then `<`.
        case prolog
        /// Inside the XML declaration `<?xml … ?>`.
        case declaration
        /// Character data inside the root.
        case content
        /// Just after `<`.
        case markupOpen
        /// After `<!`: only `<![CDATA[` is allowed.
        case markupDeclaration
        /// Inside a CDATA section.
        case cdata
        /// Inside a start tag, outside attribute values.
        case startTag
        /// Inside a quoted attribute value.
        case attributeValue
        /// Inside an end tag.
        case endTag
        /// After `&` in character data or in an attribute value, until `;`.
        case reference
        /// After the root's end tag.
        case closed
    }

    /// Longest XML declaration accepted; the longest legal one is about 60 bytes.
    static let maximumDeclarationBytes = 256
    /// XML 1.0 §4.6: `amp`, `lt`, `gt`, `quot`, `apos`.
    private static let predefinedEntities: [[UInt8]] = ["amp", "lt", "gt", "quot", "apos"].map { Array($0.utf8) }
    /// Longest reference accepted between `&` and `;` (`#x10FFFF` is 8 bytes; longer ones only pad zeros).
    static let maximumReferenceBytes = 64

    package let limits: StreamLimits
    private var mode = Mode.prolog
    /// Bytes scanned so far.
    package private(set) var offset = 0
    /// Open elements, the root included (the root is depth 1, a stanza depth 2).
    package private(set) var depth = 0
    /// Bytes since the end of the previous top-level element or of the stream header.
    package private(set) var bytesSinceBoundary = 0
    /// Whether a tag ended since the last `clearCompletedTag()`: only then can libxml2 report a new element.
    package private(set) var hasCompletedTag = false

    private var attributeCount = 0
    private var quote: UInt8 = 0
    private var previousWasSlash = false
    /// Progress through `[CDATA[` after `<!`, or the run of `]` inside a CDATA section.
    private var matched = 0
    private var declaration: [UInt8] = []
    private var reference: [UInt8] = []
    /// Where a reference returns to: `.content` or `.attributeValue`.
    private var modeAfterReference = Mode.content

    package init(limits: StreamLimits) {
        self.limits = limits
    }

    package mutating func clearCompletedTag() {
        hasCompletedTag = false
    }

    /// Scans bytes until the end, a violation or the end of the stream.
    package mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        for index in bytes.indices {
            do {
                if try step(bytes[index]) { return Scan(count: index + 1, stop: .streamClosed) }
            } catch {
                return Scan(count: index, stop: .violation(error))
            }
        }
        return Scan(count: bytes.count, stop: nil)
    }

    /// Consumes one byte; returns whether it closed the stream.
    private mutating func step(_ byte: UInt8) throws(XMLStreamError) -> Bool {
        let position = offset
        offset += 1
        bytesSinceBoundary += 1
        guard bytesSinceBoundary <= limits.maximumStanzaBytes else { throw .limitExceeded(.stanzaBytes) }

        switch mode {
        case .prolog:
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: break
            case UInt8(ascii: "<"): mode = .markupOpen
            // A UTF-16 or UTF-32 byte order mark or a zero byte: never UTF-8 XML (RFC 6120 §11.6).
            case 0x00, 0xFE, 0xFF: throw .unsupportedEncoding
            // Includes a UTF-8 byte order mark: RFC 6120 §11.6 makes U+FEFF a character, not allowed here.
            default: throw .notWellFormed(parserCode: 0)
            }

        case .declaration:
            guard declaration.count < Self.maximumDeclarationBytes else { throw .restrictedXML(.xmlDeclaration) }
            if byte == UInt8(ascii: ">") && declaration.last == UInt8(ascii: "?") {
                try Self.validateDeclaration(declaration.dropLast())
                declaration = []
                mode = .prolog
            } else {
                declaration.append(byte)
            }

        case .content:
            if byte == UInt8(ascii: "<") {
                mode = .markupOpen
            } else if byte == UInt8(ascii: "&") {
                beginReference(returningTo: .content)
            }

        case .reference:
            try continueReference(byte)

        case .markupOpen:
            switch byte {
            case UInt8(ascii: "?"):
                // Only the XML declaration, and only at the very first byte of the stream (XML 1.0 §2.8).
                guard position == 1 else { throw .restrictedXML(.processingInstruction) }
                mode = .declaration
            case UInt8(ascii: "!"):
                matched = 0
                mode = .markupDeclaration
            case UInt8(ascii: "/"):
                guard depth > 0 else { throw .notWellFormed(parserCode: 0) }
                mode = .endTag
            case 0x00 where depth == 0:
                throw .unsupportedEncoding  // `<` then a zero byte: UTF-16LE
            default:
                attributeCount = 0
                previousWasSlash = false
                mode = .startTag
            }

        case .markupDeclaration:
            try matchCDATAOpening(byte)

        case .cdata:
            if byte == UInt8(ascii: "]") {
                matched += 1
            } else if byte == UInt8(ascii: ">") && matched >= 2 {
                matched = 0
                mode = .content
            } else {
                matched = 0
            }

        case .startTag:
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = byte
                previousWasSlash = false
                mode = .attributeValue
            case UInt8(ascii: "="):
                // One `=` outside quotes per attribute or namespace declaration.
                attributeCount += 1
                previousWasSlash = false
                guard attributeCount <= limits.maximumAttributes else { throw .limitExceeded(.attributes) }
            case UInt8(ascii: "/"):
                previousWasSlash = true
            case UInt8(ascii: ">"):
                return try endStartTag(isEmpty: previousWasSlash)
            default:
                previousWasSlash = false
            }

        case .attributeValue:
            if byte == quote {
                mode = .startTag
            } else if byte == UInt8(ascii: "&") {
                beginReference(returningTo: .attributeValue)
            }

        case .endTag:
            if byte == UInt8(ascii: ">") {
                depth -= 1
                hasCompletedTag = true
                mode = .content
                if depth == 1 { bytesSinceBoundary = 0 }
                if depth == 0 {
                    mode = .closed
                    return true
                }
            }

        case .closed:
            preconditionFailure("StreamScanner used after the stream closed")
        }
        return false
    }

    /// The `>` of a start tag or an empty-element tag.
    private mutating func endStartTag(isEmpty: Bool) throws(XMLStreamError) -> Bool {
        hasCompletedTag = true
        mode = .content
        if isEmpty {
            if depth == 0 {
                // `<stream:stream …/>`: opened and closed at once.
                mode = .closed
                return true
            }
            // Depth inside a stanza: the stanza itself is 1; the root does not count.
            guard depth <= limits.maximumDepth else { throw .limitExceeded(.depth) }
        } else {
            depth += 1
            guard depth - 1 <= limits.maximumDepth else { throw .limitExceeded(.depth) }
        }
        if depth == 1 { bytesSinceBoundary = 0 }
        return false
    }

    /// After `<!`: a CDATA section inside the root; anything else is a comment or DTD markup.
    private mutating func matchCDATAOpening(_ byte: UInt8) throws(XMLStreamError) {
        let opening = Array("[CDATA[".utf8)
        guard byte == opening[matched] else {
            if matched == 0 && byte == UInt8(ascii: "-") { throw .restrictedXML(.comment) }
            throw .restrictedXML(.documentTypeDeclaration)
        }
        matched += 1
        if matched == opening.count {
            guard depth > 0 else { throw .notWellFormed(parserCode: 0) }
            matched = 0
            mode = .cdata
        }
    }

    // MARK: - References (XML 1.0 §4.1)

    private mutating func beginReference(returningTo next: Mode) {
        reference.removeAll(keepingCapacity: true)
        modeAfterReference = next
        mode = .reference
    }

    /// Checks a reference as soon as its `;` arrives. libxml2 would wait for a `;` indefinitely after a bare `&`,
    /// buffering everything behind it, so a reference that cannot be one fails here at once.
    private mutating func continueReference(_ byte: UInt8) throws(XMLStreamError) {
        guard byte == UInt8(ascii: ";") else {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
                UInt8(ascii: "\""), UInt8(ascii: "'"):
                throw .notWellFormed(parserCode: 0)
            default:
                guard reference.count < Self.maximumReferenceBytes else {
                    throw reference.first == UInt8(ascii: "#")
                        ? .notWellFormed(parserCode: 0)
                        : .restrictedXML(.entityReference)
                }
                reference.append(byte)
                return
            }
        }
        mode = modeAfterReference
        if reference.first == UInt8(ascii: "#") {
            // Character reference: the value itself (`&#0;`, surrogates) is for libxml2 to judge.
            let isHexadecimal = reference.dropFirst().first == UInt8(ascii: "x")
            let digits = reference.dropFirst(isHexadecimal ? 2 : 1)
            let isValid =
                isHexadecimal ? digits.allSatisfy(Self.isHexadecimalDigit) : digits.allSatisfy(Self.isDecimalDigit)
            guard !digits.isEmpty, isValid else { throw .notWellFormed(parserCode: 0) }
            return
        }
        guard !reference.isEmpty else { throw .notWellFormed(parserCode: 0) }
        // XML 1.0 §4.6: the five predefined entities are the only ones an XMPP stream may use (RFC 6120 §11.1).
        guard Self.predefinedEntities.contains(reference) else { throw .restrictedXML(.entityReference) }
    }

    private static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isHexadecimalDigit(_ byte: UInt8) -> Bool {
        let lowercased = byte | 0x20
        return isDecimalDigit(byte) || (lowercased >= UInt8(ascii: "a") && lowercased <= UInt8(ascii: "f"))
    }
}
