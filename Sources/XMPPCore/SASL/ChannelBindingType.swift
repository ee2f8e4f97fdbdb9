/// TLS channel-binding types usable with SCRAM-…-PLUS (RFC 5929, RFC 9266; advertised per XEP-0440).
public enum ChannelBindingType: String, Sendable, CaseIterable, Hashable {
    /// RFC 5929 §3: the first Finished message; TLS ≤ 1.2 only.
    case tlsUnique = "tls-unique"
    /// RFC 5929 §4: a hash of the server certificate.
    case tlsServerEndPoint = "tls-server-end-point"
    /// RFC 9266: the exporter `EXPORTER-Channel-Binding`, 32 bytes; used on TLS 1.3 only (security.md §3.5).
    case tlsExporter = "tls-exporter"
}
