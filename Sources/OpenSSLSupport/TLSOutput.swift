/// What one `TLSEngine.receive(_:)` call produced.
public struct TLSOutput: Sendable, Hashable {
    /// Ciphertext to write to the socket now (handshake messages, alerts); may be empty.
    public var toSend: [UInt8]
    /// Decrypted application data, in order; may be empty.
    public var plaintext: [UInt8]
    /// True exactly once, in the call during which the handshake finished and was verified.
    ///
    /// Verified means the server's certificate, name and ALPN choice. Application data may be sent from then on.
    public var handshakeCompleted: Bool
    /// True when the server's `close_notify` arrived after the returned `plaintext`; every later call on the
    /// engine throws `TLSError.peerClosed`.
    public var peerClosed: Bool

    public init(
        toSend: [UInt8] = [], plaintext: [UInt8] = [], handshakeCompleted: Bool = false, peerClosed: Bool = false
    ) {
        self.toSend = toSend
        self.plaintext = plaintext
        self.handshakeCompleted = handshakeCompleted
        self.peerClosed = peerClosed
    }
}
