// A child process spawned with posix_spawn, owned and reaped by us (no Foundation.Process: its reaping and
// threading are out of our control, and a pid is all a Sendable fixture needs to hold).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A process started by the test support, in its own process group, with its standard streams redirected to
/// files (never pipes, so nothing can block on a full pipe).
///
/// Every child is registered with ``ProcessRegistry``: stopped at exit (`atexit`) and, should the test process
/// die without running `atexit` handlers, by a watchdog that notices the test process is gone.
public struct ChildProcess: Sendable {
    /// The child's pid; also its process group id.
    public let pid: pid_t
    /// The executable and arguments, for error messages.
    public let commandLine: [String]

    /// Where the standard input of a child comes from.
    public enum Input: Sendable {
        /// `/dev/null`.
        case null
        /// The contents of a file.
        case file(URL)
        /// One end of a pipe or socket pair becomes the child's stdin; the caller keeps `keptEnd` (opened with
        /// close-on-exec) and closes it to signal EOF — the scripts in Tests/Scripts exit on EOF.
        case stream(keptEnd: Int32, childEnd: Int32)
    }

    /// Spawns `executable` with `arguments`.
    /// - Parameters:
    ///   - environment: the complete environment (defaults to the test process's environment plus `extra`).
    ///   - workingDirectory: the child's working directory.
    ///   - standardOutput / standardError: files to create (truncated) for the child's output.
    public static func spawn(
        executable: String,
        arguments: [String],
        environment: [String: String]? = nil,
        extraEnvironment: [String: String] = [:],
        workingDirectory: URL? = nil,
        input: Input = .null,
        standardOutput: URL,
        standardError: URL
    ) throws -> ChildProcess {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        switch input {
        case .null:
            posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let url):
            posix_spawn_file_actions_addopen(&fileActions, 0, url.path, O_RDONLY, 0)
        case .stream(let keptEnd, let childEnd):
            posix_spawn_file_actions_adddup2(&fileActions, childEnd, 0)
            posix_spawn_file_actions_addclose(&fileActions, keptEnd)
        }
        posix_spawn_file_actions_addopen(&fileActions, 1, standardOutput.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&fileActions, 2, standardError.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Nothing else of ours leaks into a long-lived server: a pipe a parallel test made for its tool (Foundation
        // pipes are not close-on-exec) would otherwise stay open in the server and that test never sees EOF.
        SpawnFileActions.closeInheritedDescriptors(&fileActions)

        // Own process group (stop the whole tree at once; no terminal signals), default signal dispositions
        // and an empty signal mask (the spawning thread may block or ignore signals).
        let flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD, SIGQUIT] { sigaddset(&defaultSignals, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)

        var finalEnvironment = environment ?? ProcessInfo.processInfo.environment
        finalEnvironment.merge(extraEnvironment) { _, new in new }
        // posix_spawn_file_actions_addchdir_np is not visible to Swift: change directory in a shell that then
        // execs the program (same pid, so the process group and the pid stay the program's).
        var argv = [executable] + arguments
        var path = executable
        if let workingDirectory {
            argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workingDirectory.path] + argv
            path = "/bin/sh"
        }
        let environmentStrings = finalEnvironment.map { "\($0.key)=\($0.value)" }

        var pid: pid_t = 0
        let status = withCStringArray(argv) { argvPointer in
            withCStringArray(environmentStrings) { environmentPointer in
                posix_spawn(&pid, path, &fileActions, &attributes, argvPointer, environmentPointer)
            }
        }
        guard status == 0 else {
            throw TestSupportError.spawnFailed(command: argv, errno: status)
        }
        let child = ChildProcess(pid: pid, commandLine: [executable] + arguments)
        ProcessRegistry.shared.register(child)
        return child
    }

    /// Whether the child is still running (reaps it when it has exited).
    public var isRunning: Bool { ProcessRegistry.shared.exitStatus(of: pid) == nil }

    /// The exit status once the child has exited (a negative value is the terminating signal), else nil.
    public var exitStatus: Int32? { ProcessRegistry.shared.exitStatus(of: pid) }

    /// Sends `signal` to the child's whole process group.
    public func signalGroup(_ signal: Int32) {
        guard isRunning else { return }
        kill(-pid, signal)
    }

    /// Stops the child's process group: SIGTERM, up to `grace` to exit, then SIGKILL. Blocks the calling thread
    /// at most `grace` + 1 s; safe to call twice and from `deinit`.
    public func stop(grace: Duration = .seconds(3)) {
        ProcessRegistry.shared.stop(pid: pid, grace: grace)
    }

    /// Waits (without blocking a thread) until the child exits or `timeout` passes; returns the exit status.
    @discardableResult
    public func waitForExit(timeout: Duration) async -> Int32? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var delay = Duration.milliseconds(2)
        while clock.now < deadline {
            if let status = exitStatus { return status }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .milliseconds(50))
        }
        return exitStatus
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStringArray<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return body(pointers + [nil])
}
