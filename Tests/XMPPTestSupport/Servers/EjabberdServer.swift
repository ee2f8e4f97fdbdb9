// A real ejabberd 23.01 on loopback, started directly as an Erlang VM (no ejabberdctl, no epmd, no su).
import Foundation

/// A throwaway ejabberd instance (docs/test-servers.md "ejabberd 23.01") on 127.0.0.1 only: STARTTLS on
/// ``c2sPort``, direct TLS on ``directTLSPort``, open in-band registration from loopback with
/// `registration_timeout: infinity`, a CAPTCHA-protected second host, listener backlog 128, no mod_fail2ban.
///
/// It is started with `erl … -s ejabberd` rather than `ejabberdctl foreground`: ejabberdctl run as root re-runs
/// itself as user `ejabberd` through `su` (so the pid we hold would not be the server's, and every file would need
/// `chown`), reads the packaged `ejabberdctl.cfg`, and registers with a shared epmd. Here the VM runs as the
/// current user, Erlang distribution listens on a private loopback port without epmd (`-erl_epmd_port`), the
/// cookie is random, and the node name is unique — so several instances and a Prosody can run in parallel.
///
/// The CAPTCHA script draws the text with ImageMagick (`/usr/bin/convert`), embeds it in a PNG `tEXt` chunk
/// (see ``captchaAnswer(inPNG:)``, parallel-safe) and appends it to ``captchaAnswersPath``.
///
/// ```swift
/// let server = try await EjabberdServer.start(.init(scramHash: .sha256))
/// try await server.addUser("bob", password: "secret")
/// ```
public final class EjabberdServer: Sendable {
    /// The main virtual host (open registration).
    public let domain: String
    /// The CAPTCHA-protected virtual host, if configured.
    public let captchaHost: String?
    /// Every virtual host.
    public let hosts: [String]
    /// The hosts the server certificate names (all but `uncertifiedHosts`).
    public let certifiedHosts: [String]
    /// Client port with STARTTLS.
    public let c2sPort: Int
    /// Client port with direct TLS (XEP-0368).
    public let directTLSPort: Int
    /// HTTPS port serving `/captcha` (only with `captchaWebListener`), else nil.
    public let captchaHTTPSPort: Int?
    /// The CA certificate that signed the server certificate.
    public let caFile: URL
    /// The server certificate (every host except `uncertifiedHosts`, plus IP 127.0.0.1).
    public let certificate: IssuedCertificate
    /// ejabberd's main log file (`error.log` and `crash.log` are next to it).
    public let logPath: URL
    /// The YAML configuration.
    public let configPath: URL
    /// One CAPTCHA answer per line, in the order ejabberd asked the script for images (the first comes from
    /// ejabberd's start-up self-test).
    public let captchaAnswersPath: URL
    /// The instance directory.
    public let directory: URL
    /// The Erlang node name (`NAME@localhost`).
    public let nodeName: String
    /// The options it was started with.
    public let options: Options
    let distributionPort: Int
    let cookie: String
    private let process: ChildProcess

    private init(
        options: Options, directory: URL, certificate: IssuedCertificate, caFile: URL, ports: Ports,
        nodeName: String, cookie: String, process: ChildProcess
    ) {
        self.options = options
        self.domain = options.domain
        self.captchaHost = options.captchaHost
        self.hosts = options.allHosts
        self.certifiedHosts = options.certifiedHosts
        self.directory = directory
        self.configPath = directory.appendingPathComponent("ejabberd.yml")
        self.logPath = directory.appendingPathComponent("log/ejabberd.log")
        self.captchaAnswersPath = directory.appendingPathComponent("captcha-answers.txt")
        self.certificate = certificate
        self.caFile = caFile
        self.c2sPort = ports.c2s
        self.directTLSPort = ports.directTLS
        self.captchaHTTPSPort = ports.captchaHTTPS
        self.distributionPort = ports.distribution
        self.nodeName = nodeName
        self.cookie = cookie
        self.process = process
    }

    deinit { process.stop() }

    struct Ports {
        let c2s: Int
        let directTLS: Int
        let distribution: Int
        let captchaHTTPS: Int?
    }

