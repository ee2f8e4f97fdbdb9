/// A XEP-0434 Trust Message URI (§3): `xmpp:bob@example.com?trust-message;encryption=urn:xmpp:omemo:2;trust=ID;distrust=ID`.
///
/// The path is the key owner's JID, the first pair is `encryption` (the encryption protocol's namespace),
/// and every further pair is `trust` or `distrust` with a Base16 key identifier (RFC 4648 §8). Not a
/// registered query type. Users should confirm before a trust URI changes a trust decision.
public struct TrustMessageURI: Sendable, Hashable {
    /// What makes a URI an invalid Trust Message URI.
    public enum Problem: String, Sendable, Hashable {
        /// The action is not `trust-message`.
        case notTrustMessage = "not-trust-message"
        /// The first pair is not `encryption`, or its value is empty.
        case missingEncryption = "missing-encryption"
        /// A pair after `encryption` is neither `trust` nor `distrust`.
        case unexpectedKey = "unexpected-key"
        /// A key identifier is not Base16.
        case invalidKeyIdentifier = "invalid-key-identifier"
        /// No `trust` or `distrust` pair.
        case noKeys = "no-keys"
    }

    /// The validated URI.
    public let uri: XMPPURI

    /// Checks `uri` against XEP-0434 §3.
    public init(validating uri: XMPPURI) throws(XMPPURIError) {
        guard uri.action == .trustMessage else { throw .invalidTrustMessage(.notTrustMessage) }
        guard let first = uri.parameters.first, first.key == "encryption", !first.value.isEmpty else {
            throw .invalidTrustMessage(.missingEncryption)
        }
        let keys = uri.parameters.dropFirst()
        guard !keys.isEmpty else { throw .invalidTrustMessage(.noKeys) }
        for parameter in keys {
            guard parameter.key == "trust" || parameter.key == "distrust" else {
                throw .invalidTrustMessage(.unexpectedKey)
            }
            guard XMPPURI.OMEMOFingerprint.isHex(parameter.value) else {
                throw .invalidTrustMessage(.invalidKeyIdentifier)
            }
        }
        self.uri = uri
    }

    /// Builds a Trust Message URI for `keyOwner` (bare JID as text).
    public init(
        keyOwner: String,
        encryption: String = Self.omemo2,
        trustedKeys: [String],
        distrustedKeys: [String] = []
    ) throws(XMPPURIError) {
        var parameters = [XMPPURI.Parameter("encryption", encryption)]
        parameters += trustedKeys.map { XMPPURI.Parameter("trust", $0) }
        parameters += distrustedKeys.map { XMPPURI.Parameter("distrust", $0) }
        var uri = try XMPPURI(jid: keyOwner, action: .trustMessage, parameters: parameters)
        uri.resource = nil
        try self.init(validating: uri)
    }

    /// The OMEMO 2 namespace, the usual `encryption` value (XEP-0384).
    public static let omemo2 = "urn:xmpp:omemo:2"

    /// The key owner's bare JID as text.
    public var keyOwner: String { uri.bareJID }
    /// The encryption protocol's namespace.
    public var encryption: String { uri.parameters.first?.value ?? "" }
    /// Key identifiers to trust, in order.
    public var trustedKeys: [String] { uri.values(for: "trust") }
    /// Key identifiers to distrust, in order.
    public var distrustedKeys: [String] { uri.values(for: "distrust") }
}
