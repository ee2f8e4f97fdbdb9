import XMPPCore

/// A realistic server-to-client stream: header, features, an IQ result, a message with entities, character
/// references, non-ASCII text, CRLF line ends and CDATA, prefixed and undeclared namespaces, whitespace
/// keepalives, an empty presence, and the close.
enum Transcript {
    static let text = """
        <?xml version='1.0' encoding='UTF-8'?>\
        <stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='c2s-ab12' \
        from='example.org' to="juliet@example.org" version='1.0' xml:lang='en'>
        <stream:features>
          <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>\
        <mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-256</mechanism>\
        <mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>\r\n \
        <iq type='result' id='bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>\
        <jid>juliet@example.org/balcony</jid></bind></iq>\r\n\t \
        <message from='romeo@example.net/orchard' to="juliet@example.org/balcony" type='chat' \
        id='a&amp;b&#38;c&#x26;d&lt;&gt;&quot;&apos;' note='x > y\tz'>\
        <body>Art thou not Romeo, &amp; a Montague? &lt;3 &#x1F339; caf\u{E9} 日本語 &#233;</body>\
        <thread>\r\nline2\rline3</thread>\
        <data xmlns='urn:example:cdata'><![CDATA[<b>not a tag</b> & ]]]]><![CDATA[>]]></data>\
        <x:x xmlns:x='urn:example:prefixed' x:flag='1'><plain xmlns=''>none</plain></x:x>\
        </message>
        <presence/>  \
        </stream:stream>
        """

    static var bytes: [UInt8] { Array(text.utf8) }

    static let header = StreamHeader(
        streamNamespace: Namespace.stream,
        contentNamespace: Namespace.client,
        id: "c2s-ab12",
        from: "example.org",
        to: "juliet@example.org",
        version: "1.0",
        language: "en"
    )

    static let features = Element(
        "features",
        namespace: Namespace.stream,
        children: [
            .text("\n  "),
            .element(
                Element("starttls", namespace: Namespace.tls, [:], [Element("required", namespace: Namespace.tls)])),
            .element(
                Element(
                    "mechanisms",
                    namespace: Namespace.sasl,
                    [:],
                    [
                        Element("mechanism", namespace: Namespace.sasl, text: "SCRAM-SHA-256"),
                        Element("mechanism", namespace: Namespace.sasl, text: "SCRAM-SHA-1"),
                    ]
                )
            ),
        ]
    )

    static let iq = Element(
        "iq",
        namespace: Namespace.client,
        ["type": "result", "id": "bind-1"],
        [
            Element(
                "bind", namespace: Namespace.bind, [:],
                [Element("jid", namespace: Namespace.bind, text: "juliet@example.org/balcony")])
        ]
    )

    static let message = Element(
        "message",
        namespace: Namespace.client,
        [
            "from": "romeo@example.net/orchard",
            "to": "juliet@example.org/balcony",
            "type": "chat",
            "id": "a&b&c&d<>\"'",
            // XML 1.0 §3.3.3: a literal tab in an attribute value is normalized to a space.
            "note": "x > y z",
        ],
        [
            Element("body", namespace: Namespace.client, text: "Art thou not Romeo, & a Montague? <3 🌹 café 日本語 é"),
            // XML 1.0 §2.11: CRLF and lone CR become LF.
            Element("thread", namespace: Namespace.client, text: "\nline2\nline3"),
            Element("data", namespace: "urn:example:cdata", text: "<b>not a tag</b> & ]]>"),
            Element(
                "x",
                namespace: "urn:example:prefixed",
                ["x:flag": "1"],
                [Element("plain", namespace: "", text: "none")]
            ),
        ]
    )

    static let presence = Element("presence", namespace: Namespace.client)

    static let events: [StreamEvent] = [
        .opened(header), .element(features), .element(iq), .element(message), .element(presence), .closed,
    ]
}
