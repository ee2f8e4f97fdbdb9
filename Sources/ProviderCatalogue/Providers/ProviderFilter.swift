/// The `providers list` filters. All conditions must hold; `nil` / `false` means "any".
public struct ProviderFilter: Sendable, Hashable {
    /// This category or better (`.b` keeps A and B, as the upstream lists do).
    public var category: ProviderCategory?
    /// A server location, ISO 3166-1 alpha-2 (any case).
    public var country: String?
    /// A language of the provider's localized pages (website, legal notice, support); `pt` matches `pt-BR`.
    public var language: String?
    public var freeOfChargeOnly: Bool
    /// In-band registration (with or without CAPTCHA).
    public var inBandOnly: Bool
    /// No CAPTCHA in in-band registration (providers without in-band registration are not excluded by this
    /// alone; combine with `inBandOnly`).
    public var withoutCAPTCHA: Bool

    public init(
        category: ProviderCategory? = nil, country: String? = nil, language: String? = nil,
        freeOfChargeOnly: Bool = false, inBandOnly: Bool = false, withoutCAPTCHA: Bool = false
    ) {
        self.category = category
        self.country = country
        self.language = language
        self.freeOfChargeOnly = freeOfChargeOnly
        self.inBandOnly = inBandOnly
        self.withoutCAPTCHA = withoutCAPTCHA
    }

    /// Whether `provider` passes every condition.
    public func matches(_ provider: Provider) -> Bool {
        if let category, provider.category > category { return false }
        if let country, !provider.serverLocations.contains(country.lowercased()) { return false }
        if let language, !provider.speaks(language) { return false }
        if freeOfChargeOnly, !provider.isFreeOfCharge { return false }
        if inBandOnly, !provider.offersInBandRegistration { return false }
        if withoutCAPTCHA, provider.registrationMethod == .inBandWithCAPTCHA { return false }
        return true
    }
}

extension Catalogue {
    /// The providers passing `filter`, best category first, then by JID. O(n log n).
    public func providers(matching filter: ProviderFilter) -> [Provider] {
        providers.filter(filter.matches).sorted { lhs, rhs in
            lhs.category != rhs.category ? lhs.category < rhs.category : lhs.jid < rhs.jid
        }
    }
}
