// A real Prosody 0.12 on loopback, with its own configuration, data, certificate and ports.
import Foundation

/// A throwaway Prosody instance (docs/test-servers.md "Prosody 0.12.3") listening on 127.0.0.1 only, with
/// STARTTLS on ``c2sPort`` and XEP-0368 direct TLS on ``directTLSPort``, a certificate from its own test CA
/// naming every virtual host, `c2s_require_encryption`, no s2s.
///
/// Virtual hosts: ``domain`` (open in-band registration unless disabled), the invite-only host
/// (`registration_invite_only = true`, refuses plain registration), and any `uncertifiedHosts` (served the
/// default certificate, which does not name them: the name-mismatch case).
///
/// ```swift
/// let server = try await ProsodyServer.start(.init(passwordHash: .sha256))
/// try await server.addUser("alice", password: "secret")
/// // connect to 127.0.0.1:server.c2sPort, trust server.caFile, authenticate as alice@server.domain
/// server.stop()   // also done at deinit and at process exit
/// ```
/// To share one instance per suite, use ``shared(key:options:)`` or the ``Testing/Trait/prosodyServer(_:)``
/// trait.
public final class ProsodyServer: Sendable {
    /// The main virtual host (open registration).
    public let domain: String
    /// Every virtual host of the instance.
    public let hosts: [String]
    /// The hosts the server certificate names (all but `uncertifiedHosts`).
    public let certifiedHosts: [String]
    /// The invite-only virtual host, if configured.
    public let inviteOnlyHost: String?
    /// Client port with STARTTLS (RFC 6120).
    public let c2sPort: Int
    /// Client port with direct TLS (XEP-0368).
    public let directTLSPort: Int
    /// The CA certificate that signed the server certificate (the client's `--ca-file`).
    public let caFile: URL
    /// The server certificate (names every host except `uncertifiedHosts`, plus IP 127.0.0.1).
    public let certificate: IssuedCertificate
    /// Prosody's log file.
    public let logPath: URL
    /// The configuration file.
    public let configPath: URL
    /// The instance directory (config, data, certificates, logs).
    public let directory: URL
    /// The options it was started with.
    public let options: Options
    private let process: ChildProcess

    private init(
        options: Options, directory: URL, configPath: URL, logPath: URL, certificate: IssuedCertificate,
        caFile: URL, ports: (Int, Int), process: ChildProcess
    ) {
        self.options = options
        self.domain = options.domain
        self.hosts = options.allHosts
        self.certifiedHosts = options.certifiedHosts
        self.inviteOnlyHost = options.inviteOnlyHost
        self.directory = directory
        self.configPath = configPath
        self.logPath = logPath
        self.certificate = certificate
        self.caFile = caFile
        (self.c2sPort, self.directTLSPort) = ports
        self.process = process
    }

    deinit { process.stop() }

