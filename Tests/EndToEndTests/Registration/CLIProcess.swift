import Foundation
import Testing
import XMPPTestSupport

/// The built `xmpp-onboard` running as a child with its standard input kept open, so a test can answer while
/// it runs (a CAPTCHA is only knowable after the command fetched the form). Output is collected on a
/// background thread; `onTerminal` runs it under `script(1)`, on a pseudo-terminal (stdout and stderr mixed,
/// `\r\n` line ends, prompts on `/dev/tty`).
final class CLIProcess: @unchecked Sendable {
    // @unchecked: the buffers are only touched under `lock`; `process` and the pipes are set once in init.
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var outputBytes = Data()
    private var errorBytes = Data()
    private var finishedReaders = 0

    init(_ arguments: [String], onTerminal: Bool = false, environment: [String: String] = [:]) throws {
        let binary = try TestPaths.requireTool()
        var base = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "LANG": "C.UTF-8"]
        if onTerminal {
            base["TERM"] = "xterm-256color"
            base["SHELL"] = "/bin/sh"
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = try TestPaths.scriptArguments(for: arguments)
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        base.merge(environment) { $1 }
        process.environment = base
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        startReading(output.fileHandleForReading, isErrors: false)
        startReading(errors.fileHandleForReading, isErrors: true)
    }

    private func startReading(_ handle: FileHandle, isErrors: Bool) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                lock.lock()
                if chunk.isEmpty {
                    finishedReaders += 1
                    lock.unlock()
                    return
                }
                if isErrors { errorBytes.append(chunk) } else { outputBytes.append(chunk) }
                lock.unlock()
            }
        }
        thread.start()
    }

    var standardOutput: String { lock.withLock { String(decoding: outputBytes, as: UTF8.self) } }
    var standardError: String { lock.withLock { String(decoding: errorBytes, as: UTF8.self) } }

    /// Waits until stdout (or, with `inErrors`, stderr) contains `text`; returns everything so far.
    @discardableResult
    func waitFor(_ text: String, inErrors: Bool = false, timeout: Duration = .seconds(60)) async throws -> String {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            let current = inErrors ? standardError : standardOutput
            if current.contains(text) { return current }
            if !process.isRunning && lock.withLock({ finishedReaders == 2 }) { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("no “\(text)” in time; stdout: \(standardOutput)\nstderr: \(standardError)")
        throw CancellationError()
    }

    /// Writes `line` and a newline to the child's standard input.
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the exit (bounded; the child is killed after `timeout`) and returns the status.
    func waitForExit(timeout: Duration = .seconds(90)) async -> Int32 {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            process.terminate()
            Issue.record("xmpp-onboard did not exit in time")
        }
        process.waitUntilExit()
        // The pipes reach end-of-file once no process holds their write ends; bounded in case one leaked.
        let readersDeadline = ContinuousClock.now.advanced(by: .seconds(10))
        while lock.withLock({ finishedReaders < 2 }) && ContinuousClock.now < readersDeadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        if lock.withLock({ finishedReaders < 2 }) { Issue.record("the output pipes stayed open after the exit") }
        return process.terminationStatus
    }

    /// Runs to completion with `stdin` and returns status, stdout and stderr.
    static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:]
    ) async throws -> (status: Int32, output: String, errors: String) {
        let child = try CLIProcess(arguments, environment: environment)
        child.input.fileHandleForWriting.write(Data(stdin.utf8))
        child.closeInput()
        let status = await child.waitForExit()
        return (status, child.standardOutput, child.standardError)
    }
}
