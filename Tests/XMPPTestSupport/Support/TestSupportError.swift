// Errors of the test fixtures. English text is fine here: these only ever reach test logs.

/// Why a test fixture could not do its job.
public enum TestSupportError: Error, CustomStringConvertible, Sendable {
    case executableNotFound(String)
    case spawnFailed(command: [String], errno: Int32)
    case timedOut(String)
    case commandFailed(String, status: Int32, output: String)
    /// A server did not become ready; `log` is the tail of its log files.
    case serverFailedToStart(String, log: String)
    /// A required server is missing and `XMPP_ONBOARD_REQUIRE_SERVERS=1` forbids skipping.
    case requiredServerMissing(String)
    case scriptProtocol(String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .executableNotFound(let name): "executable not found: \(name)"
        case .spawnFailed(let command, let errno): "could not start \(command.joined(separator: " ")): errno \(errno)"
        case .timedOut(let what): "timed out: \(what)"
        case .commandFailed(let command, let status, let output):
            "command failed with status \(status): \(command)\n\(output)"
        case .serverFailedToStart(let what, let log): "\(what) did not start\n--- log ---\n\(log)"
        case .requiredServerMissing(let what): "\(what) (XMPP_ONBOARD_REQUIRE_SERVERS=1, so this is a failure)"
        case .scriptProtocol(let what): "test script: \(what)"
        case .invalidArgument(let what): "invalid argument: \(what)"
        }
    }
}
