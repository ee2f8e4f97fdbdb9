/// Why the client stopped a SCRAM exchange (RFC 5802; security.md §3.3, S3–S11).
public enum SCRAMError: Error, Sendable, Hashable {
    /// The password fails the PRECIS OpaqueString profile (RFC 8265 §4.2).
    case invalidPassword(PRECISError)
    /// A `p=` binding was chosen but the TLS layer supplied no channel-binding data.
    case channelBindingDataUnavailable
    /// A server message arrived in a state that does not expect it.
    case unexpectedMessage
    /// Not valid UTF-8, an attribute that is not `x=value`, a missing or misplaced attribute (RFC 5802 §7).
    case malformedMessage
    /// `m=` in server-first: a mandatory extension this client does not know (S6).
    case mandatoryExtension
    /// The server nonce does not extend ours, is not longer, or contains characters outside `printable` (S3).
    case invalidNonce
    /// `s=` empty or not base64 (S5).
    case invalidSalt
    /// `i=` is not a decimal number (S4).
    case invalidIterationCount
    /// `i=` outside the accepted range, 4096…2^20 by default (S4).
    case iterationCountOutOfRange(Int)
    /// XEP-0474 `h=` does not match what the server advertised (S8).
    case downgradeDetected
    /// `e=` in server-final, with the server's value such as `invalid-proof` (RFC 5802 §7, S11).
    case serverError(String)
    /// The exchange ended without a server signature `v=` (mutual authentication skipped, S10).
    case missingServerSignature
    /// `v=` differs from the ServerSignature computed here (S9).
    case serverSignatureMismatch
}
