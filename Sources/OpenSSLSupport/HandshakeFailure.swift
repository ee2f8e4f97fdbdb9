import COpenSSL

/// Turns the outcome of a client handshake into `TLSError` cases (security.md §2.3, §2.5; test matrix T1–T9,
/// T15).
enum HandshakeFailure {
    /// Classifies a failed `SSL_do_handshake`; `errors` is the drained error queue, `selectedALPN` what the
    /// server's ALPN extension named (OpenSSL itself rejects a protocol that was not offered).
    static func classify(
        ssl: OpaquePointer, errors: [OpenSSLErrorQueue.Entry], offeredALPN: [String], selectedALPN: String?
    ) -> TLSError {
        if let selectedALPN, !offeredALPN.contains(selectedALPN) {
            return .alpnMismatch(selected: selectedALPN)
        }
        let verifyResult = SSL_get_verify_result(ssl)
        if verifyResult != Int(X509_V_OK) {
            return verificationError(verifyResult)
        }
        let versionReasons: Set<Int32> = [
            copenssl_SSL_R_UNSUPPORTED_PROTOCOL(), copenssl_SSL_R_TLSV1_ALERT_PROTOCOL_VERSION(),
            copenssl_SSL_R_VERSION_TOO_LOW(), copenssl_SSL_R_NO_PROTOCOLS_AVAILABLE(),
            copenssl_SSL_R_WRONG_SSL_VERSION(),
        ]
        if errors.contains(where: { $0.isSSLLibrary && versionReasons.contains($0.reason) }) {
            return .protocolVersionTooOld
        }
        return .handshakeFailed(errors.map(\.text))
    }

    /// The checks OpenSSL does not make on its own once `SSL_do_handshake` succeeded: a certificate was
    /// presented, the verification result is OK, and the server's ALPN choice is one the client offered.
    static func checkEstablished(ssl: OpaquePointer, offeredALPN: [String]) -> TLSError? {
        // SSL_get_verify_result(3): "If no peer certificate was presented, the returned result code is
        // X509_V_OK", so the certificate's presence is checked first.
        guard SSL_get0_peer_certificate(ssl) != nil else { return .noPeerCertificate }
        let verifyResult = SSL_get_verify_result(ssl)
        guard verifyResult == Int(X509_V_OK) else { return verificationError(verifyResult) }
        if let selected = selectedALPN(ssl), !offeredALPN.contains(selected) {
            return .alpnMismatch(selected: selected)
        }
        return nil
    }

    /// The ALPN protocol the peer selected, if any (`SSL_get0_alpn_selected(3)`).
    static func selectedALPN(_ ssl: OpaquePointer) -> String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// Maps an `X509_V_ERR_*` code (verify(1) "Diagnostics").
    static func verificationError(_ code: Int) -> TLSError {
        switch Int32(truncatingIfNeeded: code) {
        case X509_V_ERR_HOSTNAME_MISMATCH:
            return .hostnameMismatch
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return .certificateExpired
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return .certificateNotYetValid
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
            return .selfSignedCertificate
        default:
            let reason = X509_verify_cert_error_string(code).map { String(cString: $0) } ?? "error \(code)"
            return .untrustedCertificate(reason: reason)
        }
    }
}
