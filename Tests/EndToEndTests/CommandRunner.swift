import Foundation
import Testing
import XMPPTestSupport

/// Runs the built `xmpp-onboard` (``TestPaths/tool``) with a private home directory.
struct CommandRunner {
    typealias Result = CommandResult

    /// Environment for the run: a private data home, `C` locale, and no inherited overrides.
    var environment: [String: String]

    init(home: URL, extra: [String: String] = [:]) {
        var environment = ["HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path, "LANG": "C"]
        if let path = ProcessInfo.processInfo.environment["PATH"] { environment["PATH"] = path }
        self.environment = environment.merging(extra) { $1 }
    }

    /// Runs the binary with `arguments` (stdin `/dev/null`), stdout and stderr captured through files.
    func run(_ arguments: [String]) throws -> Result {
        try TestPaths.runToolSynchronously(arguments, environment: environment)
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
