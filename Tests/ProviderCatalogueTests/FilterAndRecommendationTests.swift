import Testing

@testable import ProviderCatalogue

@Suite struct FilterTests {
    @Test(
        "filters on the upstream B list",
        arguments: [
            (ProviderFilter(), 29),
            (ProviderFilter(category: .a), 13),
            (ProviderFilter(category: .b), 29),
            (ProviderFilter(category: .d), 29),
            (ProviderFilter(inBandOnly: true), 13),
            (ProviderFilter(inBandOnly: true, withoutCAPTCHA: true), 5),
            (ProviderFilter(country: "DE"), 14),
            (ProviderFilter(category: .a, country: "de"), 6),
            (ProviderFilter(country: "pe"), 1),
            (ProviderFilter(freeOfChargeOnly: true), 29),
            (ProviderFilter(language: "bg"), 1),
            (ProviderFilter(language: "he"), 1),
        ])
    func counts(filter: ProviderFilter, expected: Int) throws {
        #expect(try Fixtures.upstreamB().providers(matching: filter).count == expected)
    }

    @Test("in-band without CAPTCHA names the 5 providers of protocols.md §12.6")
    func noCAPTCHA() throws {
        let jids = try Fixtures.upstreamB().providers(matching: ProviderFilter(inBandOnly: true, withoutCAPTCHA: true))
            .map(\.jid)
        #expect(jids == ["chat.between-us.online", "jabber.fr", "jabber.vg", "xmpp.party", "yax.im"])
    }

    @Test("--language matches website, legal notice and support languages, and base languages")
    func language() throws {
        let catalogue = Fixtures.catalogue([
            Fixtures.entry("web.example"),
            Fixtures.entry(
                "support.example",
                changes: [
                    ("groupChatSupport", .object(JSONObject([("fr", .array([.string("aide@salon.support.example")]))])))
                ]),
            Fixtures.entry(
                "brazil.example",
                changes: [("website", .object(JSONObject([("pt-BR", .string("https://brazil.example/"))])))]),
        ])
        #expect(catalogue.providers(matching: ProviderFilter(language: "fr")).map(\.jid) == ["support.example"])
        #expect(catalogue.providers(matching: ProviderFilter(language: "pt")).map(\.jid) == ["brazil.example"])
        #expect(catalogue.providers(matching: ProviderFilter(language: "pt-PT")).map(\.jid) == ["brazil.example"])
        #expect(catalogue.providers(matching: ProviderFilter(language: "en")).count == 3)
    }

    @Test("results come best category first, then by JID")
    func order() throws {
        let jids = try Fixtures.shipped().providers(matching: ProviderFilter()).map(\.jid)
        let shipped = try Fixtures.shipped()
        let categories = jids.compactMap { shipped.provider($0)?.category }
        #expect(categories == categories.sorted())
        #expect(jids.first == "07f.de")
    }
}

@Suite struct RecommendationTests {
    @Test("the same seed gives the same choice; another seed may differ")
    func deterministic() throws {
        let catalogue = try Fixtures.shipped()
        let request = RecommendationRequest(country: "de", language: "de", count: 5)
        let first = catalogue.recommend(for: request, seed: 42).map(\.provider.jid)
        #expect(first == catalogue.recommend(for: request, seed: 42).map(\.provider.jid))
        let many = Set((0..<20).map { catalogue.recommend(for: request, seed: $0).first?.provider.jid })
        #expect(many.count > 1)
    }

    @Test("category A with in-band registration comes first; C and D are never recommended")
    func tiers() throws {
        let catalogue = try Fixtures.shipped()
        for seed in UInt64(0)..<10 {
            let all = catalogue.recommend(for: RecommendationRequest(count: 100), seed: seed)
            #expect(all.count == 29)
            #expect(all.prefix(13).allSatisfy { $0.provider.category == .a && $0.provider.registrationMethod.isInBand })
            #expect(all.dropFirst(13).allSatisfy { $0.provider.category == .b })
            #expect(all.map(\.rank) == Array(1...29))
        }
    }

    @Test(
        "country preference (Kaidan's rule: at least 2 qualify there), then language, then anywhere",
        arguments: [
            (RecommendationRequest(country: "de"), "country de"),
            (RecommendationRequest(country: "fr"), "country fr"),
            // jabber.vg is the only A provider in Peru: not enough, so the language decides.
            (RecommendationRequest(country: "pe", language: "fr"), "language fr"),
            (RecommendationRequest(country: "pe"), "anywhere"),
            (RecommendationRequest(country: "us", needs: [.noCAPTCHA]), "country us"),
            (RecommendationRequest(language: "tr"), "anywhere"),
        ])
    func pool(request: RecommendationRequest, expected: String) throws {
        let first = try #require(try Fixtures.shipped().recommend(for: request, seed: 3).first)
        let rule: String =
            switch first.selection {
            case .country(let code, _): "country \(code)"
            case .language(let code, _): "language \(code)"
            case .anywhere: "anywhere"
            case .remainder: "remainder"
            }
        #expect(rule == expected)
        if case .country(let code, _) = first.selection { #expect(first.provider.serverLocations.contains(code)) }
        if case .language(let code, _) = first.selection { #expect(first.provider.speaks(code)) }
    }

    @Test("needs are hard requirements")
    func needs() throws {
        let catalogue = try Fixtures.shipped()
        let request = RecommendationRequest(needs: [.inBandRegistration, .noCAPTCHA, .freeOfCharge], count: 50)
        let jids = Set(catalogue.recommend(for: request, seed: 1).map(\.provider.jid))
        #expect(jids == ["chat.between-us.online", "jabber.fr", "jabber.vg", "xmpp.party", "yax.im"])
        let web = catalogue.recommend(for: RecommendationRequest(country: "bg", count: 50), seed: 1)
        #expect(web.contains { $0.provider.jid == "chatrix.one" })
    }

    @Test("why this one: location, since, upload limit, history, free, support contact")
    func reasons() throws {
        let catalogue = try Fixtures.shipped()
        let recommendation = try #require(
            catalogue.recommend(for: RecommendationRequest(country: "fr", language: "fr", count: 1), seed: 0).first)
        let provider = recommendation.provider
        #expect(provider.serverLocations.contains("fr"))
        let reasons = recommendation.reasons
        #expect(reasons.contains(.category(.a)))
        #expect(reasons.contains(.location(provider.serverLocations, matchesCountry: true)))
        #expect(reasons.contains(.language("fr")))
        #expect(reasons.contains(.listedSince(provider.since)))
        #expect(reasons.contains(.uploadLimit(provider.maximumUploadFileSize)))
        #expect(reasons.contains(.messageHistory(provider.messageArchiveStorageTime)))
        #expect(reasons.contains(.freeOfCharge(true)))
        #expect(reasons.contains { if case .supportContact = $0 { true } else { false } })
    }

    @Test("SplitMix64 reference output")
    func generator() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
