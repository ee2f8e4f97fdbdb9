import COpenSSL
import XMPPCore

/// Channel-binding data of a finished handshake (security.md §3.5), shared by the client engine and the
/// test server engine, which compute the same bytes from opposite ends.
package enum ChannelBindingData {
    /// RFC 9266 §2: the exporter label; 32 bytes, no context.
    static let exporterLabel = "EXPORTER-Channel-Binding"
    static let exporterLength = 32

    /// The types usable on this connection, strongest first: `tls-exporter` on TLS 1.3 only, `tls-unique`
    /// on TLS 1.2 with the extended master secret only, then `tls-server-end-point`.
    static func available(ssl: OpaquePointer, isServer: Bool) -> [ChannelBindingType] {
        [.tlsExporter, .tlsUnique, .tlsServerEndPoint].filter { value($0, ssl: ssl, isServer: isServer) != nil }
    }

    /// The binding bytes, or `nil` when the type is not usable on this connection.
    static func value(_ type: ChannelBindingType, ssl: OpaquePointer, isServer: Bool) -> [UInt8]? {
        guard SSL_is_init_finished(ssl) == 1 else { return nil }
        let isTLS13 = SSL_version(ssl) == copenssl_TLS1_3_VERSION()
        switch type {
        case .tlsExporter:
            // On TLS 1.2 an exporter without context differs from one with an empty context, and peers
            // disagree on which to use; TLS 1.3 makes them equal (security.md §3.5).
            return isTLS13 ? exporter(ssl) : nil
        case .tlsUnique:
            // RFC 5929 §3 is undefined for TLS 1.3 (RFC 8446 §C.5) and unsafe without RFC 7627's extended
            // master secret (triple handshake, RFC 7627 §1).
            guard !isTLS13, copenssl_SSL_get_extms_support(ssl) == 1 else { return nil }
            return firstFinished(ssl, isServer: isServer)
        case .tlsServerEndPoint:
            let certificate = isServer ? SSL_get_certificate(ssl) : SSL_get0_peer_certificate(ssl)
            return certificate.flatMap(serverEndPoint)
        }
    }

    private static func exporter(_ ssl: OpaquePointer) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: exporterLength)
        let ok = SSL_export_keying_material(
            ssl, &output, output.count, exporterLabel, exporterLabel.utf8.count, nil, 0, 0)
        OpenSSLErrorQueue.clear()
        return ok == 1 ? output : nil
    }

    /// The first Finished message of the handshake: the client's in a full handshake, the server's on
    /// resumption (RFC 5929 §3.1).
    private static func firstFinished(_ ssl: OpaquePointer, isServer: Bool) -> [UInt8]? {
        let resumed = SSL_session_reused(ssl) == 1
        var buffer = [UInt8](repeating: 0, count: 64)
        let length =
            isServer == resumed
            ? SSL_get_finished(ssl, &buffer, buffer.count)
            : SSL_get_peer_finished(ssl, &buffer, buffer.count)
        guard length > 0, length <= buffer.count else { return nil }
        return Array(buffer.prefix(length))
    }

    /// `tls-server-end-point` for a PEM certificate (for tests of the hash choice); `nil` if it cannot be
    /// parsed or has no single signature hash.
    package static func serverEndPoint(certificatePEM: String) -> [UInt8]? {
        let bytes = Array(certificatePEM.utf8)
        // BIO_new_mem_buf does not copy: the BIO must not outlive the buffer.
        let certificate = bytes.withUnsafeBytes { buffer -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil)
        }
        guard let certificate else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        defer { X509_free(certificate) }
        return serverEndPoint(certificate)
    }

    /// The `tls-server-end-point` data of a certificate (RFC 5929 §4.1).
    ///
    /// The DER encoding hashed with the hash of the signature algorithm, MD5 and SHA-1 replaced by SHA-256;
    /// `nil` when the signature has no single hash (Ed25519, Ed448).
    static func serverEndPoint(_ certificate: OpaquePointer) -> [UInt8]? {
        var digestNID: Int32 = NID_undef
        guard X509_get_signature_info(certificate, &digestNID, nil, nil, nil) == 1, digestNID != NID_undef else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        if digestNID == NID_md5 || digestNID == NID_sha1 {
            digestNID = NID_sha256
        }
        guard let digest = EVP_get_digestbyname(OBJ_nid2sn(digestNID)) else { return nil }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(certificate, digest, &output, &length) == 1 else { return nil }
        return Array(output.prefix(Int(length)))
    }
}
