import OpenSSLSupport
import Testing
import XMPPCore

/// Hostile or malformed server-first and server-final messages (security.md §8.3 S3–S9, S11).
@Suite struct SCRAMServerMessageTests {
    static let crypto = OpenSSLCrypto()
    static let clientNonce = "fyko+d2lbbFgONRv9qkxdawL"
    static let server = SCRAMTestServer(
        hash: .sha1, password: "pencil", salt: [0x41, 0x25, 0xc2, 0x47], iterations: 4096)

    func makeClient(
        downgradeProtection: DowngradeProtectionInput? = nil,
        iterationRange: ClosedRange<Int> = 4096...1_048_576
    ) -> SCRAMClient {
        var client = SCRAMClient(
            hash: .sha1, username: "user", password: "pencil", clientNonce: Self.clientNonce,
            binding: .notSupported, bindingData: nil, downgradeProtection: downgradeProtection,
            crypto: Self.crypto, iterationRange: iterationRange
        )
        _ = client.makeClientFirstMessage()
        return client
    }

    /// Runs a full exchange with `serverFirst`; returns the client after server-final.
    func completeExchange(_ client: inout SCRAMClient, serverFirst: String) throws {
        let clientFinal = try client.receiveServerFirst(serverFirst.bytes).string
        let serverFinal = try #require(
            Self.server.serverFinal(
                clientFirstBare: "n=user,r=\(Self.clientNonce)", serverFirst: serverFirst, clientFinal: clientFinal))
        try client.receiveServerFinal(serverFinal.bytes)
    }

    // MARK: S3 nonce

    @Test(
        "S3: nonce not extending ours, equal, or with bad characters",
        arguments: [
            "r=AAAAfyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=4096",  // not prefixed
            "r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096",  // equal
            "r=fyko+d2lbbFgONRv9qkxdawLabc\u{1}def,s=QSXCR+Q6sek8bf92,i=4096",  // control byte
            "r=fyko+d2lbbFgONRv9qkxdawL abc,s=QSXCR+Q6sek8bf92,i=4096",  // space
            "r=fyko+d2lbbFgONRv9qkxdawL\u{E9},s=QSXCR+Q6sek8bf92,i=4096",  // non-ASCII
            "r=,s=QSXCR+Q6sek8bf92,i=4096",  // empty
        ])
    func badNonce(_ serverFirst: String) {
        var client = makeClient()
        #expect(throws: SCRAMError.invalidNonce) { try client.receiveServerFirst(serverFirst.bytes) }
        #expect(client.state == .failed(.invalidNonce))
    }

    @Test("S3: a comma inside the nonce breaks the message")
    func commaInNonce() {
        var client = makeClient()
        #expect(throws: SCRAMError.self) {
            try client.receiveServerFirst("r=fyko+d2lbbFgONRv9qkxdawLab,cd,s=QSXCR+Q6sek8bf92,i=4096".bytes)
        }
    }

    // MARK: S4 iteration count

    @Test(
        "S4: iteration counts outside 4096…2^20 or not decimal",
        arguments: [
            ("0", SCRAMError.iterationCountOutOfRange(0)),
            ("-1", .invalidIterationCount),
            ("1", .iterationCountOutOfRange(1)),
            ("4095", .iterationCountOutOfRange(4095)),
            ("abc", .invalidIterationCount),
            ("4294967296", .iterationCountOutOfRange(4_294_967_296)),
            ("100000000", .iterationCountOutOfRange(100_000_000)),
            ("1048577", .iterationCountOutOfRange(1_048_577)),
            ("+4096", .invalidIterationCount),
            ("4096.0", .invalidIterationCount),
            ("99999999999999999999999", .invalidIterationCount),
            ("", .invalidIterationCount),
        ])
    func badIterations(_ value: String, _ expected: SCRAMError) {
        var client = makeClient()
        let serverFirst = "r=\(Self.clientNonce)3rfc,s=QSXCR+Q6sek8bf92,i=\(value)"
        #expect(throws: expected) { try client.receiveServerFirst(serverFirst.bytes) }
    }

    @Test("S4: the bounds themselves are accepted")
    func iterationBounds() throws {
        var client = makeClient(iterationRange: 4096...4097)
        _ = try client.receiveServerFirst("r=\(Self.clientNonce)x,s=QSXCR+Q6sek8bf92,i=4097".bytes)
        var lower = makeClient()
        _ = try lower.receiveServerFirst("r=\(Self.clientNonce)x,s=QSXCR+Q6sek8bf92,i=4096".bytes)
    }

    // MARK: S5 salt, S6 m=, other syntax

    @Test(
        "S5, S6 and syntax errors in server-first",
        arguments: [
            ("r=fyko+d2lbbFgONRv9qkxdawLx,i=4096", SCRAMError.invalidSalt),  // missing s=
            ("r=fyko+d2lbbFgONRv9qkxdawLx,s=,i=4096", .invalidSalt),  // empty salt
            ("r=fyko+d2lbbFgONRv9qkxdawLx,s=!!!!,i=4096", .invalidSalt),  // not base64
            ("r=fyko+d2lbbFgONRv9qkxdawLx,s=QSXCR+Q6sek8bf9,i=4096", .invalidSalt),  // bad length
            ("m=ext,r=fyko+d2lbbFgONRv9qkxdawLx,s=QSXCR+Q6sek8bf92,i=4096", .mandatoryExtension),
            ("r=fyko+d2lbbFgONRv9qkxdawLx,s=QSXCR+Q6sek8bf92", .invalidIterationCount),  // missing i=
            ("s=QSXCR+Q6sek8bf92,r=fyko+d2lbbFgONRv9qkxdawLx,i=4096", .malformedMessage),  // order
            ("r=fyko+d2lbbFgONRv9qkxdawLx,s=QSXCR+Q6sek8bf92,i=4096,r=again", .malformedMessage),
            ("r=fyko+d2lbbFgONRv9qkxdawLx,s=QSXCR+Q6sek8bf92,i=4096,m=late", .malformedMessage),
            ("r=fyko+d2lbbFgONRv9qkxdawLx,s=QSXCR+Q6sek8bf92,i=4096,", .malformedMessage),
            ("r=fyko+d2lbbFgONRv9qkxdawLx,s=QSXCR+Q6sek8bf92,i=4096,xx=1", .malformedMessage),
            ("", .malformedMessage),
        ])
    func malformedServerFirst(_ serverFirst: String, _ expected: SCRAMError) {
        var client = makeClient()
        #expect(throws: expected) { try client.receiveServerFirst(serverFirst.bytes) }
    }

    @Test("server-first that is not UTF-8")
    func invalidUTF8() {
        var client = makeClient()
        #expect(throws: SCRAMError.malformedMessage) {
            try client.receiveServerFirst("r=fyko+d2lbbFgONRv9qkxdawLx,s=QSXCR+Q6sek8bf92,i=4096,x=".bytes + [0xFF])
        }
    }

    // MARK: S7 unknown extensions

    @Test("S7: unknown extension attributes are accepted", arguments: [",x=foo", ",g=grease,x=1", ",z=a=b"])
    func unknownExtension(_ extra: String) throws {
        var client = makeClient()
        let serverFirst = Self.server.serverFirst(nonce: Self.clientNonce + "3rfc", extra: extra)
        try completeExchange(&client, serverFirst: serverFirst)
        #expect(client.isSucceeded)
    }

    // MARK: S8 XEP-0474

    static let advertised = DowngradeProtectionInput(
        mechanisms: ["SCRAM-SHA-1", "SCRAM-SHA-1-PLUS"], channelBindingTypes: ["tls-exporter", "tls-server-end-point"]
    )

    @Test("S8: matching h= continues")
    func downgradeHashMatches() throws {
        var client = makeClient(downgradeProtection: Self.advertised)
        let serverFirst = Self.server.serverFirst(
            nonce: Self.clientNonce + "a0911", extra: ",h=G6k/rBLDqgOhRRaCuuatSDFkJ08=")
        try completeExchange(&client, serverFirst: serverFirst)
        #expect(client.isSucceeded)
    }

    @Test(
        "S8: h= for another advertisement fails",
        arguments: [
            ",h=AAAAAAAAAAAAAAAAAAAAAAAAAAA=",  // wrong hash
            ",h=not base64",
        ])
    func downgradeHashMismatch(_ extra: String) {
        var client = makeClient(downgradeProtection: Self.advertised)
        let serverFirst = Self.server.serverFirst(nonce: Self.clientNonce + "a0911", extra: extra)
        #expect(throws: SCRAMError.downgradeDetected) { try client.receiveServerFirst(serverFirst.bytes) }
    }

    @Test("S8: a stripped -PLUS mechanism changes h=")
    func downgradeStripped() {
        // The attacker removed SCRAM-SHA-1-PLUS from what we saw; the server hashed what it sent.
        let seen = DowngradeProtectionInput(
            mechanisms: ["SCRAM-SHA-1"], channelBindingTypes: ["tls-exporter", "tls-server-end-point"])
        var client = makeClient(downgradeProtection: seen)
        let serverFirst = Self.server.serverFirst(
            nonce: Self.clientNonce + "a", extra: ",h=G6k/rBLDqgOhRRaCuuatSDFkJ08=")
        #expect(throws: SCRAMError.downgradeDetected) { try client.receiveServerFirst(serverFirst.bytes) }
    }

    @Test("S8: no h= from the server is not an error (XEP-0474 is optional)")
    func noDowngradeHash() throws {
        var client = makeClient(downgradeProtection: Self.advertised)
        try completeExchange(&client, serverFirst: Self.server.serverFirst(nonce: Self.clientNonce + "z"))
        #expect(client.isSucceeded)
    }

    // MARK: S9, S11 server-final

    func clientAwaitingFinal() throws -> SCRAMClient {
        var client = makeClient()
        _ = try client.receiveServerFirst(Self.server.serverFirst(nonce: Self.clientNonce + "3rfc").bytes)
        return client
    }

    @Test(
        "S9: wrong v=",
        arguments: [
            "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=",  // the RFC's signature, for another exchange
            "v=AAAA",
            "v=" + Base64.encode([UInt8](repeating: 0, count: 20)),
        ])
    func wrongSignature(_ serverFinal: String) throws {
        var client = try clientAwaitingFinal()
        #expect(throws: SCRAMError.serverSignatureMismatch) { try client.receiveServerFinal(serverFinal.bytes) }
        #expect(!client.isSucceeded)
    }

    @Test("S11: e= fails with the server's value", arguments: ["other-error", "invalid-proof", "unknown-user"])
    func serverError(_ value: String) throws {
        var client = try clientAwaitingFinal()
        #expect(throws: SCRAMError.serverError(value)) { try client.receiveServerFinal("e=\(value)".bytes) }
    }

    @Test("server-final without v=", arguments: ["", "x=1", "v="])
    func missingSignature(_ serverFinal: String) throws {
        var client = try clientAwaitingFinal()
        #expect(throws: SCRAMError.self) { try client.receiveServerFinal(serverFinal.bytes) }
        #expect(!client.isSucceeded)
    }

    @Test("messages out of order, and failure is terminal")
    func ordering() throws {
        var client = makeClient()
        #expect(throws: SCRAMError.unexpectedMessage) { try client.receiveServerFinal("v=AAAA".bytes) }
        #expect(throws: SCRAMError.unexpectedMessage) {
            try client.receiveServerFirst(Self.server.serverFirst(nonce: Self.clientNonce + "x").bytes)
        }
        #expect(client.state == .failed(.unexpectedMessage))
    }
}
