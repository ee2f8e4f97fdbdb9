import COpenSSL

/// A sans-I/O TLS client: the driver feeds it bytes from the socket and writes out what it returns.
///
/// One `SSL` object with two memory BIOs (architecture.md §4.2), configured by the recipe in security.md §2.5:
/// `SSL_VERIFY_PEER`, `SSL_set1_host(domain)` with `NO_PARTIAL_WILDCARDS | NEVER_CHECK_SUBJECT` (DNS-IDs
/// only, no CN fallback, RFC 9525), SNI = domain, optional ALPN. After the handshake a peer certificate and
/// `X509_V_OK` are required, and an ALPN protocol the client did not offer is rejected (XEP-0368 §3).
///
/// Any error is terminal: later calls throw it again. Usage:
/// ```swift
/// var engine = try TLSEngine(context: context, serverName: "example.org", alpnProtocols: ["xmpp-client"])
/// send(try engine.start())
/// let output = try engine.receive(bytesFromSocket)   // repeat until output.handshakeCompleted
/// ```
///
/// `@unchecked Sendable`: the `SSL *` and its `ALPNObserver` are reachable only through this non-copyable
/// value, so one owner at a time uses them; moving the engine to another isolation domain moves that
/// ownership with it.
public struct TLSEngine: ~Copyable, @unchecked Sendable {
    /// Where the engine is in its life; failure is terminal.
    enum State {
        /// Created; `start()` not yet called.
        case idle
        /// ClientHello sent, waiting for the server.
        case handshaking
        /// Handshake done and verified; application data flows.
        case established
        /// The server sent `close_notify`.
        case peerClosed
        /// `close()` was called.
        case closed
        /// A fatal error; every later call rethrows it.
        case failed(TLSError)
    }

    /// The owned `SSL *`; it owns both BIOs.
    let ssl: OpaquePointer
    /// Ciphertext from the network, read by OpenSSL.
    private let networkInput: OpaquePointer
    /// Ciphertext written by OpenSSL, for the network.
    private let networkOutput: OpaquePointer
    /// The ALPN protocols offered, to check the server's choice.
    private let alpnProtocols: [String]
    /// Sees the server's ALPN choice even when OpenSSL rejects it; must outlive `ssl` (it does: stored
    /// properties are released after `deinit` has freed the `SSL`).
    private let alpnObserver: ALPNObserver
    private(set) var state: State = .idle

    /// What was negotiated; `nil` until the handshake has completed and been verified.
    public private(set) var connectionInfo: TLSConnectionInfo?

