import Foundation
import ProviderCatalogue
import Testing

@testable import Onboarding

/// The shipped clients.json works with the generator.
@Suite("Setup links from the real clients.json")
struct RealClientCatalogueTests {
    static func catalogue() throws -> ClientCatalogue {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try ClientCatalogue.load(contentsOf: root.appendingPathComponent("clients.json"))
    }

    @Test("every app and platform gets at least one install link, for accounts and invitations")
    func everyApp() throws {
        let generator = SetupLinkGenerator(catalogue: try Self.catalogue())
        for subject in [
            SetupSubject.account(jid: "alice@example.org"),
            try SetupSubject(parsing: "xmpp:example.com?register;preauth=T"),
        ] {
            let links = try generator.links(for: subject, password: subject.isInvitation ? nil : "secret")
            #expect(!links.apps.isEmpty)
            for setup in links.apps where setup.platform != .web && setup.platform != .terminal {
                #expect(!setup.installLinks.isEmpty, "\(setup.app.id) on \(setup.platform)")
            }
        }
    }

    @Test("Conversations carries an invitation through the Play referrer")
    func conversations() throws {
        let generator = SetupLinkGenerator(catalogue: try Self.catalogue())
        let links = try generator.links(
            for: SetupSubject(parsing: "xmpp:example.com?register;preauth=T"), platform: .android, client: "conversations"
        )
        let play = try #require(links.apps.first?.installLinks.first)
        #expect(play.carriesInvitation)
        #expect(play.url.absoluteString.hasSuffix("&referrer=xmpp%3Aexample.com%3Fregister%3Bpreauth%3DT"))
    }
}
