/// The hash functions SCRAM is defined for (RFC 5802, RFC 7677, draft-melnikov-scram-sha-512).
public enum SCRAMHash: String, Sendable, CaseIterable, Hashable {
    case sha1 = "SHA-1"
    case sha256 = "SHA-256"
    case sha512 = "SHA-512"

    /// The digest length in bytes.
    public var digestLength: Int {
        switch self {
        case .sha1: 20
        case .sha256: 32
        case .sha512: 64
        }
    }
}

/// The cryptographic primitives SCRAM needs, supplied by a wrapper target (OpenSSL in the product).
///
/// `XMPPCore` performs no cryptography of its own and links no C library for it; the driver injects an
/// implementation, and tests inject the same one for published vectors.
public protocol CryptoPrimitives: Sendable {
    /// `H(data)`.
    func digest(_ hash: SCRAMHash, _ data: [UInt8]) -> [UInt8]
    /// `HMAC(key, data)` (RFC 2104).
    func hmac(_ hash: SCRAMHash, key: [UInt8], data: [UInt8]) -> [UInt8]
    /// `Hi(password, salt, iterations)`, that is PBKDF2 with HMAC (RFC 5802 §2.2, RFC 8018).
    func pbkdf2(_ hash: SCRAMHash, password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8]
}
