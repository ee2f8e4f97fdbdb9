/// The mechanism and gs2 channel-binding flag chosen for one SASL exchange.
public struct MechanismSelection: Sendable, Hashable {
    public var mechanism: SASLMechanism
    public var binding: ChannelBindingChoice

    public init(mechanism: SASLMechanism, binding: ChannelBindingChoice) {
        self.mechanism = mechanism
        self.binding = binding
    }

    /// SCRAM hashes, strongest first.
    static let hashPreference: [SCRAMHash] = [.sha512, .sha256, .sha1]

    /// Chooses the strongest acceptable mechanism (security.md §3.3 item 7, §3.4, §3.5).
    ///
    /// Order: SCRAM-SHA-512-PLUS > -256-PLUS > -1-PLUS (when a binding type is usable) > SCRAM-SHA-512 >
    /// -256 > -1 > PLAIN. PLAIN only when no SCRAM is offered at all, over verified TLS, and not after SCRAM
    /// was pinned for the account.
    ///
    /// A binding type is usable when this connection can supply it (`available`) and the server accepts it:
    /// with XEP-0440 (`serverChannelBindings` non-nil), a type the server lists, preferring any type
    /// stronger than `tls-server-end-point`; without XEP-0440, only `tls-unique`, which RFC 5802 §6 makes
    /// mandatory for servers offering -PLUS (and which exists on TLS ≤ 1.2 only). So -PLUS advertised without
    /// `<sasl-channel-binding>` over TLS 1.3 (ejabberd 23.01) falls back to the non-PLUS mechanism with `n`.
    ///
    /// gs2 flag for a non-PLUS mechanism: `n` when the server offers any -PLUS mechanism (never `y` then:
    /// RFC 5802 §6, libstrophe#241) or when this connection cannot bind at all; otherwise `y`.
    ///
    /// - Parameters:
    ///   - offered: the server's `<mechanism/>` names.
    ///   - serverChannelBindings: the known types in the XEP-0440 `<sasl-channel-binding/>` feature; `nil`
    ///     when the feature was not advertised.
    ///   - unknownServerBindingTypes: whether that feature also listed types this client does not know.
    ///   - available: the types this TLS connection can supply, strongest first (`tls-exporter` on TLS 1.3,
    ///     `tls-unique` on TLS ≤ 1.2, `tls-server-end-point`).
    ///   - isTLSVerified: whether the stream runs over TLS with a verified certificate.
    ///   - isSCRAMPinned: whether SCRAM was used for this account before (refuse PLAIN, XEP-0474 §4).
    public static func select(
        offered: [String],
        serverChannelBindings: [ChannelBindingType]?,
        unknownServerBindingTypes: Bool,
        available: [ChannelBindingType],
        isTLSVerified: Bool,
        isSCRAMPinned: Bool = false
    ) throws(SASLPolicyError) -> MechanismSelection {
        let mechanisms = Set(offered.compactMap(SASLMechanism.init(name:)))
        let isPlusOffered = hashPreference.contains { mechanisms.contains(.scram($0, plus: true)) }
        let isSCRAMOffered = isPlusOffered || hashPreference.contains { mechanisms.contains(.scram($0, plus: false)) }

        let usable: [ChannelBindingType]
        if let serverTypes = serverChannelBindings {
            if isPlusOffered && serverTypes.isEmpty && unknownServerBindingTypes {
                throw .channelBindingAbort(.onlyUnknownTypes)
            }
            let isAdvertisingTypes = !serverTypes.isEmpty || unknownServerBindingTypes
            if isSCRAMOffered && !isPlusOffered && isAdvertisingTypes && !available.isEmpty {
                throw .channelBindingAbort(.typesWithoutPlusMechanism)
            }
            // XEP-0440 §4: prefer anything stronger than tls-server-end-point.
            let stronger = available.filter { $0 != .tlsServerEndPoint }
            let preferred = stronger + available.filter { $0 == .tlsServerEndPoint }
            usable = preferred.filter(serverTypes.contains)
        } else {
            usable = available.filter { $0 == .tlsUnique }
        }

        if let type = usable.first {
            for hash in hashPreference where mechanisms.contains(.scram(hash, plus: true)) {
                return MechanismSelection(mechanism: .scram(hash, plus: true), binding: .bound(type))
            }
        }
        for hash in hashPreference where mechanisms.contains(.scram(hash, plus: false)) {
            let canBind = !available.isEmpty
            let flag: ChannelBindingChoice = isPlusOffered || !canBind ? .notSupported : .supportedButNotOffered
            return MechanismSelection(mechanism: .scram(hash, plus: false), binding: flag)
        }
        if !isSCRAMOffered && mechanisms.contains(.plain) {
            guard isTLSVerified else { throw .plainNotAllowed }
            guard !isSCRAMPinned else { throw .plainRefusedAfterSCRAM }
            return MechanismSelection(mechanism: .plain, binding: .notSupported)
        }
        throw .noAcceptableMechanism(offered: offered)
    }
}
