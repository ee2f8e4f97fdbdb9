import OpenSSLSupport
import Testing
import XMPPCore

/// Published vectors (security.md §3.7) and the message formats.
@Suite struct SCRAMVectorTests {
    let crypto = OpenSSLCrypto()

    struct Vector: Sendable, CustomTestStringConvertible {
        var hash: SCRAMHash
        var clientNonce: String
        var clientFirst: String
        var serverFirst: String
        var clientFinal: String
        var serverFinal: String
        var saltedPassword: String
        var testDescription: String { "SCRAM-" + hash.rawValue }
    }

    static let vectors: [Vector] = [
        // RFC 5802 §5
        Vector(
            hash: .sha1, clientNonce: "fyko+d2lbbFgONRv9qkxdawL",
            clientFirst: "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
            serverFirst: "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
            clientFinal: "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
            serverFinal: "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=",
            saltedPassword: "1d96ee3a529b5a5f9e47c01f229a2cb8a6e15f7d"
        ),
        // RFC 7677 §3
        Vector(
            hash: .sha256, clientNonce: "rOprNGfwEbeRWgbNEkqO",
            clientFirst: "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            serverFirst: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            clientFinal: "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
            saltedPassword: "c4a49510323ab4f952cac1fa99441939e78ea74d6be81ddf7096e87513dc615d"
        ),
        // security.md §3.7: the RFC 7677 inputs with SHA-512 (Python hashlib; re-checked with Perl's
        // Digest::SHA, an implementation independent of OpenSSL).
        Vector(
            hash: .sha512, clientNonce: "rOprNGfwEbeRWgbNEkqO",
            clientFirst: "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            serverFirst: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            clientFinal: "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=gMGXRcevScNtxZ6/8lQYpGtnsNAc3mGcmNomv+xnoOMw+3R2xNJdMNnzMlTN8PPC6wdp6dybEmDYXYTxwnYPJQ==",
            serverFinal: "v=ZQnYEgWQMFmmsM8aQMF0nDDCy/AgCzkwk8CmMZYcMg0vSVlKDanekLtifDSeVGT4+5ZxXnJq199RVG2rR7N7Zw==",
            saltedPassword: "f16efe1be67f1d09502ebd5ed9262fddffba5a377ab4f0b687e5ed5ba0f50686"
                + "b8a4ae166476da8ab3b951d2fa9238b63998f45461bc33a464814949cec9631d"
        ),
    ]

    @Test("published SCRAM vectors, nonce injected", arguments: vectors)
    func vector(_ vector: Vector) throws {
        var client = SCRAMClient(
            hash: vector.hash, username: "user", password: "pencil", clientNonce: vector.clientNonce,
            binding: .notSupported, bindingData: nil, downgradeProtection: nil, crypto: crypto
        )
        #expect(client.makeClientFirstMessage().string == vector.clientFirst)
        #expect(try client.receiveServerFirst(vector.serverFirst.bytes).string == vector.clientFinal)
        try client.receiveServerFinal(vector.serverFinal.bytes)
        #expect(client.isSucceeded)
    }

    @Test("SaltedPassword of the vectors", arguments: vectors)
    func saltedPassword(_ vector: Vector) throws {
        let salt = try #require(Base64.decode(vector.serverFirst.split(separator: ",")[1].dropFirst(2)))
        let salted = crypto.pbkdf2(vector.hash, password: "pencil".bytes, salt: salt, iterations: 4096)
        #expect(salted == [UInt8](hex: vector.saltedPassword))
    }

    @Test("RFC 5802 §5 intermediate keys")
    func rfc5802Keys() {
        let salted = [UInt8](hex: "1d96ee3a529b5a5f9e47c01f229a2cb8a6e15f7d")
        let clientKey = crypto.hmac(.sha1, key: salted, data: "Client Key".bytes)
        #expect(clientKey == [UInt8](hex: "e234c47bf6c36696dd6d852b99aaa2ba26555728"))
        #expect(crypto.digest(.sha1, clientKey) == [UInt8](hex: "e9d94660c39d65c38fbad91c358f14da0eef2bd6"))
        let serverKey = crypto.hmac(.sha1, key: salted, data: "Server Key".bytes)
        #expect(serverKey == [UInt8](hex: "0fe09258b3ac852ba502cc62ba903eaacdbf7d31"))
    }

