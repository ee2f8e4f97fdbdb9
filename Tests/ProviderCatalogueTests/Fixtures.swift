import Foundation
import Testing

@testable import ProviderCatalogue

/// Paths to the shipped files and the shared fixtures.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var shippedProviders: URL { repositoryRoot.appendingPathComponent("providers.json") }

    /// `../shared/fixtures` next to the worktree (the project's checkouts live side by side).
    static var sharedFixtures: URL {
        let candidates = [
            repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures"),
            URL(fileURLWithPath: "/work/shared/fixtures"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try #require(FileManager.default.contents(atPath: url.path), "missing \(url.path)"))
    }

    static func upstreamB() throws -> Catalogue {
        try Catalogue(parsing: bytes(sharedFixtures.appendingPathComponent("xmpp-providers-v2-providers-B.json")))
    }

    static func upstreamDomains() throws -> [String] {
        let value = try JSONParser.parse(
            bytes(sharedFixtures.appendingPathComponent("xmpp-providers-v2-providers-Ds.json")))
        return (value.arrayValue ?? []).compactMap(\.stringValue)
    }

    static func shipped() throws -> Catalogue { try Catalogue(parsing: bytes(shippedProviders)) }

    /// A complete, valid upstream-style entry to mutate in tests.
    static func entry(_ jid: String, category: String = "A", changes: [(String, JSONValue)] = []) -> JSONObject {
        var object = JSONObject([
            ("jid", .string(jid)), ("category", .string(category)), ("latestChange", .string("2026-01-01")),
            ("website", .object(JSONObject([("en", .string("https://\(jid)/"))]))), ("alternativeJids", .array([])),
            ("busFactor", .integer(2)), ("organization", .string("non-governmental")),
            ("passwordReset", .object(JSONObject())), ("serverTesting", .bool(true)),
            ("serverSoftwareName", .string("Prosody")), ("serverSoftwareVersion", .string("13.0")),
            ("ratingGreenWebCheck", .bool(false)), ("inBandRegistration", .bool(true)),
            ("inBandRegistrationEmailAddressRequired", .bool(false)),
            ("inBandRegistrationCaptchaRequired", .bool(false)), ("registrationWebPage", .object(JSONObject())),
            ("ratingXmppComplianceTester", .integer(100)), ("ratingImObservatoryClientToServer", .string("A")),
            ("ratingImObservatoryServerToServer", .string("A")), ("maximumHttpFileUploadFileSize", .integer(100)),
            ("maximumHttpFileUploadTotalSize", .integer(0)), ("maximumHttpFileUploadStorageTime", .integer(-1)),
            ("maximumMessageArchiveManagementStorageTime", .integer(30)), ("professionalHosting", .bool(true)),
            ("freeOfCharge", .bool(true)),
            ("legalNotice", .object(JSONObject([("en", .string("https://\(jid)/legal"))]))),
            ("serverLocations", .array([.string("de")])),
            ("emailSupport", .object(JSONObject([("en", .array([.string("support@\(jid)")]))]))),
            ("chatSupport", .object(JSONObject())), ("groupChatSupport", .object(JSONObject())),
            ("since", .string("2020-01-01")),
        ])
        for (key, value) in changes { object[key] = value }
        return object
    }

    static func catalogue(_ entries: [JSONObject]) -> Catalogue {
        Catalogue.validate(.array(entries.map(JSONValue.object)))
    }
}
