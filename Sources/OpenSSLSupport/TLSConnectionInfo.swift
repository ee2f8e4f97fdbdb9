/// What was negotiated on a TLS connection, for `account verify` and `--verbose` output.
public struct TLSConnectionInfo: Sendable, Hashable {
    /// The protocol version as OpenSSL names it, such as `TLSv1.3` (`SSL_get_version(3)`).
    public var version: String
    /// The cipher suite's OpenSSL name, such as `TLS_AES_256_GCM_SHA384` (`SSL_CIPHER_get_name(3)`).
    public var cipher: String
    /// The ALPN protocol the server selected, or `nil` when it selected none (RFC 7301).
    public var alpn: String?
    /// The server's (leaf) certificate.
    public var certificate: CertificateSummary

    public init(version: String, cipher: String, alpn: String?, certificate: CertificateSummary) {
        self.version = version
        self.cipher = cipher
        self.alpn = alpn
        self.certificate = certificate
    }
}
