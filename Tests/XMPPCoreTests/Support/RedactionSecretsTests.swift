import Testing
import XMPPCore

@Suite("Redaction: secrets and scrubbing")
struct RedactionSecretsTests {
    @Test("secrets(in:) finds what redacted(_:) hides: <password>, secret form fields, token attributes")
    func secretsInElement() {
        let query = Element(
            "query", namespace: Namespace.register,
            children: [
                .element(Element("username", namespace: Namespace.register, text: "alice")),
                .element(Element("password", namespace: Namespace.register, text: "s3cret<&>")),
                .element(
                    Element(
                        "x", namespace: "jabber:x:data",
                        children: [
                            .element(
                                Element(
                                    "field", namespace: "jabber:x:data", attributes: [.init("var", "old_password")],
                                    children: [.element(Element("value", namespace: "jabber:x:data", text: "old-one"))])),
                            .element(
                                Element(
                                    "field", namespace: "jabber:x:data", attributes: [.init("var", "nick")],
                                    children: [.element(Element("value", namespace: "jabber:x:data", text: "Al"))])),
                        ])),
                .element(Element("preauth", namespace: "urn:xmpp:pars:0", attributes: [.init("token", "TOKEN123")])),
            ])
        #expect(Set(Redaction.secrets(in: query)) == ["s3cret<&>", "old-one", "TOKEN123"])
    }

    @Test("SASL payloads are encodings, not secrets to scrub")
    func saslIgnored() {
        let auth = Element("auth", namespace: Namespace.sasl, text: "AGFsaWNlAHB3")
        #expect(Redaction.secrets(in: auth).isEmpty)
    }

    @Test("scrubbed(_:removing:) replaces every occurrence, longest secret first, ignores empty ones")
    func scrubbing() {
        #expect(Redaction.scrubbed("pw hunter2 and hunter2!", removing: ["hunter2", ""]) == "pw [redacted] and [redacted]!")
        #expect(Redaction.scrubbed("abcdef", removing: ["abc", "abcdef"]) == "[redacted]")
        #expect(Redaction.scrubbed("nothing here", removing: []) == "nothing here")
    }
}

@Suite("Redaction: invite tokens in attributes")
struct RedactionPreauthTests {
    @Test("<preauth token='…'/> (XEP-0401) has its token attribute redacted")
    func preauthAttribute() {
        let preauth = Element("preauth", namespace: "urn:xmpp:pars:0", attributes: [.init("token", "TOKEN123")])
        let shown = Redaction.redacted(preauth).serialized(parentNamespace: Namespace.client)
        #expect(!shown.contains("TOKEN123"), "\(shown)")
        #expect(shown.contains("[redacted]"), "\(shown)")
    }
}
