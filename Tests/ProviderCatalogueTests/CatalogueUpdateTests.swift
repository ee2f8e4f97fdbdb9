import Foundation
import Testing
import XMPPTestSupport

@testable import ProviderCatalogue

@Suite struct CatalogueUpdateTests {
    static func ours(_ jid: String) -> JSONObject {
        var entry = Provider.unknownEntry(jid: jid, date: "2026-07-22")
        entry["origin"] = .string("xmpp-onboard")
        entry["note"] = .string("test")
        return entry
    }

    @Test("upstream entries are replaced; ours are kept unless upstream now lists that JID")
    func merge() throws {
        let current = Fixtures.catalogue([
            Fixtures.entry("stays.example"), Fixtures.entry("dropped.example"), Self.ours("ours.example"),
            Self.ours("now-upstream.example"), Self.ours("alias.example"),
        ])
        #expect(current.issues.isEmpty, "\(current.issues)")
        let incoming = Fixtures.catalogue([
            Fixtures.entry("stays.example", changes: [("busFactor", .integer(5))]),
            Fixtures.entry("now-upstream.example", category: "B"),
            Fixtures.entry("new.example", changes: [("alternativeJids", .array([.string("alias.example")]))]),
        ])
        let merged = current.merged(with: incoming, source: "https://example.org/list.json", retrieved: "2026-08-01")
        #expect(
            merged.providers.map(\.jid) == ["stays.example", "now-upstream.example", "new.example", "ours.example"])
        #expect(merged.provider("now-upstream.example")?.origin == .upstream)
        #expect(merged.metadata.source == "https://example.org/list.json")
        #expect(merged.metadata.retrieved == "2026-08-01")

