import ProviderCatalogue
import XMPPCore

/// How to get one app on one platform set up for the subject.
///
/// For an invitation, an install link either carries it (Google Play with the referrer: one step) or not
/// (F-Droid, App Store, desktop stores: install first, then come back and open ``invitationURI``; protocols.md
/// §8.10). Apps that cannot redeem invitations get no ``invitationURI``: the person registers first (landing
/// page) and then signs in.
public struct AppSetup: Sendable, Hashable {
    /// The app (`clients.json`).
    public let app: ClientApp
    public let platform: Platform
    /// Where to install from, best first.
    public let installLinks: [InstallLink]
    /// For invitations: whether the app redeems `preauth` URIs (`clients.json` `invites.preauth_uri`).
    public let canRedeemInvitation: Bool
    /// For invitations the app can redeem: the URI to open after installing from a link that does not carry it.
    public let invitationURI: XMPPURI?
    /// The app's login QR payload, for an account (with the password only when asked for).
    public let loginPayload: LoginPayload?

    public init(
        app: ClientApp,
        platform: Platform,
        installLinks: [InstallLink],
        canRedeemInvitation: Bool,
        invitationURI: XMPPURI?,
        loginPayload: LoginPayload?
    ) {
        self.app = app
        self.platform = platform
        self.installLinks = installLinks
        self.canRedeemInvitation = canRedeemInvitation
        self.invitationURI = invitationURI
        self.loginPayload = loginPayload
    }

    /// Whether installing from `link` needs the second step "come back and open the invitation".
    public func needsFollowUp(after link: InstallLink) -> Bool {
        invitationURI != nil && !link.carriesInvitation
    }

    /// Whether any install link needs the second step.
    public var isTwoStep: Bool { installLinks.contains { needsFollowUp(after: $0) } }
}
