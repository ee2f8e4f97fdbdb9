import Testing
import XMPPCore

@Suite("XMPPURI: parsing and round trips (RFC 5122, XEP-0147 and friends)")
struct XMPPURIParsingTests {
    /// A parse expectation: the input, the decoded parts, and the canonical IRI the builder writes back.
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var localpart: String?
        var domain: String
        var resource: String?
        var action: XMPPURI.Action?
        var parameters: [XMPPURI.Parameter] = []
        var authority: String?
        /// The canonical IRI when it differs from the input.
        var canonical: String?
        var testDescription: String { input }
    }

    static let specificationExamples: [Case] = [
        // RFC 5122 §2.2–§2.7
        Case(input: "xmpp:node@example.com", localpart: "node", domain: "example.com"),
        Case(input: "xmpp:example.com", domain: "example.com"),
        Case(
            input: "xmpp:example-node@example.com/some-resource",
            localpart: "example-node", domain: "example.com", resource: "some-resource"
        ),
        Case(
            input: "xmpp://guest@example.com/support@example.com?message",
            localpart: "support", domain: "example.com", action: .message, authority: "guest@example.com"
        ),
        Case(
            input: "xmpp:example-node@example.com?message;subject=Hello%20World",
            localpart: "example-node", domain: "example.com", action: .message,
            parameters: [.init("subject", "Hello World")]
        ),
        Case(
            input: "xmpp:nasty!%23$%25()*+,-.;=%3F%5B%5C%5D%5E_%60%7B%7C%7D~node@example.com",
            localpart: "nasty!#$%()*+,-.;=?[\\]^_`{|}~node", domain: "example.com"
        ),
        Case(
            input:
                "xmpp:node@example.com/repulsive%20!%23%22$%25&'()*+,-.%2F:;%3C=%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D~resource",
            localpart: "node", domain: "example.com",
            resource: "repulsive !#\"$%&'()*+,-./:;<=>?@[\\]^_`{|}~resource"
        ),
        Case(
            input: "xmpp:ji%C5%99i@%C4%8Dechy.example/v%20Praze",
            localpart: "jiři", domain: "čechy.example", resource: "v Praze",
            canonical: "xmpp:jiři@čechy.example/v%20Praze"
        ),
        Case(
            input: "xmpp:jiři@čechy.example/v%20Praze",
            localpart: "jiři", domain: "čechy.example", resource: "v Praze"
        ),
        // XEP-0147 §2
        Case(
            input: "xmpp:romeo@montague.net?message;subject=Test%20Message;body=Here%27s%20a%20test%20message",
            localpart: "romeo", domain: "montague.net", action: .message,
            parameters: [.init("subject", "Test Message"), .init("body", "Here's a test message")]
        ),
        Case(
            input: "xmpp:romeo@montague.net?roster;name=Romeo%20Montague;group=Friends",
            localpart: "romeo", domain: "montague.net", action: .roster,
            parameters: [.init("name", "Romeo Montague"), .init("group", "Friends")]
        ),
        Case(input: "xmpp:romeo@montague.net?subscribe", localpart: "romeo", domain: "montague.net", action: .subscribe),
        Case(input: "xmpp:romeo@montague.net?remove", localpart: "romeo", domain: "montague.net", action: .remove),
        // XEP-0045 §15.2
        Case(
            input: "xmpp:darkcave@chat.shakespeare.lit?join",
            localpart: "darkcave", domain: "chat.shakespeare.lit", action: .join
        ),
        Case(
            input: "xmpp:darkcave@chat.shakespeare.lit?join;password=cauldronburn",
            localpart: "darkcave", domain: "chat.shakespeare.lit", action: .join,
            parameters: [.init("password", "cauldronburn")]
        ),
        Case(
            input: "xmpp:darkcave@chat.shakespeare.lit?invite;jid=hag66@shakespeare.lit;password=cauldronburn",
            localpart: "darkcave", domain: "chat.shakespeare.lit", action: .invite,
            parameters: [.init("jid", "hag66@shakespeare.lit"), .init("password", "cauldronburn")]
        ),
        // XEP-0077 §11, XEP-0050 §6, XEP-0060 §12.21
        Case(input: "xmpp:marlowe.shakespeare.lit?register", domain: "marlowe.shakespeare.lit", action: .register),
        Case(
            input: "xmpp:montague.net?command;node=stats",
            domain: "montague.net", action: .command, parameters: [.init("node", "stats")]
        ),
        Case(
            input: "xmpp:pubsub.shakespeare.lit?pubsub;action=subscribe;node=princely_musings",
            domain: "pubsub.shakespeare.lit", action: .pubsub,
            parameters: [.init("action", "subscribe"), .init("node", "princely_musings")]
        ),
        // XEP-0445 §3 / protocols.md §8.5
        Case(
            input: "xmpp:juliet@example.com?register;preauth=TOKEN",
            localpart: "juliet", domain: "example.com", action: .register, parameters: [.init("preauth", "TOKEN")]
        ),
        Case(
            input: "xmpp:example.com?register;preauth=TOKEN",
            domain: "example.com", action: .register, parameters: [.init("preauth", "TOKEN")]
        ),
        Case(
            input: "xmpp:romeo@example.com?roster;preauth=TOKEN;ibr=y",
            localpart: "romeo", domain: "example.com", action: .roster,
            parameters: [.init("preauth", "TOKEN"), .init("ibr", "y")]
        ),
        // XEP-0379 §3: "+" is a literal plus here (issue 6), so the builder writes %2B.
        Case(
            input: "xmpp:romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;name=Romeo+Montague",
            localpart: "romeo", domain: "montague.net", action: .roster,
            parameters: [.init("preauth", "1tMFqYDdKhfe2pwp"), .init("name", "Romeo+Montague")],
            canonical: "xmpp:romeo@montague.net?roster;preauth=1tMFqYDdKhfe2pwp;name=Romeo%2BMontague"
        ),
        // XEP-0434 §3
        Case(
            input: "xmpp:bob@example.com?trust-message;encryption=urn:xmpp:omemo:2;trust=6850019d7ed0feb6d3823072498ceb4f616c6025586f8f666dc6b9c81ef7e0a4;distrust=221a4f8e228b72182b006e5ca527d3bddccf8d9e6feaf4ce96e1c451e8648020",
            localpart: "bob", domain: "example.com", action: .trustMessage,
            parameters: [
                .init("encryption", "urn:xmpp:omemo:2"),
                .init("trust", "6850019d7ed0feb6d3823072498ceb4f616c6025586f8f666dc6b9c81ef7e0a4"),
                .init("distrust", "221a4f8e228b72182b006e5ca527d3bddccf8d9e6feaf4ce96e1c451e8648020"),
            ]
        ),
        // Kaidan (non-standard)
        Case(
            input: "xmpp:user@example.org?login;password=abc",
            localpart: "user", domain: "example.org", action: .login, parameters: [.init("password", "abc")]
        ),
        // Conversations' OMEMO form: no action, the query starts with a pair.
        Case(
            input: "xmpp:alice@example.org?omemo-sid-1234=0a1b;omemo-sid-99=ffee",
            localpart: "alice", domain: "example.org",
            parameters: [.init("omemo-sid-1234", "0a1b"), .init("omemo-sid-99", "ffee")]
        ),
        // Odd but valid shapes
        Case(input: "XMPP:Romeo@Montague.NET", localpart: "Romeo", domain: "Montague.NET", canonical: "xmpp:Romeo@Montague.NET"),
        Case(input: "xmpp:[2001:db8::1]", domain: "[2001:db8::1]"),
        Case(input: "xmpp:user@192.0.2.1/phone", localpart: "user", domain: "192.0.2.1", resource: "phone"),
        Case(
            input: "xmpp:example.com?message;body",
            domain: "example.com", action: .message, parameters: [.init("body", "")],
            canonical: "xmpp:example.com?message;body="
        ),
        Case(
            input: "xmpp:example.com?message;;body=x;",
            domain: "example.com", action: .message, parameters: [.init("body", "x")],
            canonical: "xmpp:example.com?message;body=x"
        ),
    ]

    @Test("specification examples parse into their parts", arguments: specificationExamples)
    func parse(example: Case) throws {
        let uri = try XMPPURI(parsing: example.input)
        #expect(uri.localpart == example.localpart)
        #expect(uri.domain == example.domain)
        #expect(uri.resource == example.resource)
        #expect(uri.action == example.action)
        #expect(uri.parameters == example.parameters)
        #expect(uri.authority == example.authority)
    }

    @Test("specification examples build back to the same text", arguments: specificationExamples)
    func roundTrip(example: Case) throws {
        let uri = try XMPPURI(parsing: example.input)
        #expect(uri.iriString == (example.canonical ?? example.input))
        #expect(try XMPPURI(parsing: uri.iriString) == uri)
        #expect(try XMPPURI(parsing: uri.uriString) == uri)
        #expect(uri.uriString.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("the ASCII form of the RFC 5122 IRI example is the RFC's URI")
    func iriToURI() throws {
        let uri = try XMPPURI(parsing: "xmpp:jiři@čechy.example/v%20Praze")
        #expect(uri.uriString == "xmpp:ji%C5%99i@%C4%8Dechy.example/v%20Praze")
    }

    static let invalid: [(String, XMPPURIError)] = [
        ("mailto:romeo@montague.net", .notXMPPScheme),
        ("xmpp", .notXMPPScheme),
        ("xmpp:", .missingDomain),
        ("xmpp:user@", .missingDomain),
        ("xmpp:?message", .missingDomain),
        ("xmpp://guest@example.com", .missingDomain),
        ("xmpp:@example.com", .emptyLocalpart),
        ("xmpp:user@example.com/", .emptyResource),
        ("xmpp:a@b@example.com", .unexpectedAtSign),
        ("xmpp:romeo montague@example.com", .invalidCharacter(" ")),
        ("xmpp:example.com?message;body=two words", .invalidCharacter(" ")),
        ("xmpp:example.com?message;body=a\nb", .invalidCharacter("\n")),
        ("xmpp:example.com?message;body=<b>", .invalidCharacter("<")),
        ("xmpp:evil\u{202E}moc.example", .invalidCharacter("\u{202E}")),
        ("xmpp:user%2@example.com", .invalidPercentEncoding),
        ("xmpp:user%ZZ@example.com", .invalidPercentEncoding),
        ("xmpp:example.com?message;body=%", .invalidPercentEncoding),
        ("xmpp:%FF@example.com", .invalidUTF8),
        ("xmpp:%C3@example.com", .invalidUTF8),
        ("xmpp:example.com?message;=x", .emptyQueryKey),
    ]

    @Test("malformed URIs are refused with a precise error", arguments: invalid)
    func invalidURI(input: String, error: XMPPURIError) {
        #expect(throws: error) { try XMPPURI(parsing: input) }
    }

    @Test("encoded separators stay inside their part")
    func encodedSeparators() throws {
        let uri = try XMPPURI(parsing: "xmpp:ab@example.com/x%2Fy%3Fz%40w?message;body=%3B%3D%26%23")
        #expect(uri.localpart == "ab")
        #expect(uri.resource == "x/y?z@w")
        #expect(uri.value(for: "body") == ";=&#")
    }

    @Test("JIDs that break RFC 7622 are refused", arguments: [
        "xmpp:a%40b@example.com", "xmpp:d'artagnan@example.org", "xmpp:a%E2%80%AEb@example.org",
        "xmpp:user@exa_mple.org",
    ])
    func invalidJIDs(input: String) {
        #expect(throws: XMPPURIError.self) { try XMPPURI(parsing: input) }
        do {
            _ = try XMPPURI(parsing: input)
        } catch {
            if case .invalidJID = error {} else if case .invalidCharacter = error {} else {
                Issue.record("\(input): \(error)")
            }
        }
    }

    @Test("a raw slash after the first one belongs to the resource")
    func slashInResource() throws {
        let uri = try XMPPURI(parsing: "xmpp:user@example.com/a/b/c")
        #expect(uri.resource == "a/b/c")
        #expect(uri.iriString == "xmpp:user@example.com/a%2Fb%2Fc")
    }

    @Test("fragments are kept and decoded")
    func fragment() throws {
        let uri = try XMPPURI(parsing: "xmpp:example.com?disco;type=get;request=info#top%20part")
        #expect(uri.fragment == "top part")
        #expect(uri.iriString == "xmpp:example.com?disco;type=get;request=info#top%20part")
    }

    @Test("reading parameters")
    func parameters() throws {
        let uri = try XMPPURI(
            parsing: "xmpp:bob@example.com?trust-message;encryption=urn:xmpp:omemo:2;trust=aa;trust=bb;distrust=cc"
        )
        #expect(uri.value(for: "trust") == "aa")
        #expect(uri.values(for: "trust") == ["aa", "bb"])
        #expect(uri.value(for: "nothing") == nil)
        #expect(uri.jid == "bob@example.com")
        #expect(uri.bareJID == "bob@example.com")
    }

    @Test("registered and unregistered actions")
    func registeredActions() {
        for action: XMPPURI.Action in [.message, .roster, .join, .register, .command] {
            #expect(action.isRegistered)
        }
        #expect(!XMPPURI.Action.login.isRegistered)
        #expect(!XMPPURI.Action.trustMessage.isRegistered)
        #expect(!XMPPURI.Action("frobnicate").isRegistered)
    }
}
