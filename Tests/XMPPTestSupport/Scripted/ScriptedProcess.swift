// Launching the Python scripts of Tests/Scripts that report a port on stdout.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A Python script from `Tests/Scripts` running as a server: started with `--exit-on-stdin-eof` and a socket on
/// its standard input, so it exits by itself when the test process goes away; it prints `{"port": N}`.
final class ScriptedProcess: Sendable {
    let process: ChildProcess
    let port: Int
    let directory: URL
    private let stdinWriteEnd: LockedBox<Int32?>

    private init(process: ChildProcess, port: Int, directory: URL, stdinWriteEnd: Int32) {
        self.process = process
        self.port = port
        self.directory = directory
        self.stdinWriteEnd = LockedBox(stdinWriteEnd)
    }

    deinit { stop() }

    /// Starts `Tests/Scripts/SCRIPT arguments…` and waits (bounded) for its port line.
    static func start(script: String, arguments: [String], directory: URL, timeout: Duration = .seconds(20))
        async throws -> ScriptedProcess
    {
        guard let python = TestPaths.python else {
            throw TestSupportError.executableNotFound("python3 (set XMPP_ONBOARD_PYTHON or run scripts/setup.sh)")
        }
        // A socket pair rather than a pipe: SOCK_CLOEXEC is atomic (pipe2 is not visible to Swift), so children
        // spawned concurrently on other threads never inherit our end and the script sees EOF when we close it.
        var descriptors: [Int32] = [0, 0]
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
        let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &descriptors) == 0 else {
            throw TestSupportError.invalidArgument("socketpair failed: \(errno)")
        }
        let stdout = directory.appendingPathComponent("stdout.log")
        let stderr = directory.appendingPathComponent("stderr.log")
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(
                executable: python,
                arguments: ["-u", TestPaths.scripts.appendingPathComponent(script).path]
                    + arguments + ["--exit-on-stdin-eof"],
                extraEnvironment: ["PYTHONDONTWRITEBYTECODE": "1"],
                input: .stream(keptEnd: descriptors[1], childEnd: descriptors[0]),
                standardOutput: stdout, standardError: stderr)
        } catch {
            close(descriptors[0])
            close(descriptors[1])
            throw error
        }
        close(descriptors[0])
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if let text = try? String(contentsOf: stdout, encoding: .utf8),
               let line = text.split(separator: "\n").first,
               let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
               let port = object["port"] as? Int
            {
                return ScriptedProcess(process: process, port: port, directory: directory,
                                       stdinWriteEnd: descriptors[1])
            }
            if !process.isRunning { break }
            try? await Task.sleep(for: .milliseconds(20))
        }
        close(descriptors[1])
        process.stop(grace: .milliseconds(500))
        let errors = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
        throw TestSupportError.serverFailedToStart("\(script)", log: errors)
    }

    /// Closes the script's standard input (it exits) and stops it by pid. Idempotent.
    func stop() {
        stdinWriteEnd.withLock { descriptor in
            if let open = descriptor { close(open) }
            descriptor = nil
        }
        process.stop(grace: .seconds(2))
    }
}
