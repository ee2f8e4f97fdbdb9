import FoundationEssentials

/// A provider's own description, `https://DOMAIN/.well-known/xmpp-provider-v2.json` (protocols.md §12.3),
/// for a custom domain that the catalogue does not list.
///
/// The file carries 14 of the 31 keys; the others (registration, ratings, category…) are not self-declared and
/// stay unknown. The result is a `Provider` of category D with origin `.providerFile`: it has not been
/// evaluated by XMPP Providers.
public enum ProviderFile {
    /// The keys a provider file may carry.
    public static let keys: [String] = [
        "website", "alternativeJids", "busFactor", "organization", "passwordReset", "serverTesting",
        "maximumHttpFileUploadTotalSize", "maximumHttpFileUploadStorageTime",
        "maximumMessageArchiveManagementStorageTime", "professionalHosting", "freeOfCharge", "legalNotice",
        "serverLocations", "since",
    ]

    /// Where the file lives for `domain`.
    public static func url(for domain: String) -> URL? {
        guard Provider.isDomain(domain.lowercased()) else { return nil }
        return URL(string: "https://\(domain.lowercased())/.well-known/xmpp-provider-v2.json")
    }

    /// Reads a provider file for `domain`: the provider (nil if any error) and every issue.
    public static func provider(
        domain: String, parsing data: some Sequence<UInt8>
    ) throws(JSONSyntaxError) -> (provider: Provider?, issues: [CatalogueIssue]) {
        let document = try JSONParser.parse(data)
        let log = IssueLog()
        guard case .object(let object) = document else {
            log.report(CatalogueIssue(.wrongType, path: "$", subject: domain, detail: "object/\(document.typeName)"))
            return (nil, log.issues)
        }
        let allowed = Set(keys)
        var entry = Provider.unknownEntry(jid: domain.lowercased(), date: "")
        for (key, value) in object.members {
            if allowed.contains(key) {
                entry[key] = value
            } else {
                log.report(CatalogueIssue(.unknownKey, severity: .warning, path: key, subject: domain, detail: key))
            }
        }
        if object["since"] == nil { entry["since"] = .string("1970-01-01") }
        let provider = Provider(validating: entry, path: "", log: log, defaultOrigin: .providerFile)
        return (provider, log.issues)
    }

    /// Downloads and reads the file for `domain`.
    public static func fetch(
        domain: String, using fetcher: CatalogueFetcher, from url: URL? = nil
    ) async throws -> (provider: Provider?, issues: [CatalogueIssue]) {
        guard let location = url ?? Self.url(for: domain) else { throw CatalogueFetcher.FetchError.invalidURL(domain) }
        let bytes = try await fetcher.download(location)
        return try provider(domain: domain, parsing: bytes)
    }
}

extension Provider {
    /// A v2 entry for `jid` whose properties are all "not known": empty maps and strings, `false`, bus factor
    /// `-1`, `null` for ratings and limits (an xmpp-onboard extension: the schema's `-1` would claim "less
    /// than 1"), category D. Used for the domain-list entries and for provider files.
    public static func unknownEntry(jid: String, date: String) -> JSONObject {
        JSONObject([
            ("jid", .string(jid)), ("category", .string("D")),
            ("latestChange", .string(date.isEmpty ? "1970-01-01" : date)),
            ("website", .object(JSONObject())), ("alternativeJids", .array([])), ("busFactor", .integer(-1)),
            ("organization", .string("")), ("passwordReset", .object(JSONObject())), ("serverTesting", .bool(false)),
            ("serverSoftwareName", .string("")), ("serverSoftwareVersion", .string("")),
            ("ratingGreenWebCheck", .bool(false)), ("inBandRegistration", .bool(false)),
            ("inBandRegistrationEmailAddressRequired", .bool(false)),
            ("inBandRegistrationCaptchaRequired", .bool(false)), ("registrationWebPage", .object(JSONObject())),
            ("ratingXmppComplianceTester", .null), ("ratingImObservatoryClientToServer", .null),
            ("ratingImObservatoryServerToServer", .null), ("maximumHttpFileUploadFileSize", .null),
            ("maximumHttpFileUploadTotalSize", .null), ("maximumHttpFileUploadStorageTime", .null),
            ("maximumMessageArchiveManagementStorageTime", .null), ("professionalHosting", .bool(false)),
            ("freeOfCharge", .bool(false)), ("legalNotice", .object(JSONObject())), ("serverLocations", .array([])),
            ("emailSupport", .object(JSONObject())), ("chatSupport", .object(JSONObject())),
            ("groupChatSupport", .object(JSONObject())), ("since", .string(date.isEmpty ? "1970-01-01" : date)),
        ])
    }
}
