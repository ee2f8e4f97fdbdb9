/// Local policy refusals during mechanism selection: what this client will not do, as opposed to what
/// the server said (architecture.md §5).
public enum SASLPolicyError: Error, Sendable, Hashable {
    /// XEP-0440 situations in which the client aborts instead of authenticating.
    public enum ChannelBindingAbortReason: String, Sendable, Hashable, CaseIterable {
        /// -PLUS offered with a channel-binding list of only unknown types and no `tls-server-end-point`
        /// (XEP-0440 §4: "MUST abort"; security.md S15).
        case onlyUnknownTypes = "only-unknown-types"
        /// Channel-binding types advertised but no -PLUS mechanism, while this client could bind: the
        /// -PLUS mechanisms were probably stripped (XEP-0440 §4: SASL2 "MUST", SASL1 "SHOULD" abort).
        case typesWithoutPlusMechanism = "types-without-plus-mechanism"
    }

    /// Nothing offered that this client implements and allows; `offered` is the server's list.
    case noAcceptableMechanism(offered: [String])
    /// Only PLAIN is usable and the TLS connection is not verified (security.md §3.4, S1).
    case plainNotAllowed
    /// Only PLAIN is usable but SCRAM was used for this account before (XEP-0474 §4 pinning, S2).
    case plainRefusedAfterSCRAM
    /// XEP-0440 requires aborting (see `ChannelBindingAbortReason`).
    case channelBindingAbort(ChannelBindingAbortReason)
}