    /// Starts an instance and waits until its listeners accept connections (bounded by `timeout`; ejabberd
    /// logs "started" about 1 ms before the ports open, so readiness is the ports). Retries with new ports when
    /// another process took one first.
    public static func start(_ options: Options = Options(), timeout: Duration = .seconds(90)) async throws
        -> EjabberdServer
    {
        if let reason = ServerAvailability.missingReason(.ejabberd) {
            throw TestSupportError.requiredServerMissing("ejabberd is not available: \(reason)")
        }
        guard let erl = ExecutableLocator.path(for: "erl"), let libraries = erlangLibraryDirectory() else {
            throw TestSupportError.executableNotFound("erl / ejabberd")
        }
        if options.captchaHost != nil, !FileManager.default.isExecutableFile(atPath: "/usr/bin/convert") {
            throw TestSupportError.requiredServerMissing("ejabberd CAPTCHA host needs ImageMagick's /usr/bin/convert")
        }
        let directory = try TestDirectories.makeUnique(prefix: "ejabberd")
        for sub in ["db", "log", "modules"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let authority = try options.certificateAuthority
            ?? TestCertificateAuthority(directory: directory.appendingPathComponent("ca"))
        let certificate = try authority.issue(
            commonName: options.domain,
            subjectAlternativeNames: options.certifiedHosts.map { .dns($0) } + [.ip("127.0.0.1")],
            fileStem: "server")
        let captchaScript = directory.appendingPathComponent("captcha.sh")
        try Data(Options.captchaScript(answersPath: directory.appendingPathComponent("captcha-answers.txt")).utf8)
            .write(to: captchaScript)
        chmod(captchaScript.path, 0o755)

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lastLog = ""
        attempts: for _ in 1...4 {
            let ports = Ports(
                c2s: try LoopbackPorts.freePort(), directTLS: try LoopbackPorts.freePort(),
                distribution: try LoopbackPorts.freePort(),
                captchaHTTPS: options.captchaWebListener ? try LoopbackPorts.freePort() : nil)
            // The Mnesia database is tied to the node name: a new name needs an empty database.
            let database = directory.appendingPathComponent("db")
            try? FileManager.default.removeItem(at: database)
            try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("log/ejabberd.log"))
            let nodeName = "xmppOnboardTest\(UUID().uuidString.prefix(8).lowercased())@localhost"
            let cookie = UUID().uuidString.replacingOccurrences(of: "-", with: "")
            let config = options.configuration(
                directory: directory, certificate: certificate, captchaScript: captchaScript, ports: ports)
            try Data(config.utf8).write(to: directory.appendingPathComponent("ejabberd.yml"))
            let process = try ChildProcess.spawn(
                executable: erl,
                arguments: [
                    "-sname", nodeName, "-setcookie", cookie,
                    "-erl_epmd_port", String(ports.distribution), "-start_epmd", "false",
                    "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
                    "-mnesia", "dir", "\"\(database.path)\"",
                    "-s", "ejabberd", "-noinput",
                ],
                extraEnvironment: environment(directory: directory, libraries: libraries),
                workingDirectory: directory,
                standardOutput: directory.appendingPathComponent("stdout.log"),
                standardError: directory.appendingPathComponent("stderr.log"))
            let server = EjabberdServer(
                options: options, directory: directory, certificate: certificate, caFile: authority.caCertificatePath,
                ports: ports, nodeName: nodeName, cookie: cookie, process: process)
            if await server.awaitReadiness(until: deadline) { return server }
            lastLog = server.logTail()
            server.stop()
            if clock.now >= deadline { break attempts }
        }
        throw TestSupportError.serverFailedToStart("ejabberd in \(directory.path)", log: lastLog)
    }

    private static func environment(directory: URL, libraries: String) -> [String: String] {
        [
            "HOME": directory.path,
            "ERL_LIBS": libraries,
            "EJABBERD_CONFIG_PATH": directory.appendingPathComponent("ejabberd.yml").path,
            "EJABBERD_LOG_PATH": directory.appendingPathComponent("log/ejabberd.log").path,
            "EJABBERD_PID_PATH": directory.appendingPathComponent("ejabberd.pid").path,
            "CONTRIB_MODULES_PATH": directory.appendingPathComponent("modules").path,
            "ERL_EPMD_ADDRESS": "127.0.0.1",
            "ERL_CRASH_DUMP": directory.appendingPathComponent("log/erl_crash.dump").path,
            "ERL_CRASH_DUMP_BYTES": "0",
        ]
    }

    private func awaitReadiness(until deadline: ContinuousClock.Instant) async -> Bool {
        let clock = ContinuousClock()
        var markers = [
            "Start accepting TCP connections at 127.0.0.1:\(c2sPort) ",
            "Start accepting TLS connections at 127.0.0.1:\(directTLSPort) ",
        ]
        if let captchaHTTPSPort { markers.append("connections at 127.0.0.1:\(captchaHTTPSPort) ") }
        let ports = [c2sPort, directTLSPort] + (captchaHTTPSPort.map { [$0] } ?? [])
        while clock.now < deadline {
            let log = (try? String(contentsOf: logPath, encoding: .utf8)) ?? ""
            if markers.allSatisfy({ log.contains($0) }), ports.allSatisfy({ LoopbackPorts.isListening(port: $0) }) {
                return true
            }
            if !process.isRunning { return false }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return false
    }

    /// Waits until the client ports accept connections (bounded).
    public func waitUntilReady(timeout: Duration = .seconds(30)) async throws {
        let ready = await LoopbackPorts.waitUntilListening(
            ports: [c2sPort, directTLSPort], timeout: timeout, isAlive: { process.isRunning })
        guard ready else {
            throw TestSupportError.serverFailedToStart("ejabberd on \(c2sPort)/\(directTLSPort)", log: logTail())
        }
    }

    /// Stops the server (SIGTERM to its process group, SIGKILL after 3 s) by its pid. Idempotent.
    public func stop() { process.stop() }

    /// Whether the VM is still running.
    public var isRunning: Bool { process.isRunning }

    /// The last lines of the logs, for failure messages.
    public func logTail(lines: Int = 40) -> String {
        let log = directory.appendingPathComponent("log")
        return [log.appendingPathComponent("ejabberd.log"), log.appendingPathComponent("error.log"),
                directory.appendingPathComponent("stdout.log"), directory.appendingPathComponent("stderr.log")]
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n") }
            .joined(separator: "\n---\n")
    }

    /// Where Debian's ejabberd Erlang application lives (`ERL_LIBS`), read from `ejabberdctl` when possible.
    public static func erlangLibraryDirectory() -> String? {
        var candidates: [String] = []
        if let script = ExecutableLocator.path(for: "ejabberdctl"),
           let text = try? String(contentsOfFile: script, encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ERL_LIBS=") })
        {
            candidates.append(line.dropFirst("ERL_LIBS=".count).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
        }
        candidates += ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib/ejabberd", "/usr/lib"]
        let fileManager = FileManager.default
        for directory in candidates {
            let entries = (try? fileManager.contentsOfDirectory(atPath: directory)) ?? []
            if entries.contains(where: { $0.hasPrefix("ejabberd-") }) { return directory }
        }
        return nil
    }
}
