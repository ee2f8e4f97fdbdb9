/// Why a string is not a valid JID (RFC 7622).
public enum JIDError: Error, Sendable, Hashable {
    /// `@` with nothing before it (RFC 7622 §3.1).
    case emptyLocalpart
    /// No domainpart (`juliet@`, `/foobar`, the empty string) (§3.2).
    case emptyDomainpart
    /// `/` with nothing after it (§3.1).
    case emptyResourcepart
    /// The localpart is longer than 1023 octets after preparation (§3.3.1).
    case localpartTooLong
    /// The domainpart is longer than 1023 octets (§3.2.1).
    case domainpartTooLong
    /// The resourcepart is longer than 1023 octets after preparation (§3.4.1).
    case resourcepartTooLong
    /// The localpart fails the UsernameCaseMapped profile (RFC 8265 §3.3) or contains one of
    /// `" & ' / : < > @` (RFC 7622 §3.3.1).
    case invalidLocalpart(PRECISError)
    /// The domainpart is neither an IP literal nor a valid IDNA2008 name; `reason` names the check
    /// (a libidn2 code such as `IDN2_DISALLOWED`, or `not-ldh`, `empty-label`, `invalid-ip-literal`).
    case invalidDomainpart(reason: String)
    /// The resourcepart fails the OpaqueString profile (RFC 8265 §4.2).
    case invalidResourcepart(PRECISError)
}
