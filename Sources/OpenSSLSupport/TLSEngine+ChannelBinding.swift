import XMPPCore

extension TLSEngine {
    /// The channel-binding data of `type` for SCRAM-…-PLUS (RFC 5802 §6).
    ///
    /// `nil` when the type is not usable on this connection or the handshake has not completed
    /// (security.md §3.5):
    /// - `tls-exporter`: `SSL_export_keying_material`, label `EXPORTER-Channel-Binding`, 32 bytes, no
    ///   context (RFC 9266 §2) — TLS 1.3 only;
    /// - `tls-unique`: the first Finished message (RFC 5929 §3) — TLS 1.2 with extended master secret only;
    /// - `tls-server-end-point`: hash of the server certificate (RFC 5929 §4).
    public func channelBinding(_ type: ChannelBindingType) -> [UInt8]? {
        guard isHandshakeComplete else { return nil }
        return ChannelBindingData.value(type, ssl: ssl, isServer: false)
    }

    /// The usable channel-binding types, strongest first.
    ///
    /// Conversations' `ChannelBinding.best()` order: `tls-exporter` (TLS 1.3) or `tls-unique` (TLS 1.2), then
    /// `tls-server-end-point`. Empty before the handshake has completed.
    public var availableChannelBindings: [ChannelBindingType] {
        guard isHandshakeComplete else { return [] }
        return ChannelBindingData.available(ssl: ssl, isServer: false)
    }
}
