// A throwaway certificate authority made with the openssl command-line tool.
import Foundation

/// A certificate authority in a directory, for servers on loopback and for certificate-verification tests
/// (RFC 6125 / RFC 9525 reference identities; the cases T1–T7 of docs/security.md §8.3).
///
/// Every instance is a separate root: a second ``TestCertificateAuthority`` is the "untrusted CA" of another
/// instance's tests. Issuing uses `openssl ca` with a fresh database per certificate, so parallel tests may issue
/// from the same authority at once.
///
/// ```swift
/// let authority = try TestCertificateAuthority.temporary()
/// let leaf = try authority.issue(commonName: "localhost",
///                                subjectAlternativeNames: [.dns("localhost"), .dns("invite.localhost")])
/// let expired = try authority.issue(commonName: "localhost", subjectAlternativeNames: ["localhost"],
///                                   notBefore: .now.addingTimeInterval(-86_400 * 30), validDays: 1)
/// let untrusted = try TestCertificateAuthority.temporary(name: "Untrusted test CA")
/// ```
public struct TestCertificateAuthority: Sendable {
    /// The directory holding the CA's key and certificate and the issued certificates.
    public let directory: URL
    /// The CA's subject common name.
    public let name: String

    /// The CA certificate (PEM): the trust anchor to give clients (`--ca-file`).
    public var caCertificatePath: URL { directory.appendingPathComponent("ca.pem") }
    /// The CA's private key (PEM).
    public var caKeyPath: URL { directory.appendingPathComponent("ca.key") }

    /// Creates (or reuses, when `ca.pem` and `ca.key` already exist) a CA in `directory`.
    public init(directory: URL, name: String = "xmpp-onboard test CA", keyType: KeyType = .ecP256) throws {
        self.directory = directory
        self.name = name
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        if manager.fileExists(atPath: caCertificatePath.path), manager.fileExists(atPath: caKeyPath.path) {
            return
        }
        try Self.generateKey(keyType, to: caKeyPath)
        try Self.openssl([
            "req", "-x509", "-new", "-key", caKeyPath.path, "-sha256", "-days", "3650",
            "-subj", "/CN=\(Self.escapeDistinguishedNameValue(name))",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            "-addext", "subjectKeyIdentifier=hash",
            "-out", caCertificatePath.path,
        ])
    }

    /// A new CA in a unique directory under ``TestDirectories/root``.
    public static func temporary(name: String = "xmpp-onboard test CA") throws -> TestCertificateAuthority {
        try TestCertificateAuthority(directory: TestDirectories.makeUnique(prefix: "ca"), name: name)
    }

    /// Issues a leaf certificate signed by this CA.
    /// - Parameters:
    ///   - commonName: the subject CN; nil gives a subject without CN (`O=xmpp-onboard tests`).
    ///   - subjectAlternativeNames: DNS names, IP addresses, XmppAddr and SRVName identities; empty gives a
    ///     CN-only certificate (case T4).
    ///   - validDays: lifetime from `notBefore`.
    ///   - notBefore: start of validity; default one hour ago. Past dates with a short lifetime give expired
    ///     certificates (T6), future dates not-yet-valid ones.
    ///   - fileStem: base name of the files; default a unique name.
    public func issue(
        commonName: String?,
        subjectAlternativeNames: [SubjectAlternativeName],
        validDays: Int = 365,
        notBefore: Date? = nil,
        keyType: KeyType = .ecP256,
        fileStem: String? = nil
    ) throws -> IssuedCertificate {
        let stem = fileStem ?? "leaf-\(UUID().uuidString.prefix(8).lowercased())"
        let work = directory.appendingPathComponent("\(stem).work", isDirectory: true)
        let manager = FileManager.default
        try manager.createDirectory(at: work.appendingPathComponent("new"), withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: work) }

        let keyPath = directory.appendingPathComponent("\(stem).key")
        let certificatePath = directory.appendingPathComponent("\(stem).pem")
        let combinedPath = directory.appendingPathComponent("\(stem).combined.pem")
        let requestPath = work.appendingPathComponent("request.csr")
        let configPath = work.appendingPathComponent("ca.cnf")

        try Self.generateKey(keyType, to: keyPath)
        let subject = commonName.map { "/CN=\(Self.escapeDistinguishedNameValue($0))" } ?? "/O=xmpp-onboard tests"
        try Self.openssl(["req", "-new", "-key", keyPath.path, "-subj", subject, "-out", requestPath.path])

        try Data().write(to: work.appendingPathComponent("index.txt"))
        let serial = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try Data("7\(serial.dropFirst())\n".utf8).write(to: work.appendingPathComponent("serial"))
        try Data(config(work: work, subjectAlternativeNames: subjectAlternativeNames).utf8).write(to: configPath)

