/// Why a string is not an acceptable `xmpp:` URI or landing link, or why a URI cannot be built.
///
/// No user-facing English here: the CLI maps each case to a message key.
public enum XMPPURIError: Error, Sendable, Hashable {
    /// The string does not start with `xmpp:` (RFC 5122 §2.2).
    case notXMPPScheme
    /// A character that may not appear unencoded in an IRI (RFC 3987 §2.2), such as a space, a control
    /// character or a bidi formatting character.
    case invalidCharacter(Unicode.Scalar)
    /// `%` not followed by two hexadecimal digits (RFC 3986 §2.1).
    case invalidPercentEncoding
    /// Percent-encoded octets that are not UTF-8 (RFC 5122 §2.7).
    case invalidUTF8
    /// The JID has no domainpart (`xmpp:`, `xmpp:user@`, `xmpp:?message`).
    case missingDomain
    /// An `@` with nothing before it (RFC 7622 §3.3: a localpart is not empty).
    case emptyLocalpart
    /// A `/` with nothing after it (RFC 7622 §3.4: a resourcepart is not empty).
    case emptyResource
    /// More than one unencoded `@` in the JID.
    case unexpectedAtSign
    /// The JID breaks RFC 7622 (PRECIS profiles, IDNA, lengths), for example `xmpp:a b@example.org`.
    case invalidJID(JIDError)
    /// A query pair with an empty key (`?message;=x`).
    case emptyQueryKey
    /// An `omemo-sid-<id>` or `omemo` parameter whose device id or fingerprint is malformed (protocols.md §10.5).
    case invalidOMEMOParameter(key: String)
    /// A `trust-message` URI that breaks XEP-0434 §3.
    case invalidTrustMessage(TrustMessageURI.Problem)
    /// An https link that does not carry an `xmpp:` URI in a recognised form.
    case notALandingLink
}
