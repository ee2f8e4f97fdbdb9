import Foundation
import ProviderCatalogue

/// A small, fixed app catalogue so the tests do not change when clients.json does.
enum SetupLinkFixtures {
    static func url(_ text: String) -> URL {
        guard let url = URL(string: text) else { preconditionFailure("bad fixture URL \(text)") }
        return url
    }

    static func app(
        _ id: String,
        _ name: String,
        _ platforms: [Platform],
        links: ClientApp.Links,
        preauth: Bool = false,
        referrer: Bool = false,
        magic: String? = nil,
        loginQR: ClientApp.LoginQRFormat? = nil
    ) -> ClientApp {
        ClientApp(
            id: id, name: name, platforms: platforms, links: links,
            omemo: .init(legacy: true, v2: false, defaultOn: true),
            calls: .init(audio: true, video: true, group: false),
            invites: .init(preauthURI: preauth, playReferrer: referrer, magicLinkFormat: magic),
            loginQR: loginQR, sinceVersion: [], source: url("https://example.org/source")
        )
    }

    static let conversationsPlay = "https://play.google.com/store/apps/details?id=eu.siacs.conversations"

    static let catalogue = ClientCatalogue(apps: [
        app(
            "conversations", "Conversations", [.android],
            links: .init(
                fdroid: url("https://f-droid.org/packages/eu.siacs.conversations/"), play: url(conversationsPlay),
                website: url("https://conversations.im/")),
            preauth: true, referrer: true, magic: conversationsPlay + "&referrer={uri}", loginQR: .conversationsJSON
        ),
        app(
            "monocles-chat", "Monocles chat", [.android],
            links: .init(
                fdroid: url("https://f-droid.org/packages/de.monocles.chat/"),
                play: url("https://play.google.com/store/apps/details?id=de.monocles.chat"),
                website: url("https://monocles.example/")),
            preauth: true
        ),
        app(
            "snikket", "Snikket", [.android],
            links: .init(
                play: url("https://play.google.com/store/apps/details?id=org.snikket.android"),
                website: url("https://snikket.org/")),
            preauth: true, referrer: true
        ),
        app(
            "siskin-im", "Siskin IM", [.ios],
            links: .init(appstore: url("https://apps.apple.com/us/app/siskin-im/id1153516838"), website: url("https://siskin.im/")),
            preauth: true
        ),
        app(
            "monal", "Monal", [.ios, .macos],
            links: .init(
                appstore: url("https://apps.apple.com/app/id317711500"),
                appstoreMacOS: url("https://apps.apple.com/app/id1637078500"), website: url("https://monal-im.org/")),
            preauth: true
        ),
        app(
            "gajim", "Gajim", [.linux, .windows],
            links: .init(
                flathub: url("https://flathub.org/apps/org.gajim.Gajim"), website: url("https://gajim.org/"))
        ),
        app(
            "kaidan", "Kaidan", [.android, .linux],
            links: .init(
                fdroid: url("https://f-droid.org/packages/im.kaidan.kaidan/"), website: url("https://kaidan.im/")),
            loginQR: .xmppLogin
        ),
    ])
}
