import Foundation
import Testing

/// Runs the built `xmpp-onboard` binary (`.build/debug/xmpp-onboard`, found from this file's path).
struct CommandRunner {
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL { repositoryRoot.appendingPathComponent(".build/debug/xmpp-onboard") }

    /// Environment for the run: a private data home, `C` locale, and no inherited overrides.
    var environment: [String: String]

    init(home: URL, extra: [String: String] = [:]) {
        var environment = ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path, "LANG": "C"]
        if let path = ProcessInfo.processInfo.environment["PATH"] { environment["PATH"] = path }
        self.environment = environment.merging(extra) { $1 }
    }

    /// Runs the binary with `arguments`, stdout and stderr captured through files (no pipe deadlock).
    func run(_ arguments: [String]) throws -> Result {
        let binary = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build first: \(binary.path)")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            standardOutput: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}

/// A Python `http.server` on 127.0.0.1 and a free port, serving one directory (404 for anything missing).
final class LoopbackHTTPServer {
    let port: Int
    private let process: Process
    private let input: Pipe

    init(serving directory: URL) throws {
        // The test runner's threads block signals and children inherit the mask: unblock SIGTERM, and also exit
        // when stdin closes, so the server never outlives the test.
        let script = """
            import functools, http.server, os, signal, sys, threading
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            def watch():
                sys.stdin.read()
                os._exit(0)
            threading.Thread(target=watch, daemon=True).start()
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory.path]
        let pipe = Pipe()
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
        self.process = process
        self.input = input
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}