        let start = notBefore ?? Date().addingTimeInterval(-3600)
        let end = start.addingTimeInterval(TimeInterval(validDays) * 86_400)
        try Self.openssl([
            "ca", "-batch", "-notext", "-preserveDN", "-config", configPath.path, "-extensions", "leaf",
            "-startdate", Self.generalizedTime(start), "-enddate", Self.generalizedTime(end),
            "-in", requestPath.path, "-out", certificatePath.path,
        ])
        let combined = try Data(contentsOf: certificatePath) + Data(contentsOf: keyPath)
        try combined.write(to: combinedPath)
        return IssuedCertificate(
            certificatePath: certificatePath, keyPath: keyPath, combinedPEMPath: combinedPath,
            commonName: commonName, subjectAlternativeNames: subjectAlternativeNames)
    }

    /// A self-signed leaf certificate (its own trust anchor; case T7), in `directory`.
    public static func selfSigned(
        in directory: URL, commonName: String, subjectAlternativeNames: [SubjectAlternativeName],
        validDays: Int = 365
    ) throws -> IssuedCertificate {
        let stem = "self-signed-\(UUID().uuidString.prefix(8).lowercased())"
        let keyPath = directory.appendingPathComponent("\(stem).key")
        let certificatePath = directory.appendingPathComponent("\(stem).pem")
        let combinedPath = directory.appendingPathComponent("\(stem).combined.pem")
        try generateKey(.ecP256, to: keyPath)
        var arguments = [
            "req", "-x509", "-new", "-key", keyPath.path, "-sha256", "-days", String(validDays),
            "-subj", "/CN=\(escapeDistinguishedNameValue(commonName))", "-out", certificatePath.path,
        ]
        if !subjectAlternativeNames.isEmpty {
            arguments += ["-addext", "subjectAltName=" + subjectAlternativeNames.map(\.inlineValue).joined(separator: ",")]
        }
        try openssl(arguments)
        try (Data(contentsOf: certificatePath) + Data(contentsOf: keyPath)).write(to: combinedPath)
        return IssuedCertificate(
            certificatePath: certificatePath, keyPath: keyPath, combinedPEMPath: combinedPath,
            commonName: commonName, subjectAlternativeNames: subjectAlternativeNames)
    }

    // MARK: - openssl plumbing

    private func config(work: URL, subjectAlternativeNames: [SubjectAlternativeName]) -> String {
        var text = """
            [ ca ]
            default_ca = test_ca
            [ test_ca ]
            database = \(work.path)/index.txt
            new_certs_dir = \(work.path)/new
            serial = \(work.path)/serial
            certificate = \(caCertificatePath.path)
            private_key = \(caKeyPath.path)
            default_md = sha256
            policy = policy_any
            unique_subject = no
            copy_extensions = none
            [ policy_any ]
            commonName = optional
            organizationName = optional
            [ leaf ]
            basicConstraints = critical,CA:FALSE
            keyUsage = critical,digitalSignature,keyEncipherment
            extendedKeyUsage = serverAuth,clientAuth
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid

            """
        if !subjectAlternativeNames.isEmpty {
            text += "subjectAltName = @alt_names\n[ alt_names ]\n"
            var counters: [String: Int] = [:]
            for name in subjectAlternativeNames {
                let (key, value) = name.configEntry
                counters[key, default: 0] += 1
                text += "\(key).\(counters[key] ?? 1) = \(value)\n"
            }
        }
        return text
    }

    static func generateKey(_ type: KeyType, to path: URL) throws {
        switch type {
        case .ecP256:
            try openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path.path])
        case .rsa(let bits):
            try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:\(bits)", "-out", path.path])
        }
    }

    static func openssl(_ arguments: [String]) throws {
        let result = try Command.runSynchronously("openssl", arguments)
        guard result.succeeded else {
            throw TestSupportError.commandFailed(
                "openssl " + arguments.joined(separator: " "), status: result.status,
                output: result.standardOutput + result.standardError)
        }
    }

    /// `openssl -subj` syntax: `/` and `\` (and `+`, `=` inside a value) must be escaped.
    static func escapeDistinguishedNameValue(_ value: String) -> String {
        var escaped = ""
        for character in value {
            if "/\\+=".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    static func generalizedTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }
}

extension TestCertificateAuthority {
    /// Key algorithm of generated keys (P-256 is fast to generate; RSA for cases that need it).
    public enum KeyType: Sendable, Hashable {
        case ecP256
        case rsa(bits: Int)
    }
}
