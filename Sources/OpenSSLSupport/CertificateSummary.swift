/// A printable summary of an X.509 certificate (RFC 5280).
///
/// All strings come from the certificate, that is from the server: neutralize them before printing them to
/// a terminal (security.md §7.1).
public struct CertificateSummary: Sendable, Hashable {
    /// The subject as an RFC 2253 string such as `CN=example.org`.
    ///
    /// UTF-8 is kept as is; control characters are escaped.
    public var subject: String
    /// The issuer, formatted like `subject`.
    public var issuer: String
    /// The end of the validity period, ISO 8601 in UTC (`2026-01-31T23:59:59Z`).
    public var notAfter: String
    /// The start of the validity period, ISO 8601 in UTC.
    public var notBefore: String
    /// The subjectAltName entries, each prefixed with its type as OpenSSL prints them: `DNS:example.org`,
    /// `IP:192.0.2.1`, `URI:…`, `email:…`, `xmppAddr:example.org`, `SRVName:_xmpp-client.example.org`,
    /// `othername:<OID>`.
    public var subjectAlternativeNames: [String]
    /// The SHA-256 fingerprint of the DER encoding, upper-case hex pairs joined by `:` as `openssl x509
    /// -fingerprint -sha256` prints it.
    public var sha256Fingerprint: String

    public init(
        subject: String, issuer: String, notAfter: String, notBefore: String,
        subjectAlternativeNames: [String], sha256Fingerprint: String
    ) {
        self.subject = subject
        self.issuer = issuer
        self.notAfter = notAfter
        self.notBefore = notBefore
        self.subjectAlternativeNames = subjectAlternativeNames
        self.sha256Fingerprint = sha256Fingerprint
    }
}
