import COpenSSL

/// Records the ALPN protocol the server selected from the handshake messages as they arrive.
///
/// When a server selects a protocol the client did not offer, OpenSSL aborts with a bare "bad extension"
/// and keeps no trace of the name; this observer (an `SSL_set_msg_callback(3)` target) remembers it so the
/// error can say what the server chose (`TLSError.alpnMismatch`, test matrix T15).
final class ALPNObserver {
    /// The protocol named in the server's ALPN extension, once seen.
    private(set) var selectedProtocol: String?

    /// Installs the observer on `ssl`; the caller keeps the observer alive as long as the `SSL`.
    func install(on ssl: OpaquePointer) {
        SSL_set_msg_callback(ssl, observeMessage)
        _ = copenssl_SSL_set_msg_callback_arg(ssl, Unmanaged.passUnretained(self).toOpaque())
    }

    fileprivate func observe(handshakeMessage: [UInt8]) {
        if let name = Self.selectedProtocol(inHandshakeMessage: handshakeMessage) {
            selectedProtocol = name
        }
    }

    /// The ALPN protocol in a ServerHello (TLS 1.2, RFC 5246 §7.4.1.3) or EncryptedExtensions (TLS 1.3,
    /// RFC 8446 §4.3.1) message, including its 4-byte handshake header; `nil` for other messages.
    static func selectedProtocol(inHandshakeMessage message: [UInt8]) -> String? {
        var reader = ByteReader(message)
        guard let type = reader.read(1)?.first, reader.read(3) != nil else { return nil }
        switch type {
        case 2:  // server_hello: version, random, session_id, cipher_suite, compression_method
            guard reader.read(2 + 32) != nil, let sessionID = reader.read(1)?.first, reader.read(Int(sessionID)) != nil,
                reader.read(2 + 1) != nil
            else { return nil }
        case 8:  // encrypted_extensions
            break
        default:
            return nil
        }
        guard let extensionsLength = reader.readLength(2), var extensions = reader.subReader(extensionsLength) else {
            return nil
        }
        while let type = extensions.readLength(2), let length = extensions.readLength(2),
            var body = extensions.subReader(length)
        {
            // RFC 7301 §3.1: application_layer_protocol_negotiation(16), a list holding exactly one name.
            guard type == 16 else { continue }
            guard body.readLength(2) != nil, let nameLength = body.read(1)?.first, let name = body.read(Int(nameLength))
            else { return nil }
            return String(decoding: name, as: UTF8.self)
        }
        return nil
    }
}

/// `SSL_set_msg_callback(3)` callback: passes received handshake messages to the `ALPNObserver` in `argument`.
private func observeMessage(
    _ isWrite: Int32, _ version: Int32, _ contentType: Int32, _ buffer: UnsafeRawPointer?, _ length: Int,
    _ ssl: OpaquePointer?, _ argument: UnsafeMutableRawPointer?
) {
    guard isWrite == 0, contentType == SSL3_RT_HANDSHAKE, let buffer, let argument, length >= 4 else { return }
    let message = Array(UnsafeRawBufferPointer(start: buffer, count: length))
    guard message[0] == 2 || message[0] == 8 else { return }
    Unmanaged<ALPNObserver>.fromOpaque(argument).takeUnretainedValue().observe(handshakeMessage: message)
}

/// A bounds-checked cursor over bytes.
private struct ByteReader {
    private let bytes: [UInt8]
    private var offset: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
    }

    /// The next `count` bytes, or `nil` (consuming nothing) if fewer remain.
    mutating func read(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A big-endian length of `width` bytes.
    mutating func readLength(_ width: Int) -> Int? {
        read(width)?.reduce(0) { $0 << 8 | Int($1) }
    }

    /// A reader over the next `count` bytes, which are consumed.
    mutating func subReader(_ count: Int) -> ByteReader? {
        read(count).map(ByteReader.init)
    }
}