    /// Prepares a client connection.
    /// - Parameters:
    ///   - serverName: the XMPP domain as an A-label; it is both the reference identity and the SNI name,
    ///     never the SRV target (RFC 7525 §6.1). Empty or not a host name → `TLSError.invalidServerName`.
    ///   - alpnProtocols: `["xmpp-client"]` for direct TLS (XEP-0368), `[]` for STARTTLS.
    public init(context: TLSContext, serverName: String, alpnProtocols: [String]) throws(TLSError) {
        guard ReferenceIdentity.isValid(serverName) else { throw .invalidServerName }
        let alpnWire = try Self.alpnWireFormat(alpnProtocols)
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(context.context) else { throw .internalError(OpenSSLErrorQueue.drainStrings()) }
        guard let input = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw .internalError(OpenSSLErrorQueue.drainStrings())
        }
        guard let output = BIO_new(BIO_s_mem()) else {
            BIO_free(input)
            SSL_free(ssl)
            throw .internalError(OpenSSLErrorQueue.drainStrings())
        }
        SSL_set_bio(ssl, input, output)  // the SSL now owns both BIOs
        let alpnObserver = ALPNObserver()
        alpnObserver.install(on: ssl)
        do throws(TLSError) {
            try Self.configure(ssl, serverName: serverName, alpnWire: alpnWire)
        } catch {
            SSL_free(ssl)
            throw error
        }
        self.ssl = ssl
        self.networkInput = input
        self.networkOutput = output
        self.alpnProtocols = alpnProtocols
        self.alpnObserver = alpnObserver
    }

    deinit {
        SSL_free(ssl)
    }

    private static func configure(_ ssl: OpaquePointer, serverName: String, alpnWire: [UInt8]) throws(TLSError) {
        SSL_set_verify(ssl, SSL_VERIFY_PEER, nil)
        SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS | X509_CHECK_FLAG_NEVER_CHECK_SUBJECT))
        guard SSL_set1_host(ssl, serverName) == 1, copenssl_SSL_set_tlsext_host_name(ssl, serverName) == 1 else {
            throw .internalError(OpenSSLErrorQueue.drainStrings())
        }
        if !alpnWire.isEmpty {
            // Unlike most OpenSSL calls, SSL_set_alpn_protos returns 0 on success.
            guard SSL_set_alpn_protos(ssl, alpnWire, UInt32(alpnWire.count)) == 0 else {
                throw .internalError(OpenSSLErrorQueue.drainStrings())
            }
        }
        SSL_set_connect_state(ssl)
    }

    /// RFC 7301 §3.1 wire format: each name prefixed by its length (1–255 bytes).
    static func alpnWireFormat(_ protocols: [String]) throws(TLSError) -> [UInt8] {
        var wire: [UInt8] = []
        for name in protocols {
            let bytes = Array(name.utf8)
            guard (1...255).contains(bytes.count) else { throw .invalidALPNProtocol(name) }
            wire.append(UInt8(bytes.count))
            wire += bytes
        }
        return wire
    }

    // MARK: - Driving the connection

    /// True once the handshake has completed and passed verification.
    public var isHandshakeComplete: Bool { connectionInfo != nil }

    /// Begins the handshake and returns the ClientHello to send.
    ///
    /// Calling it again returns nothing new.
    public mutating func start() throws(TLSError) -> [UInt8] {
        try throwIfFailed()
        guard case .idle = state else { return MemoryBIO.readAll(networkOutput) }
        state = .handshaking
        OpenSSLErrorQueue.clear()
        _ = try continueHandshake()
        return MemoryBIO.readAll(networkOutput)
    }

    /// Feeds ciphertext from the socket; returns bytes to send, decrypted plaintext, and whether the
    /// handshake completed (and was verified) during this call.
    ///
    /// When the server's `close_notify` arrives, plaintext that preceded it is returned with
    /// `peerClosed = true`; if there is none, the call throws `TLSError.peerClosed` at once.
    public mutating func receive(_ ciphertext: [UInt8]) throws(TLSError) -> TLSOutput {
        try throwIfFailed()
        switch state {
        case .peerClosed: throw .peerClosed
        case .closed: throw .closed
        case .idle: state = .handshaking
        case .handshaking, .established, .failed: break
        }
        OpenSSLErrorQueue.clear()
        guard MemoryBIO.write(ciphertext, to: networkInput) else {
            throw fail(.internalError(OpenSSLErrorQueue.drainStrings()))
        }
        var output = TLSOutput()
        if case .handshaking = state {
            output.handshakeCompleted = try continueHandshake()
        }
        if case .established = state {
            try readPlaintext(into: &output)
        }
        output.toSend = MemoryBIO.readAll(networkOutput)
        if output.peerClosed && output.plaintext.isEmpty {
            throw .peerClosed
        }
        return output
    }

    /// Encrypts application data; returns the TLS records to send.
    public mutating func encrypt(_ plaintext: [UInt8]) throws(TLSError) -> [UInt8] {
        try throwIfFailed()
        switch state {
        case .established: break
        case .idle, .handshaking: throw .handshakeIncomplete
        case .peerClosed: throw .peerClosed
        case .closed: throw .closed
        case .failed(let error): throw error
        }
        OpenSSLErrorQueue.clear()
        var offset = 0
        while offset < plaintext.count {
            let chunk = min(plaintext.count - offset, 1 << 20)
            // Without SSL_MODE_ENABLE_PARTIAL_WRITE, SSL_write writes all of `chunk` or fails; a memory BIO
            // never asks to retry.
            let written = plaintext.withUnsafeBufferPointer { buffer in
                SSL_write(ssl, buffer.baseAddress.map { $0 + offset }, Int32(chunk))
            }
            guard written > 0 else { throw fail(.protocolError(OpenSSLErrorQueue.drainStrings())) }
            offset += Int(written)
        }
        return MemoryBIO.readAll(networkOutput)
    }

    /// Ends the session and returns the `close_notify` alert to send.
    ///
    /// Returns nothing when the handshake had not completed. Later calls to `receive` and `encrypt` throw
    /// `TLSError.closed`.
    public mutating func close() -> [UInt8] {
        switch state {
        case .established, .peerClosed:
            OpenSSLErrorQueue.clear()
            _ = SSL_shutdown(ssl)
            OpenSSLErrorQueue.clear()
            state = .closed
            return MemoryBIO.readAll(networkOutput)
        case .idle, .handshaking:
            state = .closed
            return []
        case .closed, .failed:
            return []
        }
    }

    // MARK: - Internals

    private func throwIfFailed() throws(TLSError) {
        if case .failed(let error) = state { throw error }
    }

    /// Records a terminal error and returns it for throwing.
    private mutating func fail(_ error: TLSError) -> TLSError {
        state = .failed(error)
        return error
    }

    /// Runs `SSL_do_handshake`; true when it completed and verification passed.
    private mutating func continueHandshake() throws(TLSError) -> Bool {
        let result = SSL_do_handshake(ssl)
        guard result == 1 else {
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                return false
            case SSL_ERROR_ZERO_RETURN:
                throw fail(.peerClosed)
            default:
                let errors = OpenSSLErrorQueue.drain()
                throw fail(
                    HandshakeFailure.classify(
                        ssl: ssl, errors: errors, offeredALPN: alpnProtocols,
                        selectedALPN: alpnObserver.selectedProtocol))
            }
        }
        if let error = HandshakeFailure.checkEstablished(ssl: ssl, offeredALPN: alpnProtocols) {
            throw fail(error)
        }
        guard let certificate = SSL_get0_peer_certificate(ssl) else { throw fail(.noPeerCertificate) }
        connectionInfo = TLSConnectionInfo(ssl: ssl, certificate: certificate)
        state = .established
        return true
    }

    /// Decrypts everything buffered; notes a `close_notify`.
    private mutating func readPlaintext(into output: inout TLSOutput) throws(TLSError) {
        let capacity = 16_384  // one maximal TLS record
        while true {
            var status: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                status = SSL_read(ssl, buffer.baseAddress, Int32(capacity))
                count = max(0, Int(status))
            }
            if status > 0 {
                output.plaintext += chunk
                continue
            }
            switch SSL_get_error(ssl, status) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                return
            case SSL_ERROR_ZERO_RETURN:
                state = .peerClosed
                output.peerClosed = true
                return
            default:
                throw fail(.protocolError(OpenSSLErrorQueue.drainStrings()))
            }
        }
    }
}
