/// Why a SASL exchange ended without success (RFC 6120 §6.4).
public enum SASLError: Error, Sendable, Hashable {
    /// The server sent `<failure/>` (S16).
    case failure(SASLFailure)
    /// The SCRAM exchange failed a check (S3–S11).
    case scram(SCRAMError)
    /// The password fails PRECIS OpaqueString (RFC 8265 §4.2); nothing was sent.
    case invalidPassword(PRECISError)
    /// The server broke the element order (S10, S12, S13) or sent an unexpected element; the value is a
    /// short token for diagnostics such as `success-before-challenge`.
    case protocolViolation(String)
    /// A `<challenge/>` or `<success/>` payload longer than `SASLExchange.maximumPayloadLength` (S17).
    case payloadTooLarge
    /// A payload that is not strict base64 (RFC 6120 §6.4.2).
    case incorrectEncoding
}
