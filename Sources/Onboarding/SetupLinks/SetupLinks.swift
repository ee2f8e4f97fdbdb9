import ProviderCatalogue
import XMPPCore

/// Everything needed to get a subject onto devices: the URI to share, its landing link, and per-app steps.
public struct SetupLinks: Sendable, Hashable {
    public let subject: SetupSubject
    /// The invitation, or the "add me" URI `xmpp:JID?roster`.
    public let uri: XMPPURI
    /// An https link carrying ``uri`` for people without an XMPP app (`https://xmpp.link/#…`).
    public let landingLink: String
    /// One entry per app and platform, in the catalogue's recommended order.
    public let apps: [AppSetup]

    public init(subject: SetupSubject, uri: XMPPURI, landingLink: String, apps: [AppSetup]) {
        self.subject = subject
        self.uri = uri
        self.landingLink = landingLink
        self.apps = apps
    }

    /// Whether any login payload holds the password (the output is then a secret).
    public var containsPassword: Bool { apps.contains { $0.loginPayload?.containsPassword == true } }
}
