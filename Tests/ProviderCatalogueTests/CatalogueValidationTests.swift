import Foundation
import Testing

@testable import ProviderCatalogue

@Suite struct CatalogueValidationTests {
    @Test("the shipped providers.json is valid: upstream A+B list, our three additions, the domain list as D")
    func shippedFile() throws {
        let catalogue = try Fixtures.shipped()
        #expect(catalogue.issues.isEmpty, "\(catalogue.issues.prefix(10))")
        #expect(catalogue.metadata.format == "xmpp-providers-v2")
        #expect(catalogue.metadata.source == "https://data.xmpp.net/providers/v2/providers-B.json")
        #expect(FieldReader.isDate(catalogue.metadata.retrieved))

        let upstream = catalogue.providers.filter { $0.origin == .upstream }
        #expect(upstream.count == 29)
        #expect(upstream.filter { $0.category == .a }.count == 13)
        #expect(catalogue.providers(matching: ProviderFilter(category: .b)).count == 29)

        for jid in ["disroot.org", "chatrix.one"] {
            let provider = try #require(catalogue.provider(jid))
            #expect(provider.category == .b && provider.origin == .upstream)
        }
        let ours = ["jabber.org": ProviderCategory.d, "conversations.im": .c, "nixnet.services": .d]
        for (jid, category) in ours {
            let provider = try #require(catalogue.provider(jid), "\(jid) missing")
            #expect(provider.category == category)
            #expect(provider.origin == .xmppOnboard)
            #expect(provider.note?.isEmpty == false)
            #expect(provider.entry["origin"] == .string("xmpp-onboard"))
        }
        #expect(catalogue.provider("conversations.im")?.offersInBandRegistration == true)
        #expect(catalogue.provider("conversations.im")?.isFreeOfCharge == false)

        // Every domain of the upstream domain list is there, for autocomplete; ours are never better than C.
        let domains = try Fixtures.upstreamDomains()
        #expect(domains.count == 86)
        for domain in domains { #expect(catalogue.provider(domain) != nil, "\(domain) missing") }
        #expect(catalogue.providers.filter { $0.origin == .xmppOnboard }.allSatisfy { $0.category >= .c })
    }

    @Test("upstream entries are kept exactly as upstream wrote them")
    func upstreamEntriesUnchanged() throws {
        let shipped = try Fixtures.shipped()
        let upstream = try Fixtures.upstreamB()
        for provider in upstream.providers {
            #expect(shipped.provider(provider.jid)?.entry == provider.entry, "\(provider.jid)")
        }
    }

    @Test("a bare upstream v2 array is accepted as it is")
    func bareArray() throws {
        let catalogue = try Fixtures.upstreamB()
        #expect(catalogue.issues.isEmpty)
        #expect(catalogue.providers.count == 29)
        #expect(catalogue.metadata.format.isEmpty)
        #expect(catalogue.providers.allSatisfy { $0.origin == .upstream })
    }

    @Test("the observed facts of the B list (protocols.md §12.6)")
    func observedFacts() throws {
        let providers = try Fixtures.upstreamB().providers
        let a = providers.filter { $0.category == .a }
        #expect(a.allSatisfy { $0.offersInBandRegistration })
        #expect(a.filter(\.requiresCAPTCHAForRegistration).count == 8)
        #expect(providers.filter { $0.category == .b }.allSatisfy { $0.registrationMethod == .webPage })
        #expect(providers.filter { $0.busFactor == nil }.count == 7)
        #expect(providers.filter { $0.organization == .unknown }.count == 1)
        #expect(providers.filter { $0.serverLocations.contains("de") }.count == 14)
        #expect(providers.filter { !$0.passwordReset.isEmpty }.count == 18)
        #expect(providers.allSatisfy { $0.serverLocations.allSatisfy { $0 == $0.lowercased() } })
    }

    @Test("7 providers have no English website; lookup falls back to any language present")
    func localizedFallback() throws {
        let providers = try Fixtures.upstreamB().providers
        let withoutEnglish = providers.filter { !$0.website.languages.contains("en") }
        #expect(withoutEnglish.count == 7)
        for provider in providers { #expect(provider.website.url(for: "en") != nil, "\(provider.jid)") }

        let urls = LocalizedURLs([
            ("de", try #require(URL(string: "https://example.org/de"))),
            ("en", try #require(URL(string: "https://example.org/en"))),
            ("pt-BR", try #require(URL(string: "https://example.org/pt-BR"))),
        ])
        #expect(urls.url(for: "de")?.lastPathComponent == "de")
        #expect(urls.url(for: "de-AT")?.lastPathComponent == "de")
        #expect(urls.url(for: "pt-BR")?.lastPathComponent == "pt-BR")
        #expect(urls.url(for: "fr")?.lastPathComponent == "en")
        #expect(urls.url(for: nil)?.lastPathComponent == "en")
        let onlyFrench = LocalizedURLs([("fr", try #require(URL(string: "https://example.org/fr")))])
        #expect(onlyFrench.url(for: "de")?.lastPathComponent == "fr")
        #expect(LocalizedURLs().url(for: "en") == nil)
    }

    @Test("special values: 0 = unlimited, -1 = less than one (limits) or unknown (bus factor), null = unknown")
    func specialValues() throws {
        let catalogue = Fixtures.catalogue([
            Fixtures.entry(
                "special.example",
                changes: [
                    ("busFactor", .integer(-1)), ("maximumHttpFileUploadFileSize", .integer(0)),
                    ("maximumHttpFileUploadTotalSize", .integer(-1)), ("maximumHttpFileUploadStorageTime", .null),
                    ("maximumMessageArchiveManagementStorageTime", .integer(7)),
                    ("ratingXmppComplianceTester", .null), ("ratingImObservatoryClientToServer", .string("")),
                ])
        ])
        #expect(catalogue.issues.isEmpty, "\(catalogue.issues)")
        let provider = try #require(catalogue.providers.first)
        #expect(provider.busFactor == nil)
        #expect(provider.maximumUploadFileSize == .unlimited)
        #expect(provider.maximumUploadTotalSize == .lessThanOne)
        #expect(provider.uploadStorageTime == .unknown)
        #expect(provider.messageArchiveStorageTime == .value(7))
        #expect(provider.complianceRating == nil)
        #expect(provider.clientToServerGrade == nil)
        #expect(provider.serverToServerGrade == .a)
        #expect(Limit.unlimited.isAtLeast(10_000) && !Limit.unknown.isAtLeast(1) && Limit.value(5).isAtLeast(5))
    }

    @Test(
        "registration method",
        arguments: [
            (true, false, false, RegistrationMethod.inBand),
            (true, true, false, .inBandWithCAPTCHA),
            (false, false, true, .webPage),
            (false, false, false, .closed),
        ])
    func registrationMethod(inBand: Bool, captcha: Bool, web: Bool, expected: RegistrationMethod) throws {
        let page: JSONValue =
            web ? .object(JSONObject([("en", .string("https://x.example/register"))])) : .object(JSONObject())
        let catalogue = Fixtures.catalogue([
            Fixtures.entry(
                "x.example",
                changes: [
                    ("inBandRegistration", .bool(inBand)), ("inBandRegistrationCaptchaRequired", .bool(captcha)),
                    ("registrationWebPage", page),
                ])
        ])
        #expect(try #require(catalogue.providers.first).registrationMethod == expected)
    }

    @Test("a malformed file reports every problem, keeps valid entries, and does not crash")
    func malformedEntries() throws {
        var missing = Fixtures.entry("missing.example")
        missing["since"] = nil
        let catalogue = Fixtures.catalogue([
            Fixtures.entry("good.example"),
            Fixtures.entry(
                "bad.example", category: "E",
                changes: [
                    ("busFactor", .string("two")),
                    (
                        "website",
                        .object(
                            JSONObject([("en", .string("http://bad.example/")), ("english", .string("https://x/"))]))
                    ),
                    ("legalNotice", .object(JSONObject([("en", .string("not a url"))]))),
                    ("serverLocations", .array([.string("DE"), .string("deu")])),
                    ("ratingXmppComplianceTester", .integer(140)),
                    ("ratingImObservatoryServerToServer", .string("Z")),
                    ("maximumHttpFileUploadFileSize", .integer(-5)),
                    ("freeOfCharge", .string("yes")),
                    ("organization", .string("club")),
                    ("since", .string("22.07.2026")),
                    ("chatSupport", .object(JSONObject([("en", .array([.string("not a jid")]))]))),
                    ("origin", .string("somewhere")),
                ]),
            Fixtures.entry("good.example"),
            missing,
        ])
        #expect(catalogue.providers.map(\.jid) == ["good.example"])
        let found = Set(catalogue.issues.map { "\($0.severity.rawValue) \($0.kind.rawValue) \($0.path)" })
        let expected: Set<String> = [
            "error unknown-value providers[1].category",
            "error wrong-type providers[1].busFactor",
            "error insecure-url providers[1].website.en",
            "error invalid-language-code providers[1].website.english",
            "error invalid-url providers[1].legalNotice.en",
            "warning invalid-country-code providers[1].serverLocations[0]",
            "error invalid-country-code providers[1].serverLocations[1]",
            "error out-of-range providers[1].ratingXmppComplianceTester",
            "error unknown-value providers[1].ratingImObservatoryServerToServer",
            "error out-of-range providers[1].maximumHttpFileUploadFileSize",
            "error wrong-type providers[1].freeOfCharge",
            "error unknown-value providers[1].organization",
            "error invalid-date providers[1].since",
            "error invalid-address providers[1].chatSupport.en[0]",
            "error unknown-value providers[1].origin",
            "error duplicate providers[2].jid",
            "error missing-key providers[3].since",
        ]
        #expect(found == expected, "\(found.symmetricDifference(expected))")
        #expect(
            catalogue.issues.filter { $0.path.hasPrefix("providers[1]") }.allSatisfy { $0.subject == "bad.example" })
    }

    @Test(
        "wrong document shapes are reported, not crashed on",
        arguments: [
            (
                #"{"format": "xmpp-providers-v2", "source": "https://x.example/", "retrieved": "2026-07-22", "providers": {}}"#,
                "wrong-type providers"
            ),
            (
                #"{"format": "other", "source": "ftp://x", "retrieved": "yesterday", "providers": []}"#,
                "unknown-value format"
            ),
            (#""just a string""#, "wrong-type $"),
            (#"[1, null, [], {"jid": 5}]"#, "wrong-type providers[0]"),
            (#"{"providers": []}"#, "missing-key format"),
        ])
    func documentShapes(text: String, expectedIssue: String) throws {
        let catalogue = try Catalogue(parsing: Array(text.utf8))
        let issues = catalogue.issues.map { "\($0.kind.rawValue) \($0.path)" }
        #expect(issues.contains(expectedIssue), "\(issues)")
        #expect(catalogue.providers.isEmpty)
    }

    @Test("unknown keys are tolerated with a warning; our entries need a note")
    func unknownKeysAndNotes() throws {
        let catalogue = Fixtures.catalogue([
            Fixtures.entry("a.example", changes: [("futureKey", .bool(true))]),
            Fixtures.entry("b.example", changes: [("origin", .string("xmpp-onboard"))]),
        ])
        #expect(catalogue.providers.map(\.jid) == ["a.example"])
        let issues = catalogue.issues.map { "\($0.severity.rawValue) \($0.kind.rawValue) \($0.path)" }
        #expect(issues == ["warning unknown-key providers[0].futureKey", "error missing-key providers[1].note"])
    }

    @Test("alternative JIDs find the provider")
    func alternativeJIDs() throws {
        let catalogue = Fixtures.catalogue([
            Fixtures.entry("main.example", changes: [("alternativeJids", .array([.string("other.example")]))])
        ])
        #expect(catalogue.provider("OTHER.example")?.jid == "main.example")
        #expect(catalogue.provider("missing.example") == nil)
    }
}
