// The one way the tests find and run the built `xmpp-onboard`.
import Foundation
import Testing

extension TestPaths {
    /// The built `xmpp-onboard` binary (`swift build` puts it in `.build/debug`).
    public static var tool: URL { packageRoot.appendingPathComponent(".build/debug/xmpp-onboard") }

    /// The path of the built tool; fails the test with a hint when it has not been built.
    public static func requireTool(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(
            FileManager.default.isExecutableFile(atPath: tool.path), "build first: swift build (\(tool.path))",
            sourceLocation: sourceLocation)
        return tool.path
    }

    /// Runs the built tool with `arguments`; stdin from `input`; the test process's environment plus
    /// `environment`.
    public static func runTool(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) async throws -> CommandResult {
        try await Command.run(
            try requireTool(), arguments, input: input, extraEnvironment: environment, timeout: timeout)
    }

    /// Runs the built tool to completion, blocking: `input` bytes on stdin (else `/dev/null`), exactly
    /// `environment` as its environment, stdout and stderr captured through files.
    public static func runToolSynchronously(
        _ arguments: [String], input: Data? = nil, environment: [String: String], workingDirectory: URL? = nil,
        timeout: Duration = .seconds(120)
    ) throws -> CommandResult {
        try Command.runSynchronously(
            try requireTool(), arguments, inputBytes: input, environment: environment,
            workingDirectory: workingDirectory, timeout: timeout)
    }

    /// Runs the built tool on a pseudo-terminal (util-linux `script`): output arrives with `\r\n` line ends and
    /// stdout and stderr mixed. `environment` is the complete environment (TERM and SHELL default to
    /// `xterm-256color` and `/bin/sh`).
    public static func runToolOnTerminal(
        _ arguments: [String], environment: [String: String], timeout: Duration = .seconds(120)
    ) throws -> CommandResult {
        var terminalEnvironment = ["TERM": "xterm-256color", "SHELL": "/bin/sh"]
        terminalEnvironment.merge(environment) { $1 }
        return try Command.runSynchronously(
            "script", try scriptArguments(for: arguments), inputBytes: nil, environment: terminalEnvironment,
            timeout: timeout)
    }

    /// Arguments for `script(1)` that run the built tool with `arguments` on a pseudo-terminal.
    public static func scriptArguments(for arguments: [String]) throws -> [String] {
        let quoted = ([try requireTool()] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return ["-qefc", quoted.joined(separator: " "), "/dev/null"]
    }
}
