import Testing
import XMPPCore

@Suite("XMPPURI: https landing links")
struct LandingLinkTests {
    @Test("xmpp.link wraps the URI without its scheme in the fragment")
    func build() throws {
        let uri = try XMPPURI(parsing: "xmpp:romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;ibr=y")
        #expect(uri.landingLink() == "https://xmpp.link/#romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;ibr=y")
        #expect(try XMPPURI(landingLink: uri.landingLink()) == uri)
        #expect(
            uri.landingLink(page: "https://invite.example.org/#old")
                == "https://invite.example.org/#romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;ibr=y"
        )
    }

    @Test("Unicode JIDs are percent-encoded in the link")
    func unicode() throws {
        let uri = XMPPURI(localpart: "jiři", domain: "čechy.example", action: .roster)
        #expect(uri.landingLink() == "https://xmpp.link/#ji%C5%99i@%C4%8Dechy.example?roster")
        #expect(try XMPPURI(landingLink: uri.landingLink()) == uri)
    }

    static let recognised: [(String, String)] = [
        (
            "https://juicyxmpp.example/i/#romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;name=Romeo+Montague",
            "xmpp:romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;name=Romeo%2BMontague"
        ),
        ("https://i.kaidan.im/#alice@example.org", "xmpp:alice@example.org"),
        ("HTTPS://xmpp.link/#example.com?register;preauth=T", "xmpp:example.com?register;preauth=T"),
        (
            "https://conversations.im/i/alice@example.org?omemo-sid-12=ab01&omemo-sid-34=cd23",
            "xmpp:alice@example.org?omemo-sid-12=ab01;omemo-sid-34=cd23"
        ),
        ("https://conversations.im/i/alice@example.org", "xmpp:alice@example.org"),
        ("https://conversations.im/j/room@conference.example.org", "xmpp:room@conference.example.org?join"),
    ]

    @Test("recognised landing links", arguments: recognised)
    func parse(link: String, expected: String) throws {
        #expect(try XMPPURI(landingLink: link).iriString == expected)
    }

    @Test("links that carry no xmpp: URI", arguments: [
        "http://xmpp.link/#romeo@montague.net", "https://xmpp.link/", "https://xmpp.link/#",
        "https://example.org/invite/TOKEN/", "https://conversations.im/x/alice@example.org", "https://conversations.im/i/",
        "xmpp:romeo@montague.net",
    ])
    func notLandingLinks(link: String) {
        #expect(throws: XMPPURIError.notALandingLink) { try XMPPURI(landingLink: link) }
    }

    @Test("a fragment that is not a valid URI body reports the URI error")
    func badFragment() {
        #expect(throws: XMPPURIError.missingDomain) { try XMPPURI(landingLink: "https://xmpp.link/#?roster") }
    }
}
