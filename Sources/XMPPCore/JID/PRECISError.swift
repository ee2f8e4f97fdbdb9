/// Why a string was rejected by a PRECIS profile (RFC 8264, RFC 8265).
public enum PRECISError: Error, Sendable, Hashable {
    /// The string is empty after enforcement (RFC 8265 §3.3.2 and §4.2.2: zero length is not allowed).
    case empty
    /// A code point that the string class disallows (RFC 8264 §9), or one unassigned in this Unicode
    /// version (§9.13).
    case disallowed(Unicode.Scalar)
    /// A CONTEXTJ or CONTEXTO code point whose contextual rule fails (RFC 5892 Appendix A).
    case contextRuleFailed(Unicode.Scalar)
    /// The string contains right-to-left code points and violates the Bidi Rule (RFC 5893 §2).
    case bidiRuleViolated
}
