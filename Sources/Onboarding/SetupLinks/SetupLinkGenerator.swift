import FoundationEssentials
import ProviderCatalogue
import XMPPCore

/// Makes per-app setup links from `clients.json` (issue 6, protocols.md §8.9–§8.10, §9).
public struct SetupLinkGenerator: Sendable {
    public let catalogue: ClientCatalogue
    /// The landing page that wraps URIs in its fragment.
    public let landingPage: String

    public init(catalogue: ClientCatalogue, landingPage: String = XMPPURI.defaultLandingPage) {
        self.catalogue = catalogue
        self.landingPage = landingPage
    }

    /// The links for `subject`, for every app (or the one named `client`, by id or name) on `platform`
    /// (or on each of its platforms).
    ///
    /// - Parameter password: the account's password for login QR payloads; only for `.account`. Pass it only
    ///   when the user explicitly asked: the payload is then a key to the account.
    public func links(
        for subject: SetupSubject,
        platform: Platform? = nil,
        client: String? = nil,
        password: String? = nil
    ) throws(SetupLinkError) -> SetupLinks {
        if let password {
            guard !subject.isInvitation else { throw .passwordWithInvitation }
            guard !password.isEmpty else { throw .emptyPassword }
        }
        var apps = catalogue.apps
        if let client {
            let wanted = client.lowercased()
            apps = apps.filter { $0.id == wanted || $0.name.lowercased() == wanted }
            guard let app = apps.first else { throw .unknownClient(client) }
            if let platform, !app.supports(platform) {
                throw .clientNotOnPlatform(client: app.id, platform: platform)
            }
        }
        var setups: [AppSetup] = []
        for app in apps {
            let platforms = platform.map { [$0] } ?? app.platforms
            for target in platforms where app.supports(target) {
                setups.append(try setup(app, on: target, for: subject, password: password))
            }
        }
        if setups.isEmpty, let platform { throw .noAppsForPlatform(platform) }
        let uri = subject.uri
        let landing: String
        switch subject {
        case .invitation(let invitation):
            landing = invitation.landingLink(page: landingPage)
        case .account:
            // The contact form of easy-xmpp-invitation: the bare JID in the fragment.
            var contact = uri
            contact.action = nil
            landing = contact.landingLink(page: landingPage)
        }
        return SetupLinks(subject: subject, uri: uri, landingLink: landing, apps: setups)
    }

    /// One app on one platform.
    func setup(
        _ app: ClientApp,
        on platform: Platform,
        for subject: SetupSubject,
        password: String?
    ) throws(SetupLinkError) -> AppSetup {
        var links = Self.installLinks(app, on: platform)
        var invitationURI: XMPPURI?
        var loginPayload: LoginPayload?
        switch subject {
        case .invitation(let uri):
            if app.invites.preauthURI {
                invitationURI = uri
                let readsReferrer = app.invites.playReferrer || app.invites.magicLinkFormat != nil
                if platform == .android, readsReferrer, let play = app.links.play,
                    let referrer = StoreReferrer.playLink(
                        page: play, magicLinkFormat: app.invites.magicLinkFormat, carrying: uri
                    )
                {
                    links = links.map { link in
                        link.store == .play ? InstallLink(store: .play, url: referrer, carriesInvitation: true) : link
                    }
                }
            }
        case .account(let jid):
            switch app.loginQR {
            case .conversationsJSON?:
                loginPayload = password.map { LoginPayload.conversations(jid: jid, password: $0) }
            case .xmppLogin?:
                do {
                    loginPayload = try LoginPayload.kaidan(jid: jid, password: password)
                } catch {
                    throw .invalidInput(error)
                }
            case nil:
                break
            }
        }
        return AppSetup(
            app: app,
            platform: platform,
            installLinks: links,
            canRedeemInvitation: app.invites.preauthURI,
            invitationURI: invitationURI,
            loginPayload: loginPayload
        )
    }

    /// Store pages for `platform`, best first; the website when there is no store page.
    static func installLinks(_ app: ClientApp, on platform: Platform) -> [InstallLink] {
        let links = app.links
        var result: [InstallLink] = []
        func add(_ store: InstallLink.Store, _ url: URL?) {
            if let url { result.append(InstallLink(store: store, url: url)) }
        }
        switch platform {
        case .android:
            add(.play, links.play)
            add(.fdroid, links.fdroid)
        case .ios:
            add(.appStore, links.appstore)
        case .macos:
            if let mac = links.appstoreMacOS { add(.macAppStore, mac) } else { add(.macAppStore, links.appstore) }
        case .linux:
            add(.flathub, links.flathub)
        case .windows:
            add(.microsoft, links.microsoft)
        case .web, .terminal:
            break
        }
        if result.isEmpty { add(.website, links.website) }
        return result
    }
}
