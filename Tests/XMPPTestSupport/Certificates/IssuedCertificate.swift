// The files of a certificate issued by a TestCertificateAuthority.
import Foundation

/// A leaf certificate and its key, as PEM files.
public struct IssuedCertificate: Sendable {
    /// The certificate alone (PEM).
    public let certificatePath: URL
    /// The private key alone (PEM, unencrypted).
    public let keyPath: URL
    /// Certificate followed by key in one file (ejabberd's `certfiles`).
    public let combinedPEMPath: URL
    /// The subject CN it was issued for (nil: no CN).
    public let commonName: String?
    /// The subjectAltName entries it carries.
    public let subjectAlternativeNames: [SubjectAlternativeName]
}
