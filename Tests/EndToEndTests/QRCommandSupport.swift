import Foundation
import Testing

/// Runs the built `xmpp-onboard` and the image tools the `qr` and `links` tests check against.
enum QRCommandSupport {
    struct Result {
        var status: Int32
        var output: Data
        var errorOutput: String
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// `.build/debug/xmpp-onboard` in the package this file belongs to.
    static var binary: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // EndToEndTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent(".build/debug/xmpp-onboard")
    }

    /// Runs the tool with `arguments`, `stdin` bytes, and a clean environment plus `environment`.
    static func run(
        _ arguments: [String],
        stdin: Data? = nil,
        environment: [String: String] = [:],
        directory: URL? = nil
    ) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build first: swift build")
        return try execute(binary.path, arguments, stdin: stdin, environment: environment, directory: directory)
    }

    static func execute(
        _ executable: String,
        _ arguments: [String],
        stdin: Data? = nil,
        environment: [String: String] = [:],
        directory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var base = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "LANG": "C.UTF-8"]
        base.merge(environment) { $1 }
        process.environment = base
        if let directory { process.currentDirectoryURL = directory }
        // stderr goes to a file, so the child can never block on a full pipe while stdout is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        try errors.close()
        input.fileHandleForWriting.write(stdin ?? Data())
        try input.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return Result(
            status: process.terminationStatus,
            output: outputData,
            errorOutput: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Runs the tool with stdout and stderr on a pseudo-terminal (util-linux `script`); output arrives with
    /// `\r\n` line ends and both streams mixed.
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let quoted = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        var terminalEnvironment = ["TERM": "xterm-256color", "SHELL": "/bin/sh"]
        terminalEnvironment.merge(environment) { $1 }
        return try execute(
            try tool("script"), ["-qec", quoted.joined(separator: " "), "/dev/null"], environment: terminalEnvironment
        )
    }

    static func tool(_ name: String) throws -> String {
        let candidates = ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/bin/\(name)"]
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
            "\(name) is not installed (scripts/setup.sh installs it)"
        )
    }

    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("qr-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// What zbarimg reads from an image: raw bytes (`-Sbinary`) or text (newline removed).
    static func decode(imageAt path: String, binary: Bool = false) throws -> Data {
        let arguments = ["--raw", "-q"] + (binary ? ["-Sbinary"] : []) + [path]
        let result = try execute(try tool("zbarimg"), arguments)
        #expect(result.status == 0, "zbarimg: \(result.errorOutput)")
        var data = result.output
        if !binary && data.last == 0x0A { data.removeLast() }
        return data
    }

    static func rasterize(svgAt path: String, to pngPath: String) throws {
        let result = try execute(try tool("rsvg-convert"), ["--format=png", "--output=\(pngPath)", path])
        #expect(result.status == 0, "rsvg-convert: \(result.errorOutput)")
    }

    /// Turns an ASCII rendering (two characters per module; `#` = ink) into a binary PGM image zbarimg reads,
    /// 4 pixels per module, where ink is light unless `inkIsDark`.
    static func pgm(fromASCII text: String, inkIsDark: Bool) -> Data {
        let lines = text.split(separator: "\n").map(Array.init)
        let modules = lines.map { line in stride(from: 0, to: line.count, by: 2).map { line[$0] == "#" } }
        let scale = 4
        let width = (modules.first?.count ?? 0) * scale
        let height = modules.count * scale
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        for row in modules {
            let pixels = row.flatMap { ink in [UInt8](repeating: (ink == inkIsDark) ? 0 : 255, count: scale) }
            for _ in 0..<scale { data.append(contentsOf: pixels) }
        }
        return data
    }
}
