import COpenSSL

extension TLSConnectionInfo {
    /// Reads the negotiated parameters of an established connection; `certificate` is the peer's leaf.
    init(ssl: OpaquePointer, certificate: OpaquePointer) {
        self.init(
            version: SSL_get_version(ssl).map { String(cString: $0) } ?? "",
            cipher: SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)).map { String(cString: $0) } ?? "",
            alpn: HandshakeFailure.selectedALPN(ssl),
            certificate: CertificateSummary(certificate: certificate)
        )
    }
}
