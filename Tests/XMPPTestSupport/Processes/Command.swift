// Running short commands (openssl, prosodyctl, erl) to completion with a time limit.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The outcome of a finished command.
public struct CommandResult: Sendable {
    /// Exit status (negative: killed by that signal).
    public let status: Int32
    /// Standard output as bytes (a command may write binary data, such as a PNG image).
    public let output: Data
    public let standardError: String

    /// Standard output as UTF-8 text (invalid bytes replaced).
    public var standardOutput: String { String(decoding: output, as: UTF8.self) }

    public var succeeded: Bool { status == 0 }
}

/// Runs a command to completion with its output captured through files and a bounded run time.
public enum Command {
    /// Runs `executable` (a path, or a name looked up on `PATH`) without blocking a thread while it runs.
    /// - Parameter input: written to the child's standard input (through a file, so any size is fine).
    /// - Throws: ``TestSupportError/executableNotFound(_:)``, ``TestSupportError/timedOut(_:)``.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        input: String? = nil,
        extraEnvironment: [String: String] = [:],
        workingDirectory: URL? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> CommandResult {
        let (child, files) = try start(
            executable, arguments, input.map { Data($0.utf8) }, nil, extraEnvironment, workingDirectory)
        defer { files.remove() }
        guard let status = await child.waitForExit(timeout: timeout) else {
            child.stop(grace: .milliseconds(200))
            throw TestSupportError.timedOut("\(child.commandLine.joined(separator: " ")) after \(timeout)")
        }
        return files.result(status: status)
    }

    /// Blocking variant for synchronous initializers (keep it to quick commands such as `openssl`).
    public static func runSynchronously(
        _ executable: String,
        _ arguments: [String],
        input: String? = nil,
        extraEnvironment: [String: String] = [:],
        workingDirectory: URL? = nil,
        timeout: Duration = .seconds(30)
    ) throws -> CommandResult {
        try runSynchronously(
            executable, arguments, inputBytes: input.map { Data($0.utf8) }, environment: nil,
            extraEnvironment: extraEnvironment, workingDirectory: workingDirectory, timeout: timeout)
    }

    /// Blocking variant with raw input bytes and, unless nil, the complete `environment` of the child.
    public static func runSynchronously(
        _ executable: String,
        _ arguments: [String],
        inputBytes: Data?,
        environment: [String: String]?,
        extraEnvironment: [String: String] = [:],
        workingDirectory: URL? = nil,
        timeout: Duration = .seconds(30)
    ) throws -> CommandResult {
        let (child, files) = try start(
            executable, arguments, inputBytes, environment, extraEnvironment, workingDirectory)
        defer { files.remove() }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var delay: UInt32 = 500
        while true {
            if let status = child.exitStatus { return files.result(status: status) }
            if clock.now >= deadline {
                child.stop(grace: .milliseconds(200))
                throw TestSupportError.timedOut("\(child.commandLine.joined(separator: " ")) after \(timeout)")
            }
            usleep(delay)
            delay = min(delay * 2, 20_000)
        }
    }

    /// Runs and throws ``TestSupportError/commandFailed(_:status:output:)`` unless the exit status is 0.
    @discardableResult
    public static func runChecked(
        _ executable: String,
        _ arguments: [String],
        input: String? = nil,
        extraEnvironment: [String: String] = [:],
        workingDirectory: URL? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> CommandResult {
        let result = try await run(executable, arguments, input: input, extraEnvironment: extraEnvironment,
                                   workingDirectory: workingDirectory, timeout: timeout)
        guard result.succeeded else {
            throw TestSupportError.commandFailed(
                ([executable] + arguments).joined(separator: " "), status: result.status,
                output: result.standardOutput + result.standardError)
        }
        return result
    }

    private struct CapturedFiles {
        let directory: URL
        var input: URL { directory.appendingPathComponent("stdin") }
        var output: URL { directory.appendingPathComponent("stdout") }
        var error: URL { directory.appendingPathComponent("stderr") }

        func result(status: Int32) -> CommandResult {
            CommandResult(
                status: status,
                output: (try? Data(contentsOf: output)) ?? Data(),
                standardError: String(decoding: (try? Data(contentsOf: error)) ?? Data(), as: UTF8.self))
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    private static func start(
        _ executable: String, _ arguments: [String], _ input: Data?, _ environment: [String: String]?,
        _ extraEnvironment: [String: String], _ workingDirectory: URL?
    ) throws -> (ChildProcess, CapturedFiles) {
        guard let path = ExecutableLocator.path(for: executable) else {
            throw TestSupportError.executableNotFound(executable)
        }
        let files = CapturedFiles(directory: try TestDirectories.makeUnique(prefix: "cmd"))
        var stdin = ChildProcess.Input.null
        if let input {
            try input.write(to: files.input)
            stdin = .file(files.input)
        }
        do {
            let child = try ChildProcess.spawn(
                executable: path, arguments: arguments, environment: environment, extraEnvironment: extraEnvironment,
                workingDirectory: workingDirectory, input: stdin, standardOutput: files.output,
                standardError: files.error)
            return (child, files)
        } catch {
            files.remove()
            throw error
        }
    }
}
