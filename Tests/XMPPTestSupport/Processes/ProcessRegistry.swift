// Book-keeping for every child the test support starts: reaping, stopping by process group, cleanup at exit.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Records the children started by ``ChildProcess`` and guarantees they never outlive the test process:
///
/// - `atexit`: every child still running is stopped (SIGTERM to its process group, then SIGKILL);
/// - a watchdog (`/bin/sh`, one per test process) holds the other end of a socket; when the test process dies
///   without running `atexit` handlers (a crash, SIGKILL from a CI timeout), the socket closes and the
///   watchdog stops the process groups still registered and removes the scratch directory.
///
/// Process groups are only signalled while their leader is not yet reaped, so the group id cannot have been
/// reused by an unrelated process.
public final class ProcessRegistry: @unchecked Sendable {
    /// The registry of this test process.
    public static let shared = ProcessRegistry()

    private let lock = NSLock()
    private var running: Set<pid_t> = []
    private var exited: [pid_t: Int32] = [:]
    private var watchdogSocket: Int32 = -1
    private var cleanupInstalled = false
    private var cleanupActions: [@Sendable () -> Void] = []

    private init() {}

    func register(_ child: ChildProcess) {
        lock.lock()
        defer { lock.unlock() }
        running.insert(child.pid)
        installCleanupLocked()
        tellWatchdogLocked("+\(child.pid)")
    }

    /// Runs `action` at process exit, after all children were stopped (e.g. removing temporary directories).
    public func atExit(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        installCleanupLocked()
        cleanupActions.append(action)
    }

    /// The exit status of `pid` once it exited (reaping it), nil while it runs. Negative: killed by signal.
    func exitStatus(of pid: pid_t) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        return exitStatusLocked(pid)
    }

    private func exitStatusLocked(_ pid: pid_t) -> Int32? {
        if let status = exited[pid] { return status }
        guard running.contains(pid) else { return nil }
        guard hasExitedLocked(pid) else { return nil }
        // Take down stragglers of the group while the zombie leader still reserves the group id.
        kill(-pid, SIGKILL)
        tellWatchdogLocked("-\(pid)")
        var status: Int32 = 0
        let result = waitpid(pid, &status, 0)
        let code: Int32
        if result == pid {
            code = Self.decode(status)
        } else {
            code = -255  // somebody else reaped it
        }
        running.remove(pid)
        exited[pid] = code
        return code
    }

    /// Whether `pid` has exited, without reaping it (`WNOWAIT`).
    private func hasExitedLocked(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        if result != 0 { return true }  // ECHILD: not ours any more
        return Self.siginfoPID(info) == pid
    }

    private static func siginfoPID(_ info: siginfo_t) -> pid_t {
        #if canImport(Glibc)
        return info._sifields._sigchld.si_pid
        #else
        return info.si_pid
        #endif
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        if signal == 0 { return (status >> 8) & 0xff }
        return -signal
    }

    /// SIGTERM to the group, up to `grace` for the leader to exit, then SIGKILL; reaps the leader.
    func stop(pid: pid_t, grace: Duration) {
        lock.lock()
        let isOurs = running.contains(pid)
        if isOurs, !hasExitedLocked(pid) { kill(-pid, SIGTERM) }
        lock.unlock()
        guard isOurs else { return }
        if !pollUntilExited(pid, timeout: grace) {
            lock.lock()
            if running.contains(pid), !hasExitedLocked(pid) { kill(-pid, SIGKILL) }
            lock.unlock()
            _ = pollUntilExited(pid, timeout: .seconds(2))
        }
        _ = exitStatus(of: pid)
    }

    private func pollUntilExited(_ pid: pid_t, timeout: Duration) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            lock.lock()
            let done = !running.contains(pid) || hasExitedLocked(pid)
            lock.unlock()
            if done { return true }
            if clock.now >= deadline { return false }
            usleep(5_000)
        }
    }

    /// Stops every running child (all at once: SIGTERM to all groups, then SIGKILL to the stragglers).
    func stopAll(grace: Duration = .seconds(3)) {
        lock.lock()
        let pids = running.filter { !hasExitedLocked($0) }
        for pid in pids { kill(-pid, SIGTERM) }
        lock.unlock()
        for pid in pids { _ = pollUntilExited(pid, timeout: grace) }
        lock.lock()
        for pid in running where !hasExitedLocked(pid) { kill(-pid, SIGKILL) }
        lock.unlock()
        for pid in pids {
            _ = pollUntilExited(pid, timeout: .seconds(1))
            _ = exitStatus(of: pid)
        }
    }

    fileprivate func runExitCleanup() {
        stopAll()
        lock.lock()
        let actions = cleanupActions
        cleanupActions = []
        if watchdogSocket >= 0 { close(watchdogSocket) }
        watchdogSocket = -1
        lock.unlock()
        for action in actions { action() }
    }

    // MARK: - Cleanup installation and the watchdog

    private func installCleanupLocked() {
        guard !cleanupInstalled else { return }
        cleanupInstalled = true
        atexit { ProcessRegistry.shared.runExitCleanup() }
        startWatchdogLocked()
    }

    private static let watchdogScript = """
        set -f
        groups=""
        while IFS= read -r line; do
          case "$line" in
            +*) groups="$groups ${line#+}" ;;
            -*) kept=""; for g in $groups; do [ "$g" = "${line#-}" ] || kept="$kept $g"; done; groups="$kept" ;;
          esac
        done
        [ -n "$groups" ] || { [ -z "$1" ] || rm -rf -- "$1"; exit 0; }
        for g in $groups; do kill -s TERM -- "-$g" 2>/dev/null; done
        sleep 3
        for g in $groups; do kill -s 0 -- "-$g" 2>/dev/null && kill -s KILL -- "-$g" 2>/dev/null; done
        [ -z "$1" ] || rm -rf -- "$1"
        exit 0
        """

    private func startWatchdogLocked() {
        var sockets: [Int32] = [0, 0]
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
        let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &sockets) == 0 else { return }
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_adddup2(&fileActions, sockets[1], 0)
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 2, "/dev/null", O_WRONLY, 0)
        SpawnFileActions.closeInheritedDescriptors(&fileActions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        // $1: the scratch directory to remove after a crash (empty when the files are to be kept).
        let scratch = TestDirectories.keepFiles ? "" : TestDirectories.rootPath.path
        let arguments: [String] = ["/bin/sh", "-c", Self.watchdogScript, "xmpp-onboard-test-watchdog", scratch]
        let argv = arguments.map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &fileActions, &attributes, argv + [nil], environ)
        close(sockets[1])
        if status == 0 {
            watchdogSocket = sockets[0]
        } else {
            close(sockets[0])
        }
    }

    private func tellWatchdogLocked(_ line: String) {
        guard watchdogSocket >= 0 else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { buffer in
            send(watchdogSocket, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
        }
    }
}
