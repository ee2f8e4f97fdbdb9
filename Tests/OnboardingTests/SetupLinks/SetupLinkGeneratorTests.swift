import Foundation
import ProviderCatalogue
import Testing
import XMPPCore

@testable import Onboarding

@Suite("Setup links: per app and platform")
struct SetupLinkGeneratorTests {
    let generator = SetupLinkGenerator(catalogue: SetupLinkFixtures.catalogue)

    static let registerInvite = "xmpp:example.com?register;preauth=TOKEN123"

    func setup(_ links: SetupLinks, _ id: String, _ platform: Platform) throws -> AppSetup {
        try #require(links.apps.first { $0.app.id == id && $0.platform == platform })
    }

    // MARK: - Input

    @Test("what the user typed becomes an account or an invitation", arguments: [
        ("alice@example.org", SetupSubject.account(jid: "alice@example.org")),
        ("alice@example.org/phone", .account(jid: "alice@example.org")),
        ("xmpp:alice@example.org", .account(jid: "alice@example.org")),
        ("xmpp:alice@example.org?roster", .account(jid: "alice@example.org")),
        ("xmpp:alice@example.org?message;body=hi", .account(jid: "alice@example.org")),
        ("xmpp:alice@example.org?login;password=dropped", .account(jid: "alice@example.org")),
        ("https://i.kaidan.im/#alice@example.org", .account(jid: "alice@example.org")),
    ])
    func accountInput(input: String, expected: SetupSubject) throws {
        #expect(try SetupSubject(parsing: input) == expected)
    }

    @Test("invitation URIs and landing links", arguments: [
        "xmpp:example.com?register;preauth=T", "xmpp:juliet@example.com?register;preauth=T",
        "xmpp:romeo@montague.net?roster;preauth=T;ibr=y", "xmpp:romeo@montague.net?roster;preauth=T",
        "https://xmpp.link/#example.com?register;preauth=T", "xmpp:example.com?register",
    ])
    func invitationInput(input: String) throws {
        let subject = try SetupSubject(parsing: input)
        #expect(subject.isInvitation)
    }

    @Test("unusable input", arguments: [
        ("example.com", SetupLinkError.missingLocalpart),
        ("xmpp:example.com", .missingLocalpart),
        ("xmpp:room@conference.example.com?join", .unsupportedAction("join")),
        ("alice@", .invalidInput(.missingDomain)),
        ("xmpp:alice example.org", .invalidInput(.invalidCharacter(" "))),
        ("https://example.org/invite/T/", .invalidInput(.notALandingLink)),
    ])
    func invalidInput(input: String, error: SetupLinkError) {
        #expect(throws: error) { try SetupSubject(parsing: input) }
    }

    // MARK: - Invitations

    @Test("Android invitation: Play carries it through the referrer, F-Droid needs the second step")
    func androidInvitation() throws {
        let links = try generator.links(for: SetupSubject(parsing: Self.registerInvite), platform: .android)
        #expect(links.apps.map(\.app.id) == ["conversations", "monocles-chat", "snikket", "kaidan"])

        let conversations = try setup(links, "conversations", .android)
        #expect(conversations.installLinks.map(\.store) == [.play, .fdroid])
        let play = conversations.installLinks[0]
        #expect(play.carriesInvitation)
        #expect(
            play.url.absoluteString
                == "https://play.google.com/store/apps/details?id=eu.siacs.conversations&referrer=xmpp%3Aexample.com%3Fregister%3Bpreauth%3DTOKEN123"
        )
        #expect(!conversations.needsFollowUp(after: play))
        let fdroid = conversations.installLinks[1]
        #expect(!fdroid.carriesInvitation)
        #expect(conversations.needsFollowUp(after: fdroid))
        #expect(conversations.invitationURI?.iriString == Self.registerInvite)
        #expect(conversations.isTwoStep)

