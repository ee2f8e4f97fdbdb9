import Foundation
import Testing

@testable import ProviderCatalogue

@Suite struct ClientCatalogueTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shipped() throws -> ClientCatalogue {
        try ClientCatalogue.load(contentsOf: repositoryRoot.appendingPathComponent("clients.json"))
    }

    @Test("the shipped clients.json has all 12 apps and no problems")
    func shippedFileIsValid() throws {
        let catalogue = try Self.shipped()
        #expect(catalogue.issues.isEmpty, "\(catalogue.issues)")
        #expect(
            catalogue.apps.map(\.id) == [
                "conversations", "monocles-chat", "siskin-im", "monal", "beagle-im", "gajim", "dino",
                "converse-js", "movim", "profanity", "kaidan", "pidgin",
            ])
    }

    @Test("Pidgin says it has no OMEMO out of the box; Kaidan has OMEMO 2 only")
    func omemoFacts() throws {
        let catalogue = try Self.shipped()
        let pidgin = try #require(catalogue.app(id: "pidgin"))
        #expect(!pidgin.omemo.isSupported)
        let kaidan = try #require(catalogue.app(id: "kaidan"))
        let conversations = try #require(catalogue.app(id: "conversations"))
        #expect(kaidan.omemo.v2 && !kaidan.omemo.legacy)
        #expect(!kaidan.omemo.interoperates(with: conversations.omemo))
        #expect(kaidan.loginQR == .xmppLogin)
        #expect(conversations.loginQR == .conversationsJSON)
        let gajim = try #require(catalogue.app(id: "gajim"))
        #expect(gajim.sinceVersion.contains { $0.version == "1.8.0" })
    }

    @Test(
        "platform filter",
        arguments: [
            (Platform.android, ["conversations", "monocles-chat"]),
            (.ios, ["siskin-im", "monal"]),
            (.macos, ["monal", "beagle-im", "profanity", "kaidan"]),
            (.web, ["converse-js", "movim"]),
            (.terminal, ["profanity"]),
        ])
    func platformFilter(platform: Platform, expected: [String]) throws {
        #expect(try Self.shipped().apps(for: platform).map(\.id) == expected)
    }

    @Test("store links per platform; Play first because only Play carries the invite")
    func installLinks() throws {
        let catalogue = try Self.shipped()
        let conversations = try #require(catalogue.app(id: "conversations"))
        #expect(conversations.links.install(on: .android).first?.host == "play.google.com")
        let monal = try #require(catalogue.app(id: "monal"))
        #expect(monal.links.install(on: .macos).first?.absoluteString.hasSuffix("id1637078500") == true)
        let movim = try #require(catalogue.app(id: "movim"))
        #expect(movim.links.install(on: .web).first?.absoluteString == "https://movim.eu/")
    }

    @Test("magic link percent-encodes the whole xmpp: URI into the referrer")
    func magicLink() throws {
        let conversations = try #require(try Self.shipped().app(id: "conversations"))
        let link = conversations.invites.magicLink(for: "xmpp:example.org?register;preauth=a+b/c")
        #expect(
            link?.absoluteString
                == "https://play.google.com/store/apps/details?id=eu.siacs.conversations&referrer=xmpp%3Aexample.org%3Fregister%3Bpreauth%3Da%2Bb%2Fc"
        )
        let gajim = try #require(try Self.shipped().app(id: "gajim"))
        #expect(gajim.invites.magicLink(for: "xmpp:x") == nil)
    }

    @Test("a malformed clients.json reports every problem and keeps the valid entries")
    func malformed() throws {
        let text = """
            {"format": "xmpp-onboard-clients-1", "clients": [
              {"id": "good", "name": "Good", "platforms": ["linux"], "links": {"website": "https://good.example/"},
               "omemo": {"legacy": true, "v2": false, "default_on": false},
               "calls": {"audio": false, "video": false, "group": false},
               "invites": {"preauth_uri": false, "play_referrer": false, "magic_link_format": null},
               "login_qr": null, "since_version": [], "source": "https://good.example/"},
              {"id": "bad", "name": 3, "platforms": ["amiga"], "links": {"website": "http://bad.example/"},
               "omemo": {"legacy": "yes", "v2": false, "default_on": false},
               "calls": {"audio": false, "video": false},
               "invites": {"preauth_uri": false, "play_referrer": false, "magic_link_format": "https://x/"},
               "login_qr": "qr-dance", "source": "not a url"},
              {"id": "good", "name": "Twice"},
              42
            ]}
            """
        let catalogue = try ClientCatalogue(parsing: Array(text.utf8))
        #expect(catalogue.apps.map(\.id) == ["good"])
        let found = Set(catalogue.issues.map { "\($0.kind.rawValue) \($0.path)" })
        let expected: Set<String> = [
            "wrong-type clients[1].name", "unknown-value clients[1].platforms[0]",
            "insecure-url clients[1].links.website", "wrong-type clients[1].omemo.legacy",
            "missing-key clients[1].calls.group", "unknown-value clients[1].invites.magic_link_format",
            "unknown-value clients[1].login_qr", "invalid-url clients[1].source", "duplicate clients[2].id",
            "wrong-type clients[3]",
        ]
        #expect(found == expected, "\(catalogue.issues)")
    }
}
