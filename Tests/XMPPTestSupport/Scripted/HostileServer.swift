// A scripted XMPP server for what real servers never send (docs/security.md §8.2 item 1, §8.3).
import Foundation

/// Runs `Tests/Scripts/hostile_server.py` on loopback with a ``HostileScenario`` and records everything the
/// client sends (after TLS decryption) so tests can assert on it — e.g. that no `<auth` was ever sent after a
/// missing `<starttls/>`.
///
/// ```swift
/// try requireScriptedServer()
/// let server = try await HostileServer.start(scenario: HostileScenario(steps: [
///     HostileScenario.expectStreamHeader,
///     .send(HostileScenario.streamHeader(from: "localhost") + HostileScenario.features(
///         HostileScenario.mechanisms(["PLAIN"]))),          // T10: no <starttls/>
/// ]))
/// // run the client against 127.0.0.1:server.port, expect a failure …
/// #expect(!server.transcript().contains("<auth"))
/// ```
///
/// The server accepts any number of connections (each plays the steps, or `connections[i]`), runs until
/// ``stop()`` (or deinit, or process exit), and exits by itself if the test process dies.
public final class HostileServer: Sendable {
    /// The TCP port on 127.0.0.1 (or the requested host).
    public let port: Int
    /// Everything received from clients (decrypted), all connections in order.
    public let transcriptPath: URL
    /// One JSON object per line; see ``Event``.
    public let eventsPath: URL
    /// The scenario file and logs.
    public let directory: URL
    private let script: ScriptedProcess

    private init(script: ScriptedProcess, directory: URL) {
        self.script = script
        self.port = script.port
        self.directory = directory
        self.transcriptPath = directory.appendingPathComponent("transcript.txt")
        self.eventsPath = directory.appendingPathComponent("events.jsonl")
    }

    /// Starts the server with `scenario` and waits (bounded) until it listens.
    /// - Parameter host: the loopback address to listen on (`127.0.0.1`, `127.0.0.2`, `::1`).
    public static func start(scenario: HostileScenario, host: String = "127.0.0.1") async throws -> HostileServer {
        try await start(scenarioJSON: scenario.jsonData(), host: host)
    }

    /// Starts the server with a scenario already in JSON.
    public static func start(scenarioJSON: Data, host: String = "127.0.0.1") async throws -> HostileServer {
        let directory = try TestDirectories.makeUnique(prefix: "hostile")
        let scenarioPath = directory.appendingPathComponent("scenario.json")
        try scenarioJSON.write(to: scenarioPath)
        let transcript = directory.appendingPathComponent("transcript.txt")
        let events = directory.appendingPathComponent("events.jsonl")
        try Data().write(to: transcript)
        try Data().write(to: events)
        let script = try await ScriptedProcess.start(
            script: "hostile_server.py",
            arguments: ["--scenario", scenarioPath.path, "--transcript", transcript.path, "--events", events.path,
                        "--host", host],
            directory: directory)
        return HostileServer(script: script, directory: directory)
    }

    /// Stops the server by pid. Idempotent.
    public func stop() { script.stop() }

    /// Everything received so far (UTF-8, invalid bytes replaced).
    public func transcript() -> String {
        guard let data = try? Data(contentsOf: transcriptPath) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The events logged so far.
    public func events() -> [Event] {
        guard let text = try? String(contentsOf: eventsPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                  let kind = object["kind"]
            else { return nil }
            return Event(connection: Int(object["conn"] ?? "") ?? 0, kind: kind, fields: object)
        }
    }

    /// Waits (bounded) until an event satisfying `predicate` is logged, e.g. the client closing:
    /// `try await server.waitForEvent { $0.kind == "closed" }`.
    @discardableResult
    public func waitForEvent(timeout: Duration = .seconds(10), where predicate: (Event) -> Bool) async throws -> Event {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let event = events().first(where: predicate) { return event }
            if clock.now >= deadline {
                throw TestSupportError.timedOut("hostile server event; events so far:\n"
                    + events().map { "\($0.kind) \($0.fields)" }.joined(separator: "\n"))
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// One line of the event log.
    public struct Event: Sendable, Hashable {
        /// The connection number (1 = first accepted).
        public let connection: Int
        /// `accepted`, `received`, `sent`, `tls`, `expect-matched`, `step-failed`, `scram`, `closed`,
        /// `steps-done`, `tls-error`.
        public let kind: String
        /// All fields as strings (lists are JSON-encoded), e.g. `tls`: `version`, `cipher`, `alpn_offered`,
        /// `alpn_selected`, `sni`, `outcome`; `scram`: `outcome` (`auth-received`, `client-first`,
        /// `client-proof-valid`, `failed`), `mechanism`, `cb_flag`, `reason`; `closed`: `by` (`peer`/`server`).
        public let fields: [String: String]

        public subscript(field: String) -> String? { fields[field] }
    }
}
