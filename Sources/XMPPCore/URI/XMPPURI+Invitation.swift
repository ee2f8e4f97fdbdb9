/// Invitation and contact URIs: XEP-0379 (roster with `preauth`), XEP-0401 / XEP-0445 (`register` with
/// `preauth`, `ibr=y`), XEP-0147 `roster` and `message`, XEP-0045 `join` (protocols.md §8.5).
extension XMPPURI {
    /// The invite token (`preauth`), a bearer secret, or nil.
    public var preauthToken: String? { value(for: "preauth") }

    /// Whether the invitee may create an account with this URI: a `register` URI, or a `roster` URI with
    /// `ibr=y` (XEP-0401 §5).
    public var offersRegistration: Bool {
        action == .register || (action == .roster && value(for: "ibr") == "y")
    }

    /// The proposed display name (`name`, XEP-0147 / XEP-0379), or nil. Show it next to the JID, never
    /// instead of it (XEP-0379 §5: impersonation).
    public var proposedName: String? { value(for: "name") }

    /// `xmpp:example.com?register;preauth=TOKEN` or, with a fixed username,
    /// `xmpp:juliet@example.com?register;preauth=TOKEN` (XEP-0445 §3).
    public static func makeAccountInvite(domain: String, username: String? = nil, token: String?) -> XMPPURI {
        XMPPURI(
            localpart: username,
            domain: domain,
            action: .register,
            parameters: token.map { [Parameter("preauth", $0)] } ?? []
        )
    }

    /// `xmpp:romeo@montague.net?roster[;preauth=TOKEN][;ibr=y][;name=NAME]` (XEP-0379 §3, XEP-0401 §5).
    ///
    /// Without a token this is the plain "add me" URI (XEP-0147 `roster`).
    public static func makeContactInvite(
        jid: String,
        token: String? = nil,
        allowsRegistration: Bool = false,
        name: String? = nil
    ) throws(XMPPURIError) -> XMPPURI {
        var parameters: [Parameter] = []
        if let token { parameters.append(Parameter("preauth", token)) }
        if allowsRegistration { parameters.append(Parameter("ibr", "y")) }
        if let name { parameters.append(Parameter("name", name)) }
        var uri = try XMPPURI(jid: jid, action: .roster, parameters: parameters)
        uri.resource = nil
        return uri
    }

    /// `xmpp:romeo@montague.net?message[;body=…]` (XEP-0147 §2.1).
    public static func makeMessage(to jid: String, body: String? = nil) throws(XMPPURIError) -> XMPPURI {
        try XMPPURI(jid: jid, action: .message, parameters: body.map { [Parameter("body", $0)] } ?? [])
    }

    /// `xmpp:room@conference.example?join[;password=…]` (XEP-0045 §15.2.1).
    public static func makeJoin(room: String, password: String? = nil) throws(XMPPURIError) -> XMPPURI {
        try XMPPURI(jid: room, action: .join, parameters: password.map { [Parameter("password", $0)] } ?? [])
    }
}