    /// Starts an instance and waits until both ports accept connections (bounded by `timeout`). Retries with new
    /// ports when another process took one first.
    /// - Throws: ``TestSupportError/requiredServerMissing(_:)`` / `executableNotFound` when Prosody is not
    ///   installed, ``TestSupportError/serverFailedToStart(_:log:)`` with the log tail otherwise.
    public static func start(_ options: Options = Options(), timeout: Duration = .seconds(45)) async throws
        -> ProsodyServer
    {
        if let reason = ServerAvailability.missingReason(.prosody) {
            throw TestSupportError.requiredServerMissing("prosody is not available: \(reason)")
        }
        guard let prosody = ExecutableLocator.path(for: "prosody") else {
            throw TestSupportError.executableNotFound("prosody")
        }
        let directory = try TestDirectories.makeUnique(prefix: "prosody")
        let fileManager = FileManager.default
        for sub in ["data", "certs"] {
            try fileManager.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let authority = try options.certificateAuthority
            ?? TestCertificateAuthority(directory: directory.appendingPathComponent("ca"))
        let certificate = try authority.issue(
            commonName: options.domain,
            subjectAlternativeNames: options.certifiedHosts.map { .dns($0) } + [.ip("127.0.0.1")],
            fileStem: "server")
        let configPath = directory.appendingPathComponent("prosody.cfg.lua")
        let logPath = directory.appendingPathComponent("prosody.log")

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lastLog = ""
        attempts: for _ in 1...4 {
            let ports = (try LoopbackPorts.freePort(), try LoopbackPorts.freePort())
            try? fileManager.removeItem(at: logPath)
            let config = options.configuration(directory: directory, certificate: certificate, logPath: logPath,
                                               c2sPort: ports.0, directTLSPort: ports.1)
            try Data(config.utf8).write(to: configPath)
            let process = try ChildProcess.spawn(
                executable: prosody, arguments: ["--config", configPath.path, "-F"], workingDirectory: directory,
                standardOutput: directory.appendingPathComponent("stdout.log"),
                standardError: directory.appendingPathComponent("stderr.log"))
            let server = ProsodyServer(
                options: options, directory: directory, configPath: configPath, logPath: logPath,
                certificate: certificate, caFile: authority.caCertificatePath, ports: ports, process: process)
            switch await server.awaitReadiness(until: deadline) {
            case .ready:
                return server
            case .portTaken:
                server.stop()
            case .failed:
                lastLog = server.logTail()
                server.stop()
                if clock.now >= deadline { break attempts }
            }
        }
        throw TestSupportError.serverFailedToStart("prosody in \(directory.path)", log: lastLog)
    }

    private enum Readiness { case ready, portTaken, failed }

    private func awaitReadiness(until deadline: ContinuousClock.Instant) async -> Readiness {
        let clock = ContinuousClock()
        let activated = [
            "Activated service 'c2s' on [127.0.0.1]:\(c2sPort)",
            "Activated service 'c2s_direct_tls' on [127.0.0.1]:\(directTLSPort)",
        ]
        while clock.now < deadline {
            let log = (try? String(contentsOf: logPath, encoding: .utf8)) ?? ""
            if log.contains("Failed to open server port") { return .portTaken }
            if activated.allSatisfy({ log.contains($0) }),
               LoopbackPorts.isListening(port: c2sPort), LoopbackPorts.isListening(port: directTLSPort)
            {
                return .ready
            }
            if !process.isRunning { return .failed }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return .failed
    }

    /// Waits until both client ports accept connections (bounded).
    public func waitUntilReady(timeout: Duration = .seconds(30)) async throws {
        let ready = await LoopbackPorts.waitUntilListening(
            ports: [c2sPort, directTLSPort], timeout: timeout, isAlive: { process.isRunning })
        guard ready else {
            throw TestSupportError.serverFailedToStart("prosody on \(c2sPort)/\(directTLSPort)", log: logTail())
        }
    }

    /// Creates an account with `prosodyctl adduser` (the password goes through stdin, twice).
    /// - Parameter host: the virtual host; default ``domain``.
    public func addUser(_ localpart: String, host: String? = nil, password: String) async throws {
        let jid = "\(localpart)@\(host ?? domain)"
        let result = try await prosodyctl(["adduser", jid], input: "\(password)\n\(password)\n")
        guard result.succeeded, !result.standardOutput.contains("already exists") else {
            throw TestSupportError.commandFailed("prosodyctl adduser \(jid)", status: result.status,
                                                 output: result.standardOutput + result.standardError)
        }
    }

    /// Creates an account invitation with `prosodyctl mod_invites generate HOST` and returns its URI
    /// (`xmpp:HOST?register;preauth=TOKEN…`).
    public func createInvite(host: String? = nil) async throws -> String {
        let target = host ?? inviteOnlyHost ?? domain
        let result = try await prosodyctl(["mod_invites", "generate", target], input: nil)
        let uri = (result.standardOutput + "\n" + result.standardError)
            .split(whereSeparator: \.isWhitespace)
            .first { $0.hasPrefix("xmpp:") }
        guard result.succeeded, let uri else {
            throw TestSupportError.commandFailed("prosodyctl mod_invites generate \(target)", status: result.status,
                                                 output: result.standardOutput + result.standardError)
        }
        return String(uri)
    }

    /// Runs `prosodyctl --config CONFIG ARGUMENTS` against this instance.
    public func prosodyctl(_ arguments: [String], input: String?) async throws -> CommandResult {
        try await Command.run("prosodyctl", ["--config", configPath.path] + arguments, input: input,
                              workingDirectory: directory, timeout: .seconds(60))
    }

    /// Stops the server (SIGTERM, then SIGKILL after 3 s) by its pid. Idempotent.
    public func stop() { process.stop() }

    /// Whether the server process is still running.
    public var isRunning: Bool { process.isRunning }

    /// The last lines of the log and of the captured stdout/stderr, for failure messages.
    public func logTail(lines: Int = 40) -> String {
        [logPath, directory.appendingPathComponent("stderr.log"), directory.appendingPathComponent("stdout.log")]
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n") }
            .joined(separator: "\n---\n")
    }
}
