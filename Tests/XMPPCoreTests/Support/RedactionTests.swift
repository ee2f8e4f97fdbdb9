import Testing
import XMPPCore
import XMPPTestSupport

@Suite("Redaction and terminal neutralization (security.md §6.2, §7.1)")
struct RedactionTests {
    @Test("SASL payloads, passwords, secret form fields and tokens are redacted", arguments: [
        "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHNlY3JldA==</auth>",
        "<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>c2VjcmV0</response>",
        "<iq type='error' id='1'><query xmlns='jabber:iq:register'><username>a</username><password>secret</password></query></iq>",
        "<iq type='set' id='2'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data' type='submit'><field var='password' type='text-private'><value>secret</value></field></x></query></iq>",
        "<iq type='set' id='3'><preauth xmlns='urn:xmpp:pars:0' token='secret'/></iq>",
        "<iq type='result' id='4'><command xmlns='http://jabber.org/protocol/commands'><x xmlns='jabber:x:data' type='result'><field var='uri'><value>xmpp:example.org?register;preauth=secret;ibr=y</value></field></x></command></iq>",
        "<message><body>xmpp:a@example.org?login;password=secret</body></message>",
    ])
    func redacts(xml: String) {
        let redacted = Redaction.redacted(XMLFixture.element(xml)).serialized()
        #expect(!redacted.contains("secret") && !redacted.contains("c2VjcmV0") && !redacted.contains("AGFsaWNl"))
        #expect(redacted.contains(Redaction.placeholder))
    }

    @Test("URI tokens are cut out of text up to the next separator")
    func uriTokens() {
        #expect(Redaction.redactingURITokens("xmpp:e.org?register;preauth=abc;ibr=y") == "xmpp:e.org?register;preauth=[redacted];ibr=y")
        #expect(Redaction.redactingURITokens("a preauth=1 and password=2") == "a preauth=[redacted] and password=[redacted]")
        #expect(Redaction.redactingURITokens("nothing here") == "nothing here")
    }

    @Test("other content is kept")
    func keepsOrdinaryContent() {
        let element = XMLFixture.element("<message to='a@example.org'><body>hello &amp; bye</body></message>")
        #expect(Redaction.redacted(element) == element)
    }

    @Test("escape sequences, C1 controls and bidi overrides are shown, not obeyed", arguments: [
        ("\u{1B}[31mred", "\\u{1B}[31mred"),
        ("a\u{9B}b", "a\\u{9B}b"),
        ("evil\u{202E}txt", "evil\\u{202E}txt"),
        ("line\nbreak", "line\\u{A}break"),
        ("plain text, ünïcödé", "plain text, ünïcödé"),
    ])
    func neutralizes(input: String, expected: String) {
        #expect(TerminalText.neutralized(input) == expected)
    }

    @Test("newlines may be allowed, and the length is bounded")
    func newlinesAndLength() {
        #expect(TerminalText.neutralized("a\nb", allowNewlines: true) == "a\nb")
        #expect(TerminalText.neutralized(String(repeating: "x", count: 50), maximumLength: 10) == "xxxxxxxxxx…")
    }
}
