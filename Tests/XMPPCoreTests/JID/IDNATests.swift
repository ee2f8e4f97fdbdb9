import IDNA
import Testing

/// The libidn2 wrapper, including the quirk it works around (architecture.md §4.1 item 5).
@Suite struct IDNATests {
    @Test(
        "toASCII and toUnicode",
        arguments: [
            ("example.com", "example.com", "example.com"),
            ("Example.COM", "example.com", "example.com"),
            ("m\u{FC}nchen.example", "xn--mnchen-3ya.example", "m\u{FC}nchen.example"),
            ("M\u{DC}NCHEN.example", "xn--mnchen-3ya.example", "m\u{FC}nchen.example"),
            ("XN--MNCHEN-3YA.example", "xn--mnchen-3ya.example", "m\u{FC}nchen.example"),
            ("fa\u{DF}.de", "xn--fa-hia.de", "fa\u{DF}.de"),  // non-transitional: ß kept
            ("\u{FF45}\u{FF58}\u{FF41}\u{FF4D}\u{FF50}\u{FF4C}\u{FF45}.com", "example.com", "example.com"),
            ("b\u{FC}cher\u{3002}example", "xn--bcher-kva.example", "b\u{FC}cher.example"),  // ideographic full stop
        ])
    func conversions(_ input: String, _ ascii: String, _ unicode: String) throws {
        #expect(try IDNA.toASCII(input) == ascii)
        #expect(try IDNA.toUnicode(ascii) == unicode)
    }

    /// libidn2 2.3.3 with `IDN2_USE_STD3_ASCII_RULES` turns `exa_mple.com` into `example.com`; the wrapper
    /// does not use that flag and refuses non-LDH output instead.
    @Test("non-LDH ASCII is refused, not deleted", arguments: ["exa_mple.com", "a b.com", "a@b.com", "a*.com"])
    func notLDH(_ input: String) {
        #expect(throws: IDNAError.notLDH) { try IDNA.toASCII(input) }
    }

    @Test("empty labels", arguments: ["", ".", "a..b", ".a", "a."])
    func emptyLabels(_ input: String) {
        #expect(throws: IDNAError.emptyLabel) { try IDNA.toASCII(input) }
    }

    @Test(
        "libidn2 rejections",
        arguments: [
            ("\u{2603}.net", "IDN2_DISALLOWED"),
            ("-foo.com", "IDN2_HYPHEN_STARTEND"),
            ("ab--c.com", "IDN2_2HYPHEN"),
            ("xn--.com", "IDN2_PUNYCODE_BAD_INPUT"),
            (String(repeating: "a", count: 64) + ".com", "IDN2_TOO_BIG_LABEL"),
        ])
    func rejected(_ input: String, _ name: String) {
        #expect {
            try IDNA.toASCII(input)
        } throws: { error in
            guard case .library(_, let actual) = error as? IDNAError else { return false }
            return actual == name
        }
    }

    @Test("NUL is refused before reaching C")
    func nul() {
        #expect(throws: IDNAError.invalidInput) { try IDNA.toASCII("a\u{0}.com") }
        #expect(throws: IDNAError.invalidInput) { try IDNA.toUnicode("a\u{0}.com") }
    }
}
