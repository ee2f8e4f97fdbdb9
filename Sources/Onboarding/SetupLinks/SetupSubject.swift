import XMPPCore

/// What a person wants to set up on a device: their own account, or an invitation they received.
public enum SetupSubject: Sendable, Hashable {
    /// An existing account, by bare JID (`alice@example.org`): install the app, sign in (optionally with a
    /// login QR code), and share the "add me" URI `xmpp:JID?roster`.
    case account(jid: String)
    /// An invitation URI (XEP-0445 `?register;preauth=…`, XEP-0379 `?roster;preauth=…[;ibr=y]`): install an app
    /// that can redeem it and open the URI in it.
    case invitation(XMPPURI)

    /// Reads what the user typed: a JID (`alice@example.org`), an `xmpp:` URI, or an https landing link that
    /// wraps one (`https://xmpp.link/#…`).
    ///
    /// `register` URIs and `roster` URIs with a `preauth` token are invitations. A URI without an action, or
    /// with `roster`, `message` or `login`, names an account (any password in it is dropped: passwords never
    /// come from the command line). Other actions are refused.
    public init(parsing input: String) throws(SetupLinkError) {
        let uri: XMPPURI
        do {
            if input.lowercased().hasPrefix("xmpp:") {
                uri = try XMPPURI(parsing: input)
            } else if input.lowercased().hasPrefix("https://") {
                uri = try XMPPURI(landingLink: input)
            } else {
                uri = try XMPPURI(jid: input)
            }
        } catch {
            throw .invalidInput(error)
        }
        switch uri.action {
        case .register?:
            self = .invitation(uri)
        case .roster? where uri.preauthToken != nil:
            self = .invitation(uri)
        case nil, .roster?, .message?, .login?:
            guard uri.localpart != nil else { throw .missingLocalpart }
            self = .account(jid: uri.bareJID)
        case let action?:
            throw .unsupportedAction(action.rawValue)
        }
    }

    /// The URI to share or scan: the invitation itself, or `xmpp:JID?roster` ("add me", XEP-0147).
    public var uri: XMPPURI {
        switch self {
        case .invitation(let uri):
            return uri
        case .account(let jid):
            // The JID was validated when the subject was made, so this cannot fail; fall back to the domain form.
            return (try? XMPPURI.makeContactInvite(jid: jid)) ?? XMPPURI(domain: jid, action: .roster)
        }
    }

    /// Whether this is an invitation.
    public var isInvitation: Bool {
        if case .invitation = self { return true }
        return false
    }
}
