/// Why a TLS connection could not be set up or continued; one case per situation the user sees differently.
///
/// The `[String]` payloads are OpenSSL's error queue (`ERR_error_string_n(3)` lines, oldest first) for
/// `--verbose` output and bug reports; they are not meant for display as the main message. The CLI maps each
/// case to a message key (architecture.md §5).
public enum TLSError: Error, Sendable, Hashable {
    // MARK: - Setup

    /// The reference identity is empty or not a DNS name in A-label form. OpenSSL would silently skip the
    /// name check for an empty name (security.md §2.3), so no connection is attempted (test matrix T8).
    case invalidServerName
    /// An ALPN protocol name is empty or longer than 255 bytes (RFC 7301 §3.1).
    case invalidALPNProtocol(String)
    /// A `--ca-file` could not be read or holds no PEM certificate.
    case caFileUnreadable(path: String)
    /// The system trust store could not be loaded (`SSL_CTX_set_default_verify_paths(3)`).
    case trustStoreUnavailable([String])
    /// OpenSSL could not allocate or configure a context or connection object.
    case internalError([String])

    // MARK: - Certificate verification (RFC 6120 §13.7.2, RFC 9525)

    /// The chain does not lead to a trusted anchor; `reason` is `X509_verify_cert_error_string(3)`.
    case untrustedCertificate(reason: String)
    /// The server presented a self-signed certificate that is not a trust anchor (test matrix T7).
    case selfSignedCertificate
    /// No DNS-ID in the certificate matches the XMPP domain (T1–T4: other name, partial or multi-label
    /// wildcard, CN only).
    case hostnameMismatch
    /// The server sent no certificate at all (`SSL_get_verify_result(3)` would still say OK).
    case noPeerCertificate
    /// A certificate in the chain has expired (T6).
    case certificateExpired
    /// A certificate in the chain is not valid yet (T6; often a wrong system clock).
    case certificateNotYetValid

    // MARK: - Negotiation

    /// The server supports no TLS version ≥ 1.2 (RFC 8996, RFC 9325; test matrix T9).
    case protocolVersionTooOld
    /// The server selected an ALPN protocol the client did not offer (XEP-0368 §3; test matrix T15).
    case alpnMismatch(selected: String)
    /// Any other handshake failure (alert from the server, malformed message, no shared cipher…).
    case handshakeFailed([String])

    // MARK: - Established connection

    /// The server ended the TLS session (`close_notify`).
    case peerClosed
    /// A fatal TLS error after the handshake (bad record MAC, unexpected message…).
    case protocolError([String])
    /// `encrypt` was called before the handshake completed.
    case handshakeIncomplete
    /// The engine was closed locally with `close()`.
    case closed
}
