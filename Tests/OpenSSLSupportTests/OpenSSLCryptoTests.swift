import Foundation
import OpenSSLSupport
import Testing
import XMPPCore

/// Known-answer tests for the primitives SCRAM uses (security.md §3.7).
@Suite struct OpenSSLCryptoTests {
    private let crypto = OpenSSLCrypto()

    @Test(
        "PBKDF2-HMAC-SHA1, RFC 6070 §2",
        arguments: [
            (1, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
            (2, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
            (4096, "4b007901b765489abead49d926f721d065a429c1"),
        ])
    func pbkdf2RFC6070(iterations: Int, expected: String) {
        let output = crypto.pbkdf2(
            .sha1, password: Array("password".utf8), salt: Array("salt".utf8), iterations: iterations)
        #expect(hex(output) == expected)
    }

    @Test("SCRAM SaltedPassword, RFC 5802 §5 and RFC 7677 §3")
    func saltedPassword() throws {
        let sha1Salt = try #require(Data(base64Encoded: "QSXCR+Q6sek8bf92"))
        #expect(
            hex(crypto.pbkdf2(.sha1, password: Array("pencil".utf8), salt: Array(sha1Salt), iterations: 4096))
                == "1d96ee3a529b5a5f9e47c01f229a2cb8a6e15f7d")
        let sha256Salt = try #require(Data(base64Encoded: "W22ZaJ0SNY7soEsUEjb6gQ=="))
        #expect(
            hex(crypto.pbkdf2(.sha256, password: Array("pencil".utf8), salt: Array(sha256Salt), iterations: 4096))
                == "c4a49510323ab4f952cac1fa99441939e78ea74d6be81ddf7096e87513dc615d")
    }

    @Test(
        "digests of \"abc\" (FIPS 180-4 examples)",
        arguments: [
            (SCRAMHash.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                .sha512,
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
            ),
        ])
    func digest(hash: SCRAMHash, expected: String) {
        let output = crypto.digest(hash, Array("abc".utf8))
        #expect(output.count == hash.digestLength)
        #expect(hex(output) == expected)
    }

    @Test(
        "HMAC with key \"Jefe\" (RFC 2202 §3 case 2, RFC 4231 §4.3)",
        arguments: [
            (SCRAMHash.sha1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
            (.sha256, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            (
                .sha512,
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
            ),
        ])
    func hmac(hash: SCRAMHash, expected: String) {
        let output = crypto.hmac(hash, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
        #expect(hex(output) == expected)
    }

    @Test("random bytes")
    func randomBytes() {
        #expect(crypto.randomBytes(0).isEmpty)
        let first = crypto.randomBytes(32)
        let second = crypto.randomBytes(32)
        #expect(first.count == 32)
        #expect(first != second)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
