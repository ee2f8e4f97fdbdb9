/// XMPP Providers category (protocols.md §12.4). `A` is best; `A < B` so "B or better" is `category <= .b`.
public enum ProviderCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Registration without user interaction, in-band, free of charge, best properties.
    case a = "A"
    /// Registration with user interaction (a web page is enough), best properties, may cost money.
    case b = "B"
    /// Average properties: offer only for a reason.
    case c = "C"
    /// Registration closed or bad properties: autocomplete only.
    case d = "D"

    public static func < (lhs: ProviderCategory, rhs: ProviderCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a new account is created (derived from `inBandRegistration`, `inBandRegistrationCaptchaRequired`,
/// `registrationWebPage`).
public enum RegistrationMethod: String, Sendable, Hashable, CaseIterable {
    /// XEP-0077 in-band registration without a CAPTCHA.
    case inBand = "in-band"
    /// XEP-0077 with a XEP-0158 CAPTCHA.
    case inBandWithCAPTCHA = "in-band-captcha"
    /// Only a web page.
    case webPage = "web"
    /// No registration offered.
    case closed

    /// Whether an app (or this tool) can register without a browser.
    public var isInBand: Bool { self == .inBand || self == .inBandWithCAPTCHA }
}

/// The organization type (`organization`); `""` upstream means not stated.
public enum Organization: String, Sendable, Hashable, CaseIterable {
    case company
    case commercialPerson = "commercial person"
    case privatePerson = "private person"
    case governmental
    case nonGovernmental = "non-governmental"
    case unknown = ""
}

/// An IM Observatory TLS grade (`ratingImObservatory…`).
public enum SecurityGrade: String, Sendable, Hashable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"

    public static func < (lhs: SecurityGrade, rhs: SecurityGrade) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A size or duration limit with the schema's special values (protocols.md §12.2):
/// `0` = no limit, `-1` = less than one unit; `null` (our entries only) = not known.
public enum Limit: Sendable, Hashable, Comparable {
    case unknown
    case lessThanOne
    case value(Int)
    case unlimited

    /// Decodes the wire integer; `nil` for values below -1.
    public init?(wireValue: Int?) {
        switch wireValue {
        case nil: self = .unknown
        case 0: self = .unlimited
        case -1: self = .lessThanOne
        case let value? where value > 0: self = .value(value)
        default: return nil
        }
    }

    /// Whether the limit is at least `minimum` units (`unlimited` always is; `unknown` never is).
    public func isAtLeast(_ minimum: Int) -> Bool {
        switch self {
        case .unlimited: true
        case .value(let value): value >= minimum
        case .lessThanOne: minimum <= 0
        case .unknown: false
        }
    }

    private var rank: Int {
        switch self {
        case .unknown: -2
        case .lessThanOne: -1
        case .value(let value): value
        case .unlimited: Int.max
        }
    }

    public static func < (lhs: Limit, rhs: Limit) -> Bool { lhs.rank < rhs.rank }
}

/// Where an entry came from.
public enum ProviderOrigin: String, Sendable, Hashable {
    /// Kept as XMPP Providers published it.
    case upstream
    /// Added by this project (`"origin": "xmpp-onboard"`, with a `note`).
    case xmppOnboard = "xmpp-onboard"
    /// Read from the provider's own `/.well-known/xmpp-provider-v2.json` (protocols.md §12.3).
    case providerFile = "provider-file"
}