    @Test(
        "PBKDF2-HMAC-SHA1 (RFC 6070)",
        arguments: [
            (1, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
            (2, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
            (4096, "4b007901b765489abead49d926f721d065a429c1"),
        ])
    func pbkdf2(_ iterations: Int, _ expected: String) {
        let output = crypto.pbkdf2(.sha1, password: "password".bytes, salt: "salt".bytes, iterations: iterations)
        #expect(output == [UInt8](hex: expected))
    }

    @Test("XEP-0474 h= test vector")
    func downgradeProtectionVector() {
        let input = DowngradeProtectionInput(
            mechanisms: ["SCRAM-SHA-1-PLUS", "SCRAM-SHA-1"],
            channelBindingTypes: ["tls-server-end-point", "tls-exporter"]
        )
        let expected = "SCRAM-SHA-1\u{1E}SCRAM-SHA-1-PLUS\u{1F}tls-exporter\u{1E}tls-server-end-point"
        #expect(input.hashInput == expected.bytes)
        #expect(Base64.encode(crypto.digest(.sha1, input.hashInput)) == "G6k/rBLDqgOhRRaCuuatSDFkJ08=")
        // Without XEP-0440 there is no 0x1F part.
        let withoutTypes = DowngradeProtectionInput(mechanisms: ["SCRAM-SHA-256", "PLAIN"], channelBindingTypes: nil)
        #expect(withoutTypes.hashInput == "PLAIN\u{1E}SCRAM-SHA-256".bytes)
    }

    @Test(
        "username escaping in client-first",
        arguments: [
            ("user", "n=user"),
            ("a,b", "n=a=2Cb"),
            ("a=b", "n=a=3Db"),
            ("=,=", "n==3D=2C=3D"),
            ("j\u{FC}rgen", "n=j\u{FC}rgen"),
        ])
    func usernameEscaping(_ username: String, _ expected: String) {
        var client = SCRAMClient(
            hash: .sha256, username: username, password: "p", clientNonce: "abc", binding: .notSupported,
            bindingData: nil, downgradeProtection: nil, crypto: crypto
        )
        #expect(client.makeClientFirstMessage().string == "n,," + expected + ",r=abc")
    }

    @Test(
        "gs2 header and c= for each binding choice",
        arguments: [
            (ChannelBindingChoice.notSupported, "n,,", [UInt8]()),
            (.supportedButNotOffered, "y,,", []),
            (.bound(.tlsExporter), "p=tls-exporter,,", [1, 2, 3, 250]),
            (.bound(.tlsUnique), "p=tls-unique,,", Array(repeating: 7, count: 12)),
            (.bound(.tlsServerEndPoint), "p=tls-server-end-point,,", Array(repeating: 9, count: 32)),
        ])
    func gs2Header(_ binding: ChannelBindingChoice, _ header: String, _ data: [UInt8]) throws {
        let server = SCRAMTestServer(hash: .sha256, password: "pencil", salt: [1, 2, 3, 4], iterations: 4096)
        var client = SCRAMClient(
            hash: .sha256, username: "user", password: "pencil", clientNonce: "abc", binding: binding,
            bindingData: data, downgradeProtection: nil, crypto: crypto
        )
        let clientFirst = client.makeClientFirstMessage().string
        #expect(clientFirst == header + "n=user,r=abc")
        let serverFirst = server.serverFirst(nonce: "abcdef")
        let clientFinal = try client.receiveServerFirst(serverFirst.bytes).string
        let expectedC = Base64.encode(header.bytes + (binding.boundType == nil ? [] : data))
        #expect(clientFinal.hasPrefix("c=" + expectedC + ",r=abcdef,p="))
        let serverFinal = try #require(
            server.serverFinal(clientFirstBare: "n=user,r=abc", serverFirst: serverFirst, clientFinal: clientFinal))
        try client.receiveServerFinal(serverFinal.bytes)
        #expect(client.isSucceeded)
    }

    @Test("the password is prepared with OpaqueString before hashing")
    func passwordPreparation() throws {
        // U+00A0 maps to U+0020: the server holds the key for "pen cil".
        let server = SCRAMTestServer(hash: .sha256, password: "pen cil", salt: [5, 6, 7], iterations: 4096)
        var client = SCRAMClient(
            hash: .sha256, username: "user", password: "pen\u{A0}cil", clientNonce: "n0", binding: .notSupported,
            bindingData: nil, downgradeProtection: nil, crypto: crypto
        )
        _ = client.makeClientFirstMessage()
        let serverFirst = server.serverFirst(nonce: "n0n1")
        let clientFinal = try client.receiveServerFirst(serverFirst.bytes).string
        let serverFinal = server.serverFinal(
            clientFirstBare: "n=user,r=n0", serverFirst: serverFirst, clientFinal: clientFinal)
        #expect(serverFinal != nil)

        var invalid = SCRAMClient(
            hash: .sha256, username: "user", password: "tab\there", clientNonce: "n0", binding: .notSupported,
            bindingData: nil, downgradeProtection: nil, crypto: crypto
        )
        _ = invalid.makeClientFirstMessage()
        #expect(throws: SCRAMError.invalidPassword(.disallowed("\t"))) {
            try invalid.receiveServerFirst(serverFirst.bytes)
        }
    }

    @Test("description never shows secrets")
    func redaction() {
        let client = SCRAMClient(
            hash: .sha256, username: "user", password: "hunter2", clientNonce: "n0", binding: .notSupported,
            bindingData: nil, downgradeProtection: nil, crypto: crypto
        )
        #expect(!"\(client)".contains("hunter2"))
        #expect(!String(reflecting: client).contains("hunter2"))
        var dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains("hunter2"))
    }
}
