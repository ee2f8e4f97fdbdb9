// One server instance per suite, shared by its tests (Swift Testing runs suites and tests in parallel).
import Testing

/// A process-wide cache of fixtures keyed by name: the first caller starts the fixture, concurrent and later
/// callers await the same instance. Instances live until the test process exits; their processes are then
/// stopped by pid (``ProcessRegistry``: `atexit` plus a watchdog for crashes).
///
/// Each instance has its own free ports and directory, so suites using different keys run side by side.
/// A start that failed stays failed for that key (every test of the suite reports the same error quickly).
///
/// ```swift
/// @Suite(.requires(.prosody)) struct ProsodyLoginTests {
///     static func server() async throws -> ProsodyServer {
///         try await ProsodyServer.shared(key: "ProsodyLoginTests", options: .init(passwordHash: .sha256))
///     }
///     @Test func login() async throws {
///         let server = try await Self.server()
///         …
///     }
/// }
/// ```
public actor SharedTestServers {
    /// The cache of this test process.
    public static let shared = SharedTestServers()

    private var instances: [String: Task<any Sendable, any Error>] = [:]

    /// The instance for `key`, started by `start` on first use.
    public func instance<Fixture: Sendable>(
        key: String, start: @escaping @Sendable () async throws -> Fixture
    ) async throws -> Fixture {
        let fullKey = "\(Fixture.self):\(key)"
        let task: Task<any Sendable, any Error>
        if let existing = instances[fullKey] {
            task = existing
        } else {
            task = Task { try await start() }
            instances[fullKey] = task
        }
        guard let fixture = try await task.value as? Fixture else {
            throw TestSupportError.invalidArgument("fixture \(fullKey) has an unexpected type")
        }
        return fixture
    }
}

extension ProsodyServer {
    /// The suite-shared instance for `key` (started with `options` by the first caller).
    public static func shared(key: String, options: Options = Options()) async throws -> ProsodyServer {
        try await SharedTestServers.shared.instance(key: key) { try await ProsodyServer.start(options) }
    }
}

extension EjabberdServer {
    /// The suite-shared instance for `key` (started with `options` by the first caller).
    public static func shared(key: String, options: Options = Options()) async throws -> EjabberdServer {
        try await SharedTestServers.shared.instance(key: key) { try await EjabberdServer.start(options) }
    }
}
