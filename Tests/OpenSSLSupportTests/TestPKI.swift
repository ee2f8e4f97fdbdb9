import Foundation
import XMPPTestSupport

/// Certificates for the in-memory TLS tests, generated once per test process with the `openssl` command into
/// a unique temporary directory (EC P-256 keys: fast to generate).
struct TestPKI: Sendable {
    /// A certificate and its key on disk.
    struct Identity: Sendable {
        var certificatePath: String
        var keyPath: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let directory: URL
    /// The trusted test CA's certificate (pass it as `additionalTrustAnchors`).
    let caCertificatePath: String
    /// `DNS:example.test, IP:127.0.0.1, xmppAddr:example.test`; valid 2024-01-01T00:00:00Z–2099-12-31T23:59:59Z.
    let example: Identity
    /// `DNS:other.test` (T1).
    let wrongName: Identity
    /// `DNS:x*.example.test` (T2).
    let partialWildcard: Identity
    /// `DNS:*.example.test` (T3 for `a.b.example.test`; fine for `chat.example.test`).
    let wildcard: Identity
    /// Subject `CN=example.test`, no subjectAltName (T4).
    let commonNameOnly: Identity
    /// `DNS:example.test`, expired in 2021 (T6).
    let expired: Identity
    /// `DNS:example.test`, valid from 2090 (T6).
    let notYetValid: Identity
    /// Self-signed `DNS:example.test` (T7).
    let selfSigned: Identity
    /// `DNS:example.test` issued by a CA the client does not trust.
    let untrustedIssuer: Identity
    /// `DNS:example.test` signed with ECDSA-SHA-384 (tls-server-end-point uses SHA-384).
    let sha384Signed: Identity
    /// A self-signed certificate signed with SHA-1 (tls-server-end-point upgrades to SHA-256).
    let sha1Signed: Identity

    /// The PKI shared by all tests of this process.
    static let shared: Result<TestPKI, Failure> = Result { () throws(Failure) in try TestPKI() }

    static func get() throws -> TestPKI {
        try shared.get()
    }

    private init() throws(Failure) {
        let directory: URL
        do {
            directory = try TestDirectories.makeUnique(prefix: "openssl-support-tests")
        } catch {
            throw Failure(description: "cannot create a temporary directory: \(error)")
        }
        self.directory = directory
        let builder = Builder(directory: directory.path)
        try builder.writeConfiguration()
        caCertificatePath = try builder.makeCA("ca", commonName: "XMPP Onboard Test CA")
        _ = try builder.makeCA("other-ca", commonName: "Untrusted Test CA")
        example = try builder.issue(
            "example", commonName: "example.test",
            altNames: "DNS:example.test, IP:127.0.0.1, otherName:1.3.6.1.5.5.7.8.5;UTF8:example.test",
            dates: ("20240101000000Z", "20991231235959Z"))
        wrongName = try builder.issue("wrong-name", commonName: "other.test", altNames: "DNS:other.test")
        partialWildcard = try builder.issue(
            "partial-wildcard", commonName: "x*.example.test", altNames: "DNS:x*.example.test")
        wildcard = try builder.issue("wildcard", commonName: "*.example.test", altNames: "DNS:*.example.test")
        commonNameOnly = try builder.issue("cn-only", commonName: "example.test", altNames: nil)
        expired = try builder.issue(
            "expired", commonName: "example.test", altNames: "DNS:example.test",
            dates: ("20200101000000Z", "20210101000000Z"))
        notYetValid = try builder.issue(
            "not-yet-valid", commonName: "example.test", altNames: "DNS:example.test",
            dates: ("20900101000000Z", "20910101000000Z"))
        untrustedIssuer = try builder.issue(
            "untrusted-issuer", commonName: "example.test", altNames: "DNS:example.test", issuer: "other-ca")
        sha384Signed = try builder.issue(
            "sha384", commonName: "example.test", altNames: "DNS:example.test", digest: "sha384")
        selfSigned = try builder.selfSigned("self-signed", digest: "sha256")
        sha1Signed = try builder.selfSigned("sha1-self-signed", digest: "sha1")
    }

