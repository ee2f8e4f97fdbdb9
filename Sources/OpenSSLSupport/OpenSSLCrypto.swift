import COpenSSL
import XMPPCore

/// `CryptoPrimitives` backed by the system OpenSSL (libcrypto).
public struct OpenSSLCrypto: CryptoPrimitives {
    public init() {}

    private static func evp(_ hash: SCRAMHash) -> OpaquePointer? {
        switch hash {
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        case .sha512: EVP_sha512()
        }
    }

    public func digest(_ hash: SCRAMHash, _ data: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBufferPointer { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, Self.evp(hash), nil)
        }
        precondition(ok == 1, "EVP_Digest failed")
        return Array(output.prefix(Int(length)))
    }

    public func hmac(_ hash: SCRAMHash, key: [UInt8], data: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBufferPointer { keyBuffer in
            data.withUnsafeBufferPointer { dataBuffer in
                HMAC(
                    Self.evp(hash), keyBuffer.baseAddress, Int32(keyBuffer.count),
                    dataBuffer.baseAddress, dataBuffer.count, &output, &length
                )
            }
        }
        precondition(result != nil, "HMAC failed")
        return Array(output.prefix(Int(length)))
    }

    public func pbkdf2(_ hash: SCRAMHash, password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: hash.digestLength)
        let passwordCharacters = password.map { CChar(bitPattern: $0) }
        let ok = passwordCharacters.withUnsafeBufferPointer { passwordBuffer in
            salt.withUnsafeBufferPointer { saltBuffer in
                PKCS5_PBKDF2_HMAC(
                    passwordBuffer.baseAddress, Int32(passwordBuffer.count), saltBuffer.baseAddress,
                    Int32(saltBuffer.count), Int32(iterations), Self.evp(hash), Int32(output.count), &output
                )
            }
        }
        precondition(ok == 1, "PKCS5_PBKDF2_HMAC failed")
        return output
    }
}
