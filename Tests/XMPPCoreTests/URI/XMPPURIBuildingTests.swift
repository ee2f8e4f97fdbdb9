import Testing
import XMPPCore

@Suite("XMPPURI: building with tricky JIDs and values")
struct XMPPURIBuildingTests {
    /// Parts to build from, and the IRI and URI the builder must write.
    struct Case: CustomTestStringConvertible, Sendable {
        var uri: XMPPURI
        var iri: String
        var ascii: String?
        var testDescription: String { iri }
    }

    static let cases: [Case] = [
        Case(
            uri: XMPPURI(localpart: "jiři", domain: "čechy.example", resource: "v Praze"),
            iri: "xmpp:jiři@čechy.example/v%20Praze",
            ascii: "xmpp:ji%C5%99i@%C4%8Dechy.example/v%20Praze"
        ),
        Case(
            uri: XMPPURI(localpart: "用户", domain: "例子.测试"),
            iri: "xmpp:用户@例子.测试",
            ascii: "xmpp:%E7%94%A8%E6%88%B7@%E4%BE%8B%E5%AD%90.%E6%B5%8B%E8%AF%95"
        ),
        // An IDN domain in A-label form stays as written.
        Case(uri: XMPPURI(localpart: "anna", domain: "xn--mnchen-3ya.example"), iri: "xmpp:anna@xn--mnchen-3ya.example"),
        Case(
            uri: XMPPURI(localpart: "anna", domain: "münchen.example"),
            iri: "xmpp:anna@münchen.example", ascii: "xmpp:anna@m%C3%BCnchen.example"
        ),
        // "+" is a literal plus: unencoded in the localpart (nodeallow), %2B in a query value.
        Case(uri: XMPPURI(localpart: "alice+tag", domain: "example.org"), iri: "xmpp:alice+tag@example.org"),
        Case(
            uri: XMPPURI(domain: "example.org", action: .message, parameters: [.init("body", "1+1 = 2")]),
            iri: "xmpp:example.org?message;body=1%2B1%20%3D%202"
        ),
        // "&" and "'" are not allowed in a localpart's IRI form (nodeallow) but are in a resource (resallow).
        // RFC 7622 §3.3.1 forbids ' and & in localparts; resources may hold them.
        Case(
            uri: XMPPURI(localpart: "dartagnan", domain: "example.org", resource: "d'artagnan&co"),
            iri: "xmpp:dartagnan@example.org/d'artagnan&co"
        ),
        Case(
            uri: XMPPURI(localpart: "u", domain: "example.org", resource: "Tom & Jerry's/phone"),
            iri: "xmpp:u@example.org/Tom%20&%20Jerry's%2Fphone"
        ),
        Case(
            uri: XMPPURI(localpart: "u", domain: "example.org", resource: "a/b/c"),
            iri: "xmpp:u@example.org/a%2Fb%2Fc"
        ),
        Case(
            uri: XMPPURI(localpart: "u", domain: "example.org", resource: "100%?#"),
            iri: "xmpp:u@example.org/100%25%3F%23"
        ),
        // Query values: separators, spaces, newlines and Unicode.
        Case(
            uri: XMPPURI(
                localpart: "romeo", domain: "montague.net", action: .message,
                parameters: [.init("body", "a;b=c&d#e%f 'g'\nh"), .init("subject", "Grüße 🙂")]
            ),
            iri: "xmpp:romeo@montague.net?message;body=a%3Bb%3Dc%26d%23e%25f%20%27g%27%0Ah;subject=Grüße%20🙂",
            ascii:
                "xmpp:romeo@montague.net?message;body=a%3Bb%3Dc%26d%23e%25f%20%27g%27%0Ah;subject=Gr%C3%BC%C3%9Fe%20%F0%9F%99%82"
        ),
        Case(
            uri: XMPPURI(domain: "example.org", action: .command, parameters: [.init("node", "http://jabber.org/protocol/admin#add-user")]),
            iri: "xmpp:example.org?command;node=http://jabber.org/protocol/admin%23add-user"
        ),
        // Bidi controls are percent-encoded even in the IRI form (PRECIS forbids them in JIDs; values may hold them).
        Case(
            uri: XMPPURI(domain: "example.org", action: .message, parameters: [.init("body", "a\u{202E}b")]),
            iri: "xmpp:example.org?message;body=a%E2%80%AEb"
        ),
        // An action that looks like a pair is encoded, so it stays an action.
        Case(uri: XMPPURI(domain: "example.org", action: "x=y"), iri: "xmpp:example.org?x%3Dy"),
        Case(
            uri: XMPPURI(localpart: "support", domain: "example.com", action: .message, authority: "guest@example.com"),
            iri: "xmpp://guest@example.com/support@example.com?message"
        ),
        Case(uri: XMPPURI(localpart: "u", domain: "[2001:db8::1]", resource: "r"), iri: "xmpp:u@[2001:db8::1]/r"),
        Case(
            uri: XMPPURI(domain: "example.org", fragment: "a b#c"),
            iri: "xmpp:example.org#a%20b%23c"
        ),
    ]

