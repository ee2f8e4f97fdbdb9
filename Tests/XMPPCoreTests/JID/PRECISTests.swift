import Testing
import XMPPCore

@Suite struct PRECISTests {
    // MARK: - UsernameCaseMapped (RFC 8265 §3.3)

    static let usernameMappings: [(String, String)] = [
        ("juliet", "juliet"),
        ("JULIET", "juliet"),
        ("\u{FF2A}uliet", "juliet"),  // fullwidth J: width mapping, then lowercase
        ("\u{FF8A}\u{FF9F}", "\u{30D1}"),  // halfwidth katakana HA + semi-voiced mark → PA after NFC
        ("\u{3A3}\u{391}\u{3A3}", "\u{3C3}\u{3B1}\u{3C3}"),  // no Final_Sigma context
        ("Fu\u{DF}ball", "fu\u{DF}ball"),  // ß is PVALID (RFC 5892 exception), not folded to "ss"
        ("\u{130}", "i\u{307}"),  // İ → i + combining dot (full lowercase mapping)
        ("Ce\u{301}cile", "c\u{E9}cile"),  // NFC
        ("\u{AC00}", "\u{AC00}"),  // precomposed Hangul syllable
        ("\u{1100}\u{1161}", "\u{AC00}"),  // conjoining jamo compose under NFC before the check
        ("col\u{B7}la", "col\u{B7}la"),  // Catalan middle dot between two l (A.3)
        ("\u{375}\u{3B1}", "\u{375}\u{3B1}"),  // Greek keraia followed by Greek (A.4)
        ("\u{5D0}\u{5F3}", "\u{5D0}\u{5F3}"),  // Hebrew geresh after Hebrew (A.5)
        ("\u{30AB}\u{30FB}\u{30CA}", "\u{30AB}\u{30FB}\u{30CA}"),  // katakana middle dot with katakana (A.7)
        ("\u{915}\u{94D}\u{200D}\u{937}", "\u{915}\u{94D}\u{200D}\u{937}"),  // ZWJ after virama (A.2)
        // Persian with ZERO WIDTH NON-JOINER between two dual-joining letters (A.1).
        ("\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{645}", "\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{645}"),
        ("\u{645}\u{62B}\u{627}\u{644}", "\u{645}\u{62B}\u{627}\u{644}"),  // Arabic: Bidi Rule holds
        ("\u{645}\u{62B}\u{627}\u{644}123", "\u{645}\u{62B}\u{627}\u{644}123"),  // RTL ending in EN
        ("\u{5E9}\u{5B8}\u{5DC}", "\u{5E9}\u{5B8}\u{5DC}"),  // Hebrew with a point (NSM)
        (#"foo\20bar"#, #"foo\20bar"#),  // XEP-0106 escapes are ordinary ASCII
        ("!#$%*+-.=?^_`{|}~", "!#$%*+-.=?^_`{|}~"),  // ASCII7 punctuation is PVALID
    ]

    @Test("UsernameCaseMapped mappings", arguments: usernameMappings)
    func usernameMapping(_ input: String, _ expected: String) throws {
        let enforced = try PRECIS.usernameCaseMapped(input)
        #expect(Array(enforced.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(try PRECIS.usernameCaseMapped(enforced) == enforced, "idempotent")
    }

    /// U+FDD0, a noncharacter (Swift refuses noncharacters in literals).
    static let noncharacter = Unicode.Scalar(0xFDD0)!

    static let usernameRejections: [(String, PRECISError)] = [
        ("", .empty),
        ("foo bar", .disallowed(" ")),
        ("\u{3000}", .disallowed(" ")),  // ideographic space maps to U+0020
        ("\u{AA}", .disallowed("\u{AA}")),  // HasCompat
        ("\u{FB01}", .disallowed("\u{FB01}")),  // ligature: HasCompat
        ("\u{17F}", .disallowed("\u{17F}")),  // long s: HasCompat, also changes under case folding
        ("\u{B5}", .disallowed("\u{B5}")),  // micro sign: HasCompat (→ μ), already lowercase
        ("\u{2163}", .disallowed("\u{2173}")),  // Roman numeral: lowercased, still Nl
        ("\u{1D400}", .disallowed("\u{1D400}")),  // mathematical bold A: HasCompat
        ("\u{2460}", .disallowed("\u{2460}")),  // circled digit: No
        ("\u{265A}", .disallowed("\u{265A}")),  // symbol
        ("a\u{AD}b", .disallowed("\u{AD}")),  // soft hyphen: default ignorable
        ("a\u{200B}b", .disallowed("\u{200B}")),  // zero width space: default ignorable
        ("a\u{1}b", .disallowed("\u{1}")),  // control
        ("\u{378}", .disallowed("\u{378}")),  // unassigned
        ("\u{E000}", .disallowed("\u{E000}")),  // private use
        (String(noncharacter), .disallowed(noncharacter)),
        ("\u{1100}", .disallowed("\u{1100}")),  // conjoining Hangul jamo (alone: nothing to compose)
        ("\u{640}", .disallowed("\u{640}")),  // RFC 5892 exception: DISALLOWED
        ("co\u{B7}lla", .contextRuleFailed("\u{B7}")),  // A.3
        ("\u{375}a", .contextRuleFailed("\u{375}")),  // A.4
        ("a\u{5F3}", .contextRuleFailed("\u{5F3}")),  // A.5
        ("\u{30FB}", .contextRuleFailed("\u{30FB}")),  // A.7
        ("a\u{200D}b", .contextRuleFailed("\u{200D}")),  // A.2
        ("a\u{200C}b", .contextRuleFailed("\u{200C}")),  // A.1
        ("\u{660}\u{6F0}", .contextRuleFailed("\u{660}")),  // A.8
        ("\u{5D0}a", .bidiRuleViolated),  // L in an RTL string
        ("1\u{5D0}", .bidiRuleViolated),  // must start with R or AL
        ("\u{627}1\u{661}", .bidiRuleViolated),  // EN and AN together
        ("\u{5D0}!", .bidiRuleViolated),  // RTL must end in R, AL, EN or AN
    ]

    @Test("UsernameCaseMapped rejections", arguments: usernameRejections)
    func usernameRejection(_ input: String, _ expected: PRECISError) {
        #expect(throws: expected) { try PRECIS.usernameCaseMapped(input) }
    }

    // MARK: - OpaqueString (RFC 8265 §4.2)

    /// The SASLprep examples of RFC 4013 §3 (security.md §3.7) under OpaqueString, which replaced
    /// SASLprep: no NFKC, no mapping of soft hyphen to nothing (it is disallowed), no Bidi Rule.
    static let rfc4013Examples: [(input: String, saslprep: String?, opaqueString: String?)] = [
        ("I\u{AD}X", "IX", nil),
        ("user", "user", "user"),
        ("USER", "USER", "USER"),
        ("\u{AA}", "a", "\u{AA}"),
        ("\u{2168}", "IX", "\u{2168}"),
        ("\u{7}", nil, nil),
        ("\u{627}1", nil, "\u{627}1"),
    ]

    @Test("RFC 4013 §3 examples under OpaqueString", arguments: rfc4013Examples)
    func rfc4013(_ example: (input: String, saslprep: String?, opaqueString: String?)) {
        let result = try? PRECIS.opaqueString(example.input)
        #expect(result == example.opaqueString)
    }

    static let opaqueMappings: [(String, String)] = [
        ("correct horse battery staple", "correct horse battery staple"),
        ("Pass\u{A0}word", "Pass word"),  // non-ASCII space → U+0020
        ("\u{3000}", " "),
        ("\u{FF30}assword", "\u{FF30}assword"),  // width preserved
        ("PaSsWoRd", "PaSsWoRd"),  // case preserved
        ("a\u{30A}", "\u{E5}"),  // NFC
        ("\u{212B}", "\u{C5}"),  // canonical singleton
        ("\u{265A}\u{2163}\u{FB01}", "\u{265A}\u{2163}\u{FB01}"),  // symbols, numerals, compatibility
        ("\u{1F600}", "\u{1F600}"),  // emoji (So)
    ]

    @Test("OpaqueString mappings", arguments: opaqueMappings)
    func opaqueMapping(_ input: String, _ expected: String) throws {
        let enforced = try PRECIS.opaqueString(input)
        #expect(Array(enforced.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(try PRECIS.opaqueString(enforced) == enforced, "idempotent")
    }

    static let opaqueRejections: [(String, PRECISError)] = [
        ("", .empty),
        ("tab\there", .disallowed("\t")),
        ("new\nline", .disallowed("\n")),
        ("a\u{AD}b", .disallowed("\u{AD}")),
        ("a\u{200B}b", .disallowed("\u{200B}")),
        ("\u{2028}", .disallowed("\u{2028}")),
        ("\u{E000}", .disallowed("\u{E000}")),
        ("\u{378}", .disallowed("\u{378}")),
        ("a\u{200D}b", .contextRuleFailed("\u{200D}")),
    ]

    @Test("OpaqueString rejections", arguments: opaqueRejections)
    func opaqueRejection(_ input: String, _ expected: PRECISError) {
        #expect(throws: expected) { try PRECIS.opaqueString(input) }
    }
}
