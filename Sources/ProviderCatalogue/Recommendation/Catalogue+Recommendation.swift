extension Catalogue {
    /// Recommends providers for a newcomer, deterministically for a given `seed`.
    ///
    /// Rules, in order:
    /// 1. Only A and B providers with registration open, meeting `request.needs`.
    /// 2. Tiers: category A with in-band registration first, then other in-band providers, then web signup.
    /// 3. Within a tier, providers located in the user's country come first when at least 2 qualify there
    ///    (Kaidan's `PROVIDER_LIST_MIN_PROVIDERS_FROM_COUNTRY`); otherwise those whose pages are in the user's
    ///    language when at least 2 qualify; otherwise the whole tier.
    /// 4. Each group is shuffled with a SplitMix64 generator seeded with `seed` (input sorted by JID first, so
    ///    the file order does not matter).
    ///
    /// O(n log n) in the number of providers.
    public func recommend(for request: RecommendationRequest, seed: UInt64) -> [Recommendation] {
        var generator = SplitMix64(seed: seed)
        let eligible = providers.filter { provider in
            guard provider.category <= .b, provider.registrationMethod != .closed else { return false }
            if request.needs.contains(.inBandRegistration), !provider.offersInBandRegistration { return false }
            if request.needs.contains(.noCAPTCHA), provider.registrationMethod == .inBandWithCAPTCHA { return false }
            if request.needs.contains(.freeOfCharge), !provider.isFreeOfCharge { return false }
            if request.needs.contains(.noEmail), provider.requiresEmailForRegistration { return false }
            return true
        }.sorted { $0.jid < $1.jid }

        func tier(_ provider: Provider) -> Int {
            if provider.category == .a && provider.registrationMethod.isInBand { return 0 }
            return provider.registrationMethod.isInBand ? 1 : 2
        }

        var ordered: [(Provider, Recommendation.Selection)] = []
        for level in 0...2 {
            let members = eligible.filter { tier($0) == level }
            guard !members.isEmpty else { continue }
            let (preferred, selection) = Self.preferredGroup(members, request: request)
            let rest = members.filter { member in !preferred.contains { $0.jid == member.jid } }
            ordered += Self.shuffle(preferred, using: &generator).map { ($0, selection) }
            ordered += Self.shuffle(rest, using: &generator).map { ($0, .remainder) }
        }

        return ordered.prefix(max(0, request.count)).enumerated().map { index, pair in
            Recommendation(
                provider: pair.0, rank: index + 1, selection: pair.1, reasons: Self.reasons(for: pair.0, request))
        }
    }

    private static func preferredGroup(
        _ members: [Provider], request: RecommendationRequest
    ) -> ([Provider], Recommendation.Selection) {
        let minimum = 2
        if let country = request.country?.lowercased() {
            let local = members.filter { $0.serverLocations.contains(country) }
            if local.count >= minimum { return (local, .country(country, count: local.count)) }
        }
        if let language = request.language {
            let speaking = members.filter { $0.speaks(language) }
            if speaking.count >= minimum { return (speaking, .language(language, count: speaking.count)) }
        }
        return (members, .anywhere(count: members.count))
    }

    /// Fisher–Yates written out, so the order does not depend on the standard library's shuffle algorithm.
    private static func shuffle(_ providers: [Provider], using generator: inout SplitMix64) -> [Provider] {
        var result = providers
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            let other = Int(generator.next() % UInt64(index + 1))
            result.swapAt(index, other)
        }
        return result
    }

    private static func reasons(for provider: Provider, _ request: RecommendationRequest) -> [Recommendation.Reason] {
        var reasons: [Recommendation.Reason] = [
            .category(provider.category),
            .registration(provider.registrationMethod, emailRequired: provider.requiresEmailForRegistration),
        ]
        if !provider.serverLocations.isEmpty {
            let matches = request.country.map { provider.serverLocations.contains($0.lowercased()) } ?? false
            reasons.append(.location(provider.serverLocations, matchesCountry: matches))
        }
        if let language = request.language, provider.speaks(language) { reasons.append(.language(language)) }
        reasons.append(.listedSince(provider.since))
        reasons.append(.uploadLimit(provider.maximumUploadFileSize))
        reasons.append(.messageHistory(provider.messageArchiveStorageTime))
        reasons.append(.freeOfCharge(provider.isFreeOfCharge))
        let contact =
            provider.groupChatSupport.addresses(for: request.language).first.map { "xmpp:\($0)?join" }
            ?? provider.chatSupport.addresses(for: request.language).first.map { "xmpp:\($0)" }
            ?? provider.emailSupport.addresses(for: request.language).first.map { "mailto:\($0)" }
        if let contact { reasons.append(.supportContact(contact)) }
        return reasons
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-distributed generator whose output is fixed by its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
