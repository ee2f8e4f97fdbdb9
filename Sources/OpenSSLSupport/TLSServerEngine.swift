import COpenSSL
import XMPPCore

/// A minimal sans-I/O TLS *server* for tests: memory BIOs on the `SSL_accept` side, so the client engine can
/// be exercised against good and hostile servers without sockets (architecture.md §4.1, principle 5).
///
/// Package-internal test support, deliberately lax: it serves whatever certificate it is given, may offer
/// TLS 1.1, and may select an ALPN protocol the client never offered. Never use it to serve real clients.
package final class TLSServerEngine {
    /// The versions a test server may be pinned to.
    package enum ProtocolVersion: Sendable {
        case tls11, tls12, tls13

        var wireValue: Int32 {
            switch self {
            case .tls11: copenssl_TLS1_1_VERSION()
            case .tls12: copenssl_TLS1_2_VERSION()
            case .tls13: copenssl_TLS1_3_VERSION()
            }
        }
    }

    /// How the server answers the client's ALPN extension (RFC 7301 §3.2).
    package enum ALPNBehaviour: Sendable {
        /// Ignore the extension (select nothing).
        case selectNone
        /// Select the first protocol the client offered.
        case selectFirstOffered
        /// Select this protocol whether or not the client offered it (hostile server, test matrix T15).
        case selectAlways(String)
    }

    /// Server settings.
    package struct Configuration: Sendable {
        package var certificateChainPath: String
        package var privateKeyPath: String
        package var minimumVersion: ProtocolVersion = .tls12
        package var maximumVersion: ProtocolVersion = .tls13
        package var alpn: ALPNBehaviour = .selectFirstOffered

        package init(certificateChainPath: String, privateKeyPath: String) {
            self.certificateChainPath = certificateChainPath
            self.privateKeyPath = privateKeyPath
        }
    }

    /// The result of feeding the server.
    package struct Output {
        package var toSend: [UInt8] = []
        package var plaintext: [UInt8] = []
        package var handshakeCompleted = false
        /// OpenSSL's error queue when the handshake or a read failed; `toSend` may then carry an alert.
        package var failure: [String]?
    }

    private let context: OpaquePointer
    private let ssl: OpaquePointer
    private let networkInput: OpaquePointer
    private let networkOutput: OpaquePointer
    private let alpn: ALPNBehaviour
    /// The protocol the ALPN callback selected; OpenSSL keeps pointing at it after the callback returns.
    private let alpnSelection = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 255)
    /// True once the handshake has completed.
    package private(set) var isHandshakeComplete = false

    /// Creates a server; throws `TLSError.internalError` with OpenSSL's strings when a file or setting is
    /// rejected.
    package init(configuration: Configuration) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw .internalError(OpenSSLErrorQueue.drainStrings())
        }
        if configuration.minimumVersion == .tls11 || configuration.maximumVersion == .tls11 {
            // OpenSSL 3 refuses TLS < 1.2 at security level ≥ 1.
            SSL_CTX_set_security_level(context, 0)
            _ = SSL_CTX_set_cipher_list(context, "DEFAULT:@SECLEVEL=0")
        }
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificateChainPath) == 1,
            SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyPath, SSL_FILETYPE_PEM) == 1,
            copenssl_SSL_CTX_set_min_proto_version(context, configuration.minimumVersion.wireValue) == 1,
            copenssl_SSL_CTX_set_max_proto_version(context, configuration.maximumVersion.wireValue) == 1,
            let ssl = SSL_new(context)
        else {
            SSL_CTX_free(context)
            throw .internalError(OpenSSLErrorQueue.drainStrings())
        }
        guard let input = BIO_new(BIO_s_mem()), let output = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            SSL_CTX_free(context)
            throw .internalError(OpenSSLErrorQueue.drainStrings())
        }
        SSL_set_bio(ssl, input, output)
        self.context = context
        self.ssl = ssl
        self.networkInput = input
        self.networkOutput = output
        self.alpn = configuration.alpn
        // The callback is read from the context at handshake time, so setting it after SSL_new works.
        SSL_CTX_set_alpn_select_cb(context, selectALPN, Unmanaged.passUnretained(self).toOpaque())
        SSL_set_accept_state(ssl)
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
        alpnSelection.deallocate()
    }

    /// Feeds ciphertext from the client.
    package func receive(_ ciphertext: [UInt8]) -> Output {
        OpenSSLErrorQueue.clear()
        var output = Output()
        guard MemoryBIO.write(ciphertext, to: networkInput) else {
            output.failure = OpenSSLErrorQueue.drainStrings()
            return output
        }
        if !isHandshakeComplete {
            let result = SSL_do_handshake(ssl)
            if result == 1 {
                isHandshakeComplete = true
                output.handshakeCompleted = true
            } else if !Self.isRetry(SSL_get_error(ssl, result)) {
                output.failure = OpenSSLErrorQueue.drainStrings()
            }
        }
        if isHandshakeComplete && output.failure == nil {
            while true {
                var status: Int32 = 0
                let chunk = [UInt8](unsafeUninitializedCapacity: 16_384) { buffer, count in
                    status = SSL_read(ssl, buffer.baseAddress, 16_384)
                    count = max(0, Int(status))
                }
                if status > 0 {
                    output.plaintext += chunk
                    continue
                }
                let error = SSL_get_error(ssl, status)
                if !Self.isRetry(error) && error != SSL_ERROR_ZERO_RETURN {
                    output.failure = OpenSSLErrorQueue.drainStrings()
                }
                break
            }
        }
        output.toSend = MemoryBIO.readAll(networkOutput)
        return output
    }

    /// Encrypts application data for the client.
    package func encrypt(_ plaintext: [UInt8]) -> [UInt8] {
        guard !plaintext.isEmpty else { return [] }
        let written = plaintext.withUnsafeBufferPointer { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
        precondition(written == plaintext.count, "test server: SSL_write failed")
        return MemoryBIO.readAll(networkOutput)
    }

    /// TLS 1.3: sends a KeyUpdate asking the client to update its keys too (RFC 8446 §4.6.3).
    package func requestKeyUpdate() -> [UInt8] {
        precondition(SSL_key_update(ssl, SSL_KEY_UPDATE_REQUESTED) == 1, "test server: SSL_key_update failed")
        _ = SSL_do_handshake(ssl)
        return MemoryBIO.readAll(networkOutput)
    }

    /// TLS 1.2: sends a HelloRequest (RFC 5246 §7.4.1.1), which the client must refuse.
    package func requestRenegotiation() -> [UInt8] {
        precondition(SSL_renegotiate(ssl) == 1, "test server: SSL_renegotiate failed")
        _ = SSL_do_handshake(ssl)
        OpenSSLErrorQueue.clear()
        return MemoryBIO.readAll(networkOutput)
    }

    /// Sends `close_notify`.
    package func close() -> [UInt8] {
        _ = SSL_shutdown(ssl)
        OpenSSLErrorQueue.clear()
        return MemoryBIO.readAll(networkOutput)
    }

    /// The negotiated version name (`TLSv1.3`).
    package var version: String { SSL_get_version(ssl).map { String(cString: $0) } ?? "" }

    /// The server's view of the channel-binding data; must equal the client's.
    package func channelBinding(_ type: ChannelBindingType) -> [UInt8]? {
        ChannelBindingData.value(type, ssl: ssl, isServer: true)
    }

    /// Called from the ALPN callback: the selected protocol among `offered` (wire format), stored in
    /// `alpnSelection`; `nil` to select nothing.
    fileprivate func select(offered: [UInt8]) -> (pointer: UnsafePointer<UInt8>, length: UInt8)? {
        let name: ArraySlice<UInt8>
        switch alpn {
        case .selectNone:
            return nil
        case .selectFirstOffered:
            guard let length = offered.first, length > 0, offered.count > Int(length) else { return nil }
            name = offered[1...Int(length)]
        case .selectAlways(let protocolName):
            name = ArraySlice(protocolName.utf8.prefix(255))
        }
        guard let base = alpnSelection.baseAddress, !name.isEmpty else { return nil }
        _ = alpnSelection.initialize(from: name)
        return (UnsafePointer(base), UInt8(name.count))
    }

    private static func isRetry(_ error: Int32) -> Bool {
        error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE
    }
}

/// `SSL_CTX_set_alpn_select_cb(3)` callback; `argument` is the unretained `TLSServerEngine`.
private func selectALPN(
    _ ssl: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
    _ outLength: UnsafeMutablePointer<UInt8>?, _ input: UnsafePointer<UInt8>?, _ inputLength: UInt32,
    _ argument: UnsafeMutableRawPointer?
) -> Int32 {
    guard let argument, let out, let outLength, let input else { return SSL_TLSEXT_ERR_NOACK }
    let server = Unmanaged<TLSServerEngine>.fromOpaque(argument).takeUnretainedValue()
    let offered = Array(UnsafeBufferPointer(start: input, count: Int(inputLength)))
    guard let selection = server.select(offered: offered) else { return SSL_TLSEXT_ERR_NOACK }
    out.pointee = selection.pointer
    outLength.pointee = selection.length
    return SSL_TLSEXT_ERR_OK
}
