import XMPPCore

extension StreamScanner {
    /// Checks the XML declaration (XML 1.0 §2.8) the way Prosody's `util/xmppstream.lua` does: version 1.0,
    /// encoding absent or UTF-8, `standalone` absent or `yes` (security.md §4.1, RFC 6120 §11.6).
    ///
    /// `body` is everything between `<?` and `?>`. Only the pseudo-attributes are judged here; libxml2 checks the
    /// exact syntax afterwards.
    package static func validateDeclaration(_ body: ArraySlice<UInt8>) throws(XMLStreamError) {
        guard body.starts(with: "xml".utf8) else { throw .restrictedXML(.processingInstruction) }
        var rest = body.dropFirst(3)
        guard let separator = rest.first else { throw .restrictedXML(.xmlDeclaration) }
        // `<?xml-stylesheet …?>` and the like are processing instructions, not declarations.
        guard isWhitespace(separator) else { throw .restrictedXML(.processingInstruction) }

        var names: [String] = []
        var values: [String] = []
        while true {
            rest = rest.drop(while: isWhitespace)
            if rest.isEmpty { break }
            let name = rest.prefix { isASCIILetter($0) }
            rest = rest.dropFirst(name.count).drop(while: isWhitespace)
            guard !name.isEmpty, rest.first == UInt8(ascii: "=") else { throw .restrictedXML(.xmlDeclaration) }
            rest = rest.dropFirst().drop(while: isWhitespace)
            guard let quote = rest.first, quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
                throw .restrictedXML(.xmlDeclaration)
            }
            rest = rest.dropFirst()
            let value = rest.prefix { $0 != quote }
            rest = rest.dropFirst(value.count)
            guard rest.first == quote else { throw .restrictedXML(.xmlDeclaration) }
            rest = rest.dropFirst()
            names.append(String(decoding: name, as: UTF8.self))
            values.append(String(decoding: value, as: UTF8.self))
        }

        // Names in the order XML 1.0 §2.8 gives them, each at most once, version first and required.
        let order = ["version", "encoding", "standalone"]
        let ranks = names.compactMap { order.firstIndex(of: $0) }
        guard names.first == "version", ranks.count == names.count, zip(ranks, ranks.dropFirst()).allSatisfy(<)
        else { throw .restrictedXML(.xmlDeclaration) }

        for (name, value) in zip(names, values) {
            switch name {
            case "version":
                guard value == "1.0" else { throw .restrictedXML(.xmlDeclaration) }
            case "encoding":
                guard value.lowercased() == "utf-8" else { throw .unsupportedEncoding }
            default:
                guard value == "yes" else { throw .restrictedXML(.xmlDeclaration) }
            }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
