/// What the newcomer told us (`providers recommend`).
public struct RecommendationRequest: Sendable, Hashable {
    /// The user's country, ISO 3166-1 alpha-2 (any case).
    public var country: String?
    /// The user's language (`de`, `pt-BR`).
    public var language: String?
    /// The device the account will be used on first; picks the apps to suggest.
    public var platform: Platform?
    public var needs: Needs
    /// How many recommendations to return.
    public var count: Int

    public init(
        country: String? = nil, language: String? = nil, platform: Platform? = nil, needs: Needs = [], count: Int = 3
    ) {
        self.country = country
        self.language = language
        self.platform = platform
        self.needs = needs
        self.count = count
    }

    /// Hard requirements on top of the defaults (A or B, registration open).
    public struct Needs: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Registration from an app or this tool, without a browser.
        public static let inBandRegistration = Needs(rawValue: 1 << 0)
        /// No CAPTCHA to solve.
        public static let noCAPTCHA = Needs(rawValue: 1 << 1)
        public static let freeOfCharge = Needs(rawValue: 1 << 2)
        /// No email address asked for.
        public static let noEmail = Needs(rawValue: 1 << 3)
    }
}

/// One recommended provider with the facts that explain the choice ("why this one").
public struct Recommendation: Sendable, Hashable {
    public let provider: Provider
    /// 1 for the first choice.
    public let rank: Int
    /// How the pool this provider was drawn from was chosen.
    public let selection: Selection
    /// The facts a newcomer cares about, in display order.
    public let reasons: [Reason]

    /// The pool rule that applied (Kaidan's rule: the user's country when at least 2 providers qualify there).
    public enum Selection: Sendable, Hashable {
        /// Drawn from `count` qualifying providers located in `country`.
        case country(String, count: Int)
        /// Drawn from `count` qualifying providers whose pages are in `language`.
        case language(String, count: Int)
        /// Drawn from all `count` qualifying providers of its tier.
        case anywhere(count: Int)
        /// Listed after the preferred pool of its tier.
        case remainder
    }

    /// A fact about the provider. The CLI turns each into a localized line.
    public enum Reason: Sendable, Hashable {
        case category(ProviderCategory)
        case registration(RegistrationMethod, emailRequired: Bool)
        /// Server locations; `matchesCountry` when one of them is the requested country.
        case location([String], matchesCountry: Bool)
        /// The provider's pages are in the requested language.
        case language(String)
        case listedSince(String)
        case uploadLimit(Limit)
        case messageHistory(Limit)
        case freeOfCharge(Bool)
        /// A support address (chat, group chat or email), in the requested language if possible.
        case supportContact(String)
    }
}