        // Play referrer without a magic_link_format: the store page plus &referrer=.
        let snikket = try setup(links, "snikket", .android)
        #expect(
            snikket.installLinks[0].url.absoluteString
                == "https://play.google.com/store/apps/details?id=org.snikket.android&referrer=xmpp%3Aexample.com%3Fregister%3Bpreauth%3DTOKEN123"
        )
        #expect(snikket.installLinks[0].carriesInvitation)

        // Redeems invitations but does not read the referrer: both stores are two-step.
        let monocles = try setup(links, "monocles-chat", .android)
        #expect(monocles.installLinks.allSatisfy { !$0.carriesInvitation && monocles.needsFollowUp(after: $0) })
        #expect(monocles.installLinks[0].url.absoluteString == "https://play.google.com/store/apps/details?id=de.monocles.chat")

        // Cannot redeem: no URI to open, no referrer, no follow-up.
        let kaidan = try setup(links, "kaidan", .android)
        #expect(!kaidan.canRedeemInvitation)
        #expect(kaidan.invitationURI == nil)
        #expect(!kaidan.isTwoStep)
        #expect(kaidan.loginPayload == nil)
    }

    @Test("iOS and macOS invitations are two-step through the App Store")
    func appleInvitation() throws {
        let subject = try SetupSubject(parsing: "xmpp:romeo@montague.net?roster;preauth=T;ibr=y")
        let ios = try generator.links(for: subject, platform: .ios)
        #expect(ios.apps.map(\.app.id) == ["siskin-im", "monal"])
        for app in ios.apps {
            #expect(app.installLinks.map(\.store) == [.appStore])
            #expect(app.isTwoStep)
            #expect(app.invitationURI == subject.uri)
        }
        let monalMac = try setup(try generator.links(for: subject, platform: .macos), "monal", .macos)
        #expect(monalMac.installLinks.map(\.url.absoluteString) == ["https://apps.apple.com/app/id1637078500"])
        #expect(monalMac.installLinks.map(\.store) == [.macAppStore])
    }

    @Test("the referrer is the IRI encoded once, and decodes back to it exactly")
    func referrerEncoding() throws {
        let uri = try XMPPURI(parsing: "xmpp:jiři@čechy.example?roster;preauth=a+b;name=Romeo%20Montague")
        let encoded = StoreReferrer.encodedReferrer(uri)
        #expect(encoded == "xmpp%3Aji%C5%99i%40%C4%8Dechy.example%3Froster%3Bpreauth%3Da%252Bb%3Bname%3DRomeo%2520Montague")
        #expect(encoded.allSatisfy { $0.isLetter || $0.isNumber || "-._~%".contains($0) })
        #expect(try URIPercentEncoding.decode(encoded) == uri.iriString)
        #expect(try XMPPURI(parsing: URIPercentEncoding.decode(encoded)) == uri)

        let page = SetupLinkFixtures.url("https://play.google.com/store/apps/details?id=org.example")
        #expect(
            StoreReferrer.playLink(page: page, carrying: uri)?.absoluteString
                == "https://play.google.com/store/apps/details?id=org.example&referrer=" + encoded
        )
        let bare = SetupLinkFixtures.url("https://example.org/app#top")
        #expect(StoreReferrer.playLink(page: bare, carrying: uri)?.absoluteString == "https://example.org/app?referrer=" + encoded)
        #expect(
            StoreReferrer.playLink(page: page, magicLinkFormat: "https://x.example/?r={uri}&c=1", carrying: uri)?
                .absoluteString == "https://x.example/?r=\(encoded)&c=1"
        )
    }

    @Test("landing links")
    func landingLinks() throws {
        let invitation = try generator.links(for: SetupSubject(parsing: Self.registerInvite))
        #expect(invitation.landingLink == "https://xmpp.link/#example.com?register;preauth=TOKEN123")
        let account = try generator.links(for: .account(jid: "alice@example.org"))
        #expect(account.landingLink == "https://xmpp.link/#alice@example.org")
        #expect(account.uri.iriString == "xmpp:alice@example.org?roster")
        let custom = SetupLinkGenerator(catalogue: SetupLinkFixtures.catalogue, landingPage: "https://invite.example.net/")
        #expect(try custom.links(for: .account(jid: "a@b.example")).landingLink == "https://invite.example.net/#a@b.example")
    }

    // MARK: - Accounts and login codes

    @Test("account without a password: no secrets, Kaidan pre-fills the JID")
    func accountWithoutPassword() throws {
        let links = try generator.links(for: .account(jid: "alice@example.org"), platform: .android)
        #expect(!links.containsPassword)
        #expect(try setup(links, "conversations", .android).loginPayload == nil)
        let kaidan = try #require(try setup(links, "kaidan", .android).loginPayload)
        #expect(kaidan.text == "xmpp:alice@example.org?login")
        #expect(!kaidan.containsPassword)
        #expect(links.apps.allSatisfy { $0.installLinks.allSatisfy { !$0.carriesInvitation } })
        #expect(links.apps.allSatisfy { !$0.isTwoStep && $0.invitationURI == nil })
    }

    @Test("account with a password: Conversations JSON and Kaidan login URI")
    func accountWithPassword() throws {
        let password = "p\"ss wörd;+&=\\"
        let links = try generator.links(for: .account(jid: "alice@example.org"), password: password)
        #expect(links.containsPassword)
        let conversations = try #require(try setup(links, "conversations", .android).loginPayload)
        #expect(conversations.format == .conversationsJSON)
        #expect(conversations.text == #"{"protocol":"xmpp","address":"alice@example.org","password":"p\"ss wörd;+&=\\"}"#)
        let kaidan = try #require(try setup(links, "kaidan", .linux).loginPayload)
        #expect(kaidan.format == .xmppLogin)
        #expect(kaidan.text == "xmpp:alice@example.org?login;password=p%22ss%20wörd%3B%2B%26%3D%5C")
        #expect(try XMPPURI(parsing: kaidan.text).loginPassword == password)
        #expect(!"\(conversations)".contains("wörd"))
        #expect(!"\(kaidan)".contains("wörd"))
        #expect(try setup(links, "gajim", .linux).loginPayload == nil)
    }

    @Test("passwords only for accounts, never empty")
    func passwordRules() throws {
        let invitation = try SetupSubject(parsing: Self.registerInvite)
        #expect(throws: SetupLinkError.passwordWithInvitation) { try generator.links(for: invitation, password: "x") }
        #expect(throws: SetupLinkError.emptyPassword) {
            try generator.links(for: .account(jid: "a@example.org"), password: "")
        }
    }

    // MARK: - Filters

    @Test("--client by id or name, with or without a platform")
    func clientFilter() throws {
        let subject = SetupSubject.account(jid: "alice@example.org")
        #expect(try generator.links(for: subject, client: "monal").apps.map(\.platform) == [.ios, .macos])
        #expect(try generator.links(for: subject, client: "Monocles Chat").apps.map(\.app.id) == ["monocles-chat"])
        #expect(try generator.links(for: subject, platform: .macos, client: "MONAL").apps.count == 1)
        #expect(throws: SetupLinkError.unknownClient("nope")) { try generator.links(for: subject, client: "nope") }
        #expect(throws: SetupLinkError.clientNotOnPlatform(client: "gajim", platform: .ios)) {
            try generator.links(for: subject, platform: .ios, client: "gajim")
        }
        #expect(throws: SetupLinkError.noAppsForPlatform(.terminal)) {
            try generator.links(for: subject, platform: .terminal)
        }
    }

    @Test("without a platform every app appears once per platform, in catalogue order")
    func allPlatforms() throws {
        let links = try generator.links(for: .account(jid: "alice@example.org"))
        #expect(links.apps.map { "\($0.app.id)/\($0.platform.rawValue)" } == [
            "conversations/android", "monocles-chat/android", "snikket/android", "siskin-im/ios", "monal/ios",
            "monal/macos", "gajim/linux", "gajim/windows", "kaidan/android", "kaidan/linux",
        ])
        // No store page on Windows for this Gajim: the website instead.
        #expect(try setup(links, "gajim", .windows).installLinks.map(\.store) == [.website])
        #expect(try setup(links, "gajim", .linux).installLinks.map(\.store) == [.flathub])
    }

    @Test("JSON form")
    func json() throws {
        let links = try generator.links(
            for: SetupSubject(parsing: Self.registerInvite), platform: .android, client: "conversations"
        )
        let text = links.jsonValue.serialized(indent: nil)
        #expect(text.hasPrefix(#"{"kind":"invitation","jid":"example.com","invitation_uri":"xmpp:example.com?register;preauth=TOKEN123","offers_registration":true,"landing_link":"https://xmpp.link/#example.com?register;preauth=TOKEN123","contains_password":false,"apps":[{"id":"conversations","name":"Conversations","platform":"android","install":[{"store":"play","#))
        #expect(text.contains(#""carries_invitation":true,"then_open_invitation":false"#))
        #expect(text.contains(#""store":"fdroid","url":"https://f-droid.org/packages/eu.siacs.conversations/","carries_invitation":false,"then_open_invitation":true"#))
        #expect(text.contains(#""can_redeem_invitation":true,"open_after_install":"xmpp:example.com?register;preauth=TOKEN123""#))
        let account = try generator.links(for: .account(jid: "a@example.org"), platform: .android, client: "kaidan")
        #expect(
            account.jsonValue.serialized(indent: nil)
                == #"{"kind":"account","jid":"a@example.org","add_contact_uri":"xmpp:a@example.org?roster","landing_link":"https://xmpp.link/#a@example.org","contains_password":false,"apps":[{"id":"kaidan","name":"Kaidan","platform":"android","install":[{"store":"fdroid","url":"https://f-droid.org/packages/im.kaidan.kaidan/"}],"login_qr":{"format":"xmpp-login","payload":"xmpp:a@example.org?login","contains_password":false,"standard":false}}]}"#
        )
    }
}
