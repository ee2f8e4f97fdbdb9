import Testing
import XMPPCore

@Suite("XMPPURI: OMEMO verification and XEP-0434 trust messages")
struct XMPPURIOMEMOTests {
    static let fingerprintA = "05f2b4cdb3d5fdd1cc4b0ef1e0f0b6a5b3d5fdd1cc4b0ef1e0f0b6a5b3d5fdd1".dropFirst(2)
    static let fingerprintB = String(repeating: "ab", count: 32)

    @Test("Conversations form: pairs without an action")
    func conversationsForm() throws {
        let uri = try XMPPURI(parsing: "xmpp:alice@example.org?omemo-sid-1234=\(Self.fingerprintA);omemo-sid-42=\(Self.fingerprintB.uppercased())")
        #expect(uri.action == nil)
        #expect(uri.isOMEMOVerification)
        let fingerprints = try uri.omemoFingerprints()
        #expect(fingerprints.map(\.deviceID) == [1234, 42])
        #expect(fingerprints.map(\.hex) == [String(Self.fingerprintA), Self.fingerprintB])
    }

    @Test("Gajim form: ?message;omemo-sid-…")
    func gajimForm() throws {
        let uri = try XMPPURI(parsing: "xmpp:alice@example.org?message;omemo-sid-7=\(Self.fingerprintB)")
        #expect(uri.action == .message)
        #expect(uri.isOMEMOVerification)
        #expect(try uri.omemoFingerprints() == [XMPPURI.OMEMOFingerprint(deviceID: 7, hex: Self.fingerprintB)])
    }

    @Test("bare omemo= means device 0")
    func bareFingerprint() throws {
        let uri = try XMPPURI(parsing: "xmpp:alice@example.org?omemo=\(Self.fingerprintB)")
        #expect(try uri.omemoFingerprints().map(\.deviceID) == [0])
    }

    @Test("not a verification URI")
    func notVerification() throws {
        #expect(!(try XMPPURI(parsing: "xmpp:alice@example.org?message;body=hi").isOMEMOVerification))
        #expect(!(try XMPPURI(parsing: "xmpp:alice@example.org?join;omemo-sid-1=ab").isOMEMOVerification))
        #expect(try XMPPURI(parsing: "xmpp:alice@example.org").omemoFingerprints().isEmpty)
    }

    @Test("malformed device ids and fingerprints", arguments: [
        "omemo-sid-=ab", "omemo-sid-abc=ab", "omemo-sid-0=ab", "omemo-sid-2147483648=ab", "omemo-sid-99999999999=ab",
        "omemo-sid-1=", "omemo-sid-1=abc", "omemo-sid-1=zz", "omemo-sid--1=ab", "omemo=xyz1",
    ])
    func malformed(pair: String) throws {
        let uri = try XMPPURI(parsing: "xmpp:alice@example.org?\(pair)")
        let key = String(pair.prefix { $0 != "=" })
        #expect(throws: XMPPURIError.invalidOMEMOParameter(key: key)) { try uri.omemoFingerprints() }
    }

    @Test("building both forms")
    func build() throws {
        let fingerprints = [
            try XMPPURI.OMEMOFingerprint(deviceID: 1234, hex: Self.fingerprintB.uppercased()),
            try XMPPURI.OMEMOFingerprint(deviceID: 2_147_483_647, hex: "00ff"),
        ]
        let conversations = try XMPPURI.makeOMEMOVerification(jid: "alice@example.org/phone", fingerprints: fingerprints)
        #expect(conversations.iriString == "xmpp:alice@example.org?omemo-sid-1234=\(Self.fingerprintB);omemo-sid-2147483647=00ff")
        #expect(try XMPPURI(parsing: conversations.iriString).omemoFingerprints() == fingerprints)
        let gajim = try XMPPURI.makeOMEMOVerification(
            jid: "alice@example.org", fingerprints: fingerprints, includesMessageAction: true
        )
        #expect(gajim.iriString.hasPrefix("xmpp:alice@example.org?message;omemo-sid-1234="))
        #expect(throws: XMPPURIError.invalidOMEMOParameter(key: "omemo-sid-2147483648")) {
            try XMPPURI.OMEMOFingerprint(deviceID: 2_147_483_648, hex: "00")
        }
    }

    // MARK: - XEP-0434

    static let keyA = "6850019d7ed0feb6d3823072498ceb4f616c6025586f8f666dc6b9c81ef7e0a4"
    static let keyB = "221a4f8e228b72182b006e5ca527d3bddccf8d9e6feaf4ce96e1c451e8648020"

    @Test("XEP-0434 example parses and round-trips")
    func trustMessage() throws {
        let text = "xmpp:bob@example.com?trust-message;encryption=urn:xmpp:omemo:2;trust=\(Self.keyA);distrust=\(Self.keyB)"
        let trust = try TrustMessageURI(validating: XMPPURI(parsing: text))
        #expect(trust.keyOwner == "bob@example.com")
        #expect(trust.encryption == "urn:xmpp:omemo:2")
        #expect(trust.trustedKeys == [Self.keyA])
        #expect(trust.distrustedKeys == [Self.keyB])
        #expect(trust.uri.iriString == text)
        let built = try TrustMessageURI(keyOwner: "bob@example.com", trustedKeys: [Self.keyA], distrustedKeys: [Self.keyB])
        #expect(built == trust)
    }

    @Test("XEP-0434 rules", arguments: [
        ("xmpp:bob@example.com?message;encryption=urn:xmpp:omemo:2;trust=aa", TrustMessageURI.Problem.notTrustMessage),
        ("xmpp:bob@example.com?trust-message;trust=aa;encryption=urn:xmpp:omemo:2", .missingEncryption),
        ("xmpp:bob@example.com?trust-message;encryption=;trust=aa", .missingEncryption),
        ("xmpp:bob@example.com?trust-message;encryption=urn:xmpp:omemo:2", .noKeys),
        ("xmpp:bob@example.com?trust-message;encryption=urn:xmpp:omemo:2;trust=aa;verify=bb", .unexpectedKey),
        ("xmpp:bob@example.com?trust-message;encryption=urn:xmpp:omemo:2;trust=xyz", .invalidKeyIdentifier),
    ])
    func trustMessageRules(text: String, problem: TrustMessageURI.Problem) throws {
        let uri = try XMPPURI(parsing: text)
        #expect(throws: XMPPURIError.invalidTrustMessage(problem)) { try TrustMessageURI(validating: uri) }
    }
}