    @Test("builds the expected text and parses back to the same parts", arguments: cases)
    func build(example: Case) throws {
        #expect(example.uri.iriString == example.iri)
        #expect(example.uri.uriString == (example.ascii ?? example.iri))
        #expect(try XMPPURI(parsing: example.uri.iriString) == example.uri)
        #expect(try XMPPURI(parsing: example.uri.uriString) == example.uri)
    }

    static let jidTexts: [(String, String?, String, String?)] = [
        ("example.com", nil, "example.com", nil),
        ("juliet@example.com", "juliet", "example.com", nil),
        ("juliet@example.com/balcony", "juliet", "example.com", "balcony"),
        ("juliet@example.com/a/b@c", "juliet", "example.com", "a/b@c"),
        ("example.com/res@x", nil, "example.com", "res@x"),
        ("jiři@čechy.example/v Praze", "jiři", "čechy.example", "v Praze"),
    ]

    @Test("JID text is split as RFC 7622 §3.1 describes", arguments: jidTexts)
    func splitJID(text: String, localpart: String?, domain: String, resource: String?) throws {
        let uri = try XMPPURI(jid: text)
        #expect(uri.localpart == localpart)
        #expect(uri.domain == domain)
        #expect(uri.resource == resource)
        #expect(uri.jid == text)
    }

    @Test("malformed JID text is refused", arguments: [
        ("", XMPPURIError.missingDomain), ("@example.com", .emptyLocalpart), ("a@", .missingDomain),
        ("a@example.com/", .emptyResource), ("a@b@c", .unexpectedAtSign),
    ])
    func invalidJID(text: String, error: XMPPURIError) {
        #expect(throws: error) { try XMPPURI(jid: text) }
    }

    @Test("invitation builders (XEP-0379, XEP-0401, XEP-0445)")
    func invitations() throws {
        #expect(XMPPURI.makeAccountInvite(domain: "example.com", token: "T").iriString == "xmpp:example.com?register;preauth=T")
        #expect(
            XMPPURI.makeAccountInvite(domain: "example.com", username: "juliet", token: "T").iriString
                == "xmpp:juliet@example.com?register;preauth=T"
        )
        let contact = try XMPPURI.makeContactInvite(
            jid: "romeo@montague.net/orchard", token: "1tMFqYDdKhfe2pwp", allowsRegistration: true, name: "Romeo Montague"
        )
        #expect(contact.iriString == "xmpp:romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;ibr=y;name=Romeo%20Montague")
        #expect(contact.offersRegistration)
        #expect(contact.preauthToken == "1tMFqYDdKhfe2pwp")
        #expect(contact.proposedName == "Romeo Montague")
        let addMe = try XMPPURI.makeContactInvite(jid: "romeo@montague.net")
        #expect(addMe.iriString == "xmpp:romeo@montague.net?roster")
        #expect(!addMe.offersRegistration)
        #expect(try XMPPURI.makeMessage(to: "romeo@montague.net", body: "Hi!").iriString == "xmpp:romeo@montague.net?message;body=Hi%21")
        #expect(
            try XMPPURI.makeJoin(room: "darkcave@chat.shakespeare.lit", password: "cauldronburn").iriString
                == "xmpp:darkcave@chat.shakespeare.lit?join;password=cauldronburn"
        )
        #expect(try XMPPURI(parsing: "xmpp:example.com?register").offersRegistration)
        #expect(!(try XMPPURI(parsing: "xmpp:romeo@example.com?roster;preauth=T;ibr=n").offersRegistration))
    }

    @Test("Kaidan's non-standard login URI")
    func login() throws {
        let uri = try XMPPURI.makeLogin(jid: "user@example.org", password: "p@ss;word=+ 1")
        #expect(uri.iriString == "xmpp:user@example.org?login;password=p@ss%3Bword%3D%2B%201")
        #expect(try XMPPURI(parsing: uri.iriString).loginPassword == "p@ss;word=+ 1")
        #expect(!uri.action.map(\.isRegistered)!)
        #expect(try XMPPURI.makeLogin(jid: "user@example.org", password: nil).iriString == "xmpp:user@example.org?login")
        #expect(try XMPPURI(parsing: "xmpp:user@example.org?message;password=x").loginPassword == nil)
    }

    @Test("description redacts passwords and invite tokens")
    func redaction() throws {
        let uri = try XMPPURI(parsing: "xmpp:user@example.org?login;password=hunter2")
        #expect(uri.description == "xmpp:user@example.org?login;password=<redacted>")
        #expect(!"\(uri)".contains("hunter2"))
        #expect(!String(reflecting: uri).contains("hunter2"))
        #expect(uri.containsSecret)
        let invite = XMPPURI.makeAccountInvite(domain: "example.com", token: "SECRET")
        #expect(!invite.description.contains("SECRET"))
        #expect(!(try XMPPURI(parsing: "xmpp:romeo@montague.net?roster").containsSecret))
    }
}
