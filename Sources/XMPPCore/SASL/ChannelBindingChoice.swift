/// The gs2 channel-binding choice (RFC 5802 §7 `gs2-cbind-flag`, XEP-0440, security.md §3.3 item 7).
public enum ChannelBindingChoice: Sendable, Hashable {
    /// `n`: the client does not support channel binding (or cannot use it on this connection while the
    /// server offers -PLUS: never `y` then, RFC 5802 §6).
    case notSupported
    /// `y`: the client supports channel binding but thinks the server does not (no -PLUS offered).
    case supportedButNotOffered
    /// `p=<type>`: channel binding with this type, used with a -PLUS mechanism.
    case bound(ChannelBindingType)

    /// The gs2 header without an authzid: `n,,`, `y,,` or `p=tls-exporter,,` (RFC 5802 §7).
    public var gs2Header: String {
        switch self {
        case .notSupported: "n,,"
        case .supportedButNotOffered: "y,,"
        case .bound(let type): "p=" + type.rawValue + ",,"
        }
    }

    /// The channel-binding type in use, if any.
    public var boundType: ChannelBindingType? {
        if case .bound(let type) = self { type } else { nil }
    }
}