        let diff = CatalogueDiff(from: current, to: merged)
        #expect(diff.added == ["new.example"])
        #expect(diff.removed == ["alias.example", "dropped.example"])
        #expect(diff.changed == ["now-upstream.example", "stays.example"])
        #expect(diff.categoryChanges == [.init(jid: "now-upstream.example", from: .d, to: .b)])
        #expect(CatalogueDiff(from: merged, to: merged).isEmpty)
    }

    @Test("the written copy re-reads to the same catalogue; the previous copy is kept as last good")
    func atomicWrite() throws {
        let directory = try TemporaryDirectory()
        let location = CatalogueLocation(environment: ["XDG_DATA_HOME": directory.path, "HOME": directory.path])
        let first = Fixtures.catalogue([Fixtures.entry("one.example")])
        try CatalogueStore.write(first, to: location)
        let firstText = try String(contentsOf: location.userCopy, encoding: .utf8)
        #expect(try CatalogueLocation.read(location.userCopy).providers.map(\.jid) == ["one.example"])
        #expect(!FileManager.default.fileExists(atPath: location.lastGoodCopy.path))

        let second = Fixtures.catalogue([Fixtures.entry("two.example")])
        try CatalogueStore.write(second, to: location)
        #expect(try CatalogueLocation.read(location.userCopy).providers.map(\.jid) == ["two.example"])
        #expect(try String(contentsOf: location.lastGoodCopy, encoding: .utf8) == firstText)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: location.userDataDirectory.path)
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("loading order: override, user copy, last good copy, then the shipped file")
    func loadingOrder() throws {
        let directory = try TemporaryDirectory()
        let environment = ["XDG_DATA_HOME": directory.path, "HOME": directory.path]
        var location = CatalogueLocation(environment: environment)
        let kinds = location.candidates.map(\.kind)
        #expect(kinds.first == .userCopy && kinds.dropFirst().first == .lastGood && kinds.last == .sourceTree)
        #expect(try location.load().candidate.kind == .sourceTree)

        try CatalogueStore.write(Fixtures.catalogue([Fixtures.entry("user.example")]), to: location)
        #expect(try location.load().catalogue.providers.map(\.jid) == ["user.example"])

        // A damaged user copy is skipped with a reason: the last good copy is used.
        try CatalogueStore.write(Fixtures.catalogue([Fixtures.entry("newer.example")]), to: location)
        try Data("{\"providers\": [".utf8).write(to: location.userCopy)
        let loaded = try location.load()
        #expect(loaded.candidate.kind == .lastGood)
        #expect(loaded.catalogue.providers.map(\.jid) == ["user.example"])
        #expect(loaded.skipped.count == 1)

        let override = try TemporaryDirectory()
        try Data(Fixtures.catalogue([Fixtures.entry("override.example")]).document().serialized().utf8)
            .write(to: override.url.appendingPathComponent("providers.json"))
        location = CatalogueLocation(explicitDirectory: override.path, environment: environment)
        #expect(try location.load().catalogue.providers.map(\.jid) == ["override.example"])
        location = CatalogueLocation(environment: environment.merging(["XMPP_ONBOARD_DATA_DIR": override.path]) { $1 })
        #expect(try location.load().candidate.kind == .override)
    }

    @Test(
        "URL policy: https anywhere, http only on loopback",
        arguments: [
            ("https://data.xmpp.net/providers/v2/providers-B.json", true),
            ("http://127.0.0.1:8080/list.json", true),
            ("http://127.1.2.3/list.json", true),
            ("http://[::1]:8080/list.json", true),
            ("http://localhost/list.json", true),
            ("http://data.xmpp.net/providers/v2/providers-B.json", false),
            ("http://128.0.0.1/list.json", false),
            ("http://127.0.0.1.example.org/list.json", false),
            ("ftp://127.0.0.1/list.json", false),
            ("file:///etc/passwd", false),
        ])
    func policy(url: String, allowed: Bool) throws {
        let parsed = try #require(URL(string: url))
        #expect(((try? CatalogueFetcher.checkPolicy(parsed)) != nil) == allowed)
    }

    @Test("an argument with :// is a URL, anything else a file")
    func sources() throws {
        #expect(try UpdateSource(parsing: "/tmp/list.json") == .file("/tmp/list.json"))
        #expect(throws: CatalogueFetcher.FetchError.insecureURL("http://example.org/x")) {
            try UpdateSource(parsing: "http://example.org/x")
        }
    }

    @Test("a provider file (.well-known/xmpp-provider-v2.json) becomes an unevaluated category D provider")
    func providerFile() throws {
        let text = """
            {"website": {"en": "https://custom.example/"}, "busFactor": 2, "organization": "private person",
             "maximumHttpFileUploadTotalSize": 0, "maximumMessageArchiveManagementStorageTime": 30,
             "serverLocations": ["fr"], "since": "2024-05-01", "freeOfCharge": true,
             "inBandRegistration": true, "category": "A"}
            """
        let (provider, issues) = try ProviderFile.provider(domain: "Custom.example", parsing: Array(text.utf8))
        let read = try #require(provider)
        #expect(read.jid == "custom.example")
        #expect(read.category == .d && read.origin == .providerFile)
        #expect(read.busFactor == 2 && read.organization == .privatePerson && read.isFreeOfCharge)
        #expect(read.maximumUploadTotalSize == .unlimited && read.messageArchiveStorageTime == .value(30))
        #expect(read.maximumUploadFileSize == .unknown)
        #expect(!read.offersInBandRegistration, "not self-declarable in a provider file")
        #expect(Set(issues.map(\.detail)) == ["inBandRegistration", "category"])
        #expect(issues.allSatisfy { $0.severity == .warning })
        #expect(
            ProviderFile.url(for: "custom.example")?.absoluteString
                == "https://custom.example/.well-known/xmpp-provider-v2.json")
        #expect(ProviderFile.url(for: "not a domain") == nil)

        let (bad, badIssues) = try ProviderFile.provider(
            domain: "x.example", parsing: Array(#"{"busFactor": "many", "website": {"en": "http://x.example"}}"#.utf8))
        #expect(bad == nil)
        #expect(Set(badIssues.map(\.kind)) == [.wrongType, .insecureURL])
    }
}

/// A unique temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = try TestDirectories.makeUnique(prefix: "catalogue-tests")
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
