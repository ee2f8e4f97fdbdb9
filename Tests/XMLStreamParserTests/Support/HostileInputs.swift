/// The hostile XML streams of security.md §8.3 (X1–X12), as a malicious server would send them.
enum HostileInputs {
    static let header =
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"

    /// X1: DOCTYPE with an internal entity, referenced in a stanza.
    static let x1 = Array(
        ("<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY x \"INJECTED\">]>" + header
            + "<message><body>&x;</body></message>").utf8
    )

    /// X2: external entity pointing at a local file.
    static let x2 = Array(
        ("<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + header
            + "<message><body>&x;</body></message>").utf8
    )

    /// X3: the classic ten-level billion laughs.
    static let x3: [UInt8] = {
        var dtd = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        return Array(
            ("<?xml version='1.0'?><!DOCTYPE stream:stream [" + dtd + "]>" + header
                + "<message><body>&lol9;</body></message>").utf8)
    }()

    /// X4: quadratic blow-up: one 50 KB entity referenced 20 000 times (about 110 KB of input, 1 GB expanded).
    static let x4: [UInt8] = {
        let entity = String(repeating: "a", count: 50_000)
        let references = String(repeating: "&a;", count: 20_000)
        return Array(
            ("<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY a \"" + entity + "\">]>" + header
                + "<message><body>" + references + "</body></message>").utf8)
    }()

    /// X5: a comment between stanzas.
    static let x5 = Array((header + "<presence/><!-- hello --><presence/>").utf8)
    /// X5: a comment inside a stanza.
    static let x5InStanza = Array((header + "<message><body>a<!-- hello -->b</body></message>").utf8)

    /// X6: a processing instruction between stanzas.
    static let x6 = Array((header + "<?xml-stylesheet href='x.xsl'?><presence/>").utf8)
    /// X6: a processing instruction inside a stanza.
    static let x6InStanza = Array((header + "<message><?php echo 1; ?></message>").utf8)

    /// X7: a declared non-UTF-8 encoding, with a Latin-1 byte in the stream.
    static let x7Latin1: [UInt8] =
        Array(("<?xml version='1.0' encoding='ISO-8859-1'?>" + header + "<message><body>caf").utf8)
        + [0xE9] + Array("</body></message>".utf8)
    /// X7: a UTF-16LE byte stream with a byte order mark.
    static let x7UTF16LEWithBOM: [UInt8] = [0xFF, 0xFE] + utf16LE("<?xml version='1.0'?>" + header)
    /// X7: a UTF-16LE byte stream without a byte order mark.
    static let x7UTF16LE: [UInt8] = utf16LE("<?xml version='1.0'?>" + header)
    /// X7: a UTF-16BE byte stream without a byte order mark.
    static let x7UTF16BE: [UInt8] = utf16BE(header)
    /// X7: a declared UTF-16 encoding on UTF-8 bytes.
    static let x7DeclaredUTF16 = Array(("<?xml version='1.0' encoding='UTF-16'?>" + header).utf8)

    /// X8: XML 1.1.
    static let x8 = Array(("<?xml version='1.1'?>" + header + "<presence/>").utf8)

    /// X9: invalid UTF-8 (a lone continuation-less lead byte).
    static let x9InvalidUTF8: [UInt8] =
        Array((header + "<message><body>").utf8) + [0xC3, 0x28]
        + Array("</body></message>".utf8)
    /// X9: an overlong encoding of `/`.
    static let x9Overlong: [UInt8] =
        Array((header + "<message><body>").utf8) + [0xC0, 0xAF]
        + Array("</body></message>".utf8)
    /// X9: an encoded UTF-16 surrogate.
    static let x9Surrogate: [UInt8] =
        Array((header + "<message><body>").utf8) + [0xED, 0xA0, 0x80]
        + Array("</body></message>".utf8)
    /// X9: the character reference `&#0;`.
    static let x9NullReference = Array((header + "<message><body>&#0;</body></message>").utf8)
    /// X9: a raw ESC (0x1B), as in a terminal escape sequence.
    static let x9Escape: [UInt8] =
        Array((header + "<message><body>").utf8) + [0x1B]
        + Array("[31mred</body></message>".utf8)
    /// X9: a raw ESC inside an attribute value.
    static let x9EscapeInAttribute: [UInt8] =
        Array((header + "<message id='").utf8) + [0x1B]
        + Array("'/>".utf8)

    /// X10: 100 000 nested elements.
    static let x10 = Array((header + String(repeating: "<a>", count: 100_000)).utf8)

    /// X11: 50 000 attributes on one element.
    static let x11: [UInt8] = {
        var tag = "<message"
        for index in 0..<50_000 { tag += " a\(index)='\(index)'" }
        return Array((header + tag + "/>").utf8)
    }()

    /// X12: an 11 MiB text node.
    static let x12: [UInt8] =
        Array((header + "<message><body>").utf8)
        + [UInt8](repeating: UInt8(ascii: "x"), count: 11 * 1024 * 1024) + Array("</body></message>".utf8)

    private static func utf16LE(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    private static func utf16BE(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