    /// `openssl x509 -fingerprint -<digest>` of a certificate, as `AB:CD:…`.
    func fingerprint(_ certificatePath: String, digest: String) throws -> String {
        let output = try Builder(directory: directory.path)
            .run(["x509", "-noout", "-fingerprint", "-\(digest)", "-in", certificatePath])
        guard let value = output.split(separator: "=", maxSplits: 1).last else {
            throw Failure(description: "unexpected fingerprint output: \(output)")
        }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Runs the `openssl` command line tool.
private struct Builder {
    var directory: String

    func path(_ name: String) -> String { directory + "/" + name }

    func writeConfiguration() throws(TestPKI.Failure) {
        let configuration = """
            [ ca ]
            default_ca = test_ca
            [ test_ca ]
            database = \(directory)/index.txt
            new_certs_dir = \(directory)/issued
            serial = \(directory)/serial
            default_md = sha256
            default_days = 30
            policy = policy_any
            unique_subject = no
            copy_extensions = none
            email_in_dn = no
            [ policy_any ]
            commonName = supplied
            [ req ]
            distinguished_name = dn
            prompt = no
            [ dn ]
            CN = unused

            """
        do {
            try FileManager.default.createDirectory(atPath: path("issued"), withIntermediateDirectories: true)
            try configuration.write(toFile: path("openssl.cnf"), atomically: true, encoding: .utf8)
            try "".write(toFile: path("index.txt"), atomically: true, encoding: .utf8)
            try "1000\n".write(toFile: path("serial"), atomically: true, encoding: .utf8)
        } catch {
            throw TestPKI.Failure(description: "cannot write the openssl configuration: \(error)")
        }
    }

    func makeCA(_ name: String, commonName: String) throws(TestPKI.Failure) -> String {
        _ = try run([
            "req", "-config", path("openssl.cnf"), "-x509", "-new", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", path("\(name).key"),
            "-out", path("\(name).pem"), "-subj", "/CN=\(commonName)", "-days", "3650",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        return path("\(name).pem")
    }

    func issue(
        _ name: String, commonName: String, altNames: String?, issuer: String = "ca",
        dates: (start: String, end: String)? = nil, digest: String = "sha256"
    ) throws(TestPKI.Failure) -> TestPKI.Identity {
        _ = try run([
            "req", "-config", path("openssl.cnf"), "-new", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", path("\(name).key"), "-out", path("\(name).csr"),
            "-subj", "/CN=\(commonName)",
        ])
        var extensions = """
            basicConstraints = CA:FALSE
            keyUsage = critical, digitalSignature
            extendedKeyUsage = serverAuth

            """
        if let altNames { extensions += "subjectAltName = \(altNames)\n" }
        do {
            try extensions.write(toFile: path("\(name).ext"), atomically: true, encoding: .utf8)
        } catch {
            throw TestPKI.Failure(description: "cannot write \(name).ext: \(error)")
        }
        var arguments = [
            "ca", "-config", path("openssl.cnf"), "-batch", "-notext", "-md", digest,
            "-cert", path("\(issuer).pem"), "-keyfile", path("\(issuer).key"),
            "-in", path("\(name).csr"), "-out", path("\(name).pem"), "-extfile", path("\(name).ext"),
        ]
        if let dates {
            arguments += ["-startdate", dates.start, "-enddate", dates.end]
        }
        _ = try run(arguments)
        return TestPKI.Identity(certificatePath: path("\(name).pem"), keyPath: path("\(name).key"))
    }

    func selfSigned(_ name: String, digest: String) throws(TestPKI.Failure) -> TestPKI.Identity {
        _ = try run([
            "req", "-config", path("openssl.cnf"), "-x509", "-new", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", path("\(name).key"),
            "-out", path("\(name).pem"), "-subj", "/CN=example.test", "-days", "30", "-\(digest)",
            "-addext", "subjectAltName=DNS:example.test",
        ])
        return TestPKI.Identity(certificatePath: path("\(name).pem"), keyPath: path("\(name).key"))
    }

    func run(_ arguments: [String]) throws(TestPKI.Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "OPENSSL_CONF": path("openssl.cnf")]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw TestPKI.Failure(description: "cannot run openssl: \(error)")
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self)
            throw TestPKI.Failure(description: "openssl \(arguments.joined(separator: " ")) failed: \(message)")
        }
        return String(decoding: outputData, as: UTF8.self)
    }
}
