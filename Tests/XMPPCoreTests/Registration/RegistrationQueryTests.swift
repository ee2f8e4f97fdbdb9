import Testing
import XMPPCore

@Suite("Registration query shapes and precedence (XEP-0077 §3, §6)")
struct RegistrationQueryTests {
    static func query(_ inner: String) throws -> RegistrationQuery {
        try #require(RegistrationQuery(parsing: TestXML.element("<query xmlns='jabber:iq:register'>\(inner)</query>")))
    }

    static let form = "<x xmlns='jabber:x:data' type='form'><field type='hidden' var='FORM_TYPE'><value>jabber:iq:register</value></field>"
        + "<field var='username' type='text-single'><required/></field><field var='password' type='text-private'><required/></field></x>"
    static let fields = "<username/><password/><email/>"
    static let instructions = "<instructions>Choose a username and password for use with this service.</instructions>"
    static let oob = "<x xmlns='jabber:x:oob'><url>https://www.shakespeare.lit/contests.php</url></x>"

    enum Expected: Equatable { case dataForm(alternative: Bool), legacy(alternative: Bool), redirect, registered, unusable }

    private static func summary(_ method: RegistrationQuery.Method) -> Expected {
        switch method {
        case .dataForm(_, let alternative): .dataForm(alternative: alternative != nil)
        case .legacyFields(_, let alternative): .legacy(alternative: alternative != nil)
        case .redirect: .redirect
        case .alreadyRegistered: .registered
        case .unusable: .unusable
        }
    }

    /// One row per line of the XEP-0077 §6 table (protocols.md §4.4), plus the edge cases.
    @Test("precedence: x:data > iq:register fields > x:oob", arguments: [
        (instructions + fields, Expected.legacy(alternative: false)),
        (form + instructions + fields, .dataForm(alternative: true)),
        (form + fields, .dataForm(alternative: false)),
        (form + instructions, .dataForm(alternative: true)),
        (form + oob, .dataForm(alternative: true)),
        (instructions + form + oob, .dataForm(alternative: true)),
        (instructions + oob, .redirect),
        (fields + oob, .legacy(alternative: true)),
        (instructions, .redirect),
        (oob, .redirect),
        ("<registered/>" + fields, .registered),
        ("<registered/>" + form, .registered),
        ("", .unusable),
        ("<foo xmlns='urn:example:unknown'/>", .unusable),
        ("<x xmlns='jabber:x:data' type='result'/>" + fields, .legacy(alternative: false)),
        ("<x xmlns='jabber:x:data' type='form'><field type='hidden' var='FORM_TYPE'><value>urn:other</value></field></x>" + fields,
         .legacy(alternative: false)),
    ])
    func precedence(inner: String, expected: Expected) throws {
        #expect(Self.summary(try Self.query(inner).method) == expected)
    }

    @Test("legacy fields keep order, values, unknown names and the key")
    func legacy() throws {
        let query = try Self.query(Self.instructions + "<username>bill</username><password/><key>abc123</key><favorite-color/>")
        #expect(query.instructions == "Choose a username and password for use with this service.")
        #expect(query.legacyFields.map(\.name) == ["username", "password", "key", "favorite-color"])
        #expect(query.legacyFields[0].value == "bill")
        #expect(query.legacyFields.map(\.knownName) == [.username, .password, .key, nil])
        #expect(RegistrationQuery.LegacyFieldName.allCases.count == 17)
    }

    @Test("an OOB javascript: URL is kept for display only (R6)")
    func javascriptRedirect() throws {
        let query = try Self.query("<instructions>Register at our site</instructions><x xmlns='jabber:x:oob'><url>javascript:alert(1)</url><desc>Web</desc></x>")
        guard case .redirect(let redirect) = query.method else {
            Issue.record("expected a redirect")
            return
        }
        #expect(redirect.url?.kind == .rejected)
        #expect(redirect.webURL == nil)
        #expect(redirect.hasRejectedURL)
        #expect(redirect.url?.displayText == "javascript:alert(1)")
        #expect(redirect.urlDescription == "Web")
        #expect(redirect.origin == .outOfBand)
    }

    @Test("instructions without OOB: the first https word is the redirect URL (Kaidan's heuristic)", arguments: [
        ("To register, visit http://a.example/x and https://b.example/reg.", "https://b.example/reg", RegistrationRedirect.Origin?.some(.instructions)),
        ("To register, visit http://www.shakespeare.lit/contests.php", "http://www.shakespeare.lit/contests.php", .instructions),
        ("Go to (https://c.example/join)!", "https://c.example/join", .instructions),
        ("Ask the admin. javascript:alert(1)", nil, nil),
    ] as [(String, String?, RegistrationRedirect.Origin?)])
    func instructionsURL(text: String, url: String?, origin: RegistrationRedirect.Origin?) throws {
        let query = try Self.query("<instructions>\(text)</instructions>")
        guard case .redirect(let redirect) = query.method else {
            Issue.record("expected a redirect")
            return
        }
        #expect(redirect.url?.text == url)
        #expect(redirect.origin == origin)
        #expect(redirect.instructions == text)
    }

    @Test("instructions are displayed neutralized")
    func neutralizedInstructions() throws {
        let query = try Self.query("<instructions>Visit\u{1B}[2J https://e.example/\nthanks</instructions>")
        let display = try #require(query.redirect?.displayInstructions)
        #expect(!display.contains("\u{1B}"))
        #expect(display.contains("\n"))
    }

    @Test("ignored namespaces are reported; BoB data inside the query or form is collected; <remove/> read")
    func extras() throws {
        let query = try Self.query(
            "<remove/><foo xmlns='urn:example'/><x xmlns='jabber:x:data' type='form'><data xmlns='urn:xmpp:bob' cid='a'/></x>"
                + "<data xmlns='urn:xmpp:bob' cid='b'/>")
        #expect(query.isRemoval)
        #expect(query.ignoredElements == ["{urn:example}foo"])
        #expect(query.bitsOfBinary.compactMap { $0[attribute: "cid"] } == ["a", "b"])
        #expect(RegistrationQuery(parsing: TestXML.element("<query xmlns='jabber:iq:roster'/>")) == nil)
    }
}
