import Testing
import XMPPCore

@Suite struct JIDTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var input: String
        var localpart: String?
        var domainpart: String
        var resourcepart: String?
        var testDescription: String { input }
    }

    /// RFC 7622 §3.5, the valid examples, with the enforced parts.
    static let rfcValid: [Valid] = [
        Valid(input: "juliet@example.com", localpart: "juliet", domainpart: "example.com"),
        Valid(input: "juliet@example.com/foo", localpart: "juliet", domainpart: "example.com", resourcepart: "foo"),
        Valid(
            input: "juliet@example.com/foo bar", localpart: "juliet", domainpart: "example.com",
            resourcepart: "foo bar"),
        Valid(
            input: "juliet@example.com/foo@bar", localpart: "juliet", domainpart: "example.com",
            resourcepart: "foo@bar"),
        Valid(input: #"foo\20bar@example.com"#, localpart: #"foo\20bar"#, domainpart: "example.com"),
        Valid(input: "fussball@example.com", localpart: "fussball", domainpart: "example.com"),
        Valid(input: "fu\u{DF}ball@example.com", localpart: "fu\u{DF}ball", domainpart: "example.com"),
        Valid(input: "\u{3C0}@example.com", localpart: "\u{3C0}", domainpart: "example.com"),
        Valid(input: "\u{3A3}@example.com/foo", localpart: "\u{3C3}", domainpart: "example.com", resourcepart: "foo"),
        Valid(input: "\u{3C3}@example.com/foo", localpart: "\u{3C3}", domainpart: "example.com", resourcepart: "foo"),
        Valid(input: "\u{3C2}@example.com/foo", localpart: "\u{3C2}", domainpart: "example.com", resourcepart: "foo"),
        Valid(
            input: "king@example.com/\u{265A}", localpart: "king", domainpart: "example.com",
            resourcepart: "\u{265A}"),
        Valid(input: "example.com", domainpart: "example.com"),
        Valid(input: "example.com/foobar", domainpart: "example.com", resourcepart: "foobar"),
        Valid(input: "a.example.com/b@example.net", domainpart: "a.example.com", resourcepart: "b@example.net"),
    ]

    /// Mapping, IDN and IP-literal cases beyond the RFC list.
    static let moreValid: [Valid] = [
        Valid(
            input: "Juliet@Example.COM/Balcony", localpart: "juliet", domainpart: "example.com",
            resourcepart: "Balcony"),
        // Fullwidth localpart: width mapping, then lowercase.
        Valid(
            input: "\u{FF2A}\u{FF55}\u{FF4C}\u{FF49}\u{FF45}\u{FF54}@example.com", localpart: "juliet",
            domainpart: "example.com"),
        // Fullwidth resource is preserved (OpaqueString has no width mapping).
        Valid(input: "a@example.com/\u{FF21}", localpart: "a", domainpart: "example.com", resourcepart: "\u{FF21}"),
        // Non-ASCII space in a resource becomes U+0020.
        Valid(input: "a@example.com/x\u{00A0}y", localpart: "a", domainpart: "example.com", resourcepart: "x y"),
        // NFC in both parts.
        Valid(
            input: "e\u{301}@example.com/e\u{301}", localpart: "\u{E9}", domainpart: "example.com",
            resourcepart: "\u{E9}"),
        // OHM SIGN lowercases to omega before the code point check.
        Valid(input: "\u{2126}@example.com", localpart: "\u{3C9}", domainpart: "example.com"),
        Valid(input: "user@m\u{FC}nchen.example", localpart: "user", domainpart: "m\u{FC}nchen.example"),
        Valid(input: "user@M\u{DC}NCHEN.example", localpart: "user", domainpart: "m\u{FC}nchen.example"),
        Valid(input: "user@xn--mnchen-3ya.example", localpart: "user", domainpart: "m\u{FC}nchen.example"),
        Valid(input: "user@XN--MNCHEN-3YA.EXAMPLE", localpart: "user", domainpart: "m\u{FC}nchen.example"),
        Valid(input: "example.net.", domainpart: "example.net"),
        Valid(input: "A.Example.nEt.", domainpart: "a.example.net"),
        Valid(input: "[::1]", domainpart: "[::1]"),
        Valid(input: "[2001:DB8::1]/r", domainpart: "[2001:db8::1]", resourcepart: "r"),
        Valid(input: "[::ffff:192.0.2.1]", domainpart: "[::ffff:192.0.2.1]"),
        Valid(input: "127.0.0.1", domainpart: "127.0.0.1"),
        Valid(input: "localhost", domainpart: "localhost"),
        // The first "/" starts the resource; the resource may contain "/" and "@".
        Valid(
            input: "mercutio@example.net//@//", localpart: "mercutio", domainpart: "example.net",
            resourcepart: "/@//"),
        // Leading space in a resource: listed as invalid in RFC 7622 §3.5.2, but no rule forbids it
        // (OpaqueString allows U+0020); accepted, as other implementations do.
        Valid(
            input: "juliet@example.com/ foo", localpart: "juliet", domainpart: "example.com",
            resourcepart: " foo"),
        // Hebrew localpart satisfying the Bidi Rule.
        Valid(
            input: "\u{5E9}\u{5DC}\u{5D5}\u{5DD}@example.com", localpart: "\u{5E9}\u{5DC}\u{5D5}\u{5DD}",
            domainpart: "example.com"),
    ]

    @Test("valid JIDs (RFC 7622 §3.5)", arguments: rfcValid + moreValid)
    func validJID(_ example: Valid) throws {
        let jid = try JID(example.input)
        #expect(jid.localpart == example.localpart)
        #expect(jid.domainpart == example.domainpart)
        #expect(jid.resourcepart == example.resourcepart)
        // Enforcement is idempotent: the description parses to the same JID.
        #expect(try JID(jid.description) == jid)
    }

    /// RFC 7622 §3.5, the invalid examples, and more.
    static let invalidExamples: [(String, JIDError)] = [
        ("\"juliet\"@example.com", .invalidLocalpart(.disallowed("\""))),
        ("foo bar@example.com", .invalidLocalpart(.disallowed(" "))),
        ("@example.com/", .emptyLocalpart),
        ("henry\u{2163}@example.com", .invalidLocalpart(.disallowed("\u{2173}"))),  // lowercased, still Nl
        ("\u{265A}@example.com", .invalidLocalpart(.disallowed("\u{265A}"))),
        ("juliet@", .emptyDomainpart),
        ("/foobar", .emptyDomainpart),
        ("", .emptyDomainpart),
        ("@example.com", .emptyLocalpart),
        ("example.com/", .emptyResourcepart),
        ("juliet@example.com/", .emptyResourcepart),
        ("a@b@example.com", .invalidDomainpart(reason: "not-ldh")),
        ("a&b@example.com", .invalidLocalpart(.disallowed("&"))),
        ("a'b@example.com", .invalidLocalpart(.disallowed("'"))),
        ("a:b@example.com", .invalidLocalpart(.disallowed(":"))),
        ("a<b@example.com", .invalidLocalpart(.disallowed("<"))),
        ("a>b@example.com", .invalidLocalpart(.disallowed(">"))),
        ("a\u{0}@example.com", .invalidLocalpart(.disallowed("\u{0}"))),
        ("\u{AA}@example.com", .invalidLocalpart(.disallowed("\u{AA}"))),
        ("\u{FB01}@example.com", .invalidLocalpart(.disallowed("\u{FB01}"))),
        ("a\u{AD}b@example.com", .invalidLocalpart(.disallowed("\u{AD}"))),
        ("\u{5D0}a@example.com", .invalidLocalpart(.bidiRuleViolated)),
        ("\u{661}\u{6F1}@example.com", .invalidLocalpart(.contextRuleFailed("\u{661}"))),
        ("a@example.com/a\u{7}", .invalidResourcepart(.disallowed("\u{7}"))),
        ("a@example.com/\u{FFFD}\u{E000}", .invalidResourcepart(.disallowed("\u{E000}"))),  // private use
        ("a@exa_mple.com", .invalidDomainpart(reason: "not-ldh")),
        ("a@exa mple.com", .invalidDomainpart(reason: "not-ldh")),
        ("a@a..b", .invalidDomainpart(reason: "empty-label")),
        ("a@.example.com", .invalidDomainpart(reason: "empty-label")),
        ("a@example.com..", .invalidDomainpart(reason: "empty-label")),
        ("a@.", .invalidDomainpart(reason: "empty-label")),
        ("a@\u{2603}.net", .invalidDomainpart(reason: "IDN2_DISALLOWED")),
        ("a@-foo.com", .invalidDomainpart(reason: "IDN2_HYPHEN_STARTEND")),
        ("a@[::1", .invalidDomainpart(reason: "invalid-ip-literal")),
        ("a@[1:2:3:4:5:6:7:8:9]", .invalidDomainpart(reason: "invalid-ip-literal")),
        ("a@[1::2::3]", .invalidDomainpart(reason: "invalid-ip-literal")),
        ("a@[127.0.0.1]", .invalidDomainpart(reason: "invalid-ip-literal")),
    ]

    @Test("invalid JIDs", arguments: invalidExamples)
    func invalidJID(_ input: String, _ expected: JIDError) {
        #expect(throws: expected) { try JID(input) }
    }

    @Test("each part is limited to 1023 octets")
    func lengthLimits() throws {
        let exact = String(repeating: "a", count: 1023)
        let over = String(repeating: "a", count: 1024)
        #expect(try JID("\(exact)@example.com").localpart?.utf8.count == 1023)
        #expect(throws: JIDError.localpartTooLong) { try JID("\(over)@example.com") }
        #expect(try JID("example.com/\(exact)").resourcepart?.utf8.count == 1023)
        #expect(throws: JIDError.resourcepartTooLong) { try JID("example.com/\(over)") }
        // Multi-byte: 342 × "é" (2 octets) = 684 octets is fine, 512 × 2 = 1024 is not.
        #expect(throws: JIDError.resourcepartTooLong) {
            try JID("example.com/" + String(repeating: "\u{E9}", count: 512))
        }
        // Fullwidth letters are 3 octets each but map to 1: judged after mapping.
        let fullwidth = String(repeating: "\u{FF41}", count: 1023)
        #expect(try JID("\(fullwidth)@example.com").localpart == exact)
        // Huge inputs are refused before any Unicode work.
        #expect(throws: JIDError.domainpartTooLong) { try JID(String(repeating: "a", count: 100_000)) }
        // A domain name is bounded further by DNS (libidn2: 255 octets, 63 per label).
        let longLabel = String(repeating: "a", count: 64) + ".example"
        #expect(throws: JIDError.self) { try JID(longLabel) }
    }

    @Test("domainASCII is the A-label form for TLS")
    func domainASCII() throws {
        let jid = try JID("user@m\u{FC}nchen.example/r")
        #expect(jid.domainASCII == "xn--mnchen-3ya.example")
        #expect(try JID("Example.COM.").domainASCII == "example.com")
        #expect(try JID("[::1]").domainASCII == "[::1]")
    }

    @Test("bare JID, description and equality")
    func bareAndDescription() throws {
        let full = try JID("Juliet@Example.com/Balcony")
        #expect(full.description == "juliet@example.com/Balcony")
        #expect(full.bare.description == "juliet@example.com")
        #expect(full.bare.isBare)
        #expect(!full.isBare)
        #expect(full.bare == (try JID("JULIET@example.com")))
        #expect(try JID("a@example.com/R") != (try JID("a@example.com/r")))
    }

    @Test("init from parts enforces each part")
    func fromParts() throws {
        let jid = try JID(localpart: "Romeo", domainpart: "Example.net", resourcepart: "orchard")
        #expect(jid.description == "romeo@example.net/orchard")
        #expect(throws: JIDError.emptyLocalpart) { try JID(localpart: "", domainpart: "example.net") }
        #expect(throws: JIDError.emptyResourcepart) {
            try JID(localpart: nil, domainpart: "example.net", resourcepart: "")
        }
        // "@" and "/" are not separators here: they are judged as characters.
        #expect(throws: JIDError.invalidLocalpart(.disallowed("@"))) {
            try JID(localpart: "a@b", domainpart: "example.net")
        }
        #expect(try JID(localpart: nil, domainpart: "example.net", resourcepart: "a/b").resourcepart == "a/b")
    }
}
