/// Why stream negotiation stopped: local policy decisions kept apart from what the server said
/// (architecture.md §5).
public enum NegotiationError: Error, Sendable, Hashable {
    /// The server offered no `<starttls/>` on a plaintext stream (security.md §8.3 T10). Never authenticate.
    case tlsNotOffered
    /// The server answered `<starttls/>` with `<failure/>` (RFC 6120 §5.4.2.2, T11).
    case tlsRefused
    /// No acceptable SASL mechanism, PLAIN refused, or a channel-binding abort (XEP-0440).
    case saslPolicy(SASLPolicyError)
    /// The SASL exchange failed: the server's `<failure/>` or a SCRAM check.
    case sasl(SASLError)
    /// No resource binding offered after authentication (RFC 6120 §7.4).
    case bindNotOffered
    /// The server refused resource binding (RFC 6120 §7.6.2).
    case bindFailed(StanzaError?)
    /// The bind result carried no valid JID.
    case invalidBoundJID(String)
    /// Legacy session establishment failed (RFC 3921 §3).
    case sessionFailed(StanzaError?)
    /// The server sent a stream error (RFC 6120 §4.9).
    case streamError(StreamError)
    /// The server closed the stream before negotiation finished.
    case streamClosed
    /// Something arrived that is not allowed here; the summary names it (no payload, no secrets).
    case unexpected(String)
}
