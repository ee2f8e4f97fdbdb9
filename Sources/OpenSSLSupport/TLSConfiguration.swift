/// The TLS protocol versions the client may negotiate.
///
/// There is deliberately no case below TLS 1.2 (RFC 8996 deprecates TLS 1.0 and 1.1; RFC 9325 §3.1.1).
public enum TLSVersion: String, Sendable, Hashable, Comparable, CaseIterable {
    case tls12 = "TLSv1.2"
    case tls13 = "TLSv1.3"

    public static func < (lhs: TLSVersion, rhs: TLSVersion) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .tls12: 0
        case .tls13: 1
        }
    }
}

/// Client TLS settings shared by every connection made from one `TLSContext` (security.md §2.5).
///
/// There is no switch to turn certificate verification off: the system trust store is always used, and
/// `additionalTrustAnchors` can only add anchors (`--ca-file`).
public struct TLSConfiguration: Sendable, Hashable {
    /// Paths of PEM files whose certificates are trusted in addition to the system store.
    public var additionalTrustAnchors: [String]
    /// The lowest version offered; never below TLS 1.2.
    public var minimumVersion: TLSVersion = .tls12

    public init(additionalTrustAnchors: [String] = []) {
        self.additionalTrustAnchors = additionalTrustAnchors
    }
}
